import { describe, expect, it } from 'vitest';
import { countLineBreaks } from './line-breaks.js';
import { LineStarts } from './line-starts.js';

function starts(text: string, chunkSize: number): number[] {
  const bytes = Buffer.from(text, 'latin1');
  const index = new LineStarts();
  for (let at = 0; at < bytes.byteLength; at += chunkSize) index.add(bytes.subarray(at, at + chunkSize));
  return Array.from({ length: index.lines }, (_, line) => index.start(line + 1));
}

describe('LineStarts', () => {
  it('finds line starts after LF, CRLF and lone CR, across chunk boundaries, as the reader counts lines', () => {
    const text = 'a\nbb\r\ncc\rd\r\r\n\nlast';
    const expected = [0, 2, 6, 9, 11, 13, 14];
    for (const size of [1, 2, 3, 5, 100]) expect(starts(text, size)).toEqual(expected);
    expect(expected.length).toBe(countLineBreaks(text) + 1);
  });

  it('says where the file ends past its last line', () => {
    const index = new LineStarts();
    index.add(Buffer.from('x\ny\n'));
    expect(index.lines).toBe(3);
    expect(index.start(3)).toBe(4);
    expect(index.start(4)).toBe(4);
    expect(index.bytes).toBe(4);
  });
});
