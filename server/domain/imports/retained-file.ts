import type { ReadFormat } from '../files/index.js';
import { LineStarts, readFileBytes } from '../files/index.js';

/** Uploaded bytes are copied into blocks of this size: no upload chunk keeps a bigger buffer alive. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * An uploaded data file kept for its result file: its bytes as uploaded (still zipped or gzipped
 * when they came so) and where each decompressed line starts. The result file is cut from the
 * file read again, a row's original bytes at a time, rather than from a copy of every parsed field
 * kept in memory: a million zipped rows keep their ~24 MB zip and 8 bytes a line.
 */
export class RetainedFile {
  readonly lines = new LineStarts();
  readonly #blocks: Uint8Array[] = [];
  #used = BLOCK_BYTES;
  #bytes = 0;

  constructor(readonly format: ReadFormat) {}

  /** Memory held: the uploaded bytes and the line index. */
  get heldBytes(): number {
    return this.#bytes + this.lines.heldBytes;
  }

  /** Keeps a chunk of the upload, as it arrived. */
  keep(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.byteLength) {
      if (this.#used === BLOCK_BYTES) {
        this.#blocks.push(new Uint8Array(BLOCK_BYTES));
        this.#used = 0;
      }
      const take = Math.min(BLOCK_BYTES - this.#used, chunk.byteLength - at);
      (this.#blocks.at(-1) as Uint8Array).set(chunk.subarray(at, at + take), this.#used);
      this.#used += take;
      at += take;
    }
    this.#bytes += chunk.byteLength;
  }

  /** The upload has ended: the last block shrinks to what it holds. */
  seal(): void {
    this.lines.seal();
    const last = this.#blocks.at(-1);
    if (last && this.#used < BLOCK_BYTES) {
      this.#blocks[this.#blocks.length - 1] = last.slice(0, this.#used);
      this.#used = BLOCK_BYTES;
    }
  }

  /** The upload as it arrived, passed through: each chunk is kept on its way to the reader. */
  async *tee(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      this.keep(chunk);
      yield chunk;
    }
  }

  /** The decompressed bytes again, as the CSV reader saw them. */
  fileBytes(): AsyncGenerator<Uint8Array> {
    const blocks = this.#blocks;
    const used = this.#used;
    const uploaded = async function* () {
      for (let index = 0; index < blocks.length; index += 1) {
        const block = blocks[index] as Uint8Array;
        yield index === blocks.length - 1 ? block.subarray(0, used) : block;
      }
    };
    return readFileBytes(uploaded(), this.format);
  }
}
