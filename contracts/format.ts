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
  });
export type EndOfLine = z.output<typeof EndOfLine>;

export const Encoding = z.enum(['UTF-8', 'ISO-8859-1']).meta(fidelity('confirmed', 'File encoding.'));
export type Encoding = z.infer<typeof Encoding>;

export const Separator = singleChar('separator');
export const Enclosing = singleChar('enclosing');
export const Escaping = singleChar('escaping');

export const ImportMode = z
  .enum(['CREATE_UPDATE', 'CREATE_ONLY', 'UPDATE_ONLY'])
  .meta(fidelity('modelled', 'Import mode; CREATE_UPDATE is confirmed, the other two names are modelled.'));
export type ImportMode = z.infer<typeof ImportMode>;

export const AttributeMapping = z
  .object({ headerColumn: z.string().min(1), attributeName: z.string().min(1) })
  .meta(fidelity('confirmed', 'Maps a CSV header column to a table attribute.'));
export type AttributeMapping = z.infer<typeof AttributeMapping>;
