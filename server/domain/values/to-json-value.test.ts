import { expect, it } from 'vitest';
import type { ValueKind } from './attribute-rule.js';
import { toJsonValue } from './to-json-value.js';

it.each<[ValueKind, string | null, string | number | boolean | null]>([
  ['INTEGER', '42', 42],
  ['INTEGER', '-7', -7],
  ['NUMBER', '12.50', 12.5],
  ['BOOLEAN', 'TRUE', true],
  ['BOOLEAN', 'FALSE', false],
  ['STRING', '007', '007'],
  ['DATE', '2024-02-29', '2024-02-29'],
  ['DATE_TIME', '2024-02-29 10:00:00', '2024-02-29 10:00:00'],
  ['EMAIL', 'a@example.com', 'a@example.com'],
  ['PHONE', '+3210458514', '+3210458514'],
  ['LANGUAGE', 'FR', 'FR'],
  ['COUNTRY', 'BE', 'BE'],
  ['SEX', 'F', 'F'],
  ['INTEGER', null, null],
  ['BOOLEAN', null, null],
  ['STRING', null, null],
  ['SUBSCRIPTION', 'TRUE', true],
  ['SUBSCRIPTION', 'FALSE', false],
  ['SUBSCRIPTION', null, null],
  ['CATEGORY', 'Gold', 'Gold'],
])('turns a stored %s %j into %j', (kind, stored, json) => {
  expect(toJsonValue(kind, stored)).toBe(json);
});

it('turns a stored SIMPLE segmentation into its list of categories', () => {
  expect(toJsonValue('CATEGORY_SET', '["Dogs","Cats"]')).toEqual(['Dogs', 'Cats']);
});
