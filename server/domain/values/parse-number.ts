/**
 * INTEGER and NUMBER parsers. Both return the canonical stored string, or `undefined` when the value
 * is not acceptable. Plain character loops instead of regexes: these run on every numeric cell.
 */

const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

const isDigit = (code: number): boolean => code >= ZERO && code <= NINE;

/** Index of the first character after an optional sign. */
const signLength = (raw: string): number => {
  const first = raw.charCodeAt(0);
  return first === PLUS || first === MINUS ? 1 : 0;
};

/** Optional sign then ASCII digits, within the safe integer range so JSON output stays exact. */
export function parseInteger(raw: string): string | undefined {
  const start = signLength(raw);
  if (start === raw.length) return undefined;
  for (let i = start; i < raw.length; i++) if (!isDigit(raw.charCodeAt(i))) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) return undefined;
  // String(Number) drops the '+', leading zeros and the sign of -0: the canonical form.
  return String(value);
}

/**
 * Optional sign, digits, then optionally `.` and digits. No comma, exponent or thousands separator:
 * Actito's number format is the plain decimal one. Stored as written (bar a leading '+') so that
 * trailing zeros a sender chose are kept.
 */
export function parseNumber(raw: string): string | undefined {
  const start = signLength(raw);
  let i = start;
  while (i < raw.length && isDigit(raw.charCodeAt(i))) i++;
  if (i === start) return undefined;
  if (i < raw.length) {
    if (raw.charCodeAt(i) !== DOT) return undefined;
    const fraction = ++i;
    while (i < raw.length && isDigit(raw.charCodeAt(i))) i++;
    if (i === fraction || i < raw.length) return undefined;
  }
  // Hundreds of digits overflow a double; JSON could not carry the value.
  if (!Number.isFinite(Number(raw))) return undefined;
  return raw.charCodeAt(0) === PLUS ? raw.slice(1) : raw;
}
