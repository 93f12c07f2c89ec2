import { Buffer } from 'node:buffer';

export type Encoding = 'UTF-8' | 'ISO-8859-1';

/**
 * Raised when the bytes cannot be decoded. `validText` is the text decoded from the current chunk
 * up to the first bad byte, so the caller can name the line the bad byte is on.
 */
export class InvalidBytesError extends Error {
  constructor(readonly validText: string) {
    super('invalid bytes for the declared encoding');
  }
}

/** Decodes a byte stream chunk by chunk; characters split across chunks are carried over. */
export interface ChunkDecoder {
  decode(bytes: Uint8Array): string;
  /** Flushes what is carried over; throws if the stream ended inside a character. */
  end(): string;
}

export function createChunkDecoder(encoding: Encoding): ChunkDecoder {
  return encoding === 'UTF-8' ? new Utf8ChunkDecoder() : latin1Decoder;
}

/**
 * Real ISO-8859-1: every byte is the code point of the same value. TextDecoder('latin1') would
 * be windows-1252 (0x80-0x9f become curly quotes, euro sign...), which is not what is declared.
 */
const latin1Decoder: ChunkDecoder = {
  decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
  end: () => '',
};

/**
 * UTF-8 through a fatal streaming TextDecoder. It also remembers the last 3 bytes of the stream,
 * enough to rebuild the incomplete character the decoder holds when a chunk fails, so the bad
 * byte can be located (on the error path only; the normal path costs nothing extra).
 */
class Utf8ChunkDecoder implements ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private recent: Uint8Array = new Uint8Array(0);

  decode(bytes: Uint8Array): string {
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      this.recent = lastBytes(this.recent, bytes, 3);
      return text;
    } catch {
      const pending = incompleteTail(this.recent);
      throw new InvalidBytesError(validPrefix(concat(pending, bytes)));
    }
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      // The stream ended inside a character: the bad bytes are the very last ones.
      throw new InvalidBytesError('');
    }
  }
}

/** The longest prefix of `bytes` that decodes, found by bisection (valid prefixes are nested). */
function validPrefix(bytes: Uint8Array): string {
  let good = 0;
  let bad = bytes.byteLength;
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    if (decodesAsPrefix(bytes.subarray(0, middle)) === null) bad = middle;
    else good = middle;
  }
  return decodesAsPrefix(bytes.subarray(0, good)) ?? '';
}

function decodesAsPrefix(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

/** The bytes of a character that `bytes` ends in the middle of (what the decoder is holding). */
export function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.byteLength); back += 1) {
    const byte = bytes[bytes.byteLength - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.subarray(bytes.byteLength - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

function lastBytes(previous: Uint8Array, next: Uint8Array, count: number): Uint8Array {
  if (next.byteLength >= count) return next.slice(next.byteLength - count);
  return concat(previous, next).slice(-count);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}
