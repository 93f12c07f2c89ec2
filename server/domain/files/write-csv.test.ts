import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { type ReadFormat, readCsvBatches } from './read-csv.js';
import { createCsvLineEncoder, type WriteFormat } from './write-csv.js';

const CSV: WriteFormat = {
  separator: ',',
  enclosing: '"',
  escaping: '"',
  endOfLine: '\n',
  encoding: 'UTF-8',
};

const line = (fields: string[], format: Partial<WriteFormat> = {}) =>
  Buffer.from(createCsvLineEncoder({ ...CSV, ...format })(fields)).toString('latin1');

async function readBack(bytes: Uint8Array, format: WriteFormat): Promise<string[][]> {
  const read: ReadFormat = { ...format, bom: 'reject' };
  const rows: string[][] = [];
  async function* source() {
    // Odd-sized chunks, so records and escapes straddle chunk boundaries.
    for (let at = 0; at < bytes.byteLength; at += 37) yield bytes.subarray(at, at + 37);
  }
  for await (const batch of readCsvBatches(source(), read))
    rows.push(...batch.map((record) => record.fields));
  return rows;
}

describe('createCsvLineEncoder', () => {
  it('encloses only fields that need it', () => {
    expect(line(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', ' lead', 'trail ', 'in side', ''])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\r"," lead","trail ",in side,\n',
    );
  });

  it('escapes enclosing characters with the escaping character, and ends with the end-of-line', () => {
    expect(
      line(["it's", 'x;y', 'a\\b'], { separator: ';', enclosing: "'", escaping: '\\', endOfLine: '\r\n' }),
    ).toBe("'it\\'s';'x;y';a\\b\r\n");
  });

  it('writes UTF-8, or ISO-8859-1 with ? for what latin1 cannot hold', () => {
    const fields = ['José', '€5', '😀', 'ÿ'];
    expect(Buffer.from(createCsvLineEncoder(CSV)(fields)).toString('utf8')).toBe('José,€5,😀,ÿ\n');
    const latin1 = createCsvLineEncoder({ ...CSV, encoding: 'ISO-8859-1' })(fields);
    expect([...latin1]).toEqual([...Buffer.from('José,?5,?,ÿ\n', 'latin1')]);
  });

  it('round-trips é through ISO-8859-1', async () => {
    const format: WriteFormat = { ...CSV, encoding: 'ISO-8859-1' };
    const encode = createCsvLineEncoder(format);
    const bytes = Buffer.concat([encode(['name', 'city']), encode(['José', 'Liège, BE'])]);
    expect(bytes.includes(0xe9)).toBe(true);
    expect(await readBack(bytes, format)).toEqual([
      ['name', 'city'],
      ['José', 'Liège, BE'],
    ]);
  });
});

/** A small deterministic PRNG (mulberry32), so the generated rows are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  'a',
  'Z',
  '0',
  ' ',
  ',',
  ';',
  '|',
  '\t',
  '"',
  "'",
  '\\',
  '\n',
  '\r',
  '\r\n',
  'é',
  '€',
  '😀',
];

function randomRows(format: WriteFormat, seed: number): string[][] {
  const next = random(seed);
  const pick = () => ALPHABET[Math.floor(next() * ALPHABET.length)] ?? 'a';
  const rows: string[][] = [];
  for (let row = 0; row < 60; row += 1) {
    const width = 2 + Math.floor(next() * 4);
    const fields: string[] = [];
    for (let column = 0; column < width; column += 1) {
      let field = '';
      for (let length = Math.floor(next() * 7); length > 0; length -= 1) field += pick();
      fields.push(representable(field, format) ? field : `${field}x`);
    }
    rows.push(fields);
  }
  return rows;
}

/** The one value the writer documents it cannot write: must be enclosed and ends with the escape. */
function representable(field: string, { separator, enclosing, escaping }: WriteFormat): boolean {
  const enclosed =
    [separator, enclosing, '\n', '\r'].some((char) => field.includes(char)) || /^ | $/.test(field);
  return escaping === enclosing || !enclosed || !field.endsWith(escaping);
}

describe('round trip with readCsvBatches', () => {
  const formats: WriteFormat[] = [];
  for (const separator of [',', ';', '|', '\t']) {
    for (const [enclosing, escaping] of [
      ['"', '"'],
      ['"', '\\'],
      ["'", "'"],
      ["'", '\\'],
    ] as const) {
      for (const endOfLine of ['\n', '\r\n', '\r'] as const) {
        formats.push({ separator, enclosing, escaping, endOfLine, encoding: 'UTF-8' });
      }
    }
  }

  it.each(formats.map((format, index) => [JSON.stringify(format), format, index] as const))(
    'reads back what it wrote in %s',
    async (_name, format, seed) => {
      const encode = createCsvLineEncoder(format);
      const rows = randomRows(format, seed + 1);
      const bytes = Buffer.concat(rows.map((fields) => encode(fields)));
      expect(await readBack(bytes, format)).toEqual(rows);
    },
  );
});
