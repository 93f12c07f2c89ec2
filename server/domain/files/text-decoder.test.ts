import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createChunkDecoder, InvalidBytesError, incompleteTail } from './text-decoder.js';

const bytes = (...values: number[]) => new Uint8Array(values);

function decodeAll(encoding: 'UTF-8' | 'ISO-8859-1', chunks: Uint8Array[]): string {
  const decoder = createChunkDecoder(encoding);
  return chunks.map((chunk) => decoder.decode(chunk)).join('') + decoder.end();
}

describe('UTF-8', () => {
  it('carries characters split across chunks', () => {
    const euro = Buffer.from('€', 'utf8');
    expect(decodeAll('UTF-8', [bytes(0x61, euro[0] ?? 0), euro.subarray(1, 2), euro.subarray(2)])).toBe('a€');
  });

  it('keeps a leading U+FEFF (the BOM policy runs before decoding)', () => {
    expect(decodeAll('UTF-8', [bytes(0xef, 0xbb, 0xbf, 0x61)])).toBe('\ufeffa');
  });

  it('reports the text before an invalid byte, including a character begun in an earlier chunk', () => {
    const decoder = createChunkDecoder('UTF-8');
    expect(decoder.decode(bytes(0x61, 0x0a, 0xc3))).toBe('a\n');
    try {
      decoder.decode(bytes(0xa9, 0x62, 0x0a, 0xff, 0x63));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidBytesError);
      expect((error as InvalidBytesError).validText).toBe('éb\n');
    }
  });

  it('fails at the end when the input stops inside a character', () => {
    const decoder = createChunkDecoder('UTF-8');
    decoder.decode(bytes(0x61, 0xe2, 0x82));
    expect(() => decoder.end()).toThrow(InvalidBytesError);
  });

  it('finds the incomplete character at the end of some bytes', () => {
    expect([...incompleteTail(bytes(0x61, 0xe2, 0x82))]).toEqual([0xe2, 0x82]);
    expect([...incompleteTail(bytes(0x61, 0xf0))]).toEqual([0xf0]);
    expect([...incompleteTail(bytes(0xe2, 0x82, 0xac))]).toEqual([]);
    expect([...incompleteTail(bytes(0x61))]).toEqual([]);
  });
});

describe('ISO-8859-1', () => {
  it('maps every byte to the code point of the same value', () => {
    const all = new Uint8Array(256).map((_, index) => index);
    const text = decodeAll('ISO-8859-1', [all]);
    expect([...text].map((char) => char.charCodeAt(0))).toEqual([...all]);
  });
});
