import type { CsvDialect } from './csv-chunk-parser.js';

/**
 * Where the quoted field still open at the end of `text` begins, or -1 when every quote is
 * closed. `text` starts at a record boundary; papaparse's rules apply: a field is quoted when it
 * starts with the enclosing character, which inside it is escaped when doubled or, with a
 * distinct escaping character, preceded by it.
 */
export function openQuoteAt(text: string, dialect: CsvDialect): number {
  const { separator, enclosing, escaping } = dialect;
  let openedAt = -1;
  let fieldStart = true;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (openedAt !== -1) {
      if (char !== enclosing) continue;
      if (escaping !== enclosing && text[at - 1] === escaping) continue;
      if (escaping === enclosing && text[at + 1] === enclosing) {
        at += 1;
        continue;
      }
      openedAt = -1;
      continue;
    }
    if (char === enclosing && fieldStart) openedAt = at;
    fieldStart = char === separator || char === '\n' || char === '\r';
  }
  return openedAt;
}
