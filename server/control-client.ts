import type {
  AddRowsResponse,
  AdvanceRequest,
  AdvanceResponse,
  ClearedResponse,
  CountExpectation,
  CoverageReport,
  EntitySeed,
  FaultRequest,
  FaultsResponse,
  HealthResponse,
  InjectedFault,
  JournalEntry,
  JournalResponse,
  ProgressionSettings,
  RecordKind,
  RequestPattern,
  ResetResponse,
  SeedEntityResponse,
  TableRowsResponse,
  VerifyResponse,
} from '../contracts/control.js';
import type { RecordsResponse, TenantsResponse } from '../contracts/control-records.js';
import type { ErrorEnvelope } from '../contracts/errors.js';
import type { SeedRows } from '../contracts/fixture.js';
import type { MockSettingsState, MockSettingsUpdate } from '../contracts/settings.js';
import type { TableType } from '../contracts/tables.js';
import type { FileDropResponse } from '../contracts/v5-etls.js';
import type {
  WebhookDeliveriesQuery,
  WebhookDeliveriesResponse,
  WebhookSettings,
  WebhookSettingsUpdate,
  WebhookSettleRequest,
  WebhookSettleResponse,
} from '../contracts/webhooks.js';
import type { ProgressionInput } from './domain/lifecycle/progression.js';
import { progressionPolicy } from './domain/lifecycle/progression.js';

/** The mock's control plane, with the same methods in-process and against a running server. */
export interface MockControl {
  health(): Promise<HealthResponse>;
  /** Forgets everything of this tenant (or one entity of it) and starts again from the fixture. */
  reset(options?: { entity?: string }): Promise<ResetResponse>;
  /** `policy` as an object or as text: `{ type: 'afterPolls', polls: 2 }` or `'afterPolls:2'`. */
  setProgression(kind: RecordKind | '*', policy: ProgressionInput): Promise<ProgressionSettings>;
  getProgression(): Promise<ProgressionSettings>;
  /** `{ ms }` moves the mock's clock; `{}` moves every manual record one step. */
  advance(request?: AdvanceRequest): Promise<AdvanceResponse>;
  /** The same control, for another tenant. */
  forTenant(tenant: string): MockControl;
  /** The V4 sunset and API limits of this tenant, and how much of each limit is in use. */
  getSettings(): Promise<MockSettingsState>;
  /** Changes some settings, e.g. `{ v4Sunset: 'removed' }` or `{ limits: { maxConcurrentRequests: null } }`. */
  updateSettings(update: MockSettingsUpdate): Promise<MockSettingsState>;
  /** Replaces (or adds) an entity of this tenant with these table structures and rows; a reset forgets it. */
  seedEntity(entity: string, seed: EntitySeed): Promise<SeedEntityResponse>;
  /** Creates records in a table (by name or id), checked like an import; all or nothing. */
  addRows(entity: string, table: string, rows: SeedRows, options?: TableOptions): Promise<AddRowsResponse>;
  /** A table's rows, after the imports that are due have written theirs. */
  rows(entity: string, table: string, options?: TableOptions): Promise<TableRowsResponse>;
  /** Arms a fault: the next matching requests answer a status and/or wait, or the next uploads fail or hang. */
  injectFault(fault: FaultRequest): Promise<InjectedFault>;
  /** The faults still armed. */
  faults(): Promise<FaultsResponse>;
  clearFaults(): Promise<ClearedResponse>;
  /** The requests this tenant received (control ones excluded), oldest first; filters combine with AND. */
  journal(filter?: JournalFilter): Promise<JournalResponse>;
  clearJournal(): Promise<ClearedResponse>;
  /**
   * Resolves when as many journaled requests match `pattern` as `count` says (a number: exactly;
   * at least one when left out); otherwise throws a `VerificationError` whose message lists the
   * closest requests and how each differs. WireMock's `verify`.
   */
  verify(pattern: RequestPattern, count?: number | CountExpectation): Promise<VerifyResponse>;
  /** The journaled requests that match `pattern`, oldest first. */
  findRequests(pattern: RequestPattern): Promise<JournalEntry[]>;
  /** Throws a `VerificationError` listing them if any V4 call (`/v4/**`, `/mass-imports/v4/**`) was made. */
  verifyNoV4Calls(): Promise<VerifyResponse>;
  /** What the clients exercised since the last reset, and what they never did. */
  coverage(): Promise<CoverageReport>;
  /** Every tenant the mock knows, with how many records each holds. */
  tenants(): Promise<TenantsResponse>;
  /**
   * This tenant's V5 executions and V4 imports, newest first: timeline, counts, definition, files.
   * A look, not a status read: it never moves a record and is not journaled.
   */
  records(filter?: RecordsFilter): Promise<RecordsResponse>;
  /** The output-files zip of a finished execution: the bytes GET .../etl-executions/{id}/output-files answers. */
  etlOutputFiles(entity: string, executionId: string): Promise<Uint8Array>;
  /** The error file of a finished V4 import: the bytes GET .../import/{id}/errors answers. */
  v4ImportErrors(entity: string, importId: string): Promise<Uint8Array>;
  /** The zipped result file of a finished V4 import: the bytes GET .../import/{id}/result-file answers. */
  v4ImportResultFile(entity: string, importId: string): Promise<Uint8Array>;
  /** A file by the `href` a record lists for it (`records().records[i].files[j].href`). */
  download(href: string): Promise<Uint8Array>;
  /** The webhook deliveries of this tenant, oldest first, each with every try; filters combine with AND. */
  webhookDeliveries(filter?: WebhookDeliveriesQuery): Promise<WebhookDeliveriesResponse>;
  /**
   * Resolves once no webhook delivery is in flight or due now (at most `timeoutMs` of real time,
   * 10 s by default): wait on this, never sleep. Retries scheduled later wait for `advance({ ms })`.
   */
  settleWebhooks(options?: WebhookSettleRequest): Promise<WebhookSettleResponse>;
  /** How this tenant delivers webhooks: the HTTPS rule, the timeout, the retry delays. */
  getWebhookSettings(): Promise<WebhookSettings>;
  updateWebhookSettings(update: WebhookSettingsUpdate): Promise<WebhookSettings>;
  /**
   * Drops a file in file transfer location `locationId` (in-process, where no folder is watched):
   * the ETLs watching it that take a file of that name run on it.
   */
  dropFile(locationId: string, name: string, content: string | Uint8Array): Promise<FileDropResponse>;
}

/** Journal filters (GET /__mock/journal's query): `path` is a glob, `status` a code or a class like `4xx`. */
export interface JournalFilter {
  method?: string;
  path?: string;
  status?: number | `${1 | 2 | 3 | 4 | 5}xx`;
  /** Entries at or after this mock time (ISO). */
  since?: string;
  /** Entries after this `seq`. */
  after?: number;
}

/** Filters of GET /__mock/records; `limit` (1-1000, 100 by default) keeps the newest. */
export interface RecordsFilter {
  entity?: string;
  kind?: RecordKind;
  limit?: number;
}

/** Which table, when a profile table and a custom table share a name. */
export interface TableOptions {
  type?: TableType;
}

/** Every path the V4 API was served under: a client that moved to V5 calls none of them. */
const V4_PATHS = ['/v4/**', '/mass-imports/v4/**'];

export type FetchLike = (request: Request) => Response | Promise<Response>;

/** Thrown by control calls the mock refused; carries the error envelope. */
export class MockControlError extends Error {
  constructor(readonly envelope: ErrorEnvelope) {
    super(`${envelope.status} ${envelope.code}: ${envelope.message}`);
    this.name = 'MockControlError';
  }
}

/** Thrown by `verify` when the journal does not hold the expected requests; `message` says how it differs. */
export class VerificationError extends Error {
  constructor(readonly result: VerifyResponse) {
    super(result.message);
    this.name = 'VerificationError';
  }
}

/** A control client over any fetch: `app.fetch` in-process, global `fetch` for a server. */
export function createControlClient(fetchLike: FetchLike, baseUrl: string, tenant?: string): MockControl {
  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (tenant) headers['x-mock-tenant'] = tenant;
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    const request = new Request(new URL(path, baseUrl), {
      method,
      headers,
      ...(body !== undefined ? { body: form ? body : JSON.stringify(body) } : {}),
    });
    const response = await fetchLike(request);
    if (!response.ok) throw new MockControlError((await response.json()) as ErrorEnvelope);
    return response;
  }
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await send(method, path, body)).json()) as T;
  }
  async function download(path: string): Promise<Uint8Array> {
    return new Uint8Array(await (await send('GET', path)).arrayBuffer());
  }
  async function verify(pattern: RequestPattern, count?: number | CountExpectation): Promise<VerifyResponse> {
    const expectation = typeof count === 'number' ? { exactly: count } : count;
    const result = await call<VerifyResponse>('POST', '/__mock/journal/verify', {
      pattern,
      count: expectation,
    });
    if (!result.ok) throw new VerificationError(result);
    return result;
  }
  return {
    health: () => call('GET', '/__mock/health'),
    reset: (options = {}) =>
      call(
        'POST',
        options.entity ? `/__mock/reset?entity=${encodeURIComponent(options.entity)}` : '/__mock/reset',
      ),
    setProgression: (kind, policy) =>
      call('PUT', '/__mock/progression', { kind, policy: progressionPolicy(policy) }),
    getProgression: () => call('GET', '/__mock/progression'),
    advance: (request = {}) => call('POST', '/__mock/advance', request),
    forTenant: (name) => createControlClient(fetchLike, baseUrl, name),
    getSettings: () => call('GET', '/__mock/settings'),
    updateSettings: (update) => call('PUT', '/__mock/settings', update),
    seedEntity: (entity, seed) => call('PUT', `/__mock/entities/${encodeURIComponent(entity)}`, seed),
    addRows: (entity, table, rows, options = {}) =>
      call('POST', withQuery(rowsPath(entity, table), { ...options }), { rows }),
    rows: (entity, table, options = {}) => call('GET', withQuery(rowsPath(entity, table), { ...options })),
    injectFault: (fault) => call('POST', '/__mock/faults', fault),
    faults: () => call('GET', '/__mock/faults'),
    clearFaults: () => call('DELETE', '/__mock/faults'),
    journal: (filter = {}) => call('GET', withQuery('/__mock/journal', { ...filter })),
    clearJournal: () => call('DELETE', '/__mock/journal'),
    verify,
    findRequests: async (pattern) =>
      (await call<JournalResponse>('POST', '/__mock/journal/find', { pattern })).entries,
    verifyNoV4Calls: () => verify({ path: V4_PATHS }, 0),
    coverage: () => call('GET', '/__mock/coverage'),
    tenants: () => call('GET', '/__mock/tenants'),
    records: (filter = {}) => call('GET', withQuery('/__mock/records', { ...filter })),
    etlOutputFiles: (entity, id) =>
      download(`${entityPath(entity)}/etl-executions/${encodeURIComponent(id)}/output-files`),
    v4ImportErrors: (entity, id) =>
      download(`${entityPath(entity)}/imports/${encodeURIComponent(id)}/errors`),
    v4ImportResultFile: (entity, id) =>
      download(`${entityPath(entity)}/imports/${encodeURIComponent(id)}/result-file`),
    download: (href) => download(href),
    webhookDeliveries: (filter = {}) => call('GET', withQuery('/__mock/webhooks/deliveries', { ...filter })),
    settleWebhooks: (options = {}) => call('POST', '/__mock/webhooks/settle', options),
    getWebhookSettings: () => call('GET', '/__mock/webhooks/settings'),
    updateWebhookSettings: (update) => call('PUT', '/__mock/webhooks/settings', update),
    dropFile: (locationId, name, content) => {
      const form = new FormData();
      form.append('file', new Blob([content as BlobPart]), name);
      return call('POST', `/__mock/locations/${encodeURIComponent(locationId)}/files`, form);
    },
  };
}

function entityPath(entity: string): string {
  return `/__mock/entities/${encodeURIComponent(entity)}`;
}

function rowsPath(entity: string, table: string): string {
  return `${entityPath(entity)}/tables/${encodeURIComponent(table)}/rows`;
}

/** `path?k=v&...` for the defined values only. */
function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Control of a running actito-mock server or container, e.g. `connectActitoMock('http://127.0.0.1:8080')`. */
export function connectActitoMock(baseUrl: string, options: { tenant?: string } = {}): MockControl {
  return createControlClient((request) => fetch(request), baseUrl, options.tenant);
}
