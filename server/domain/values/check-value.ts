import type { AttributeRule } from './attribute-rule.js';
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

/** `value` is the canonical stored string; `null` means the cell was empty (nothing is stored). */
export type ValueCheck =
  | { ok: true; value: string | null }
  | { ok: false; code: ValueErrorCode; message: string };

/** Shared, frozen: an empty cell is common and needs no allocation. */
const EMPTY: ValueCheck = Object.freeze({ ok: true, value: null });

/**
 * Compiles the checks of one attribute into a closure, once per import: the per-value path then does
 * no lookups on the rule, and allocates only its result (or nothing, for an empty cell).
 */
export function compileValueChecker(rule: AttributeRule): (raw: string) => ValueCheck {
  const empty = rule.mandatory ? missingValue(rule.name) : EMPTY;
  const format: ValueFormat | undefined = rule.kind === 'STRING' ? undefined : VALUE_FORMATS[rule.kind];
  const restrict = compileRestriction(rule.restriction);
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
