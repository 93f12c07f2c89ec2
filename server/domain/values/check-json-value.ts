import type { RowValue } from '../../../contracts/fixture.js';
import type { AttributeRule } from './attribute-rule.js';
import { decodeCategories, encodeCategories } from './category-set.js';
import type { ValueCheck } from './check-value.js';
import { compileValueChecker } from './check-value.js';

/**
 * Checks a value given as JSON (seeding, added rows) with the very rules an import applies to a CSV
 * cell: `null` is an empty cell, numbers and booleans are read as their text, and a SIMPLE
 * segmentation also takes a list of categories, each checked as a cell.
 */
export function compileJsonValueChecker(rule: AttributeRule): (value: RowValue) => ValueCheck {
  const check = compileValueChecker(rule);
  const declared = rule.restriction.acceptedValues ?? [];
  return (value) => {
    if (!Array.isArray(value)) return check(value === null ? '' : String(value));
    if (rule.kind !== 'CATEGORY_SET') {
      return {
        ok: false,
        code: 'VALUE_NOT_ACCEPTED',
        message: `a list of values is accepted only for a SIMPLE segmentation; ${rule.name} takes one value`,
      };
    }
    const held = new Set<string>();
    for (const category of value) {
      const checked = check(category);
      if (!checked.ok) return checked;
      if (typeof checked.value === 'string') for (const c of decodeCategories(checked.value)) held.add(c);
    }
    return {
      ok: true,
      value: held.size === 0 ? null : encodeCategories(declared.filter((c) => held.has(c))),
    };
  };
}
