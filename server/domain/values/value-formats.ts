import type { ValueKind } from './attribute-rule.js';
import type { ValueErrorCode } from './check-value.js';
import { parseDate, parseDateTime } from './parse-date.js';
import { parseEmail } from './parse-email.js';
import { parseInteger, parseNumber } from './parse-number.js';
import { parsePhone } from './parse-phone.js';
import { BOOLEAN_WORDS, COUNTRY_WORDS, LANGUAGE_WORDS, SEX_WORDS, type Vocabulary } from './vocabulary.js';

/** How one typed kind reads a raw value, and what to tell the sender when it cannot. */
export interface ValueFormat {
  /** The canonical stored string, or `undefined` when `raw` is not a value of this kind. */
  parse: (raw: string) => string | undefined;
  code: ValueErrorCode;
  /** Completes `"<value>" is not a valid <noun>; expected <expected>`. */
  noun: string;
  expected: string;
}

const lookup =
  (words: Vocabulary) =>
  (raw: string): string | undefined =>
    words.get(raw);

/** Kinds with no format: any text is one, only their restriction (length, accepted values) can reject it. */
export type FreeTextKind = 'STRING' | 'CATEGORY' | 'CATEGORY_SET';

export const VALUE_FORMATS: Readonly<Record<Exclude<ValueKind, FreeTextKind>, ValueFormat>> = {
  INTEGER: {
    parse: parseInteger,
    code: 'INVALID_INTEGER',
    noun: 'integer',
    expected: `digits with an optional sign, between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
  },
  NUMBER: {
    parse: parseNumber,
    code: 'INVALID_NUMBER',
    noun: 'number',
    expected: 'digits with an optional sign and "." as the decimal separator, like -12.5',
  },
  BOOLEAN: {
    parse: lookup(BOOLEAN_WORDS),
    code: 'INVALID_BOOLEAN',
    noun: 'boolean',
    expected: 'TRUE, FALSE, 1, 0, Y or N',
  },
  DATE: { parse: parseDate, code: 'INVALID_DATE', noun: 'date', expected: 'yyyy-MM-dd' },
  DATE_TIME: {
    parse: parseDateTime,
    code: 'INVALID_DATE_TIME',
    noun: 'date-time',
    expected: 'yyyy-MM-dd HH:mm:ss',
  },
  EMAIL: {
    parse: parseEmail,
    code: 'INVALID_EMAIL',
    noun: 'email address',
    expected: 'an address like name@example.com',
  },
  PHONE: {
    parse: parsePhone,
    code: 'INVALID_PHONE_NUMBER',
    noun: 'phone number',
    expected: 'an international number, + then 8 to 15 digits, like +3210458514',
  },
  LANGUAGE: {
    parse: lookup(LANGUAGE_WORDS),
    code: 'INVALID_LANGUAGE',
    noun: 'language',
    expected: 'a two-letter ISO 639-1 code, like FR',
  },
  COUNTRY: {
    parse: lookup(COUNTRY_WORDS),
    code: 'INVALID_COUNTRY',
    noun: 'country',
    expected: 'a two-letter ISO 3166-1 alpha-2 code, like BE',
  },
  SEX: { parse: lookup(SEX_WORDS), code: 'INVALID_SEX', noun: 'sex', expected: 'M or F' },
  SUBSCRIPTION: {
    parse: lookup(BOOLEAN_WORDS),
    code: 'INVALID_BOOLEAN',
    noun: 'subscription value',
    expected: 'TRUE, FALSE, 1, 0, Y or N (an empty value leaves the subscription unchanged)',
  },
};
