import type { ByteReader } from './byte-reader.js';
import { concatBytes } from './peek-bytes.js';

/** An end-of-central-directory record plus the longest comment: where the archive's end must lie. */
const END_RECORD_WINDOW = 22 + 0xffff;

/**
 * Reads the rest of the archive (the central directory and what follows it) and says whether an
 * end-of-central-directory record is in its last bytes: without one the upload was cut short.
 * The central directory itself is not checked: the local headers already gave everything needed.
 */
export async function readsToEndRecord(reader: ByteReader): Promise<boolean> {
  const tail = new TailWindow(END_RECORD_WINDOW);
  for (let bytes = await reader.next(Infinity); bytes; bytes = await reader.next(Infinity)) tail.add(bytes);
  return tail.hasEndRecord();
}

/** Keeps the last `size` bytes seen. */
class TailWindow {
  private chunks: Uint8Array[] = [];
  private length = 0;

  constructor(private readonly size: number) {}

  add(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.byteLength;
    while (this.chunks.length > 1 && this.length - (this.chunks[0]?.byteLength ?? 0) >= this.size) {
      this.length -= this.chunks.shift()?.byteLength ?? 0;
    }
  }

  hasEndRecord(): boolean {
    const bytes = concatBytes(this.chunks).subarray(-this.size);
    for (let at = bytes.byteLength - 22; at >= 0; at -= 1) {
      if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
        return true;
      }
    }
    return false;
  }
}
