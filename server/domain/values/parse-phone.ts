/**
 * PHONE parser: international numbers only (`+`, then 8 to 15 digits: E.164 allows at most 15 and no
 * real country's numbers are shorter than 8 with their country code). Spaces, dots, dashes and
 * parentheses are how people write numbers, so they are tolerated and dropped from the stored form.
 */

const PLUS = 43;
const ZERO = 48;
const NINE = 57;
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;
const SEPARATORS = /[ .()-]/g;

const isSeparator = (code: number): boolean =>
  code === 32 || code === 46 || code === 45 || code === 40 || code === 41; // ' ' '.' '-' '(' ')'

export function parsePhone(raw: string): string | undefined {
  if (raw.charCodeAt(0) !== PLUS) return undefined;
  let digits = 0;
  let separators = 0;
  for (let i = 1; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= ZERO && code <= NINE) {
      // Country codes never start with 0: '+0...' is a national number with a stray '+'.
      if (digits === 0 && code === ZERO) return undefined;
      digits++;
    } else if (isSeparator(code)) separators++;
    else return undefined;
  }
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) return undefined;
  return separators === 0 ? raw : raw.replace(SEPARATORS, '');
}
