import { z } from 'zod';
import { fidelity } from './fidelity.js';
import {
  AttributeMapping,
  DataFile,
  Enclosing,
  Encoding,
  EndOfLine,
  Escaping,
  ImportMode,
  refineDialect,
  refineDialectEncoding,
  Separator,
} from './format.js';
import { EntityPath } from './paths.js';

export const V4ImportParameters = z
  .object({
    mode: ImportMode,
    encoding: Encoding.default('UTF-8'),
    format: z
      .object({
        separator: Separator,
        endOfLine: EndOfLine.optional(),
        enclosing: Enclosing.default('"'),
        escaping: Escaping.default('"'),
      })
      .loose()
      .superRefine(refineDialect),
    generateResultFile: z.boolean().default(false),
    attributesMapping: z.array(AttributeMapping).default([]),
  })
  .loose()
  .superRefine((parameters, ctx) =>
    refineDialectEncoding(parameters.format, parameters.encoding, ctx, ['format']),
  )
  .meta({
    id: 'V4ImportParameters',
    ...fidelity(
      'confirmed',
      'V4 import definition (the `parameters` part). format.enclosing and format.escaping are modelled; unknown keys are ignored.',
    ),
  });
export type V4ImportParametersInput = z.input<typeof V4ImportParameters>;
export type V4ImportParameters = z.output<typeof V4ImportParameters>;

export const V4ImportStatusValue = z
  .enum(['PENDING', 'RUNNING', 'FINISHED', 'ERROR'])
  .meta(
    fidelity(
      'modelled',
      'FINISHED is confirmed (for imports with and without row errors alike); PENDING, RUNNING and ERROR (a file-level failure) are modelled.',
    ),
  );
export type V4ImportStatusValue = z.infer<typeof V4ImportStatusValue>;

export const V4ImportCreated = z.object({ id: z.number().int() }).meta({
  id: 'V4ImportCreated',
  ...fidelity('modelled', 'Answer to a V4 import upload: a numeric id (confirmed: clients read `id`).'),
});
export type V4ImportCreated = z.infer<typeof V4ImportCreated>;

export const V4ImportStatus = z
  .object({
    id: z.number().int(),
    status: V4ImportStatusValue,
    creationMoment: z.string(),
    endMoment: z.string().nullable(),
    errorMessage: z.string().optional().meta({ description: 'Only on ERROR: why the file was refused.' }),
  })
  .meta({ id: 'V4ImportStatus', ...fidelity('modelled', 'GET .../import/{id}/status.') });
export type V4ImportStatus = z.infer<typeof V4ImportStatus>;

export const V4ImportResult = z
  .object({
    withErrors: z.boolean(),
    rowsInError: z.number().int(),
    totalRows: z.number().int(),
    createdRows: z.number().int(),
    updatedRows: z.number().int(),
    skippedRows: z.number().int(),
  })
  .meta({
    id: 'V4ImportResult',
    ...fidelity(
      'modelled',
      'GET .../import/{id}/result: withErrors and rowsInError are confirmed; the other counts are modelled.',
    ),
  });
export type V4ImportResult = z.infer<typeof V4ImportResult>;

/** The multipart parts of POST .../table/{table}/import and .../customTable/{table}/import. */
export const V4ImportUpload = z.object({ parameters: V4ImportParameters, inputFile: DataFile }).meta({
  id: 'V4ImportUpload',
  ...fidelity(
    'confirmed',
    'multipart/form-data with part `inputFile` (the data file; a public client sent a zip as application/zip) and part `parameters` (the JSON, sent as a file part with application/json; a plain text field is also accepted: modelled).',
  ),
});
export type V4ImportUpload = z.infer<typeof V4ImportUpload>;

export const V4TablePath = EntityPath.extend({
  table: z.string().min(1).meta({ description: 'The table name (confirmed) or id (modelled).' }),
}).meta(fidelity('confirmed', 'Path parameters of a V4 import creation.'));
export type V4TablePath = z.infer<typeof V4TablePath>;

export const V4ImportPath = EntityPath.extend({
  import: z.string().regex(/^\d+$/).meta({ description: 'Import id, a number.' }),
}).meta(fidelity('confirmed', 'Path parameters of one V4 import.'));
export type V4ImportPath = z.infer<typeof V4ImportPath>;

export const V4ErrorFile = z.instanceof(Uint8Array).meta({
  contentMediaType: 'text/csv',
  ...fidelity(
    'modelled',
    'The error file, a CSV in the import own separator and encoding (charset in Content-Type): lineNumber (1 = header), column, value, errorCode, errorMessage, one line per faulty value.',
  ),
});
export type V4ErrorFile = z.infer<typeof V4ErrorFile>;

export const V4ResultFileZip = z.instanceof(Uint8Array).meta({
  contentMediaType: 'application/zip',
  ...fidelity(
    'modelled',
    'A zip holding result.csv: the input columns, then status (CREATED, UPDATED, SKIPPED, ERROR) and errorMessage, in the import own separator and encoding. A public client saves this answer as result_file.zip; the entry name is modelled.',
  ),
});
export type V4ResultFileZip = z.infer<typeof V4ResultFileZip>;
