import { isRealDate, isRealTime } from './calendar.js';

/**
 * DATE_FORMAT patterns: Java-style tokens (yyyy, yy, MM, M, dd, d, HH, H, mm, ss), literal
 * characters, and 'quoted' literals as in Java (`yyyy-MM-dd'T'HH:mm`, `''` for a quote). A pattern is
 * compiled once per transformation into a list of fields; a value is then read in one left-to-right
 * pass with no regex and no Date object.
 */

type Unit = 'year' | 'shortYear' | 'month' | 'day' | 'hour' | 'minute' | 'second';
type Field = { literal: string } | { unit: Unit; minDigits: number; maxDigits: number };

/** Each supported token: the unit it fills and how many digits it reads (1-2 for the short forms). */
const TOKENS: Readonly<Record<string, { unit: Unit; minDigits: number; maxDigits: number }>> = {
  yyyy: { unit: 'year', minDigits: 4, maxDigits: 4 },
  yy: { unit: 'shortYear', minDigits: 2, maxDigits: 2 },
  MM: { unit: 'month', minDigits: 2, maxDigits: 2 },
  M: { unit: 'month', minDigits: 1, maxDigits: 2 },
  dd: { unit: 'day', minDigits: 2, maxDigits: 2 },
  d: { unit: 'day', minDigits: 1, maxDigits: 2 },
  HH: { unit: 'hour', minDigits: 2, maxDigits: 2 },
  H: { unit: 'hour', minDigits: 1, maxDigits: 2 },
  mm: { unit: 'minute', minDigits: 2, maxDigits: 2 },
  ss: { unit: 'second', minDigits: 2, maxDigits: 2 },
};
const SUPPORTED = 'yyyy, yy, MM, M, dd, d, HH, H, mm, ss';

/** What reading one value gives: the canonical date (or date-time) string, or why it failed. */
export const NOT_MATCHING = 0;
export const NOT_A_REAL_DATE = 1;
export type DateReading = string | typeof NOT_MATCHING | typeof NOT_A_REAL_DATE;

export interface DateFormat {
  /** True when the pattern has hours: values then become `yyyy-MM-dd HH:mm:ss`. */
  hasTime: boolean;
  read: (raw: string) => DateReading;
}

type Parsed = { ok: true; fields: Field[]; units: Set<Unit> } | { ok: false; error: string };

/** An error sentence for a pattern that cannot be used, or `null`. For definition validation. */
export function checkTransformationFormat(fromFormat: string): string | null {
  const parsed = parsePattern(fromFormat);
  return parsed.ok ? null : parsed.error;
}

/**
 * `referenceYear` places two-digit years like Java's SimpleDateFormat: in the 100 years starting 80
 * years before it (with 2025: 45 -> 1945, 44 -> 2044). Throws on a pattern that
 * `checkTransformationFormat` rejects: definitions are validated before anything is compiled.
 */
export function compileDateFormat(fromFormat: string, referenceYear: number): DateFormat {
  const parsed = parsePattern(fromFormat);
  if (!parsed.ok) throw new Error(parsed.error);
  const { fields, units } = parsed;
  const hasTime = units.has('hour');
  const windowStart = referenceYear - 80;
  const century = windowStart - (windowStart % 100);

  const read = (raw: string): DateReading => {
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let at = 0;
    for (const field of fields) {
      if ('literal' in field) {
        if (!raw.startsWith(field.literal, at)) return NOT_MATCHING;
        at += field.literal.length;
        continue;
      }
      let value = 0;
      let digits = 0;
      while (digits < field.maxDigits) {
        const digit = raw.charCodeAt(at) - 48;
        if (!(digit >= 0 && digit <= 9)) break; // NaN past the end also stops here
        value = value * 10 + digit;
        digits++;
        at++;
      }
      if (digits < field.minDigits) return NOT_MATCHING;
      switch (field.unit) {
        case 'year':
          year = value;
          break;
        case 'shortYear':
          year = century + value < windowStart ? century + value + 100 : century + value;
          break;
        case 'month':
          month = value;
          break;
        case 'day':
          day = value;
          break;
        case 'hour':
          hour = value;
          break;
        case 'minute':
          minute = value;
          break;
        case 'second':
          second = value;
          break;
      }
    }
    if (at !== raw.length) return NOT_MATCHING;
    if (!isRealDate(year, month, day) || !isRealTime(hour, minute, second)) return NOT_A_REAL_DATE;
    const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    return hasTime ? `${date} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}` : date;
  };
  return { hasTime, read };
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const isPatternLetter = (char: string): boolean =>
  (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');

/** Splits a pattern into fields and checks it names a whole date (and a coherent time, if any). */
function parsePattern(fromFormat: string): Parsed {
  const fields: Field[] = [];
  const units = new Set<Unit>();
  let literal = '';
  const flushLiteral = () => {
    if (literal !== '') fields.push({ literal });
    literal = '';
  };
  let i = 0;
  while (i < fromFormat.length) {
    const char = fromFormat[i] as string;
    if (char === "'") {
      const end = fromFormat.indexOf("'", i + 1);
      if (end === -1) return failure(fromFormat, 'has a quote that is never closed');
      // Java: '' is a literal quote, inside or outside a quoted run.
      literal += end === i + 1 ? "'" : fromFormat.slice(i + 1, end);
      i = end + 1;
    } else if (isPatternLetter(char)) {
      let end = i;
      while (fromFormat[end] === char) end++;
      const token = fromFormat.slice(i, end);
      const spec = TOKENS[token];
      if (spec === undefined)
        return failure(fromFormat, `uses ${token}, which is not supported; use ${SUPPORTED}`);
      const unit = spec.unit === 'shortYear' ? 'year' : spec.unit;
      if (units.has(unit)) return failure(fromFormat, `gives the ${unit} twice`);
      units.add(unit);
      flushLiteral();
      fields.push(spec);
      i = end;
    } else {
      literal += char;
      i++;
    }
  }
  flushLiteral();
  const coherence = incoherence(units);
  return coherence === null ? { ok: true, fields, units } : failure(fromFormat, coherence);
}

function incoherence(units: Set<Unit>): string | null {
  if (!units.has('year') || !units.has('month') || !units.has('day')) {
    return 'needs a year (yyyy or yy), a month (MM or M) and a day (dd or d)';
  }
  if (units.has('minute') && !units.has('hour')) return 'has minutes (mm) but no hours (HH or H)';
  if (units.has('second') && !units.has('minute')) return 'has seconds (ss) but no minutes (mm)';
  return null;
}

const failure = (fromFormat: string, problem: string): Parsed => ({
  ok: false,
  error: `The date format ${JSON.stringify(fromFormat)} ${problem}`,
});
