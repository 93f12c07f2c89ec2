import fc from 'fast-check';
import { expect, it } from 'vitest';
import { EtlFormat } from '../../../contracts/v5.js';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from '../../../test/helpers/fuzz.js';
import type { EndOfLine } from './detect-end-of-line.js';
import { countLineBreaks } from './line-breaks.js';
import { type CsvRecord, readCsvBatches } from './read-csv.js';
import { createCsvLineEncoder } from './write-csv.js';

/** Characters dialects are drawn from: the usual ones, and odd ones a client may declare. */
const DIALECT_CHARS = [
  ',',
  ';',
  '\t',
  '|',
  ' ',
  '"',
  "'",
  '\\',
  '#',
  '~',
  'a',
  'Z',
  '0',
  'é',
  'ß',
  '€',
  '\u0000',
  '\u00a0',
];
const END_OF_LINES: EndOfLine[] = ['\n', '\r\n', '\r'];

interface Format {
  separator: string;
  enclosing: string;
  escaping: string;
  encoding: 'UTF-8' | 'ISO-8859-1';
  endOfLine: EndOfLine | undefined;
}

/** A dialect the contract accepts: whatever it lets through, the reader must honour. */
const dialect: fc.Arbitrary<Format> = fc
  .record({
    separator: fc.constantFrom(...DIALECT_CHARS),
    enclosing: fc.constantFrom(...DIALECT_CHARS),
    escaping: fc.constantFrom(...DIALECT_CHARS),
    encoding: fc.constantFrom('UTF-8' as const, 'ISO-8859-1' as const),
    endOfLine: fc.option(fc.constantFrom(...END_OF_LINES), { nil: undefined }),
  })
  .filter((format) => EtlFormat.safeParse(format).success);

/** Values made of the dialect's own characters, line breaks, spaces and anything else. */
function values(format: Format): fc.Arbitrary<string> {
  const special = fc.constantFrom(format.separator, format.enclosing, format.escaping, '\r', '\n', ' ', 'x');
  const other =
    format.encoding === 'UTF-8'
      ? fc.string({ unit: 'grapheme', maxLength: 1 })
      : fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code));
  return fc.array(fc.oneof(special, other), { maxLength: 8 }).map((chars) => chars.join(''));
}

const csvFile = dialect.chain((format) =>
  fc.record({
    format: fc.constant(format),
    rows: fc.integer({ min: 1, max: 5 }).chain((columns) =>
      fc.array(fc.array(values(format), { minLength: columns, maxLength: columns }), {
        minLength: 1,
        maxLength: 12,
      }),
    ),
    // Undeclared, each line may end its own way.
    endings: fc.array(fc.constantFrom(...END_OF_LINES), { minLength: 12, maxLength: 12 }),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
  }),
);

/** Starts that make a file something else: byte order marks (UTF-8 or UTF-16, read as latin1 too), archives. */
const NOT_TEXT_STARTS = ['\ufeff', 'ï»¿', 'þÿ', 'ÿþ', 'PK\u0003\u0004', 'PK\u0005\u0006', '\u001f\u008b'];

/**
 * What CSV cannot say, left out on purpose: a one-column row whose value is blank is a blank
 * line (skipped); a quoted value ending in a distinct escaping character is ambiguous (its closing
 * quote reads as escaped); a file starting with a byte order mark or an archive's magic number
 * is not read as text.
 */
function representable({ format, rows }: { format: Format; rows: string[][] }): boolean {
  if (rows.some((row) => row.length === 1 && (row[0] ?? '').trim() === '')) return false;
  if (
    format.escaping !== format.enclosing &&
    rows.some((row) => row.some((v) => v.endsWith(format.escaping)))
  )
    return false;
  const first = rows[0]?.[0] ?? '';
  return !NOT_TEXT_STARTS.some((start) => first.startsWith(start));
}

async function readBack(bytes: Uint8Array, format: Format, cuts: number[]): Promise<CsvRecord[]> {
  const at = [...new Set(cuts.map((cut) => cut % (bytes.byteLength + 1)))].sort((a, b) => a - b);
  const chunks = [0, ...at].map((start, index) => bytes.subarray(start, at[index] ?? bytes.byteLength));
  async function* source() {
    yield* chunks;
  }
  const records: CsvRecord[] = [];
  for await (const batch of readCsvBatches(source(), { ...format, bom: 'reject' })) records.push(...batch);
  return records;
}

it(
  'reads back the rows of any file written in any dialect, line ending and encoding, however it is cut',
  async () => {
    await fc.assert(
      fc.asyncProperty(csvFile.filter(representable), async ({ format, rows, endings, cuts }) => {
        const encoders = new Map(
          END_OF_LINES.map((eol) => [eol, createCsvLineEncoder({ ...format, endOfLine: eol })] as const),
        );
        const lineEnds = rows.map((_, index) => format.endOfLine ?? (endings[index] as EndOfLine));
        const lines = rows.map(
          (row, index) => encoders.get(lineEnds[index] as EndOfLine)?.(row) as Uint8Array,
        );
        const bytes = new Uint8Array(Buffer.concat(lines));
        const read = await readBack(bytes, format, cuts);
        expect(read.map((record) => record.fields)).toEqual(rows);
        // Each record starts on the line after the last one's, counting the breaks inside its values.
        let line = 1;
        const expected = rows.map((row) => {
          const start = line;
          line += 1 + row.reduce((sum, value) => sum + countLineBreaks(value), 0);
          return start;
        });
        expect(read.map((record) => record.line)).toEqual(expected);
      }),
      fuzzParameters(300),
    );
  },
  FUZZ_TIMEOUT_MS,
);
