import type { ReadFormat } from './read-csv.js';

const LINE_BREAKS = ['\r', '\n'];

/** Rejects formats the parser cannot honour; the definition's validation should have caught them. */
export function assertReadFormat(format: Pick<ReadFormat, 'separator' | 'enclosing' | 'escaping'>): void {
  for (const key of ['separator', 'enclosing', 'escaping'] as const) {
    const value = format[key];
    if (typeof value !== 'string' || value.length !== 1 || LINE_BREAKS.includes(value)) {
      throw new RangeError(`format.${key} must be exactly one character other than CR or LF`);
    }
  }
  if (format.separator === format.enclosing) {
    throw new RangeError('format.separator and format.enclosing must differ');
  }
  // papaparse silently falls back to ',' for these delimiters.
  if (format.separator === '"' || format.separator === '\ufeff') {
    throw new RangeError(`format.separator cannot be ${JSON.stringify(format.separator)}`);
  }
}
