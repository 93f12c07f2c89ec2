import type { AttributeRule, ValueKind } from './attribute-rule.js';
import { encodeCategories } from './category-set.js';
import { compileRestriction } from './check-restriction.js';
import { quoteValue } from './quote-value.js';
import { VALUE_FORMATS, type ValueFormat } from './value-formats.js';

export type ValueErrorCode =
  | 'MANDATORY_VALUE_MISSING'
  | 'VALUE_TOO_LONG'
  | 'VALUE_TOO_SHORT'
  | 'VALUE_NOT_ACCEPTED'
  | 'INVALID_INTEGER'
  | 'INVALID_NUMBER'
  | 'INVALID_BOOLEAN'
  | 'INVALID_DATE'
  | 'INVALID_DATE_TIME'
  | 'INVALID_EMAIL'
  | 'INVALID_PHONE_NUMBER'
  | 'INVALID_LANGUAGE'
  | 'INVALID_COUNTRY'
  | 'INVALID_SEX';

/**
 * `value` is the canonical stored string; `null` means the cell was empty (nothing is stored);
 * `undefined` means the value leaves what is stored unchanged (an empty subscription cell).
 */
export type ValueCheck =
  | { ok: true; value: string | null | undefined }
  | { ok: false; code: ValueErrorCode; message: string };

/** Shared, frozen: an empty cell is common and needs no allocation. */
const EMPTY: ValueCheck = Object.freeze({ ok: true, value: null });
const UNCHANGED: ValueCheck = Object.freeze({ ok: true, value: undefined });

/** Kinds where an empty cell leaves the profile as it is (modelled): a subscription, a segmentation. */
const EMPTY_LEAVES_UNCHANGED: ReadonlySet<ValueKind> = new Set(['SUBSCRIPTION', 'CATEGORY', 'CATEGORY_SET']);

/**
 * Compiles the checks of one attribute into a closure, once per import: the per-value path then does
 * no lookups on the rule, and allocates only its result (or nothing, for an empty cell).
 */
export function compileValueChecker(rule: AttributeRule): (raw: string) => ValueCheck {
  const empty = rule.mandatory
    ? missingValue(rule.name)
    : EMPTY_LEAVES_UNCHANGED.has(rule.kind)
      ? UNCHANGED
      : EMPTY;
  const format: ValueFormat | undefined =
    rule.kind === 'STRING' || rule.kind === 'CATEGORY' || rule.kind === 'CATEGORY_SET'
      ? undefined
      : VALUE_FORMATS[rule.kind];
  const restrict = compileRestriction(rule.restriction);
  if (rule.kind === 'CATEGORY_SET') {
    // One category, stored as the set holding it: the table adds it to what the profile has.
    return (raw) => (raw === '' ? empty : (restrict?.(raw) ?? { ok: true, value: encodeCategories([raw]) }));
  }
  return (raw) => {
    if (raw === '') return empty;
    let value = raw;
    if (format !== undefined) {
      const parsed = format.parse(raw);
      if (parsed === undefined) return invalidValue(format, raw);
      value = parsed;
    }
    return restrict?.(value) ?? { ok: true, value };
  };
}

function missingValue(name: string): ValueCheck {
  return Object.freeze({
    ok: false,
    code: 'MANDATORY_VALUE_MISSING',
    message: `A value is mandatory for ${name}; the cell is empty`,
  });
}

function invalidValue(format: ValueFormat, raw: string): ValueCheck {
  return {
    ok: false,
    code: format.code,
    message: `${quoteValue(raw)} is not a valid ${format.noun}; expected ${format.expected}`,
  };
}
