import { expect, it } from 'vitest';
import type { EtlTransformation } from '../../../contracts/v5.js';
import { compileTransformations } from './transformations.js';

const transformOne = (transformations: EtlTransformation[], raw: string) => {
  const transform = compileTransformations(transformations, { referenceYear: 2025 }).get('col');
  if (transform === undefined) throw new Error('no transform compiled for col');
  return transform(raw);
};

it.each<[string, EtlTransformation, string, string]>([
  ['TRIM', { type: 'TRIM', headerColumn: 'col' }, '  a b \t', 'a b'],
  ['UPPERCASE', { type: 'UPPERCASE', headerColumn: 'col' }, 'fr-be', 'FR-BE'],
  ['LOWERCASE', { type: 'LOWERCASE', headerColumn: 'col' }, 'John@Example.COM', 'john@example.com'],
  [
    'VALUE_MAPPING',
    { type: 'VALUE_MAPPING', headerColumn: 'col', mapping: { Mr: 'M', Mrs: 'F' } },
    'Mrs',
    'F',
  ],
  ['VALUE_MAPPING', { type: 'VALUE_MAPPING', headerColumn: 'col', mapping: { Mr: 'M' } }, 'mr', 'mr'],
  [
    'VALUE_MAPPING',
    { type: 'VALUE_MAPPING', headerColumn: 'col', mapping: { Mr: 'M' } },
    'constructor',
    'constructor',
  ],
  ['VALUE_MAPPING', { type: 'VALUE_MAPPING', headerColumn: 'col', mapping: { '': 'none' } }, '', 'none'],
  ['DEFAULT_VALUE', { type: 'DEFAULT_VALUE', headerColumn: 'col', value: 'FR' }, '', 'FR'],
  ['DEFAULT_VALUE', { type: 'DEFAULT_VALUE', headerColumn: 'col', value: 'FR' }, 'NL', 'NL'],
  ['DEFAULT_VALUE', { type: 'DEFAULT_VALUE', headerColumn: 'col', value: 'FR' }, ' ', ' '],
  [
    'DATE_FORMAT',
    { type: 'DATE_FORMAT', headerColumn: 'col', fromFormat: 'dd/MM/yyyy' },
    '05/01/2024',
    '2024-01-05',
  ],
  ['DATE_FORMAT', { type: 'DATE_FORMAT', headerColumn: 'col', fromFormat: 'dd/MM/yyyy' }, '', ''],
])('applies %s to %j', (_type, transformation, raw, expected) => {
  expect(transformOne([transformation], raw)).toEqual({ ok: true, value: expected });
});

it('chains transformations on one column in declared order', () => {
  const chain: EtlTransformation[] = [
    { type: 'TRIM', headerColumn: 'col' },
    { type: 'UPPERCASE', headerColumn: 'col' },
    { type: 'VALUE_MAPPING', headerColumn: 'col', mapping: { MR: 'M', MRS: 'F' } },
  ];
  expect(transformOne(chain, '  mrs ')).toEqual({ ok: true, value: 'F' });
  expect(transformOne([...chain].reverse(), '  mrs ')).toEqual({ ok: true, value: 'MRS' });
});

it('fills a blank cell once it is trimmed when DEFAULT_VALUE comes after TRIM', () => {
  const chain: EtlTransformation[] = [
    { type: 'TRIM', headerColumn: 'col' },
    { type: 'DEFAULT_VALUE', headerColumn: 'col', value: 'unknown' },
  ];
  expect(transformOne(chain, '   ')).toEqual({ ok: true, value: 'unknown' });
});

it('converts a trimmed date', () => {
  const chain: EtlTransformation[] = [
    { type: 'TRIM', headerColumn: 'col' },
    { type: 'DATE_FORMAT', headerColumn: 'col', fromFormat: 'd/M/yy' },
  ];
  expect(transformOne(chain, ' 7/3/85 ')).toEqual({ ok: true, value: '1985-03-07' });
});

it('stops the chain at a failing date', () => {
  const chain: EtlTransformation[] = [
    { type: 'DATE_FORMAT', headerColumn: 'col', fromFormat: 'dd/MM/yyyy' },
    { type: 'DEFAULT_VALUE', headerColumn: 'col', value: '2000-01-01' },
  ];
  expect(transformOne(chain, 'soon')).toEqual({
    ok: false,
    code: 'INVALID_DATE',
    message: '"soon" does not match the date format dd/MM/yyyy',
  });
});

it('rejects an impossible date as INVALID_DATE', () => {
  const transformation: EtlTransformation = {
    type: 'DATE_FORMAT',
    headerColumn: 'col',
    fromFormat: 'dd/MM/yyyy',
  };
  expect(transformOne([transformation], '31/02/2024')).toEqual({
    ok: false,
    code: 'INVALID_DATE',
    message: '"31/02/2024" is not a real date (read with the date format dd/MM/yyyy)',
  });
});

it('rejects a bad value of a format with a time as INVALID_DATE_TIME', () => {
  const transformation: EtlTransformation = {
    type: 'DATE_FORMAT',
    headerColumn: 'col',
    fromFormat: 'dd.MM.yyyy HH:mm',
  };
  expect(transformOne([transformation], '05.01.2024 25:00')).toEqual({
    ok: false,
    code: 'INVALID_DATE_TIME',
    message: '"05.01.2024 25:00" is not a real date and time (read with the date format dd.MM.yyyy HH:mm)',
  });
  expect(transformOne([transformation], '05.01.2024')).toMatchObject({
    ok: false,
    code: 'INVALID_DATE_TIME',
  });
});

it('compiles one transform per header column and none for untouched columns', () => {
  const transforms = compileTransformations([
    { type: 'TRIM', headerColumn: 'a' },
    { type: 'UPPERCASE', headerColumn: 'b' },
    { type: 'LOWERCASE', headerColumn: 'a' },
  ]);
  expect([...transforms.keys()]).toEqual(['a', 'b']);
  expect(transforms.get('a')?.(' X ')).toEqual({ ok: true, value: 'x' });
  expect(transforms.get('c')).toBeUndefined();
});

it('places two-digit years around the current year by default', () => {
  const transform = compileTransformations([
    { type: 'DATE_FORMAT', headerColumn: 'col', fromFormat: 'yyMMdd' },
  ]).get('col');
  const year = new Date().getUTCFullYear();
  const yy = String(year % 100).padStart(2, '0');
  expect(transform?.(`${yy}0101`)).toEqual({ ok: true, value: `${year}-01-01` });
});

it('throws on a DATE_FORMAT that checkTransformationFormat rejects', () => {
  expect(() =>
    compileTransformations([{ type: 'DATE_FORMAT', headerColumn: 'col', fromFormat: 'MMM' }]),
  ).toThrow('not supported');
});
