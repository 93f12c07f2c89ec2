import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

/** CSV text from rows, with a separator and line ending. */
export function csv(rows: readonly (readonly string[])[], separator = ';', endOfLine = '\n'): string {
  return rows.map((row) => row.join(separator)).join(endOfLine) + endOfLine;
}

export function utf8(text: string): Uint8Array {
  return strToU8(text);
}

export function zipped(text: string | Uint8Array, name = 'data.csv'): Uint8Array {
  return zipSync({ [name]: typeof text === 'string' ? strToU8(text) : text });
}

export function gzipped(text: string | Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(typeof text === 'string' ? Buffer.from(text) : text));
}

export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}
