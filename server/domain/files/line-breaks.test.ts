import { expect, it } from 'vitest';
import { countLineBreaks } from './line-breaks.js';

it.each([
  ['', 0],
  ['abc', 0],
  ['a\nb\n', 2],
  ['a\r\nb\r\n', 2],
  ['a\rb\r', 2],
  ['\r\r\n\n', 3],
  ['x\n\r', 2],
])('counts %j as %i breaks', (text, breaks) => {
  expect(countLineBreaks(text)).toBe(breaks);
});

it('counts a range only, and an LF completing a CR just before it as nothing', () => {
  expect(countLineBreaks('a\nb\nc\n', 2, 4)).toBe(1);
  expect(countLineBreaks('\nb\n', 0, undefined, true)).toBe(1);
  expect(countLineBreaks('a\r\nb', 2, undefined, true)).toBe(0);
});
