import { expect, it } from 'vitest';
import { CsvChunkParser } from './csv-chunk-parser.js';
import { FileLevelError } from './file-level-error.js';

const dialect = { separator: ',', enclosing: '"', escaping: '"' };

it('holds an unfinished record until the next chunk completes it', () => {
  const parser = new CsvChunkParser(dialect);
  expect(parser.push('a,b\n1,"x')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  expect(parser.push('\ny"')).toEqual([]);
  expect(parser.push(',2\n3,4')).toEqual([{ line: 2, fields: ['1', 'x\ny', '2'] }]);
  expect(parser.end()).toEqual([{ line: 4, fields: ['3', '4'] }]);
});

it('tells the line of a position past what was pushed', () => {
  const parser = new CsvChunkParser(dialect);
  parser.push('a\n\nb\nc,"d\ne');
  expect(parser.lineAt('')).toBe(5);
  expect(parser.lineAt('f\ng\n')).toBe(7);
});

it('ignores quote errors that only come from the chunk boundary', () => {
  const parser = new CsvChunkParser({ ...dialect, endOfLine: '\r\n' });
  expect(parser.push('a,b\r\n1,"x"\r')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  expect(parser.push('\n')).toEqual([{ line: 2, fields: ['1', 'x'] }]);
});

it('refuses to wait for a record longer than its limit', () => {
  const parser = new CsvChunkParser(dialect, 10);
  parser.push('a\n"12345');
  expect(() => parser.push('678901')).toThrow(FileLevelError);
});

it('handles a CR file whose line ends turn into CRLF later on, storing no stray LF', () => {
  const parser = new CsvChunkParser(dialect);
  expect([...parser.push('a\rb\r\nc\r'), ...parser.end()]).toEqual([
    { line: 1, fields: ['a'] },
    { line: 2, fields: ['b'] },
    { line: 3, fields: ['c'] },
  ]);
});

it('waits for what follows a CR that ends a chunk before deciding what it ends', () => {
  const parser = new CsvChunkParser({ ...dialect, endOfLine: '\r' });
  expect(parser.push('a\rb\r')).toEqual([{ line: 1, fields: ['a'] }]);
  expect([...parser.push('c\r'), ...parser.end()]).toEqual([
    { line: 2, fields: ['b'] },
    { line: 3, fields: ['c'] },
  ]);
});
