import { expect, it } from 'vitest';
import {
  checkTransformationFormat,
  compileDateFormat,
  NOT_A_REAL_DATE,
  NOT_MATCHING,
} from './date-format.js';

const read = (fromFormat: string, raw: string) => compileDateFormat(fromFormat, 2025).read(raw);

it.each([
  ['dd/MM/yyyy', '05/01/2024', '2024-01-05'],
  ['dd/MM/yyyy', '29/02/2024', '2024-02-29'],
  ['d/M/yy', '5/1/24', '2024-01-05'],
  ['d/M/yy', '15/11/85', '1985-11-15'],
  ['d/M/yy', '1/2/44', '2044-02-01'],
  ['d/M/yy', '1/2/45', '1945-02-01'],
  ['d/M/yyyy', '05/01/2024', '2024-01-05'],
  ['yyyyMMdd', '20240105', '2024-01-05'],
  ['dd.MM.yyyy HH:mm', '05.01.2024 14:30', '2024-01-05 14:30:00'],
  ['dd.MM.yyyy H:mm', '05.01.2024 9:05', '2024-01-05 09:05:00'],
  ['yyyy-MM-dd HH:mm:ss', '2024-01-05 23:59:59', '2024-01-05 23:59:59'],
  ["yyyy-MM-dd'T'HH:mm:ss", '2024-01-05T08:00:00', '2024-01-05 08:00:00'],
  ["dd 'de' MM 'de' yyyy", '05 de 01 de 2024', '2024-01-05'],
  ["yyyy''MM''dd", "2024'01'05", '2024-01-05'],
  ['MM/dd/yyyy HH', '01/05/2024 07', '2024-01-05 07:00:00'],
])('reads with %s the value %j as %j', (fromFormat, raw, expected) => {
  expect(read(fromFormat, raw)).toBe(expected);
});

it.each([
  ['dd/MM/yyyy', '5/1/2024'],
  ['dd/MM/yyyy', '2024-01-05'],
  ['dd/MM/yyyy', '05/01/24'],
  ['dd/MM/yyyy', '05/01/2024 '],
  ['dd/MM/yyyy', '05/01/20245'],
  ['dd/MM/yyyy', '05-01-2024'],
  ['d/M/yy', '5/1/2024'],
  ['yyyyMMdd', '2024015'],
  ['dd.MM.yyyy HH:mm', '05.01.2024'],
  ['dd.MM.yyyy HH:mm', '05.01.2024 14:30:00'],
  ['dd.MM.yyyy HH:mm', 'ab.cd.efgh ij:kl'],
])('finds that %s does not match %j', (fromFormat, raw) => {
  expect(read(fromFormat, raw)).toBe(NOT_MATCHING);
});

it.each([
  ['dd/MM/yyyy', '31/02/2024'],
  ['dd/MM/yyyy', '29/02/2023'],
  ['dd/MM/yyyy', '00/01/2024'],
  ['dd/MM/yyyy', '10/13/2024'],
  ['dd/MM/yyyy', '10/01/0000'],
  ['dd.MM.yyyy HH:mm', '05.01.2024 24:00'],
  ['dd.MM.yyyy HH:mm', '05.01.2024 12:60'],
])('finds that %j read with %s is not a real date', (fromFormat, raw) => {
  expect(read(fromFormat, raw)).toBe(NOT_A_REAL_DATE);
});

it('gives a date-only format no time part and a format with hours one', () => {
  expect(compileDateFormat('dd/MM/yyyy', 2025).hasTime).toBe(false);
  expect(compileDateFormat('dd/MM/yyyy H', 2025).hasTime).toBe(true);
});

it.each(['dd/MM/yyyy', 'd/M/yy', 'yyyyMMdd', 'dd.MM.yyyy HH:mm', "yyyy-MM-dd'T'HH:mm:ss"])(
  'accepts the format %s',
  (fromFormat) => {
    expect(checkTransformationFormat(fromFormat)).toBeNull();
  },
);

it.each([
  ['MM/yyyy', 'The date format "MM/yyyy" needs a year (yyyy or yy), a month (MM or M) and a day (dd or d)'],
  ['dd/MM', 'The date format "dd/MM" needs a year (yyyy or yy), a month (MM or M) and a day (dd or d)'],
  ['HH:mm', 'The date format "HH:mm" needs a year (yyyy or yy), a month (MM or M) and a day (dd or d)'],
  [
    'dd/MMM/yyyy',
    'The date format "dd/MMM/yyyy" uses MMM, which is not supported; use yyyy, yy, MM, M, dd, d, HH, H, mm, ss',
  ],
  [
    'dd/MM/yyy',
    'The date format "dd/MM/yyy" uses yyy, which is not supported; use yyyy, yy, MM, M, dd, d, HH, H, mm, ss',
  ],
  [
    'yyyy-MM-ddTHH:mm',
    'The date format "yyyy-MM-ddTHH:mm" uses T, which is not supported; use yyyy, yy, MM, M, dd, d, HH, H, mm, ss',
  ],
  ["yyyy-MM-dd'T", 'The date format "yyyy-MM-dd\'T" has a quote that is never closed'],
  ['yyyy-MM-dd yy', 'The date format "yyyy-MM-dd yy" gives the year twice'],
  ['yyyy-MM-dd mm', 'The date format "yyyy-MM-dd mm" has minutes (mm) but no hours (HH or H)'],
  ['yyyy-MM-dd HH ss', 'The date format "yyyy-MM-dd HH ss" has seconds (ss) but no minutes (mm)'],
])('rejects the format %s with a sentence', (fromFormat, error) => {
  expect(checkTransformationFormat(fromFormat)).toBe(error);
});

it('refuses to compile a rejected format', () => {
  expect(() => compileDateFormat('dd/MM', 2025)).toThrow('needs a year');
});
