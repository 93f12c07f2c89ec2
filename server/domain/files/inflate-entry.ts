import type { Buffer } from 'node:buffer';
import { crc32, createInflateRaw } from 'node:zlib';
import type { ByteReader } from './byte-reader.js';
import { zipErrors } from './zip-errors.js';
import type { EntryTotals } from './zip-records.js';

/** zlib's output buffer: each yielded piece is at most this long. */
const OUTPUT_CHUNK = 64 * 1024;

export interface InflateOptions {
  /** Most compressed bytes handed to zlib at once; bounds the output held per step (~1 032x for a zip bomb). */
  slice: number;
  /** From the local header when it has one; undefined for an entry with a data descriptor. */
  compressedSize?: number;
}

/**
 * Inflates the raw Deflate data of one ZIP entry read from `reader`, yielding its output, and
 * leaves the reader on the first byte after it. The end is the end of the Deflate stream itself
 * (its final block), as zlib finds it: zlib stops consuming there, and its `bytesWritten` (the
 * input it consumed) says which bytes of the last slice belong to what follows (a data
 * descriptor, the next header). No signature is ever looked for inside compressed data, so any
 * byte sequence in it is fine, unlike a reader that scans for `PK\x07\x08`.
 */
export async function* inflateEntry(
  reader: ByteReader,
  name: string,
  options: InflateOptions,
): AsyncGenerator<Uint8Array, EntryTotals> {
  const inflater = new SliceInflater(name);
  const totals: EntryTotals = { crc: 0, compressedSize: 0, size: 0 };
  let fed = 0;
  /** Hands the next slice to zlib; null once every byte the header announces was fed. */
  const feed = async (): Promise<FedSlice | null> => {
    const left = options.compressedSize === undefined ? options.slice : options.compressedSize - fed;
    if (left === 0) return null;
    const bytes = await reader.next(Math.min(left, options.slice));
    if (!bytes) throw zipErrors.truncated();
    fed += bytes.byteLength;
    const output = inflater.write(bytes);
    // Awaited later; until then a failure must not count as an unhandled rejection.
    output.catch(() => {});
    return { bytes, output };
  };
  try {
    for (let step = await feed(); ; ) {
      if (!step) {
        // The header's size was all fed and the stream has not said it ended: it must end now.
        yield* count(await inflater.finish(), totals);
        totals.compressedSize = fed;
        return totals;
      }
      const output = await step.output;
      const unread = fed - inflater.consumed;
      if (unread > 0) {
        // The stream ended in this slice: its last bytes are the next record's.
        reader.unshift(step.bytes.subarray(step.bytes.byteLength - unread));
        totals.compressedSize = inflater.consumed;
        yield* count(output, totals);
        if (options.compressedSize !== undefined) {
          throw zipErrors.entryDamaged(name, 'its Deflate data ends before the size its header gives');
        }
        return totals;
      }
      // The next slice inflates on zlib's thread while the consumer handles this one's output.
      step = await feed();
      yield* count(output, totals);
    }
  } finally {
    inflater.close();
  }
}

interface FedSlice {
  bytes: Uint8Array;
  output: Promise<Uint8Array[]>;
}

function* count(output: Uint8Array[], totals: EntryTotals): Generator<Uint8Array> {
  for (const piece of output) {
    totals.size += piece.byteLength;
    totals.crc = crc32(piece, totals.crc);
    yield piece;
  }
}

/** A zlib raw inflater driven one slice at a time: each write resolves with the output it produced. */
class SliceInflater {
  private readonly stream = createInflateRaw({ chunkSize: OUTPUT_CHUNK });
  private readonly output: Uint8Array[] = [];
  private failure: Error | null = null;
  private onFailure: ((error: Error) => void) | null = null;

  constructor(private readonly name: string) {
    this.stream.on('data', (piece: Buffer) => {
      this.output.push(piece);
    });
    this.stream.on('error', (error) => {
      this.failure ??= error;
      this.onFailure?.(error);
    });
  }

  /** Input bytes zlib consumed: fewer than were written once the Deflate stream has ended. */
  get consumed(): number {
    return this.stream.bytesWritten;
  }

  write(bytes: Uint8Array): Promise<Uint8Array[]> {
    return this.step((done) => this.stream.write(bytes, (error) => done(error ?? null)));
  }

  /** Ends the input: resolves once zlib confirms the stream is complete, fails if it is cut short. */
  finish(): Promise<Uint8Array[]> {
    return this.step((done) => {
      this.stream.once('end', () => done(null));
      this.stream.end();
    });
  }

  close(): void {
    this.stream.destroy();
  }

  private step(start: (done: (error: Error | null) => void) => void): Promise<Uint8Array[]> {
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => reject(zipErrors.entryDamaged(this.name, error.message));
      if (this.failure) return fail(this.failure);
      this.onFailure = fail;
      start((error) => {
        if (error) fail(error);
        else resolve(this.output.splice(0));
      });
    });
  }
}
