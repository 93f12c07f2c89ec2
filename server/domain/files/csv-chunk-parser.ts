import Papa from 'papaparse';
import { detectEndOfLine, type EndOfLine, endOfLineAtEnd } from './detect-end-of-line.js';
import { FileLevelError } from './file-level-error.js';
import { countLineBreaks } from './line-breaks.js';
import { hasOtherBreaks, openQuoteAt, scanRecordBreaks } from './record-breaks.js';

export interface CsvDialect {
  separator: string;
  enclosing: string;
  escaping: string;
  /** undefined = detect from the first record. */
  endOfLine?: EndOfLine | undefined;
}

/** One record; `line` is the physical line (1-based) it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * The longest record kept waiting for its end. Past it the record is almost surely an unclosed
 * quote swallowing the rest of the file, and holding on would defeat bounded memory.
 */
export const MAX_RECORD_CHARS = 1 << 20;

/** What papaparse's low-level Parser returns (its typings say `any`). */
interface PapaResult {
  data: string[][];
  errors: Papa.ParseError[];
  meta: { cursor: number };
}

/**
 * Incremental CSV parsing on papaparse's own streaming primitive: `Parser.parse(text, 0, true)`
 * parses every complete record and reports where the unfinished last one starts, which is kept and
 * parsed again with the next chunk (what papaparse's ChunkStreamer does). On top it tracks the
 * physical line of every record, skipping (but counting) blank lines.
 */
export class CsvChunkParser {
  private pending = '';
  private line = 1;
  private afterCR = false;
  private readonly parsers = new Map<EndOfLine, Papa.Parser>();
  /** The declared end-of-line, else the first record's: papaparse's fast path when a text holds no other. */
  private endOfLine: EndOfLine | undefined;

  constructor(
    private readonly dialect: CsvDialect,
    private readonly maxRecordChars = MAX_RECORD_CHARS,
  ) {
    this.endOfLine = dialect.endOfLine;
  }

  /** Parses what `text` completes; the unfinished tail waits for the next chunk. */
  push(text: string): CsvRecord[] {
    const input = this.pending + text;
    this.endOfLine ??= detectEndOfLine(
      input,
      this.dialect.separator,
      this.dialect.enclosing,
      this.dialect.escaping,
    );
    const records = this.endOfLine === undefined ? this.wait(input) : this.parse(input, false);
    if (this.pending.length > this.maxRecordChars)
      throw this.tooLongError(openQuoteAt(this.pending, this.dialect));
    return records;
  }

  /** Parses everything left: the input has ended. */
  end(text = ''): CsvRecord[] {
    const input = this.pending + text;
    if (input === '') return [];
    this.endOfLine ??= endOfLineAtEnd(input);
    return this.parse(input, true);
  }

  /** The line a position lies on: `text` more characters past what was pushed so far. */
  lineAt(text: string): number {
    return this.line + countLineBreaks(this.pending + text, 0, undefined, this.afterCR);
  }

  private wait(input: string): CsvRecord[] {
    this.pending = input;
    return [];
  }

  private parse(raw: string, final: boolean): CsvRecord[] {
    const endOfLine = this.endOfLine as EndOfLine;
    // A text holding only one kind of line break goes to papaparse as it is (the common case);
    // any other is scanned, its record breaks checked against a declared end-of-line and made LF.
    const mixed = hasOtherBreaks(raw, endOfLine, final);
    const input = mixed ? this.recordBreaksAsLf(raw, final) : raw;
    const result = this.papa(mixed ? '\n' : endOfLine).parse(input, 0, !final) as PapaResult;
    const cursor = final ? input.length : result.meta.cursor;
    const breaks = countLineBreaks(input, 0, cursor, this.afterCR);
    const lines = this.startLines(result.data, breaks, final);
    this.assertNoQuoteError(result, lines);
    // Only the first record can have begun in what was waiting; the rest fit in one slice.
    if (input.length > this.maxRecordChars && recordLength(result.data[0]) > this.maxRecordChars) {
      throw this.tooLongError(-1);
    }
    this.line += breaks;
    if (cursor > 0) this.afterCR = input.charCodeAt(cursor - 1) === 13;
    this.pending = input.slice(cursor);
    return toRecords(result.data, lines);
  }

  private papa(newline: EndOfLine): Papa.Parser {
    let parser = this.parsers.get(newline);
    if (!parser) {
      parser = new Papa.Parser({
        delimiter: this.dialect.separator,
        newline,
        quoteChar: this.dialect.enclosing,
        escapeChar: this.dialect.escaping,
        header: false,
        skipEmptyLines: false,
      });
      this.parsers.set(newline, parser);
    }
    return parser;
  }

  /**
   * `text` with every record break (a line break outside quoted fields) as LF; values keep
   * theirs. Undeclared, LF, CRLF and CR end records alike; declared, a record break of another
   * kind fails the file, naming the line and both endings. A CR ending text with more to come
   * stays as it is: it may be half a CRLF.
   */
  private recordBreaksAsLf(text: string, final: boolean): string {
    const declared = this.dialect.endOfLine;
    let out = '';
    let from = 0;
    scanRecordBreaks(text, this.dialect, final, (at, kind) => {
      if (kind === null) return;
      if (declared !== undefined && kind !== declared) throw this.endOfLineError(text, at, kind, declared);
      if (kind === '\n') return;
      out += `${text.slice(from, at)}\n`;
      from = at + kind.length;
    });
    return from === 0 ? text : out + text.slice(from);
  }

  private endOfLineError(text: string, at: number, found: EndOfLine, declared: EndOfLine): FileLevelError {
    const line = this.line + countLineBreaks(text, 0, at, this.afterCR);
    return new FileLevelError(
      'FILE_MALFORMED_CSV',
      `line ${line} ends with ${EOL_NAMES[found]}, but format.endOfLine is ${EOL_NAMES[declared]}; declare the file's line ending, leave format.endOfLine out (LF and CRLF are then read alike), or enclose values holding line breaks in ${show(this.dialect.enclosing)}`,
    );
  }

  /**
   * The start line of each row. Papaparse gives no positions per row, so when the parsed text has
   * exactly one break per record (the common case) rows are on consecutive lines; otherwise some
   * record spans lines and the breaks inside each row's values are counted.
   */
  private startLines(rows: string[][], breaks: number, final: boolean): number[] {
    // Every row but the very last of the file ends with an end-of-line.
    const consecutive = breaks === (final ? rows.length - 1 : rows.length);
    const lines = new Array<number>(rows.length);
    let line = this.line;
    for (let index = 0; index < rows.length; index += 1) {
      lines[index] = line;
      line += consecutive ? 1 : 1 + innerBreaks(rows[index] ?? []);
    }
    return lines;
  }

  private assertNoQuoteError(result: PapaResult, lines: number[]): void {
    // Errors on the unfinished last row are artefacts of the chunk boundary: it is parsed again.
    const error = result.errors.find((candidate) => (candidate.row ?? 0) < result.data.length);
    if (!error) return;
    const line = lines[error.row ?? 0] ?? this.line;
    const { enclosing, escaping } = this.dialect;
    const fix = `escape the ${show(enclosing)} characters inside values as ${show(escaping + enclosing)}`;
    const problem =
      error.code === 'MissingQuotes'
        ? `a quoted field is never closed (no closing ${show(enclosing)})`
        : `a quoted field has text after its closing ${show(enclosing)}`;
    throw new FileLevelError(
      'FILE_MALFORMED_CSV',
      `line ${line}: ${problem}; enclose whole values and ${fix}`,
    );
  }

  /**
   * Names the limit, and suggests the enclosing only when a quoted field is what never ended:
   * `quote` is where the field still open in the waiting text starts (-1 for none).
   */
  private tooLongError(quote: number): FileLevelError {
    const { enclosing, escaping } = this.dialect;
    const limit = `${this.maxRecordChars} characters (${this.maxRecordChars / (1 << 20)} MiB), the most one record may hold`;
    if (quote === -1) {
      return new FileLevelError(
        'FILE_MALFORMED_CSV',
        `line ${this.line}: the record starting here is longer than ${limit}; split the line, or check that the file is a CSV`,
      );
    }
    const line = this.line + countLineBreaks(this.pending, 0, quote, this.afterCR);
    return new FileLevelError(
      'FILE_MALFORMED_CSV',
      `line ${line}: a quoted field starting here is not closed within ${limit}; check format.enclosing (${show(enclosing)}) and escape the enclosing characters inside values as ${show(escaping + enclosing)}`,
    );
  }
}

const EOL_NAMES: Record<EndOfLine, string> = { '\n': 'LF (\\n)', '\r\n': 'CRLF (\\r\\n)', '\r': 'CR (\\r)' };

/** Line breaks inside a row's values (only quoted values hold any: record breaks end rows). */
function innerBreaks(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) breaks += countLineBreaks(field);
  return breaks;
}

/** The characters of a record's values and separators. */
function recordLength(fields: string[] | undefined): number {
  if (!fields) return 0;
  let length = fields.length - 1;
  for (const field of fields) length += field.length;
  return length;
}

/** Rows as records, without blank lines (nothing but spaces, or nothing at all). */
function toRecords(rows: string[][], lines: number[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    const fields = rows[index] ?? [];
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') continue;
    records.push({ line: lines[index] ?? 0, fields });
  }
  return records;
}

/** A format character as users would write it in the definition. */
export function show(chars: string): string {
  return `'${chars.replaceAll('\t', '\\t')}'`;
}
