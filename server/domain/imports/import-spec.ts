import type { AttributeMapping, EndOfLine, ImportMode } from '../../../contracts/format.js';
import type { EtlTransformation } from '../../../contracts/v5.js';
import type { ReadFormat } from '../files/index.js';

/**
 * What V4 parameters and V5 definitions both say about an import, once parsed: the shared core
 * of the two APIs works on this, so both write tables the same way.
 */
export interface ImportSpec {
  mode: ImportMode;
  format: {
    separator: string;
    enclosing: string;
    escaping: string;
    endOfLine: EndOfLine | undefined;
    encoding: 'UTF-8' | 'ISO-8859-1';
  };
  compression: ReadFormat['compression'];
  /** V5 rejects a byte order mark, V4 strips a UTF-8 one. */
  bom: ReadFormat['bom'];
  attributesMapping: AttributeMapping[];
  transformations: EtlTransformation[];
  /** Definition path prefix used in error details (`parameters.` for V4, `definition.` for V5). */
  pathPrefix: string;
  generateResultFile: boolean;
  generateErrorFile: boolean;
}
