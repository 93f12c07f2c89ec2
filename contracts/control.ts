import { z } from 'zod';
import { fidelity } from './fidelity.js';
import { EntityFixture, RowValue, SeedRows } from './fixture.js';

const control = (id: string, description: string) => ({ id, ...fidelity('modelled', description) });

export const ProgressionPolicy = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('immediate') }),
    z.object({
      type: z.literal('afterPolls'),
      polls: z.number().int().nonnegative(),
      ms: z.number().int().nonnegative().optional().meta({
        description:
          'Also end each intermediate status after this many ms of the mock clock, whichever comes first.',
      }),
    }),
    z.object({ type: z.literal('afterMs'), ms: z.number().int().nonnegative() }),
    z.object({ type: z.literal('manual') }),
  ])
  .meta(control('ProgressionPolicy', 'When a managed record moves to its next status.'));
export type ProgressionPolicy = z.infer<typeof ProgressionPolicy>;

export const RecordKind = z
  .enum(['v5.etlExecution', 'v4.import'])
  .meta(fidelity('modelled', 'A kind of managed record: V5 ETL executions or V4 imports.'));
export type RecordKind = z.infer<typeof RecordKind>;

export const ProgressionRequest = z
  .object({ kind: z.union([RecordKind, z.literal('*')]), policy: ProgressionPolicy })
  .meta(control('ProgressionRequest', 'Sets the progression policy of one kind of record, or of all (*).'));
export type ProgressionRequest = z.infer<typeof ProgressionRequest>;

export const ProgressionSettings = z
  .object({ 'v5.etlExecution': ProgressionPolicy, 'v4.import': ProgressionPolicy })
  .meta(control('ProgressionSettings', 'The progression policy of each kind of record.'));
export type ProgressionSettings = z.infer<typeof ProgressionSettings>;

/** At most 100 years at once: plenty for quotas and expiries, and the clock stays a valid date. */
export const MAX_ADVANCE_MS = 100 * 365.25 * 24 * 60 * 60 * 1000;

export const AdvanceRequest = z
  .object({ ms: z.number().int().nonnegative().max(MAX_ADVANCE_MS).optional() })
  .meta(
    control(
      'AdvanceRequest',
      '`ms` moves the clock (due transitions and expiries follow); `{}` moves every manual record one step.',
    ),
  );
export type AdvanceRequest = z.infer<typeof AdvanceRequest>;

export const AdvanceResponse = z
  .object({ now: z.string(), moved: z.number().int() })
  .meta(control('AdvanceResponse', 'The mock time after the move and how many records changed status.'));
export type AdvanceResponse = z.infer<typeof AdvanceResponse>;

export const ResetResponse = z
  .object({ tenant: z.string(), entity: z.string().nullable() })
  .meta(control('ResetResponse', 'What was reset.'));
export type ResetResponse = z.infer<typeof ResetResponse>;

export const ResetQuery = z
  .object({
    entity: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'Reset only this entity; everything of the tenant when left out.' }),
  })
  .meta(fidelity('modelled', 'Query of POST /__mock/reset.'));
export type ResetQuery = z.infer<typeof ResetQuery>;

export const HealthResponse = z
  .object({ status: z.literal('ok'), version: z.string(), tenant: z.string(), now: z.string() })
  .meta(control('HealthResponse', 'The mock is up.'));
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---- Seeding: table structures and existing rows, per tenant ----

export const TableSummary = z
  .object({ type: z.enum(['PROFILE_TABLE', 'CUSTOM_TABLE']), id: z.string(), name: z.string() })
  .meta(control('TableSummary', 'A table of an entity, by type, id and name.'));
export type TableSummary = z.infer<typeof TableSummary>;

export const EntitySeed = EntityFixture.omit({ name: true })
  .extend({ name: z.string().min(1).optional() })
  .meta(
    control(
      'EntitySeed',
      "An entity's table structures and existing rows (the fixture's entity shape; `name` may be left out: the URL names the entity).",
    ),
  );
export type EntitySeed = z.input<typeof EntitySeed>;

export const SeedEntityResponse = z
  .object({
    entity: z.string(),
    tables: z.array(TableSummary.extend({ rows: z.number().int() })),
  })
  .meta(control('SeedEntityResponse', 'The entity as seeded: its tables and how many rows each holds.'));
export type SeedEntityResponse = z.infer<typeof SeedEntityResponse>;

export const AddRowsRequest = z
  .object({ rows: SeedRows })
  .meta(
    control(
      'AddRowsRequest',
      'Records to create, keyed by attribute name; checked like an import (formats, mandatory, unique). All or nothing.',
    ),
  );
export type AddRowsRequest = z.infer<typeof AddRowsRequest>;

export const AddRowsResponse = z
  .object({ table: TableSummary, added: z.number().int(), total: z.number().int() })
  .meta(control('AddRowsResponse', 'How many rows were created and how many the table now holds.'));
export type AddRowsResponse = z.infer<typeof AddRowsResponse>;

export const TableRowsResponse = z
  .object({
    table: TableSummary,
    total: z.number().int(),
    rows: z.array(z.record(z.string(), RowValue)),
  })
  .meta(control('TableRowsResponse', "A table's rows, technical columns included, after due transitions."));
export type TableRowsResponse = z.infer<typeof TableRowsResponse>;

// ---- Faults ----

const faultTimes = z
  .number()
  .int()
  .positive()
  .default(1)
  .meta({ description: 'How many matching requests (or records) the fault applies to.' });

const requestFaultShape = {
  type: z.literal('request'),
  method: z
    .string()
    .regex(/^([A-Za-z]+|\*)$/, 'an HTTP method, or * for any')
    .default('*'),
  path: z.string().startsWith('/', 'a path pattern starts with /').meta({
    description:
      'Glob over the request path: `*` matches within one segment, a `**` segment matches any number of segments; e.g. `/mass-imports/v5/**`.',
  }),
  times: faultTimes,
  status: z.number().int().min(400).max(599).optional(),
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, 'an UPPER_SNAKE error code')
    .optional()
    .meta({ description: 'Error code of the answer; INJECTED_FAULT by default.' }),
  message: z.string().optional(),
  latencyMs: z.number().int().nonnegative().max(120_000).optional(),
};

const importFaultShape = {
  type: z.literal('import'),
  kind: z.union([RecordKind, z.literal('*')]),
  outcome: z.enum(['fail', 'hold']).meta({
    description:
      '`fail`: the record ends in a file-level failure with `reason`; `hold`: it stays in `holdAt`.',
  }),
  reason: z.string().min(1).optional(),
  holdAt: z.enum(['PENDING', 'RUNNING']).default('RUNNING'),
  times: faultTimes,
};

const webhookFaultShape = {
  type: z.literal('webhook'),
  action: z.enum(['drop', 'delay', 'duplicate']).meta({
    description:
      '`drop`: the delivery is lost (never sent, logged DROPPED); `delay`: its first try waits `delayMs` of the mock clock; `duplicate`: it is POSTed twice, with the same payload id.',
  }),
  subscriptionId: z
    .string()
    .regex(/^\d+$/, 'a subscription id is a numeric string')
    .optional()
    .meta({ description: 'Only deliveries to this subscription; any when left out.' }),
  delayMs: z.number().int().positive().max(86_400_000).optional(),
  times: faultTimes,
};

export const FaultRequest = z
  .discriminatedUnion('type', [
    z.object(requestFaultShape).superRefine((fault, ctx) => {
      if (fault.status === undefined && fault.latencyMs === undefined)
        ctx.addIssue({ code: 'custom', path: ['status'], message: 'give a status, a latencyMs, or both' });
      if (fault.status === undefined && (fault.code !== undefined || fault.message !== undefined))
        ctx.addIssue({ code: 'custom', path: ['status'], message: 'code and message need a status' });
    }),
    z.object(importFaultShape).superRefine((fault, ctx) => {
      if (fault.outcome === 'hold' && fault.reason !== undefined)
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason applies to outcome "fail" only' });
    }),
    z.object(webhookFaultShape).superRefine((fault, ctx) => {
      if ((fault.action === 'delay') !== (fault.delayMs !== undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['delayMs'],
          message: 'delayMs goes with action "delay", and only with it',
        });
    }),
  ])
  .meta(
    control(
      'FaultRequest',
      '`request`: the next `times` requests matching method and path answer `status` (error envelope) and/or wait `latencyMs`. `import`: the next `times` uploads of `kind` fail at file level or stay in `holdAt`. `webhook`: the next `times` webhook deliveries (of one subscription, or any) are dropped, delayed or duplicated.',
    ),
  );
export type FaultRequest = z.input<typeof FaultRequest>;

const injected = { id: z.string(), remaining: z.number().int() };

export const InjectedFault = z
  .discriminatedUnion('type', [
    z.object({ ...requestFaultShape, ...injected }),
    z.object({ ...importFaultShape, ...injected }),
    z.object({ ...webhookFaultShape, ...injected }),
  ])
  .meta(control('InjectedFault', 'An active fault and how many more times it applies.'));
export type InjectedFault = z.infer<typeof InjectedFault>;
export type InjectedRequestFault = Extract<InjectedFault, { type: 'request' }>;
export type InjectedImportFault = Extract<InjectedFault, { type: 'import' }>;
export type InjectedWebhookFault = Extract<InjectedFault, { type: 'webhook' }>;

export const FaultsResponse = z
  .object({ faults: z.array(InjectedFault) })
  .meta(control('FaultsResponse', 'The active faults, oldest first.'));
export type FaultsResponse = z.infer<typeof FaultsResponse>;

export const ClearedResponse = z
  .object({ cleared: z.number().int() })
  .meta(control('ClearedResponse', 'How many items were removed.'));
export type ClearedResponse = z.infer<typeof ClearedResponse>;

// ---- Journal ----

export const JournalQuery = z
  .object({
    method: z.string().optional(),
    path: z.string().optional().meta({ description: 'A path glob, as in faults.' }),
    status: z
      .string()
      .regex(/^([1-5]\d\d|[1-5]xx)$/, 'a status such as 201, or a class such as 4xx')
      .optional(),
    since: z.iso.datetime().optional().meta({ description: 'Entries at or after this mock time.' }),
    after: z.coerce.number().int().nonnegative().optional().meta({ description: 'Entries after this seq.' }),
  })
  .meta(control('JournalQuery', 'Filters of the request journal; all optional, combined with AND.'));
export type JournalQuery = z.input<typeof JournalQuery>;

export const JournalDataFile = z
  .object({
    name: z.string().nullable(),
    source: z.enum(['upload', 'remoteLocation']),
    size: z.number().int().meta({ description: 'Bytes as sent (compressed).' }),
    compression: z.enum(['NONE', 'ZIP', 'GZIP']),
    entryName: z.string().nullable().meta({ description: 'The CSV inside a ZIP archive.' }),
    rowCount: z.number().int().meta({ description: 'Data rows read (the header excluded).' }),
    fileError: z.string().nullable(),
  })
  .meta(control('JournalDataFile', 'The data file of an upload, as the mock read it.'));
export type JournalDataFile = z.infer<typeof JournalDataFile>;

export const JournalTableFile = z
  .object({
    table: TableSummary,
    fileName: z
      .string()
      .nullable()
      .meta({ description: 'The file (or ZIP entry) that fed the table; null when absent.' }),
    rowCount: z.number().int(),
    fileError: z.string().nullable(),
  })
  .meta(control('JournalTableFile', 'What one table entry of a persistent ETL execution received.'));
export type JournalTableFile = z.infer<typeof JournalTableFile>;

export const JournalUpload = z
  .object({
    kind: RecordKind,
    id: z.string(),
    entity: z.string(),
    table: TableSummary,
    definition: z.unknown().optional().meta({ description: 'V5: the parsed ETL definition.' }),
    parameters: z.unknown().optional().meta({ description: 'V4: the parsed import parameters.' }),
    dataFile: JournalDataFile,
    etlId: z.string().optional().meta({ description: 'Executions of a persistent ETL: the ETL that ran.' }),
    tables: z.array(JournalTableFile).optional().meta({
      description: 'Executions of a persistent ETL: what each table entry received (`table` is the first).',
    }),
  })
  .meta(control('JournalUpload', 'What an accepted upload carried.'));
export type JournalUpload = z.infer<typeof JournalUpload>;

export const JournalReceivedPart = z
  .object({
    name: z.string(),
    fileName: z.string().nullable().meta({ description: 'The filename of a file part; null for a field.' }),
    contentType: z.string().meta({ description: "The part's Content-Type (text/plain when none was sent)." }),
    size: z.number().int().meta({ description: 'Bytes of the part the mock had read when it answered.' }),
  })
  .meta(control('JournalReceivedPart', 'One part of a multipart upload, in the order it arrived.'));
export type JournalReceivedPart = z.infer<typeof JournalReceivedPart>;

export const JournalReceived = z
  .object({
    parts: z.array(JournalReceivedPart),
    complete: z.boolean().meta({
      description:
        'The mock read the whole body before answering; a refused upload is read on for at most 1 MiB more, so a huge one may stop short.',
    }),
    definition: z.string().nullable().meta({
      description:
        'The text of the JSON part (V5 definition, V4 parameters), its first 64 KiB; kept for a refused upload only (an accepted one has `upload`).',
    }),
    definitionTruncated: z.boolean().meta({ description: 'The JSON part was longer than 64 KiB.' }),
  })
  .meta(control('JournalReceived', 'What a multipart upload carried, accepted or refused.'));
export type JournalReceived = z.infer<typeof JournalReceived>;

export const JournalWebhook = z
  .object({
    deliveryId: z.string(),
    subscriptionId: z.string(),
    eventType: z.string(),
    attempt: z.number().int(),
    targetUrl: z.string(),
    duplicate: z.boolean(),
    error: z.string().nullable(),
  })
  .meta(control('JournalWebhook', 'A webhook POST the mock sent: which delivery, which try, to where.'));
export type JournalWebhook = z.infer<typeof JournalWebhook>;

export const JournalEntry = z
  .object({
    seq: z.number().int(),
    method: z.string(),
    path: z.string(),
    query: z.record(z.string(), z.string()),
    headers: z.record(z.string(), z.string()).meta({
      description:
        'Request headers, names in lower case; the Authorization value is redacted, its scheme kept (`Bearer [redacted]`).',
    }),
    route: z
      .string()
      .nullable()
      .meta({ description: 'The matched route pattern, e.g. `/v5/entities/:entity/...`.' }),
    operation: z.string().nullable(),
    status: z.number().int(),
    errorCode: z.string().nullable(),
    errorMessage: z
      .string()
      .nullable()
      .meta({ description: 'The message of the error envelope answered; null for a success.' }),
    time: z.string().meta({ description: 'When the request arrived, on the mock clock.' }),
    durationMs: z.number().meta({ description: 'Real time taken to answer (injected latency included).' }),
    upload: JournalUpload.nullable(),
    received: JournalReceived.nullable().meta({
      description:
        'For a multipart upload (accepted or refused): its parts, and the JSON part of a refused one.',
    }),
    notes: z.array(z.string()).optional().meta({
      description:
        'What the mock did beyond its answer: the technical attributes a single-record write named and that were ignored.',
    }),
    webhook: JournalWebhook.optional().meta({
      description:
        'Set on the POSTs the mock sent (webhook deliveries): `status` is the receiver’s, 0 when it never answered.',
    }),
  })
  .meta(
    control(
      'JournalEntry',
      'One request the tenant received (control requests excluded), or one webhook POST the mock sent.',
    ),
  );
export type JournalEntry = z.infer<typeof JournalEntry>;

export const JournalResponse = z
  .object({
    entries: z.array(JournalEntry),
    inFlight: z.number().int().meta({ description: 'Requests received and not answered yet.' }),
    dropped: z.number().int().meta({ description: 'Oldest entries forgotten to stay within capacity.' }),
    capacity: z.number().int(),
    lastSeq: z.number().int().meta({
      description:
        'The seq of the newest entry recorded (0 before any). A poller sending `after` sees it fall below its `after` when a reset restarted the journal.',
    }),
  })
  .meta(control('JournalResponse', 'The matching journal entries, oldest first.'));
export type JournalResponse = z.infer<typeof JournalResponse>;

// ---- Verification: WireMock's verify over the journal ----

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export const StringMatcher = z
  .union([
    z.string(),
    z.strictObject({ equals: z.string() }),
    z.strictObject({ contains: z.string() }),
    z.strictObject({
      matches: z.string().refine(isRegExp, 'not a valid regular expression'),
    }),
    z.strictObject({ absent: z.literal(true) }),
  ])
  .meta(
    control(
      'StringMatcher',
      'A header or query value: a string (equal to it), `{contains}`, `{matches}` (a regular expression), or `{absent: true}`.',
    ),
  );
export type StringMatcher = z.infer<typeof StringMatcher>;

const pathGlob = z.string().startsWith('/', 'a path glob starts with /');

export const RequestPattern = z
  .strictObject({
    operation: z
      .string()
      .optional()
      .meta({ description: 'An operationId of the OpenAPI document, e.g. `createEtlExecution`.' }),
    method: z
      .string()
      .regex(/^[A-Za-z]+$/, 'an HTTP method')
      .optional(),
    path: z
      .union([pathGlob, z.array(pathGlob).min(1)])
      .optional()
      .meta({ description: 'A path glob (as in faults), or several: the request matches any of them.' }),
    status: z
      .union([z.number().int().min(100).max(599), z.string().regex(/^[1-5]xx$/, 'a class such as 4xx')])
      .optional(),
    errorCode: z.string().optional(),
    headers: z
      .record(z.string(), StringMatcher)
      .optional()
      .meta({ description: 'By header name (any case); Authorization values are journaled redacted.' }),
    query: z.record(z.string(), StringMatcher).optional(),
    definition: z.unknown().optional().meta({
      description:
        "A JSON subset of the upload's definition (V5) or parameters (V4), refused uploads' included: objects match when every given key matches, arrays element by element.",
    }),
    dataFile: JournalDataFile.partial().optional().meta({ description: 'Fields of the accepted data file.' }),
    after: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .meta({ description: 'Only entries after this seq count (and are offered as near misses).' }),
  })
  .meta(control('RequestPattern', 'Which journaled requests to count; every given field must match.'));
export type RequestPattern = z.input<typeof RequestPattern>;

export const CountExpectation = z
  .strictObject({
    exactly: z.number().int().nonnegative().optional(),
    atLeast: z.number().int().nonnegative().optional(),
    atMost: z.number().int().nonnegative().optional(),
  })
  .superRefine((count, ctx) => {
    if (count.exactly !== undefined && (count.atLeast !== undefined || count.atMost !== undefined))
      ctx.addIssue({ code: 'custom', path: ['exactly'], message: 'exactly excludes atLeast and atMost' });
    if (count.atLeast !== undefined && count.atMost !== undefined && count.atLeast > count.atMost)
      ctx.addIssue({ code: 'custom', path: ['atMost'], message: 'atMost is below atLeast' });
  })
  .meta(control('CountExpectation', 'How many requests must match; at least one when left empty.'));
export type CountExpectation = z.input<typeof CountExpectation>;

export const VerifyRequest = z
  .strictObject({ pattern: RequestPattern, count: CountExpectation.optional() })
  .meta(control('VerifyRequest', 'A pattern and how many journaled requests must match it.'));
export type VerifyRequest = z.input<typeof VerifyRequest>;

export const FindRequestsRequest = z
  .strictObject({ pattern: RequestPattern })
  .meta(control('FindRequestsRequest', 'A pattern to select journaled requests with.'));
export type FindRequestsRequest = z.input<typeof FindRequestsRequest>;

export const PatternDifference = z
  .object({ field: z.string(), expected: z.string(), actual: z.string() })
  .meta(
    control(
      'PatternDifference',
      'Where a journaled request differs from the pattern, e.g. `definition.mode`.',
    ),
  );
export type PatternDifference = z.infer<typeof PatternDifference>;

export const NearMiss = z
  .object({
    seq: z.number().int(),
    method: z.string(),
    path: z.string(),
    operation: z.string().nullable(),
    status: z.number().int(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    differences: z.array(PatternDifference),
  })
  .meta(control('NearMiss', 'A journaled request close to the pattern, and how it differs.'));
export type NearMiss = z.infer<typeof NearMiss>;

export const VerifyResponse = z
  .object({
    ok: z.boolean(),
    expected: z
      .string()
      .meta({ description: 'The count expected, in words: `exactly 1`, `at least 2`, `no`.' }),
    count: z.number().int().meta({ description: 'How many requests matched.' }),
    matched: z.array(z.number().int()).meta({ description: 'The seq of each matching request.' }),
    considered: z.number().int().meta({ description: 'Journaled requests looked at (after `after`).' }),
    dropped: z.number().int().meta({ description: 'Older requests the journal forgot (capacity).' }),
    inFlight: z.number().int().meta({ description: 'Requests not answered yet, so not journaled.' }),
    nearMisses: z
      .array(NearMiss)
      .meta({ description: 'When too few matched: the closest requests, closest first.' }),
    message: z.string().meta({ description: 'What was expected and found, with the near misses, to print.' }),
  })
  .meta(control('VerifyResponse', 'The verdict of a verification; `ok` false is an answer, not an error.'));
export type VerifyResponse = z.infer<typeof VerifyResponse>;

// ---- Coverage ----

export const CoverageOperation = z
  .object({
    operation: z.string().meta({ description: 'The operationId, else "METHOD route".' }),
    calls: z.number().int(),
    statuses: z.record(z.string(), z.number().int()),
  })
  .meta(control('CoverageOperation', 'How often an operation was called, by answered status.'));
export type CoverageOperation = z.infer<typeof CoverageOperation>;

export const CoverageReport = z
  .object({
    since: z.string().meta({ description: 'The last reset, on the mock clock.' }),
    requests: z.number().int(),
    operations: z.array(CoverageOperation),
    recordStatuses: z
      .record(z.string(), z.record(z.string(), z.number().int()))
      .meta({ description: 'Per kind, the execution/import statuses the client read, with counts.' }),
    errorCodes: z.record(z.string(), z.number().int()),
    unauthorized: z.boolean().meta({ description: 'A 401 was answered.' }),
    tooManyRequests: z.boolean().meta({ description: 'A 429 was answered.' }),
    webhooks: z.record(z.string(), z.record(z.string(), z.number().int())).optional().meta({
      description:
        'Once a webhook delivery ended: per event (`ETL FINISHED`), how many deliveries were delivered, retried, duplicated, failed or dropped.',
    }),
    never: z
      .object({
        operations: z.array(z.string()),
        finalStatuses: z.array(z.string()),
        responses: z.array(z.string()),
        webhookOutcomes: z.array(z.string()).optional().meta({
          description:
            'Once a webhook delivery ended: per event, the outcomes a receiver never went through (`ETL FINISHED retried`, `ETL FINISHED failed`).',
        }),
      })
      .meta({
        description:
          'What was never exercised: operations never called; final statuses never read (for kinds the client uploaded); 401/429 never answered.',
      }),
  })
  .meta(control('CoverageReport', 'What the clients of this tenant exercised since the last reset.'));
export type CoverageReport = z.infer<typeof CoverageReport>;

// ---- Path and query parameters of the control routes above ----

export const ControlEntityPath = z
  .object({ entity: z.string().min(1).meta({ description: 'Entity name, e.g. demo.' }) })
  .meta(fidelity('modelled', 'Path parameter naming an entity of the tenant.'));
export type ControlEntityPath = z.infer<typeof ControlEntityPath>;

export const ControlTablePath = ControlEntityPath.extend({
  table: z.string().min(1).meta({ description: 'Table name or id, e.g. Profiles or 1.' }),
}).meta(fidelity('modelled', 'Path parameters naming an entity and one of its tables.'));
export type ControlTablePath = z.infer<typeof ControlTablePath>;

export const ControlTableQuery = z
  .object({
    type: z
      .enum(['PROFILE_TABLE', 'CUSTOM_TABLE'])
      .optional()
      .meta({ description: 'Needed only when a profile table and a custom table share the name.' }),
  })
  .meta(fidelity('modelled', 'Query of the table rows routes.'));
export type ControlTableQuery = z.infer<typeof ControlTableQuery>;
