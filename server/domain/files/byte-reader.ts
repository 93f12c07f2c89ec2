import { concatBytes } from './peek-bytes.js';

/**
 * A stream of bytes read front to back, with look-ahead and put-back: what a parser of a
 * sequential format (ZIP local headers, then entry data whose end is only known once read) needs
 * on top of an async iterator of chunks of any size. Only bytes asked for are pulled from the source.
 */
export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private readonly pending: Uint8Array[] = [];
  private pendingLength = 0;
  private sourceEnded = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Bytes buffered and not read yet. */
  get buffered(): number {
    return this.pendingLength;
  }

  /** Buffers at least `count` bytes; false when the source ends first (what was there stays buffered). */
  async fill(count: number): Promise<boolean> {
    while (this.pendingLength < count) {
      if (!(await this.pull())) return false;
    }
    return true;
  }

  /** The next `count` bytes (fewer at the end), left unread; call `fill(count)` first. */
  peek(count: number): Uint8Array {
    const head = this.pending[0];
    if (head && head.byteLength >= count) return head.subarray(0, count);
    return concatBytes(this.pending).subarray(0, count);
  }

  /** Reads the next `count` bytes (fewer at the end); call `fill(count)` first. */
  take(count: number): Uint8Array {
    const bytes = this.peek(count);
    this.drop(bytes.byteLength);
    return bytes;
  }

  /** The next bytes, at most `max` of them, as they come: a buffered slice or the source's next chunk; null at the end. */
  async next(max: number): Promise<Uint8Array | null> {
    if (this.pendingLength === 0 && !(await this.pull())) return null;
    const head = this.pending[0] as Uint8Array;
    const bytes = head.byteLength > max ? head.subarray(0, max) : head;
    this.drop(bytes.byteLength);
    return bytes;
  }

  /** Puts bytes back in front: the next read returns them first. */
  unshift(bytes: Uint8Array): void {
    if (bytes.byteLength === 0) return;
    this.pending.unshift(bytes);
    this.pendingLength += bytes.byteLength;
  }

  /** Discards the next `count` bytes; false when the source ends first. */
  async skip(count: number): Promise<boolean> {
    let left = count;
    while (left > 0) {
      const bytes = await this.next(left);
      if (!bytes) return false;
      left -= bytes.byteLength;
    }
    return true;
  }

  /** Stops the source early (the consumer gave up or the archive failed). Not awaited, as in read-csv. */
  close(): void {
    if (this.sourceEnded) return;
    this.sourceEnded = true;
    try {
      this.iterator.return?.()?.catch(() => {});
    } catch {
      // A source that cannot be closed has nothing more to release.
    }
  }

  private async pull(): Promise<boolean> {
    if (this.sourceEnded) return false;
    for (;;) {
      const step = await this.iterator.next();
      if (step.done) {
        this.sourceEnded = true;
        return false;
      }
      if (step.value.byteLength === 0) continue;
      this.pending.push(step.value);
      this.pendingLength += step.value.byteLength;
      return true;
    }
  }

  private drop(count: number): void {
    let left = count;
    while (left > 0) {
      const head = this.pending[0] as Uint8Array;
      if (head.byteLength <= left) {
        this.pending.shift();
        left -= head.byteLength;
      } else {
        this.pending[0] = head.subarray(left);
        left = 0;
      }
    }
    this.pendingLength -= count;
  }
}
