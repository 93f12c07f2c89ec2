import type { EndOfLine } from './detect-end-of-line.js';

export interface QuoteDialect {
  separator: string;
  enclosing: string;
  escaping: string;
}

/** A line break outside quoted fields; `kind` null is a CR ending text that has more to come (maybe half a CRLF). */
export type OnRecordBreak = (at: number, kind: EndOfLine | null) => void;

/**
 * Walks `text`, which starts at a record boundary, with papaparse's quoting rules (a field is
 * quoted when it starts with the enclosing character, which inside it is escaped when doubled
 * or, with a distinct escaping character, preceded by it), calling `onBreak` for every line break
 * outside quoted fields. Returns where the quoted field still open at the end starts, or -1.
 */
export function scanRecordBreaks(
  text: string,
  dialect: QuoteDialect,
  final: boolean,
  onBreak: OnRecordBreak = () => {},
): number {
  const { separator, enclosing, escaping } = dialect;
  let openedAt = -1;
  let fieldStart = true;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (openedAt !== -1) {
      if (char !== enclosing) continue;
      if (escaping !== enclosing && text[at - 1] === escaping && at !== text.length - 1) continue;
      if (escaping === enclosing && text[at + 1] === enclosing) {
        at += 1;
        continue;
      }
      openedAt = -1;
      fieldStart = false;
      continue;
    }
    if (char === '\n') {
      onBreak(at, '\n');
    } else if (char === '\r') {
      if (text[at + 1] === '\n') {
        onBreak(at, '\r\n');
        at += 1;
      } else {
        onBreak(at, at + 1 === text.length && !final ? null : '\r');
      }
    } else if (char === enclosing && fieldStart) {
      openedAt = at;
    }
    fieldStart = char === separator || char === '\n' || char === '\r';
  }
  return openedAt;
}

/** Where the quoted field still open at the end of `text` starts, or -1 when every quote is closed. */
export function openQuoteAt(text: string, dialect: QuoteDialect): number {
  return scanRecordBreaks(text, dialect, false);
}

/** Whether `text` holds a line break other than `endOfLine` (outside quotes or in), needing a scan. */
export function hasOtherBreaks(text: string, endOfLine: EndOfLine, final: boolean): boolean {
  if (endOfLine === '\n') return text.includes('\r');
  if (endOfLine === '\r') return text.includes('\n') || (!final && text.endsWith('\r'));
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (text.charCodeAt(at - 1) !== 13) return true;
  }
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10 && (final || at + 1 < text.length)) return true;
  }
  return false;
}
