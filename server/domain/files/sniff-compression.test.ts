import { expect, it } from 'vitest';
import { FileLevelError } from './file-level-error.js';
import { resolveCompression, sniffCompression } from './sniff-compression.js';

const head = (...values: number[]) => new Uint8Array(values);

it.each([
  [head(0x50, 0x4b, 0x03, 0x04), 'ZIP'],
  [head(0x50, 0x4b, 0x05, 0x06), 'ZIP'],
  [head(0x1f, 0x8b, 0x08, 0x00), 'GZIP'],
  [head(0x50, 0x4b, 0x30, 0x31), 'NONE'],
  [head(0x69, 0x64), 'NONE'],
  [head(), 'NONE'],
])('sniffs %o as %s', (bytes, expected) => {
  expect(sniffCompression(bytes)).toBe(expected);
});

it('takes the sniffed compression when none is declared, or the declared one when they agree', () => {
  expect(resolveCompression(undefined, head(0x1f, 0x8b, 8, 0))).toBe('GZIP');
  expect(resolveCompression('ZIP', head(0x50, 0x4b, 3, 4))).toBe('ZIP');
  expect(resolveCompression('NONE', head(0x69, 0x64, 0x0a, 0x31))).toBe('NONE');
});

it('names both compressions on a mismatch', () => {
  expect(() => resolveCompression('NONE', head(0x1f, 0x8b, 8, 0))).toThrowError(
    new FileLevelError(
      'FILE_COMPRESSION_MISMATCH',
      'file.compression is NONE but the file is a GZIP archive; declare compression GZIP or upload the file it holds',
    ),
  );
});
