import { expect, it } from 'vitest';
import type { CustomAttribute, ProfileAttribute, ValueType } from '../../../contracts/tables.js';
import { ruleForCustomAttribute, ruleForProfileAttribute, type ValueKind } from './attribute-rule.js';

const profileAttribute = (
  overrides: Partial<ProfileAttribute> & Pick<ProfileAttribute, 'type'>,
): ProfileAttribute => ({
  name: 'attribute',
  unique: false,
  mandatory: false,
  ...overrides,
});

const customAttribute = (overrides: Partial<CustomAttribute>): CustomAttribute => ({
  name: 'column',
  valueType: 'STRING',
  mandatory: false,
  unique: false,
  ...overrides,
});

it.each<[ProfileAttribute['type'], ValueKind]>([
  ['EMAIL_ADDRESS', 'EMAIL'],
  ['FIRSTNAME', 'STRING'],
  ['LASTNAME', 'STRING'],
  ['MOTHER_LANGUAGE', 'LANGUAGE'],
  ['BIRTHDATE', 'DATE'],
  ['SEX', 'SEX'],
  ['PHONE_NUMBER', 'PHONE'],
  ['ADDRESS_COUNTRY', 'COUNTRY'],
  ['ADDRESS_STREET', 'STRING'],
  ['ADDRESS_NUMBER', 'STRING'],
  ['ADDRESS_BOX', 'STRING'],
  ['ADDRESS_POSTAL_CODE', 'STRING'],
  ['ADDRESS_LOCALITY', 'STRING'],
])('maps the %s profile attribute to the %s kind', (type, kind) => {
  expect(ruleForProfileAttribute(profileAttribute({ type }))?.kind).toBe(kind);
});

it('returns no rule for a TECHNICAL profile attribute', () => {
  expect(ruleForProfileAttribute(profileAttribute({ type: 'TECHNICAL', name: 'profileId' }))).toBeNull();
});

it('maps a CUSTOM profile attribute by its valueType', () => {
  const rule = ruleForProfileAttribute(profileAttribute({ type: 'CUSTOM', valueType: 'TIMESTAMP' }));
  expect(rule?.kind).toBe('DATE_TIME');
});

it('treats a CUSTOM profile attribute without valueType as a string', () => {
  expect(ruleForProfileAttribute(profileAttribute({ type: 'CUSTOM' }))?.kind).toBe('STRING');
});

it('keeps the name, mandatory and unique flags of a profile attribute', () => {
  const rule = ruleForProfileAttribute(
    profileAttribute({ type: 'EMAIL_ADDRESS', name: 'emailAddress', unique: true, mandatory: true }),
  );
  expect(rule).toEqual({
    name: 'emailAddress',
    kind: 'EMAIL',
    mandatory: true,
    unique: true,
    restriction: {},
  });
});

it('caps a typed string profile attribute at 255 characters', () => {
  expect(ruleForProfileAttribute(profileAttribute({ type: 'FIRSTNAME' }))?.restriction).toEqual({
    maxLength: 255,
  });
});

it.each<[ValueType, ValueKind]>([
  ['STRING', 'STRING'],
  ['TEXT', 'STRING'],
  ['INTEGER', 'INTEGER'],
  ['NUMBER', 'NUMBER'],
  ['BOOLEAN', 'BOOLEAN'],
  ['DATE', 'DATE'],
  ['DATE_TIME', 'DATE_TIME'],
  ['TIMESTAMP', 'DATE_TIME'],
  ['EMAIL_ADDRESS', 'EMAIL'],
  ['PHONE_NUMBER', 'PHONE'],
  ['LANGUAGE', 'LANGUAGE'],
  ['COUNTRY', 'COUNTRY'],
])('maps the %s custom value type to the %s kind', (valueType, kind) => {
  expect(ruleForCustomAttribute(customAttribute({ valueType })).kind).toBe(kind);
});

it('narrows a custom string column to a smaller maxLength and keeps minLength', () => {
  const rule = ruleForCustomAttribute(customAttribute({ valueRestriction: { minLength: 1, maxLength: 20 } }));
  expect(rule.restriction).toEqual({ minLength: 1, maxLength: 20 });
});

it('never lets a custom string column exceed 255 characters', () => {
  const rule = ruleForCustomAttribute(
    customAttribute({ valueType: 'TEXT', valueRestriction: { maxLength: 4000 } }),
  );
  expect(rule.restriction.maxLength).toBe(255);
});

it('keeps accepted values', () => {
  const rule = ruleForCustomAttribute(
    customAttribute({ valueRestriction: { acceptedValues: ['NEW', 'SHIPPED'] } }),
  );
  expect(rule.restriction.acceptedValues).toEqual(['NEW', 'SHIPPED']);
});

it('reads an empty accepted-values list as no list', () => {
  const rule = ruleForCustomAttribute(customAttribute({ valueRestriction: { acceptedValues: [] } }));
  expect(rule.restriction.acceptedValues).toBeUndefined();
});

it('puts no length limit on typed values', () => {
  const rule = ruleForCustomAttribute(
    customAttribute({ valueType: 'NUMBER', valueRestriction: { maxLength: 3 } }),
  );
  expect(rule.restriction).toEqual({});
});
