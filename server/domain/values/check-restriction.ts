import type { AttributeRule } from './attribute-rule.js';
import type { ValueCheck } from './check-value.js';
import { quoteValue } from './quote-value.js';

type Failure = Extract<ValueCheck, { ok: false }>;
/** `undefined` when the value passes. */
export type RestrictionCheck = (value: string) => Failure | undefined;

/** Accepted values listed in full in a message up to this many; longer lists are cut. */
const MAX_LISTED_VALUES = 10;

/**
 * Compiles a value restriction once per attribute. Returns `undefined` when there is nothing to check,
 * so unrestricted attributes pay nothing per value.
 */
export function compileRestriction(restriction: AttributeRule['restriction']): RestrictionCheck | undefined {
  const { minLength = 0, maxLength = Number.POSITIVE_INFINITY, acceptedValues } = restriction;
  const accepted = acceptedValues === undefined ? undefined : new Set(acceptedValues);
  const listed = accepted === undefined ? '' : listValues(acceptedValues ?? []);
  if (minLength <= 0 && maxLength === Number.POSITIVE_INFINITY && accepted === undefined) return undefined;
  return (value) => {
    if (value.length > maxLength || value.length < 2 * minLength) {
      const length = codePointLength(value);
      if (length > maxLength) return tooLong(value, length, maxLength);
      if (length < minLength) return tooShort(value, length, minLength);
    }
    if (accepted !== undefined && !accepted.has(value)) {
      return {
        ok: false,
        code: 'VALUE_NOT_ACCEPTED',
        message: `${quoteValue(value)} is not accepted; expected ${listed}`,
      };
    }
    return undefined;
  };
}

/**
 * Lengths count characters as a person does (code points), not UTF-16 units: an emoji is one
 * character. Only computed when `.length` alone cannot decide, since a code point is one or two units.
 */
function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

const characters = (count: number): string => (count === 1 ? '1 character' : `${count} characters`);

function tooLong(value: string, length: number, maxLength: number): Failure {
  return {
    ok: false,
    code: 'VALUE_TOO_LONG',
    message: `${quoteValue(value)} is ${characters(length)} long; expected at most ${characters(maxLength)}`,
  };
}

function tooShort(value: string, length: number, minLength: number): Failure {
  return {
    ok: false,
    code: 'VALUE_TOO_SHORT',
    message: `${quoteValue(value)} is ${characters(length)} long; expected at least ${characters(minLength)}`,
  };
}

function listValues(values: readonly string[]): string {
  const quoted = values.slice(0, MAX_LISTED_VALUES).map((value) => quoteValue(value));
  if (values.length > MAX_LISTED_VALUES) return `one of ${quoted.join(', ')}, … (${values.length} values)`;
  return values.length === 1 ? (quoted[0] as string) : `one of ${quoted.join(', ')}`;
}
