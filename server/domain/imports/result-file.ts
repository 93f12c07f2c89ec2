import { Buffer } from 'node:buffer';
import { parseCsvRecord } from '../files/csv-line.js';
import type { LineStarts } from '../files/index.js';
import { createCsvLineEncoder } from '../files/index.js';
import type { ImportOutcome } from './apply.js';
import { ROW_STATUSES } from './apply.js';
import type { ImportSpec } from './import-spec.js';
import type { RetainedFile } from './retained-file.js';
import type { StagedFile } from './staged-file.js';

export const RESULT_FILE_COLUMNS = ['status', 'errorMessage'] as const;

/** Output is gathered into chunks of this size. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The result file: each input line, then the row's status and message, in the import's own
 * format. A row's line is copied from the uploaded file, read again, wherever that copy is what
 * encoding its parsed fields would write (no enclosing character, no space at a field's edge, the
 * file's own line break); any other row is parsed again, or taken from its kept fields, and
 * encoded. So the mock keeps no field of a million rows for it, and writes it at copying speed.
 */
export async function* resultFileChunks(
  spec: ImportSpec,
  staged: StagedFile,
  outcome: ImportOutcome | null,
): AsyncGenerator<Uint8Array> {
  const endOfLine = spec.format.endOfLine ?? '\n';
  const format = { ...spec.format, endOfLine };
  const encode = createCsvLineEncoder(format);
  const out = new ChunkWriter();
  out.write(encode([...staged.header, ...RESULT_FILE_COLUMNS]));
  if (!outcome || !staged.source) {
    yield* out.end();
    return;
  }
  const text = textCodec(spec.format.encoding);
  const separator = text.encode(spec.format.separator);
  const rows = new RowBytes(staged);
  const copyable = copyCheck(spec, text);
  const suffixes = new Map<number, Uint8Array>();
  const declaredBreak = spec.format.endOfLine === undefined ? null : text.encode(spec.format.endOfLine);
  for (let row = 0; row < outcome.statuses.length; row += 1) {
    const status = outcome.statuses[row] as number;
    const message = outcome.messages.get(row) ?? '';
    const kept = staged.keptFields.get(row);
    if (kept) {
      out.write(encode([...kept, ROW_STATUSES[status] as string, message]));
    } else {
      if (!rows.ready(row)) await rows.fill(row);
      const line = rows.line(row);
      const fileBreak = declaredBreak ?? rows.fileBreak();
      if (copyable(line.content) && equalBytes(line.lineBreak, fileBreak)) {
        out.write(line.content);
        out.write(separator);
        out.write(
          message === ''
            ? suffixOf(suffixes, status, encode)
            : encode([ROW_STATUSES[status] as string, message]),
        );
      } else {
        // As the reader parsed it: its own line break included, cut at the file's end-of-line.
        const fields = parseCsvRecord(text.decode(Buffer.concat([line.content, line.lineBreak])), {
          ...spec.format,
          endOfLine: (text.decode(fileBreak) || endOfLine) as '\n',
        });
        out.write(encode([...fields, ROW_STATUSES[status] as string, message]));
      }
    }
    if (out.hasFull) yield* out.full();
  }
  yield* out.end();
}

function suffixOf(
  cache: Map<number, Uint8Array>,
  status: number,
  encode: (fields: readonly string[]) => Uint8Array,
): Uint8Array {
  let suffix = cache.get(status);
  if (!suffix) {
    suffix = encode([ROW_STATUSES[status] as string, '']);
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

/**
 * Whether a line's bytes are what the encoder would write for its fields: fields are enclosed only
 * when they hold the separator, the enclosing character, CR or LF, or start or end with a space,
 * so a line without enclosing character, CR, LF or space at a field's edge reads and writes alike.
 */
function copyCheck(spec: ImportSpec, text: TextCodec): (line: Buffer) => boolean {
  const enclosing = text.encode(spec.format.enclosing);
  const spaceBefore = text.encode(` ${spec.format.separator}`);
  const spaceAfter = text.encode(`${spec.format.separator} `);
  return (line) => {
    if (line.indexOf(enclosing) !== -1 || line.indexOf(13) !== -1 || line.indexOf(10) !== -1) return false;
    if (line.indexOf(32) === -1) return true;
    return (
      line[0] !== 32 &&
      line[line.byteLength - 1] !== 32 &&
      line.indexOf(spaceBefore) === -1 &&
      line.indexOf(spaceAfter) === -1
    );
  };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/** The file read again, handing out each data row's line (its content and its line break), in order. */
class RowBytes {
  readonly #bytes: AsyncIterator<Uint8Array>;
  readonly #lines: LineStarts;
  #pending: Buffer = Buffer.alloc(0);
  /** File offset of `#pending[0]`. */
  #at = 0;
  #fileBreak: Buffer | null = null;

  constructor(private readonly staged: StagedFile) {
    const source = staged.source as RetainedFile;
    this.#bytes = source.fileBytes();
    this.#lines = source.lines;
  }

  /** The header line's break: the file's end-of-line, as the reader detected it. */
  fileBreak(): Buffer {
    return this.#fileBreak ?? Buffer.alloc(0);
  }

  /** Whether row's line is read already. */
  ready(row: number): boolean {
    return this.#fileBreak !== null && this.#at + this.#pending.byteLength >= this.#end(row);
  }

  /** Reads the file on until row's line is in. */
  async fill(row: number): Promise<void> {
    if (this.#fileBreak === null) {
      await this.#readUpTo(this.#lines.start(2));
      const header = this.#pending.subarray(0, this.#lines.start(2));
      const length = header.byteLength;
      const crlf = length >= 2 && header[length - 2] === 13 && header[length - 1] === 10;
      const last = header[length - 1];
      const breakLength = crlf ? 2 : last === 10 || last === 13 ? 1 : 0;
      this.#fileBreak = Buffer.from(header.subarray(length - breakLength));
    }
    await this.#readUpTo(this.#end(row));
  }

  /** Row's line; call once per row, in order, once it is `ready`. */
  line(row: number): { content: Buffer; lineBreak: Buffer } {
    const start = this.#lines.start(this.staged.lines[row] as number);
    const end = this.#end(row);
    const line = this.#pending.subarray(start - this.#at, end - this.#at);
    this.#pending = this.#pending.subarray(end - this.#at);
    this.#at = end;
    const length = line.byteLength;
    const last = line[length - 1];
    const breakLength =
      length >= 2 && line[length - 2] === 13 && last === 10 ? 2 : last === 10 || last === 13 ? 1 : 0;
    return {
      content: line.subarray(0, length - breakLength),
      lineBreak: line.subarray(length - breakLength),
    };
  }

  #end(row: number): number {
    return this.#lines.start((this.staged.lines[row] as number) + 1);
  }

  async #readUpTo(end: number): Promise<void> {
    while (this.#at + this.#pending.byteLength < end) {
      const next = await this.#bytes.next();
      if (next.done) return;
      const chunk: Buffer = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      this.#pending = this.#pending.byteLength === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    }
  }
}

/** Gathers small writes into chunks of about CHUNK_BYTES. */
class ChunkWriter {
  #buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  #used = 0;
  readonly #ready: Uint8Array[] = [];

  write(bytes: Uint8Array): void {
    if (this.#used + bytes.byteLength > this.#buffer.byteLength) this.#flush();
    if (bytes.byteLength > this.#buffer.byteLength) {
      this.#ready.push(bytes);
      return;
    }
    this.#buffer.set(bytes, this.#used);
    this.#used += bytes.byteLength;
  }

  get hasFull(): boolean {
    return this.#ready.length > 0;
  }

  *full(): Generator<Uint8Array> {
    if (this.#ready.length > 0) yield* this.#ready.splice(0);
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
