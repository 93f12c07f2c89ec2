import Papa from 'papaparse';
import type { CsvDialect } from './csv-chunk-parser.js';

/**
 * The fields of one CSV record given as text (one record, without its terminator), as the file's
 * reader parsed them; the result file uses it for the rare row it cannot copy byte for byte.
 */
export function parseCsvRecord(text: string, dialect: CsvDialect & { endOfLine: string }): string[] {
  const parsed = Papa.parse<string[]>(text, {
    delimiter: dialect.separator,
    quoteChar: dialect.enclosing,
    escapeChar: dialect.escaping,
    newline: dialect.endOfLine as '\n',
    header: false,
    skipEmptyLines: false,
  });
  return parsed.data[0] ?? [];
}
