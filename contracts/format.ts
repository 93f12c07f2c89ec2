import { z } from 'zod';
import { fidelity } from './fidelity.js';

const singleChar = (name: string) =>
  z
    .string()
    .transform((value) => (value === 'TAB' || value === '\\t' ? '\t' : value))
    .pipe(z.string().length(1, `${name} must be exactly one character`));

/** `\n`, `\r\n`, `\r`, or their names. */
export const EndOfLine = z
  .enum(['\n', '\r\n', '\r', 'LF', 'CRLF', 'CR', '\\n', '\\r\\n', '\\r'])
  .transform((value) => {
    const byName: Record<string, '\n' | '\r\n' | '\r'> = {
      LF: '\n',
      '\\n': '\n',
      CRLF: '\r\n',
      '\\r\\n': '\r\n',
      CR: '\r',
      '\\r': '\r',
    };
    return byName[value] ?? (value as '\n' | '\r\n' | '\r');
  })
  // The pipe gives the output side a JSON Schema (a bare transform has none).
  .pipe(z.enum(['\n', '\r\n', '\r']))
  .meta(
    fidelity(
      'confirmed',
      'Line ending of the data file; the names LF, CRLF, CR and the escaped forms are modelled aliases.',
    ),
  );
export type EndOfLine = z.output<typeof EndOfLine>;

export const Encoding = z.enum(['UTF-8', 'ISO-8859-1']).meta(fidelity('confirmed', 'File encoding.'));
export type Encoding = z.infer<typeof Encoding>;

export const Separator = singleChar('separator').meta(
  fidelity('confirmed', 'Field separator, one character; TAB or \\t name a tab.'),
);
export type Separator = z.output<typeof Separator>;
export const Enclosing = singleChar('enclosing').meta(
  fidelity('modelled', 'Quote character around fields holding the separator or a line break.'),
);
export type Enclosing = z.output<typeof Enclosing>;
export const Escaping = singleChar('escaping').meta(
  fidelity('modelled', 'Character escaping the enclosing character inside an enclosed field.'),
);
export type Escaping = z.output<typeof Escaping>;

/** The three characters of a CSV dialect, as the format object holds them once parsed. */
interface Dialect {
  separator: string;
  enclosing: string;
  escaping: string;
}

/**
 * What a CSV reader can honour, checked on the format object so each fault names its fields: no
 * line break (it ends records), a separator other than the enclosing character, and none of the
 * separators the CSV reader reserves (it would fall back to a comma without a word).
 */
export function refineDialect(format: Dialect, ctx: z.RefinementCtx): void {
  for (const key of ['separator', 'enclosing', 'escaping'] as const) {
    if (format[key] === '\n' || format[key] === '\r') {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `${key} cannot be a line break (CR or LF): line breaks end records`,
      });
    }
  }
  if (format.separator === format.enclosing) {
    const both = `format.separator and format.enclosing are both ${JSON.stringify(format.separator)}; they must differ`;
    ctx.addIssue({ code: 'custom', path: ['separator'], message: both });
    ctx.addIssue({ code: 'custom', path: ['enclosing'], message: both });
  } else if (format.separator === '"' || format.separator === '\ufeff') {
    ctx.addIssue({
      code: 'custom',
      path: ['separator'],
      message: `separator cannot be ${JSON.stringify(format.separator)}, which the CSV reader reserves; choose another character`,
    });
  }
}

/**
 * An ISO-8859-1 file cannot hold a character above U+00FF: declared as separator, enclosing or
 * escaping, it could never occur in the file. `at` is where the format object sits.
 */
export function refineDialectEncoding(
  format: Dialect,
  encoding: string,
  ctx: z.RefinementCtx,
  at: string[] = [],
): void {
  if (encoding !== 'ISO-8859-1') return;
  for (const key of ['separator', 'enclosing', 'escaping'] as const) {
    if ((format[key].codePointAt(0) ?? 0) > 0xff) {
      ctx.addIssue({
        code: 'custom',
        path: [...at, key],
        message: `${key} ${JSON.stringify(format[key])} cannot occur in an ISO-8859-1 file; choose a Latin-1 character or declare UTF-8`,
      });
    }
  }
}

export const ImportMode = z
  .enum(['CREATE_UPDATE', 'CREATE_ONLY', 'UPDATE_ONLY'])
  .meta(fidelity('modelled', 'Import mode; CREATE_UPDATE is confirmed, the other two names are modelled.'));
export type ImportMode = z.infer<typeof ImportMode>;

export const AttributeMapping = z
  .object({ headerColumn: z.string().min(1), attributeName: z.string().min(1) })
  .meta(fidelity('confirmed', 'Maps a CSV header column to a table attribute.'));
export type AttributeMapping = z.infer<typeof AttributeMapping>;

/** A data file part (CSV, or one CSV in a zip, or gzipped CSV); the mock detects the compression from the bytes. */
export const DataFile = z
  .file()
  .meta(
    fidelity(
      'confirmed',
      'The data file: CSV (RFC 4180, header line first), plain, zipped (one CSV inside) or gzipped; at most 100 MB.',
    ),
  );
export type DataFile = z.infer<typeof DataFile>;
