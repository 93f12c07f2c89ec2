import { expect, it } from 'vitest';
import type { AttributeRule, ValueKind } from './attribute-rule.js';
import { compileValueChecker, type ValueErrorCode } from './check-value.js';

const rule = (kind: ValueKind, overrides: Partial<AttributeRule> = {}): AttributeRule => ({
  name: 'attribute',
  kind,
  mandatory: false,
  unique: false,
  restriction: kind === 'STRING' ? { maxLength: 255 } : {},
  ...overrides,
});

const check = (kind: ValueKind, raw: string) => compileValueChecker(rule(kind))(raw);

/** [kind, raw, canonical stored value] */
const VALID: [ValueKind, string, string][] = [
  ['STRING', 'hello', 'hello'],
  ['STRING', ' kept as is ', ' kept as is '],
  ['STRING', 'x'.repeat(255), 'x'.repeat(255)],
  ['STRING', '😀'.repeat(255), '😀'.repeat(255)],
  ['INTEGER', '42', '42'],
  ['INTEGER', '007', '7'],
  ['INTEGER', '+15', '15'],
  ['INTEGER', '-15', '-15'],
  ['INTEGER', '-0', '0'],
  ['INTEGER', '9007199254740991', '9007199254740991'],
  ['INTEGER', '-9007199254740991', '-9007199254740991'],
  ['NUMBER', '12', '12'],
  ['NUMBER', '12.50', '12.50'],
  ['NUMBER', '+0.5', '0.5'],
  ['NUMBER', '-3.14159', '-3.14159'],
  ['BOOLEAN', 'TRUE', 'TRUE'],
  ['BOOLEAN', 'true', 'TRUE'],
  ['BOOLEAN', 'True', 'TRUE'],
  ['BOOLEAN', '1', 'TRUE'],
  ['BOOLEAN', 'y', 'TRUE'],
  ['BOOLEAN', 'FALSE', 'FALSE'],
  ['BOOLEAN', 'fAlSe', 'FALSE'],
  ['BOOLEAN', '0', 'FALSE'],
  ['BOOLEAN', 'N', 'FALSE'],
  ['DATE', '2024-02-29', '2024-02-29'],
  ['DATE', '2000-02-29', '2000-02-29'],
  ['DATE', '1999-12-31', '1999-12-31'],
  ['DATE', '0001-01-01', '0001-01-01'],
  ['DATE_TIME', '2024-02-29 23:59:59', '2024-02-29 23:59:59'],
  ['DATE_TIME', '2023-01-01 00:00:00', '2023-01-01 00:00:00'],
  ['EMAIL', 'john.doe@example.com', 'john.doe@example.com'],
  ['EMAIL', 'John.Doe+news@Example.COM', 'John.Doe+news@example.com'],
  ['EMAIL', "o'brien_{x}@mail.example.co.uk", "o'brien_{x}@mail.example.co.uk"],
  ['EMAIL', 'a@b-c.xn--p1ai', 'a@b-c.xn--p1ai'],
  ['PHONE', '+3210458514', '+3210458514'],
  ['PHONE', '+32 10 45 85 14', '+3210458514'],
  ['PHONE', '+1 (555) 123-4567', '+15551234567'],
  ['PHONE', '+33.6.12.34.56.78', '+33612345678'],
  ['PHONE', '+12345678', '+12345678'],
  ['PHONE', '+123456789012345', '+123456789012345'],
  ['LANGUAGE', 'FR', 'FR'],
  ['LANGUAGE', 'fr', 'FR'],
  ['LANGUAGE', 'nL', 'NL'],
  ['COUNTRY', 'BE', 'BE'],
  ['COUNTRY', 'be', 'BE'],
  ['COUNTRY', 'Gb', 'GB'],
  ['SEX', 'M', 'M'],
  ['SEX', 'f', 'F'],
];

/** [kind, raw, error code] */
const INVALID: [ValueKind, string, ValueErrorCode][] = [
  ['STRING', 'x'.repeat(256), 'VALUE_TOO_LONG'],
  ['INTEGER', '12.0', 'INVALID_INTEGER'],
  ['INTEGER', '1e3', 'INVALID_INTEGER'],
  ['INTEGER', ' 12', 'INVALID_INTEGER'],
  ['INTEGER', '+', 'INVALID_INTEGER'],
  ['INTEGER', '-', 'INVALID_INTEGER'],
  ['INTEGER', '0x1A', 'INVALID_INTEGER'],
  ['INTEGER', '١٢', 'INVALID_INTEGER'],
  ['INTEGER', '9007199254740992', 'INVALID_INTEGER'],
  ['INTEGER', '1 000', 'INVALID_INTEGER'],
  ['NUMBER', '1,5', 'INVALID_NUMBER'],
  ['NUMBER', '1.5e3', 'INVALID_NUMBER'],
  ['NUMBER', '1,000.5', 'INVALID_NUMBER'],
  ['NUMBER', '.5', 'INVALID_NUMBER'],
  ['NUMBER', '5.', 'INVALID_NUMBER'],
  ['NUMBER', '1.2.3', 'INVALID_NUMBER'],
  ['NUMBER', 'NaN', 'INVALID_NUMBER'],
  ['NUMBER', 'Infinity', 'INVALID_NUMBER'],
  ['NUMBER', '9'.repeat(400), 'INVALID_NUMBER'],
  ['BOOLEAN', 'yes', 'INVALID_BOOLEAN'],
  ['BOOLEAN', 'T', 'INVALID_BOOLEAN'],
  ['BOOLEAN', '2', 'INVALID_BOOLEAN'],
  ['BOOLEAN', 'TRUE ', 'INVALID_BOOLEAN'],
  ['DATE', '2023-02-29', 'INVALID_DATE'],
  ['DATE', '1900-02-29', 'INVALID_DATE'],
  ['DATE', '2023-02-30', 'INVALID_DATE'],
  ['DATE', '2023-04-31', 'INVALID_DATE'],
  ['DATE', '2023-13-01', 'INVALID_DATE'],
  ['DATE', '2023-00-10', 'INVALID_DATE'],
  ['DATE', '2023-01-00', 'INVALID_DATE'],
  ['DATE', '0000-01-01', 'INVALID_DATE'],
  ['DATE', '2023-1-5', 'INVALID_DATE'],
  ['DATE', '05/01/2023', 'INVALID_DATE'],
  ['DATE', '2023/01/05', 'INVALID_DATE'],
  ['DATE', '2023-01-05 10:00:00', 'INVALID_DATE'],
  ['DATE', '2023-0a-05', 'INVALID_DATE'],
  ['DATE_TIME', '2023-01-05', 'INVALID_DATE_TIME'],
  ['DATE_TIME', '2023-01-05T10:00:00', 'INVALID_DATE_TIME'],
  ['DATE_TIME', '2023-01-05 24:00:00', 'INVALID_DATE_TIME'],
  ['DATE_TIME', '2023-01-05 10:60:00', 'INVALID_DATE_TIME'],
  ['DATE_TIME', '2023-01-05 10:00:60', 'INVALID_DATE_TIME'],
  ['DATE_TIME', '2023-02-29 10:00:00', 'INVALID_DATE_TIME'],
  ['DATE_TIME', '2023-01-05 10:00', 'INVALID_DATE_TIME'],
  ['EMAIL', 'plainaddress', 'INVALID_EMAIL'],
  ['EMAIL', '@example.com', 'INVALID_EMAIL'],
  ['EMAIL', 'john@', 'INVALID_EMAIL'],
  ['EMAIL', 'john@example', 'INVALID_EMAIL'],
  ['EMAIL', 'john@@example.com', 'INVALID_EMAIL'],
  ['EMAIL', 'john@doe@example.com', 'INVALID_EMAIL'],
  ['EMAIL', 'john doe@example.com', 'INVALID_EMAIL'],
  ['EMAIL', 'john@exa mple.com', 'INVALID_EMAIL'],
  ['EMAIL', '.john@example.com', 'INVALID_EMAIL'],
  ['EMAIL', 'john.@example.com', 'INVALID_EMAIL'],
  ['EMAIL', 'jo..hn@example.com', 'INVALID_EMAIL'],
  ['EMAIL', 'john@-example.com', 'INVALID_EMAIL'],
  ['EMAIL', 'john@example-.com', 'INVALID_EMAIL'],
  ['EMAIL', 'john@example..com', 'INVALID_EMAIL'],
  ['EMAIL', 'john@example.c', 'INVALID_EMAIL'],
  ['EMAIL', 'john@example.c0m', 'INVALID_EMAIL'],
  ['EMAIL', 'john@[127.0.0.1]', 'INVALID_EMAIL'],
  ['EMAIL', `${'a'.repeat(65)}@example.com`, 'INVALID_EMAIL'],
  ['EMAIL', `john@${'a'.repeat(64)}.com`, 'INVALID_EMAIL'],
  ['EMAIL', `john@${'abcdefghi.'.repeat(25)}com`, 'INVALID_EMAIL'],
  ['EMAIL', 'jöhn@example.com', 'INVALID_EMAIL'],
  ['PHONE', '3210458514', 'INVALID_PHONE_NUMBER'],
  ['PHONE', '0032 10 45 85 14', 'INVALID_PHONE_NUMBER'],
  ['PHONE', '+1234567', 'INVALID_PHONE_NUMBER'],
  ['PHONE', '+1234567890123456', 'INVALID_PHONE_NUMBER'],
  ['PHONE', '+0123456789', 'INVALID_PHONE_NUMBER'],
  ['PHONE', '+32 10 45 85 14 ext 2', 'INVALID_PHONE_NUMBER'],
  ['PHONE', '+32/10458514', 'INVALID_PHONE_NUMBER'],
  ['PHONE', '++3210458514', 'INVALID_PHONE_NUMBER'],
  ['LANGUAGE', 'XX', 'INVALID_LANGUAGE'],
  ['LANGUAGE', 'fra', 'INVALID_LANGUAGE'],
  ['LANGUAGE', 'F', 'INVALID_LANGUAGE'],
  ['LANGUAGE', 'fr-BE', 'INVALID_LANGUAGE'],
  ['LANGUAGE', 'IW', 'INVALID_LANGUAGE'],
  ['COUNTRY', 'UK', 'INVALID_COUNTRY'],
  ['COUNTRY', 'EU', 'INVALID_COUNTRY'],
  ['COUNTRY', 'XK', 'INVALID_COUNTRY'],
  ['COUNTRY', 'BEL', 'INVALID_COUNTRY'],
  ['COUNTRY', 'ZZ', 'INVALID_COUNTRY'],
  ['SEX', 'X', 'INVALID_SEX'],
  ['SEX', 'male', 'INVALID_SEX'],
  ['SEX', 'MF', 'INVALID_SEX'],
];

it.each(VALID)('accepts %s %j and stores %j', (kind, raw, canonical) => {
  expect(check(kind, raw)).toEqual({ ok: true, value: canonical });
});

it.each(INVALID)('rejects %s %j with %s', (kind, raw, code) => {
  expect(check(kind, raw)).toMatchObject({ ok: false, code });
});

it.each<ValueKind>([
  'STRING',
  'INTEGER',
  'NUMBER',
  'BOOLEAN',
  'DATE',
  'DATE_TIME',
  'EMAIL',
  'PHONE',
  'LANGUAGE',
  'COUNTRY',
  'SEX',
])('stores nothing for an empty optional %s', (kind) => {
  expect(check(kind, '')).toEqual({ ok: true, value: null });
});

it('rejects an empty mandatory value and names the attribute', () => {
  const checker = compileValueChecker(rule('EMAIL', { name: 'emailAddress', mandatory: true }));
  expect(checker('')).toEqual({
    ok: false,
    code: 'MANDATORY_VALUE_MISSING',
    message: 'A value is mandatory for emailAddress; the cell is empty',
  });
});

it.each<[ValueKind, string, string]>([
  ['DATE', '2023-02-30', '"2023-02-30" is not a valid date; expected yyyy-MM-dd'],
  ['DATE_TIME', '2023-02-03', '"2023-02-03" is not a valid date-time; expected yyyy-MM-dd HH:mm:ss'],
  ['BOOLEAN', 'yes', '"yes" is not a valid boolean; expected TRUE, FALSE, 1, 0, Y or N'],
  ['SEX', 'X', '"X" is not a valid sex; expected M or F'],
  ['LANGUAGE', 'xx', '"xx" is not a valid language; expected a two-letter ISO 639-1 code, like FR'],
  ['COUNTRY', 'UK', '"UK" is not a valid country; expected a two-letter ISO 3166-1 alpha-2 code, like BE'],
  [
    'PHONE',
    '0470 12 34 56',
    '"0470 12 34 56" is not a valid phone number; expected an international number, + then 8 to 15 digits, like +3210458514',
  ],
  ['EMAIL', 'john@', '"john@" is not a valid email address; expected an address like name@example.com'],
  [
    'NUMBER',
    '1,5',
    '"1,5" is not a valid number; expected digits with an optional sign and "." as the decimal separator, like -12.5',
  ],
  [
    'INTEGER',
    '1.5',
    '"1.5" is not a valid integer; expected digits with an optional sign, between -9007199254740991 and 9007199254740991',
  ],
])('explains an invalid %s value in a sentence', (kind, raw, message) => {
  expect(check(kind, raw)).toMatchObject({ ok: false, message });
});

it('escapes and shortens the quoted value in a message', () => {
  const result = check('INTEGER', `"${'9'.repeat(100)}\n`);
  expect(result.ok ? '' : result.message).toMatch(/^"\\"9{59}"… is not a valid integer/);
});

it('rejects a string longer than maxLength, counting characters rather than UTF-16 units', () => {
  const checker = compileValueChecker(rule('STRING', { restriction: { maxLength: 3 } }));
  expect(checker('😀😀😀')).toEqual({ ok: true, value: '😀😀😀' });
  expect(checker('abcd')).toEqual({
    ok: false,
    code: 'VALUE_TOO_LONG',
    message: '"abcd" is 4 characters long; expected at most 3 characters',
  });
});

it('rejects a string shorter than minLength', () => {
  const checker = compileValueChecker(rule('STRING', { restriction: { minLength: 2, maxLength: 20 } }));
  expect(checker('ab')).toEqual({ ok: true, value: 'ab' });
  expect(checker('😀')).toEqual({
    ok: false,
    code: 'VALUE_TOO_SHORT',
    message: '"😀" is 1 character long; expected at least 2 characters',
  });
});

it('accepts only listed values, matched exactly', () => {
  const checker = compileValueChecker(
    rule('STRING', { restriction: { maxLength: 255, acceptedValues: ['NEW', 'SHIPPED', 'CANCELED'] } }),
  );
  expect(checker('SHIPPED')).toEqual({ ok: true, value: 'SHIPPED' });
  expect(checker('shipped')).toEqual({
    ok: false,
    code: 'VALUE_NOT_ACCEPTED',
    message: '"shipped" is not accepted; expected one of "NEW", "SHIPPED", "CANCELED"',
  });
});

it('compares accepted values with the canonical form of a typed value', () => {
  const checker = compileValueChecker(rule('COUNTRY', { restriction: { acceptedValues: ['BE', 'FR'] } }));
  expect(checker('be')).toEqual({ ok: true, value: 'BE' });
  expect(checker('NL')).toMatchObject({ ok: false, code: 'VALUE_NOT_ACCEPTED' });
});

it('cuts a long accepted-values list in the message', () => {
  const values = Array.from({ length: 12 }, (_, i) => `V${i}`);
  const checker = compileValueChecker(rule('STRING', { restriction: { acceptedValues: values } }));
  const result = checker('X');
  expect(result.ok ? '' : result.message).toBe(
    '"X" is not accepted; expected one of "V0", "V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", … (12 values)',
  );
});

it('never cuts an emoji in half when shortening a quoted value', () => {
  const result = compileValueChecker(rule('STRING', { restriction: { maxLength: 40 } }))(
    `${'a'.repeat(59)}${'😀'.repeat(5)}`,
  );
  expect(result.ok ? '' : result.message).toMatch(/^"a{59}"… is 64 characters long/);
});
