export type EndOfLine = '\n' | '\r\n' | '\r';

/**
 * Finds the end-of-line sequence of the first record, skipping line breaks inside quoted fields
 * (with papaparse's rules: a field is quoted when it starts with the enclosing character, and an
 * enclosing character is escaped when doubled or, with a distinct escape, preceded by it).
 * Returns undefined while the text seen so far cannot tell, e.g. it ends right after a CR.
 */
export function detectEndOfLine(
  text: string,
  separator: string,
  enclosing: string,
  escaping: string,
): EndOfLine | undefined {
  let quoted = false;
  let fieldStart = true;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (quoted) {
      if (char !== enclosing) continue;
      if (escaping !== enclosing && text[at - 1] === escaping) continue;
      if (escaping === enclosing) {
        if (at + 1 === text.length) return undefined;
        if (text[at + 1] === enclosing) {
          at += 1;
          continue;
        }
      }
      quoted = false;
      continue;
    }
    if (char === '\n') return '\n';
    if (char === '\r') return at + 1 === text.length ? undefined : text[at + 1] === '\n' ? '\r\n' : '\r';
    if (char === enclosing && fieldStart) quoted = true;
    fieldStart = char === separator;
  }
  return undefined;
}

/** The end-of-line to use when the whole text has no line break (or ends on a CR). */
export function endOfLineAtEnd(text: string): EndOfLine {
  return text.endsWith('\r') ? '\r' : '\n';
}
