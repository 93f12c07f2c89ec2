import { isRealDate, isRealTime } from './calendar.js';

/**
 * DATE (`yyyy-MM-dd`) and DATE_TIME (`yyyy-MM-dd HH:mm:ss`) parsers. The accepted text is already the
 * canonical form, so a valid value is returned as is. Fixed positions are read with charCodeAt
 * arithmetic: no regex, no substring, no Date object per value.
 */

const ZERO = 48;

/** The number written by `length` ASCII digits at `start`, or -1 if any of them is not a digit. */
function digitsAt(raw: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = raw.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isDatePrefix(raw: string): boolean {
  if (raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45) return false; // '-'
  return isRealDate(digitsAt(raw, 0, 4), digitsAt(raw, 5, 2), digitsAt(raw, 8, 2));
}

export function parseDate(raw: string): string | undefined {
  return raw.length === 10 && isDatePrefix(raw) ? raw : undefined;
}

export function parseDateTime(raw: string): string | undefined {
  if (raw.length !== 19 || !isDatePrefix(raw)) return undefined;
  if (raw.charCodeAt(10) !== 32 || raw.charCodeAt(13) !== 58 || raw.charCodeAt(16) !== 58) return undefined; // ' ', ':'
  return isRealTime(digitsAt(raw, 11, 2), digitsAt(raw, 14, 2), digitsAt(raw, 17, 2)) ? raw : undefined;
}
