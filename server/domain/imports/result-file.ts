import { Buffer } from 'node:buffer';
import { createRecordParser } from '../files/csv-line.js';
import { createCsvLineEncoder } from '../files/index.js';
import type { ImportOutcome } from './apply.js';
import { ROW_STATUSES } from './apply.js';
import type { ImportSpec } from './import-spec.js';
import type { RetainedFile } from './retained-file.js';
import type { StagedFile } from './staged-file.js';

export const RESULT_FILE_COLUMNS = ['status', 'errorMessage'] as const;

/** Output is gathered into chunks of this size. */
const CHUNK_BYTES = 64 * 1024;
const SPACE = 32;

type Encode = (fields: readonly string[]) => Uint8Array;

/**
 * The result file: each input line, then the row's status and message, in the import's own
 * format. A row's line is copied from the uploaded file, read again, wherever that copy is what
 * encoding its parsed fields would write: the encoder encloses a field only when it holds the
 * separator, the enclosing character, CR or LF, or starts or ends with a space, so a line with no
 * enclosing character, no space at a field's edge and the file's own line break reads and writes
 * alike. Any other row is parsed again (or taken from its kept fields) and encoded. So no field of
 * a million rows is kept for it, and it is written at copying speed.
 */
export async function* resultFileChunks(
  spec: ImportSpec,
  staged: StagedFile,
  outcome: ImportOutcome | null,
): AsyncGenerator<Uint8Array> {
  const endOfLine = spec.format.endOfLine ?? '\n';
  const encode = createCsvLineEncoder({ ...spec.format, endOfLine });
  const out = new ChunkWriter();
  out.write(encode([...staged.header, ...RESULT_FILE_COLUMNS]));
  const source = staged.source;
  if (!outcome || !source) {
    yield* out.end();
    return;
  }
  const text = textCodec(spec.format.encoding);
  const separator = text.encode(spec.format.separator);
  const file = new FileWindow(source);
  const scan = new EdgeScan(spec, text);
  const suffixes = new Map<string, Uint8Array>();
  const lines = source.lines;
  let fileBreak = spec.format.endOfLine === undefined ? null : text.encode(spec.format.endOfLine);
  let parseRecord: ((record: string) => string[]) | null = null;
  const { messages, statuses } = outcome;
  // Kept rows are few: their numbers in order, so other rows need no map lookup.
  const keptRows = [...staged.keptFields.keys()].sort((a, b) => a - b);
  let nextKept = 0;
  for (let row = 0; row < statuses.length; row += 1) {
    const status = ROW_STATUSES[statuses[row] as number] as string;
    const message = messages.size === 0 ? '' : (messages.get(row) ?? '');
    if (keptRows[nextKept] === row) {
      nextKept += 1;
      out.write(encode([...(staged.keptFields.get(row) as string[]), status, message]));
    } else {
      const line = staged.lines[row] as number;
      const end = lines.start(line + 1);
      if (!file.has(end)) {
        await file.fill(end);
        scan.reset();
      }
      // The header line's break is the file's end-of-line, as the reader detected it.
      fileBreak ??= lineBreakOf(file, lines.start(1), lines.start(2));
      const start = lines.start(line) - file.base;
      const stop = end - file.base;
      const breakLength = breakLengthOf(file.bytes, start, stop);
      if (
        sameBreak(file.bytes, stop - breakLength, breakLength, fileBreak) &&
        scan.clean(file.bytes, start, stop - breakLength)
      ) {
        out.copy(file.bytes, start, stop - breakLength);
        if (message === '') out.write(suffixOf(suffixes, status, separator, encode));
        else {
          out.write(separator);
          out.write(encode([status, message]));
        }
      } else {
        // As the reader parsed it: its own line break included, cut at the file's end-of-line.
        parseRecord ??= createRecordParser({ ...spec.format, endOfLine: text.decode(fileBreak) as '\n' });
        const fields = parseRecord(text.decode(file.bytes.subarray(start, stop)));
        out.write(encode([...fields, status, message]));
      }
      if (file.consume(end)) scan.reset();
    }
    if (out.hasFull) yield* out.full();
  }
  yield* out.end();
}

/** The separator, the status and an empty message, encoded once per status. */
function suffixOf(
  cache: Map<string, Uint8Array>,
  status: string,
  separator: Buffer,
  encode: Encode,
): Uint8Array {
  let suffix = cache.get(status);
  if (!suffix) {
    suffix = Buffer.concat([separator, encode([status, ''])]);
    cache.set(status, suffix);
  }
  return suffix;
}

interface TextCodec {
  encode(text: string): Buffer;
  decode(bytes: Uint8Array): string;
}

function textCodec(encoding: ImportSpec['format']['encoding']): TextCodec {
  const name = encoding === 'UTF-8' ? 'utf8' : 'latin1';
  return {
    encode: (text) => Buffer.from(text, name),
    decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(name),
  };
}

/** Bytes of the line break ending bytes[start, stop): CRLF, CR, LF, or none (the file's last line). */
function breakLengthOf(bytes: Buffer, start: number, stop: number): number {
  const last = bytes[stop - 1];
  if (stop - start >= 2 && last === 10 && bytes[stop - 2] === 13) return 2;
  return stop > start && (last === 10 || last === 13) ? 1 : 0;
}

function lineBreakOf(file: FileWindow, start: number, stop: number): Buffer {
  const from = start - file.base;
  const to = stop - file.base;
  return Buffer.from(file.bytes.subarray(to - breakLengthOf(file.bytes, from, to), to));
}

function sameBreak(bytes: Buffer, at: number, length: number, expected: Buffer): boolean {
  if (length !== expected.byteLength) return false;
  for (let index = 0; index < length; index += 1) if (bytes[at + index] !== expected[index]) return false;
  return true;
}

/**
 * Whether a line's content holds nothing the encoder would write otherwise: no enclosing
 * character, no space at a field's edge. The searches run over the whole window of the file, once
 * per occurrence rather than once per row, so clean rows cost a few comparisons each.
 */
class EdgeScan {
  readonly #patterns: Buffer[];
  readonly #next: number[];

  constructor(spec: ImportSpec, text: TextCodec) {
    const { enclosing, separator } = spec.format;
    this.#patterns = [text.encode(enclosing), text.encode(` ${separator}`), text.encode(`${separator} `)];
    this.#next = this.#patterns.map(() => -2);
  }

  /** The window's bytes changed: found positions no longer hold. */
  reset(): void {
    this.#next.fill(-2);
  }

  clean(bytes: Buffer, start: number, stop: number): boolean {
    if (stop > start && (bytes[start] === SPACE || bytes[stop - 1] === SPACE)) return false;
    for (let index = 0; index < this.#patterns.length; index += 1) {
      const pattern = this.#patterns[index] as Buffer;
      let at = this.#next[index] as number;
      if (at !== -1 && at < start) {
        // A one-byte pattern (the usual enclosing character) is searched as a number: much cheaper.
        at =
          pattern.byteLength === 1
            ? bytes.indexOf(pattern[0] as number, start)
            : bytes.indexOf(pattern, start);
        this.#next[index] = at;
      }
      if (at !== -1 && at + pattern.byteLength <= stop) return false;
    }
    return true;
  }
}

/** The file read again, front to back: the bytes from `base` on, read as far as asked. */
class FileWindow {
  bytes: Buffer = Buffer.alloc(0);
  /** File offset of `bytes[0]`. */
  base = 0;
  readonly #source: AsyncIterator<Uint8Array>;
  /** The next chunk, asked for ahead: inflating it (on the thread pool) overlaps with the rows. */
  #ahead: Promise<IteratorResult<Uint8Array>> | null = null;

  constructor(source: RetainedFile) {
    this.#source = source.fileBytes();
    this.#ahead = this.#source.next();
  }

  has(end: number): boolean {
    return this.base + this.bytes.byteLength >= end;
  }

  async fill(end: number): Promise<void> {
    while (!this.has(end) && this.#ahead) {
      const next = await this.#ahead;
      this.#ahead = next.done ? null : this.#source.next();
      if (next.done) return;
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      this.bytes = this.bytes.byteLength === 0 ? chunk : Buffer.concat([this.bytes, chunk]);
    }
  }

  /** Bytes before `end` are no longer needed; returns whether they were dropped (positions moved). */
  consume(end: number): boolean {
    const drop = end - this.base;
    if (drop < this.bytes.byteLength / 2) return false;
    this.bytes = this.bytes.subarray(drop);
    this.base = end;
    return true;
  }
}

/** Gathers small writes into chunks of about CHUNK_BYTES. */
class ChunkWriter {
  #buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  #used = 0;
  readonly #ready: Uint8Array[] = [];

  get hasFull(): boolean {
    return this.#ready.length > 0;
  }

  write(bytes: Uint8Array): void {
    if (this.#used + bytes.byteLength > this.#buffer.byteLength) this.#flush();
    if (bytes.byteLength > this.#buffer.byteLength) {
      this.#ready.push(bytes);
      return;
    }
    this.#buffer.set(bytes, this.#used);
    this.#used += bytes.byteLength;
  }

  /** Writes source[start, stop) without making a view of it. */
  copy(source: Buffer, start: number, stop: number): void {
    const length = stop - start;
    if (this.#used + length > this.#buffer.byteLength) this.#flush();
    if (length > this.#buffer.byteLength) {
      this.#ready.push(Buffer.from(source.subarray(start, stop)));
      return;
    }
    source.copy(this.#buffer, this.#used, start, stop);
    this.#used += length;
  }

  *full(): Generator<Uint8Array> {
    yield* this.#ready.splice(0);
  }

  *end(): Generator<Uint8Array> {
    this.#flush();
    yield* this.#ready.splice(0);
  }

  #flush(): void {
    if (this.#used === 0) return;
    this.#ready.push(this.#buffer.subarray(0, this.#used));
    this.#buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.#used = 0;
  }
}
