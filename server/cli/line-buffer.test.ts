import { describe, expect, it } from 'vitest';
import { lineBuffer } from './line-buffer.js';

describe('lineBuffer', () => {
  it('writes the lines of one turn of the event loop together, and what is pending on flush', async () => {
    const writes: string[] = [];
    const lines = lineBuffer((text) => writes.push(text));
    lines.line('a');
    lines.line('b');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['a\nb']);
    lines.line('c');
    lines.flush();
    expect(writes).toEqual(['a\nb', 'c']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(2);
  });
});
