const CR = 13;
const LF = 10;

/**
 * Where each physical line of a file starts, in bytes, found as the decompressed bytes stream by:
 * CRLF, a lone CR and a lone LF each end a line, as the CSV reader counts lines (UTF-8 and
 * ISO-8859-1 alike: a CR or LF byte is always that character). Line 1 starts at byte 0. Costs
 * 8 bytes a line, and two native byte searches per chunk.
 */
export class LineStarts {
  #starts: Float64Array | Uint32Array = new Float64Array(1024);
  #count = 1;
  #offset = 0;
  /** A CR ended the previous chunk: an LF starting this one completes it. */
  #afterCR = false;

  /** Number of lines seen (a file ending with a line break has an empty last line). */
  get lines(): number {
    return this.#count;
  }

  /** Bytes seen so far. */
  get bytes(): number {
    return this.#offset;
  }

  /** Byte offset where physical line `line` (1-based) starts; the file's length past the last line. */
  start(line: number): number {
    return line <= this.#count ? (this.#starts[line - 1] as number) : this.#offset;
  }

  add(chunk: Uint8Array): void {
    const base = this.#offset;
    let at = 0;
    if (this.#afterCR) {
      this.#afterCR = false;
      if (chunk[0] === LF) {
        this.#starts[this.#count - 1] = base + 1;
        at = 1;
      }
    }
    let cr = indexOf(chunk, CR, at);
    let lf = indexOf(chunk, LF, at);
    while (cr !== -1 || lf !== -1) {
      let end: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        if (cr + 1 === chunk.byteLength) {
          // Maybe half a CRLF: the line starts after the CR unless the next chunk opens with LF.
          this.#afterCR = true;
          end = cr + 1;
        } else {
          end = chunk[cr + 1] === LF ? cr + 2 : cr + 1;
        }
        if (lf !== -1 && lf < end) lf = indexOf(chunk, LF, end);
        cr = indexOf(chunk, CR, end);
      } else {
        end = lf + 1;
        lf = indexOf(chunk, LF, end);
      }
      this.#push(base + end);
    }
    this.#offset = base + chunk.byteLength;
  }

  /** The file has ended: the index shrinks to its lines (4 bytes each while the file is under 4 GiB). */
  seal(): void {
    const starts = this.#starts.subarray(0, this.#count);
    this.#starts = this.#offset < 2 ** 32 ? Uint32Array.from(starts) : starts.slice();
  }

  /** Memory this index holds, in bytes. */
  get heldBytes(): number {
    return this.#starts.byteLength;
  }

  #push(start: number): void {
    if (this.#count === this.#starts.length) {
      const wider = new Float64Array(Math.max(1024, this.#starts.length * 2));
      wider.set(this.#starts);
      this.#starts = wider;
    }
    this.#starts[this.#count] = start;
    this.#count += 1;
  }
}

function indexOf(chunk: Uint8Array, byte: number, from: number): number {
  return from >= chunk.byteLength ? -1 : chunk.indexOf(byte, from);
}
