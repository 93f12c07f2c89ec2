import { Buffer } from 'node:buffer';

export interface WriteFormat {
  separator: string;
  enclosing: string;
  escaping: string;
  endOfLine: '\n' | '\r\n' | '\r';
  encoding: 'UTF-8' | 'ISO-8859-1';
}

/** Characters ISO-8859-1 cannot hold (code points above U+00FF; `u` makes an emoji one match). */
const OUTSIDE_LATIN1 = /[\u0100-\u{10ffff}]/gu;

/**
 * Returns an encoder of one CSV line (end-of-line included) in the import's own format, for result
 * and error files. A field is enclosed only when it holds the separator, the enclosing character,
 * CR or LF, or starts or ends with a space (which some readers would trim); enclosing characters
 * inside it are escaped with `escaping`. ISO-8859-1 output writes '?' for what latin1 cannot hold.
 *
 * Caveat: with an escaping character distinct from the enclosing one, a value that must be enclosed
 * and ends with the escaping character cannot be written unambiguously (its closing enclosing
 * character reads as escaped); such a value is enclosed anyway.
 */
export function createCsvLineEncoder(format: WriteFormat): (fields: readonly string[]) => Uint8Array {
  const quote = createFieldQuoter(format);
  const toBytes = format.encoding === 'UTF-8' ? toUtf8 : toLatin1;
  return (fields) => toBytes(fields.map(quote).join(format.separator) + format.endOfLine);
}

function createFieldQuoter(format: WriteFormat): (field: string) => string {
  const { separator, enclosing, escaping } = format;
  const escaped = escaping + enclosing;
  return (field) => {
    const needsEnclosing =
      field.includes(separator) ||
      field.includes(enclosing) ||
      field.includes('\n') ||
      field.includes('\r') ||
      field.startsWith(' ') ||
      field.endsWith(' ');
    if (!needsEnclosing) return field;
    return enclosing + field.replaceAll(enclosing, escaped) + enclosing;
  };
}

function toUtf8(line: string): Uint8Array {
  return Buffer.from(line, 'utf8');
}

function toLatin1(line: string): Uint8Array {
  // Buffer's latin1 keeps only the low byte of wider characters: replace them first.
  return Buffer.from(line.replace(OUTSIDE_LATIN1, '?'), 'latin1');
}
