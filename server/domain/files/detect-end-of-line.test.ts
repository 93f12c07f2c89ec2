import { expect, it } from 'vitest';
import { detectEndOfLine, endOfLineAtEnd } from './detect-end-of-line.js';

const detect = (text: string, escaping = '"') => detectEndOfLine(text, ',', '"', escaping);

it.each([
  ['a,b\nc', '\n'],
  ['a,b\r\nc', '\r\n'],
  ['a,b\rc', '\r'],
  ['"x\r\ny",b\nc', '\n'],
  ['"say ""\r"" now",b\r\nc', '\r\n'],
  ['a"b\rc', '\r'],
])('finds the end-of-line of %j', (text, expected) => {
  expect(detect(text)).toBe(expected);
});

it('skips an escaped enclosing character with a distinct escape', () => {
  expect(detect('"a\\"\n",b\r\n', '\\')).toBe('\r\n');
});

it('waits when the text cannot tell yet', () => {
  expect(detect('a,b')).toBeUndefined();
  expect(detect('a,b\r')).toBeUndefined();
  expect(detect('"open\n')).toBeUndefined();
  expect(detect('"a"')).toBeUndefined();
});

it('falls back at the end of the input', () => {
  expect(endOfLineAtEnd('a,b')).toBe('\n');
  expect(endOfLineAtEnd('a,b\r')).toBe('\r');
});
