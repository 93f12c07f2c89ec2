import Papa from 'papaparse';
import type { CsvDialect } from './csv-chunk-parser.js';

/**
 * Returns a parser of single CSV records given as text (one record with its line break), as the
 * file's reader parsed them: the result file uses it for the rare row it cannot copy byte for
 * byte. One papaparse `Parser` serves every call (creating one per row cost ~10 µs).
 */
export function createRecordParser(
  dialect: CsvDialect & { endOfLine: '\n' | '\r\n' | '\r' },
): (text: string) => string[] {
  const parser = new Papa.Parser({
    delimiter: dialect.separator,
    newline: dialect.endOfLine,
    quoteChar: dialect.enclosing,
    escapeChar: dialect.escaping,
    header: false,
    skipEmptyLines: false,
  });
  const papaparse = (text: string) => (parser.parse(text, 0, false) as { data: string[][] }).data[0] ?? [];
  return (text) => splitSimpleRecord(text, dialect) ?? papaparse(text);
}

/**
 * The fields of a one-line record whose quoted fields are all well-formed (enclosed whole, closed
 * right before a separator or the end): the common case, without papaparse's per-call setup (it
 * compiles a regular expression on every call). Null for anything else, left to papaparse.
 */
function splitSimpleRecord(text: string, dialect: CsvDialect & { endOfLine: string }): string[] | null {
  const { separator, enclosing, escaping, endOfLine } = dialect;
  const end = text.endsWith(endOfLine) ? text.length - endOfLine.length : text.length;
  if (text.indexOf('\r') < end && text.indexOf('\r') !== -1) return null;
  if (text.indexOf('\n') < end && text.indexOf('\n') !== -1) return null;
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (text.startsWith(enclosing, at)) {
      let value = '';
      let from = at + enclosing.length;
      for (;;) {
        const quote = text.indexOf(enclosing, from);
        if (quote === -1 || quote >= end) return null;
        if (escaping !== enclosing && quote > from && text.startsWith(escaping, quote - escaping.length)) {
          value += text.slice(from, quote - escaping.length) + enclosing;
          from = quote + enclosing.length;
          continue;
        }
        if (escaping === enclosing && text.startsWith(enclosing, quote + enclosing.length)) {
          value += text.slice(from, quote) + enclosing;
          from = quote + 2 * enclosing.length;
          continue;
        }
        value += text.slice(from, quote);
        at = quote + enclosing.length;
        break;
      }
      fields.push(value);
      if (at === end) return fields;
      if (!text.startsWith(separator, at)) return null;
      at += separator.length;
    } else {
      const next = text.indexOf(separator, at);
      if (next === -1 || next >= end) {
        fields.push(text.slice(at, end));
        return fields;
      }
      fields.push(text.slice(at, next));
      at = next + separator.length;
    }
  }
}
