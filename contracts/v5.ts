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
import { TableType } from './tables.js';

export const EtlTableRef = z
  .object({
    type: TableType,
    name: z.string().min(1).optional(),
    id: z.union([z.string().min(1), z.number().int()]).optional(),
  })
  .refine((table) => table.name !== undefined || table.id !== undefined, {
    message: 'table needs a name or an id',
  })
  .meta(fidelity('modelled', 'Destination table of an ETL execution.'));
export type EtlTableRef = z.infer<typeof EtlTableRef>;

export const Compression = z
  .enum(['NONE', 'ZIP', 'GZIP'])
  .meta(fidelity('modelled', 'Compression of the data file; detected from the bytes when left out.'));
export type Compression = z.infer<typeof Compression>;

export const EtlFormat = z
  .object({
    separator: Separator.default(';'),
    enclosing: Enclosing.default('"'),
    escaping: Escaping.default('"'),
    endOfLine: EndOfLine.optional(),
    encoding: Encoding.default('UTF-8'),
  })
  .loose()
  .superRefine((format, ctx) => {
    refineDialect(format, ctx);
    refineDialectEncoding(format, format.encoding, ctx);
  })
  .meta(fidelity('modelled', 'CSV format of the data file, encoding included.'));
export type EtlFormat = z.output<typeof EtlFormat>;

const transformation = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), headerColumn: z.string().min(1), ...shape });

export const EtlTransformation = z
  .discriminatedUnion('type', [
    transformation('TRIM', {}),
    transformation('UPPERCASE', {}),
    transformation('LOWERCASE', {}),
    transformation('VALUE_MAPPING', { mapping: z.record(z.string(), z.string()) }),
    transformation('DATE_FORMAT', { fromFormat: z.string().min(1) }),
    transformation('DEFAULT_VALUE', { value: z.string() }),
  ])
  .meta(fidelity('modelled', 'A value transformation applied to one header column before validation.'));
export type EtlTransformation = z.infer<typeof EtlTransformation>;

export const EtlDefinition = z
  .object({
    table: EtlTableRef,
    mode: ImportMode,
    file: z
      .object({
        compression: Compression.optional(),
        fileNamePattern: z.string().min(1).optional(),
      })
      .loose()
      .optional(),
    format: EtlFormat.default({ separator: ';', enclosing: '"', escaping: '"', encoding: 'UTF-8' }),
    attributesMapping: z.array(AttributeMapping).default([]),
    transformations: z.array(EtlTransformation).default([]),
    remoteLocation: z
      .object({ locationId: z.string().min(1) })
      .loose()
      .optional(),
    reportRecipients: z.array(z.email()).default([]),
    outputFiles: z
      .object({
        generateResultFile: z.boolean().default(false),
        generateErrorFile: z.boolean().default(false),
      })
      .default({ generateResultFile: false, generateErrorFile: false }),
  })
  .loose()
  .meta({
    id: 'EtlDefinition',
    ...fidelity(
      'modelled',
      'One-shot ETL definition (the JSON part of the upload). Unknown keys are ignored.',
    ),
  });
/** What a client sends. */
export type EtlDefinitionInput = z.input<typeof EtlDefinition>;
/** The definition with its defaults applied. */
export type EtlDefinition = z.output<typeof EtlDefinition>;

export const EtlExecutionStatus = z
  .enum(['PENDING', 'RUNNING', 'SUCCESS', 'WITH_ERROR', 'ERROR'])
  .meta(
    fidelity(
      'modelled',
      'SUCCESS and WITH_ERROR are confirmed final values; PENDING, RUNNING and ERROR are modelled.',
    ),
  );
export type EtlExecutionStatus = z.infer<typeof EtlExecutionStatus>;

export const EtlExecutionCreated = z.object({ id: z.string().regex(/^\d+$/) }).meta({
  id: 'EtlExecutionCreated',
  ...fidelity('modelled', 'Answer to an execution upload (ids are numeric strings: confirmed).'),
});
export type EtlExecutionCreated = z.infer<typeof EtlExecutionCreated>;

export const EtlExecution = z
  .object({
    id: z.string(),
    status: EtlExecutionStatus,
    creationMoment: z.string(),
    startMoment: z.string().nullable(),
    endMoment: z.string().nullable(),
    definition: EtlDefinition,
    errorMessage: z.string().nullable(),
  })
  .meta({
    id: 'EtlExecution',
    ...fidelity(
      'modelled',
      'An execution: repeats its definition and carries its status (confirmed); the rest is modelled.',
    ),
  });
export type EtlExecution = z.infer<typeof EtlExecution>;

export const IntegrationResult = z
  .object({
    table: z.object({ type: TableType, name: z.string(), id: z.string() }),
    totalRows: z.number().int(),
    createdRows: z.number().int(),
    updatedRows: z.number().int(),
    skippedRows: z.number().int(),
    rowsInError: z.number().int(),
    withErrors: z.boolean(),
    fileName: z.string().nullable().optional().meta({
      description:
        'Executions of a persistent ETL only: the file that fed this table; null when an optional file was absent.',
    }),
  })
  .meta(fidelity('modelled', 'Counts of one destination table.'));
export type IntegrationResult = z.infer<typeof IntegrationResult>;

export const IntegrationResults = z
  .object({ executionId: z.string(), results: z.array(IntegrationResult) })
  .meta({ id: 'IntegrationResults', ...fidelity('modelled', 'Counts of a finished execution, per table.') });
export type IntegrationResults = z.infer<typeof IntegrationResults>;

/** The multipart parts of POST .../etl-executions, by part name. */
export const EtlExecutionUpload = z
  .object({ definition: EtlDefinition, inputFile: DataFile.optional() })
  .meta({
    id: 'EtlExecutionUpload',
    ...fidelity(
      'modelled',
      'multipart/form-data with two files, the JSON definition and the data file (confirmed). The part names are modelled: `definition` (aliases `parameters`, `etl`) and `inputFile` (aliases `file`, `data`). Leave the data part out when the definition names a remoteLocation.',
    ),
  });
export type EtlExecutionUpload = z.infer<typeof EtlExecutionUpload>;

export const EtlExecutionPath = EntityPath.extend({
  id: z.string().regex(/^\d+$/).meta({ description: 'Execution id, a numeric string.' }),
}).meta(fidelity('confirmed', 'Path parameters of one ETL execution.'));
export type EtlExecutionPath = z.infer<typeof EtlExecutionPath>;

export const EtlOutputFilesZip = z.instanceof(Uint8Array).meta({
  contentMediaType: 'application/zip',
  ...fidelity(
    'modelled',
    'A zip holding result.csv and/or errors.csv, as the definition requested (getting both at once is confirmed; the zip and its entry names are modelled).',
  ),
});
export type EtlOutputFilesZip = z.infer<typeof EtlOutputFilesZip>;
