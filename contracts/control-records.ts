import { z } from 'zod';
import { JournalDataFile, JournalTableFile, RecordKind, TableSummary } from './control.js';
import { fidelity } from './fidelity.js';
import { V4ImportParameters, V4ImportStatusValue } from './v4.js';
import { EtlDefinition, EtlExecutionStatus } from './v5.js';
import { PersistentEtlDefinition } from './v5-etls.js';

const control = (id: string, description: string) => ({ id, ...fidelity('modelled', description) });

// ---- Tenants ----

export const TenantSummary = z
  .object({
    name: z.string(),
    entities: z.array(z.string()),
    etlExecutions: z.number().int(),
    v4Imports: z.number().int(),
    now: z.string().meta({ description: "The tenant's mock time." }),
  })
  .meta(control('TenantSummary', 'A tenant the mock knows, with how many records it holds.'));
export type TenantSummary = z.infer<typeof TenantSummary>;

export const TenantsResponse = z
  .object({
    defaultTenant: z.string().meta({ description: 'The tenant of requests that name none.' }),
    tenants: z.array(TenantSummary),
  })
  .meta(
    control(
      'TenantsResponse',
      'Every tenant a request has named since the mock started (any other name starts a fresh tenant on first use).',
    ),
  );
export type TenantsResponse = z.infer<typeof TenantsResponse>;

// ---- Imports and executions of the tenant ----

export const RecordCounts = z
  .object({
    totalRows: z.number().int(),
    createdRows: z.number().int(),
    updatedRows: z.number().int(),
    skippedRows: z.number().int(),
    rowsInError: z.number().int(),
  })
  .meta(control('RecordCounts', 'The row counts of a finished record.'));
export type RecordCounts = z.infer<typeof RecordCounts>;

export const RecordFile = z
  .object({
    name: z.enum(['outputFiles', 'errorFile', 'resultFile']),
    fileName: z.string().meta({ description: 'As the download names it in Content-Disposition.' }),
    contentType: z.string(),
    entries: z.array(z.string()).meta({ description: 'The files a zip holds; empty for a CSV.' }),
    href: z
      .string()
      .meta({ description: 'Control-plane download (no token): the same bytes as `actitoPath`.' }),
    actitoPath: z.string().meta({ description: 'The Actito route a client downloads it from.' }),
    available: z.boolean().meta({ description: 'The record is final, so the file exists.' }),
  })
  .meta(control('RecordFile', 'An output file a record asked for.'));
export type RecordFile = z.infer<typeof RecordFile>;

export const RecordTable = JournalTableFile.extend({
  counts: RecordCounts.nullable().meta({
    description: 'Null until final, and when the table wrote nothing.',
  }),
  errorMessage: z.string().nullable().meta({ description: 'Why this table wrote nothing, if it did not.' }),
}).meta(
  control('RecordTable', 'One table entry of an execution of a persistent ETL: its file and its counts.'),
);
export type RecordTable = z.infer<typeof RecordTable>;

const recordShape = {
  id: z.string(),
  entity: z.string(),
  table: TableSummary,
  outcome: z
    .enum(['SUCCESS', 'WITH_ERROR', 'ERROR'])
    .nullable()
    .meta({ description: 'The final status of the run behind the record; null until final.' }),
  creationMoment: z.string(),
  startMoment: z.string().nullable(),
  endMoment: z.string().nullable(),
  nextMoveMoment: z.string().nullable().meta({
    description:
      'When time alone moves the record on next; null when final, or when only a status read or an advance can.',
  }),
  counts: RecordCounts.nullable().meta({ description: 'Null until final, and for a file-level failure.' }),
  errorMessage: z.string().nullable(),
  dataFile: JournalDataFile,
  files: z.array(RecordFile),
};

export const MockRecord = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('v5.etlExecution'),
      status: EtlExecutionStatus,
      ...recordShape,
      definition: z.union([EtlDefinition, PersistentEtlDefinition]),
      etlId: z.string().optional().meta({ description: 'Executions of a persistent ETL: the ETL that ran.' }),
      trigger: z.enum(['TRIGGER_EXECUTION', 'FILE_TRANSFER']).optional(),
      tables: z.array(RecordTable).optional().meta({
        description:
          'Executions of a persistent ETL: each table entry (`table` and `counts` above are the first and the sum).',
      }),
    }),
    z.object({
      kind: z.literal('v4.import'),
      status: V4ImportStatusValue.meta({ description: 'As the V4 status route answers it.' }),
      ...recordShape,
      parameters: V4ImportParameters,
    }),
  ])
  .meta(
    control(
      'MockRecord',
      'A V5 ETL execution or a V4 import, with its timeline, counts, definition and files, as of now.',
    ),
  );
export type MockRecord = z.infer<typeof MockRecord>;

export const RecordsQuery = z
  .object({
    entity: z.string().min(1).optional(),
    kind: RecordKind.optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(100)
      .meta({ description: 'At most this many records, newest first (100 by default).' }),
  })
  .meta(control('RecordsQuery', 'Filters of the records list; all optional, combined with AND.'));
export type RecordsQuery = z.input<typeof RecordsQuery>;

export const RecordsResponse = z
  .object({
    tenant: z.string(),
    now: z.string(),
    total: z.number().int().meta({ description: 'Records matching the filters, beyond `limit` included.' }),
    records: z.array(MockRecord),
  })
  .meta(
    control(
      'RecordsResponse',
      "The tenant's imports and executions, newest first, settled as of now. Reading them is not a status read: nothing moves, nothing is journaled.",
    ),
  );
export type RecordsResponse = z.infer<typeof RecordsResponse>;

// ---- Path parameters of the control-plane downloads ----

export const ControlExecutionPath = z
  .object({
    entity: z.string().min(1).meta({ description: 'Entity name, e.g. demo.' }),
    id: z.string().min(1).meta({ description: 'Execution id, e.g. 1000001.' }),
  })
  .meta(fidelity('modelled', 'Path parameters naming an ETL execution of the tenant.'));
export type ControlExecutionPath = z.infer<typeof ControlExecutionPath>;

export const ControlImportPath = z
  .object({
    entity: z.string().min(1).meta({ description: 'Entity name, e.g. demo.' }),
    import: z.string().min(1).meta({ description: 'V4 import id, e.g. 1000123.' }),
  })
  .meta(fidelity('modelled', 'Path parameters naming a V4 import of the tenant.'));
export type ControlImportPath = z.infer<typeof ControlImportPath>;
