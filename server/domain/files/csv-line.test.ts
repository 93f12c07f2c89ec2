import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../ids.js';
import { createRecordParser } from './csv-line.js';

const PIECES = ['a', 'b c', ' ', ';', '"', '\\', 'é', '""', '"x"', 'x"y', '\\"'];

describe('createRecordParser', () => {
  it('parses one-line records as papaparse does, quoted or not, with either escaping', () => {
    const random = seededRandom(3);
    for (const escaping of ['"', '\\']) {
      const dialect = { separator: ';', enclosing: '"', escaping, endOfLine: '\n' as const };
      const parse = createRecordParser(dialect);
      for (let sample = 0; sample < 3000; sample += 1) {
        const parts = Array.from(
          { length: 1 + Math.floor(random() * 6) },
          () => PIECES[Math.floor(random() * PIECES.length)],
        );
        const text = `${parts.join('')}\n`;
        const expected = Papa.parse<string[]>(text, {
          delimiter: ';',
          quoteChar: '"',
          escapeChar: escaping,
          newline: '\n',
        });
        if (expected.errors.length > 0) continue;
        expect([text, parse(text)]).toEqual([text, expected.data[0]]);
      }
    }
  });
});
