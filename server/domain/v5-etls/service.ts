import type { EtlExecutionListQuery, PageInfo, PageQuery } from '../../../contracts/v5-etls.js';
import { PersistentEtlDefinition } from '../../../contracts/v5-etls.js';
import { ActitoError } from '../errors.js';
import type { DataSource } from '../imports/data-source.js';
import { checkJsonPart, parseJsonBody } from '../imports/json-part.js';
import { pageOf } from '../paging.js';
import type { Entity, Tenant } from '../tenant.js';
import { nextTimedMove } from '../tenant.js';
import type { AnyEtlExecution } from '../v5-etl-executions/model.js';
import { isPersistentExecution } from '../v5-etl-executions/model.js';
import { keepExecution } from '../v5-etl-executions/service.js';
import { etlWebhookEvent } from './etl-events.js';
import type { EtlTrigger, PersistentEtl, PersistentEtlExecution } from './model.js';
import type { PlannedEntry } from './plan-etl.js';
import { planEtlEntries } from './plan-etl.js';
import type { StagedEtlFiles } from './stage-etl-files.js';
import { stageEtlFiles } from './stage-etl-files.js';

/** The JSON body of create and replace, checked against the contract and the entity's tables. */
function parseEtl(tenant: Tenant, entity: Entity, text: string) {
  const raw = parseJsonBody(text, 'INVALID_DEFINITION');
  const definition = checkJsonPart(raw, 'body', PersistentEtlDefinition);
  planEtlEntries(entity, definition, { now: tenant.clock.now(), maxFileBytes: null, pathPrefix: 'body.' });
  if (definition.fileTransferLocation) tenant.onLocation(definition.fileTransferLocation.locationId);
  return definition;
}

/** POST .../etls: stores a new ETL. */
export function createEtl(tenant: Tenant, entityName: string, body: string): PersistentEtl {
  const entity = tenant.entity(entityName);
  const definition = parseEtl(tenant, entity, body);
  const now = tenant.clock.now();
  const etl: PersistentEtl = {
    id: tenant.etlIds.next(),
    entity: entityName,
    definition,
    createdAt: now,
    updatedAt: now,
  };
  entity.etls.set(etl.id, etl);
  return etl;
}

/** PUT .../etls/{etlId}: replaces the definition; executions already started keep theirs. */
export function replaceEtl(tenant: Tenant, entityName: string, etlId: string, body: string): PersistentEtl {
  const entity = tenant.entity(entityName);
  const etl = findEtl(tenant, entityName, etlId);
  etl.definition = parseEtl(tenant, entity, body);
  etl.updatedAt = tenant.clock.now();
  return etl;
}

export function findEtl(tenant: Tenant, entityName: string, etlId: string): PersistentEtl {
  const entity = tenant.entity(entityName);
  const etl = entity.etls.get(etlId);
  if (etl) return etl;
  const known = [...entity.etls.keys()];
  throw new ActitoError(
    'UNKNOWN_ETL',
    `Entity ${entityName} has no ETL ${etlId}; ${known.length ? `its ETLs are ${known.join(', ')}` : 'it has none yet (POST .../etls creates one)'}.`,
  );
}

/** DELETE .../etls/{etlId}: its executions stay readable. */
export function deleteEtl(tenant: Tenant, entityName: string, etlId: string): void {
  findEtl(tenant, entityName, etlId);
  tenant.entity(entityName).etls.delete(etlId);
}

export function listEtls(
  tenant: Tenant,
  entityName: string,
  query: PageQuery,
): { etls: PersistentEtl[]; page: PageInfo } {
  const { items, page } = pageOf([...tenant.entity(entityName).etls.values()], query);
  return { etls: items, page };
}

/** An ETL resolved for a run, before any data byte is read. */
export interface EtlRunPlan {
  entity: string;
  etl: PersistentEtl;
  /** The definition when the run began: a PUT while the file uploads does not change this run. */
  definition: PersistentEtlDefinition;
  entries: PlannedEntry[];
  /** The entity as it was when the run began: a reset since then makes registering fail. */
  target: Entity;
}

export function planEtlRun(
  tenant: Tenant,
  entityName: string,
  etlId: string,
  target: Entity = tenant.entity(entityName),
): EtlRunPlan {
  const etl = findEtl(tenant, entityName, etlId);
  const entries = planEtlEntries(target, etl.definition, {
    now: tenant.clock.now(),
    maxFileBytes: tenant.settings.limits.maxUploadBytes,
    pathPrefix: '',
  });
  return { entity: entityName, etl, definition: etl.definition, entries, target };
}

/** An ETL run whose file is read and checked, waiting for the request body to end before it registers. */
export interface StagedEtlRun {
  prepared: EtlRunPlan;
  upload: DataSource;
  files: StagedEtlFiles;
}

/**
 * POST .../etls/{etlId}/trigger-execution (or a dropped file), first step: reads the file and gives
 * each table entry its own. Nothing is registered yet (see `registerEtlRun`).
 */
export async function stageEtlRun(
  tenant: Tenant,
  prepared: EtlRunPlan,
  upload: DataSource | null,
  options: { signal?: AbortSignal } = {},
): Promise<StagedEtlRun> {
  if (!upload) {
    throw new ActitoError(
      'MISSING_PART',
      'The data file part is missing: send the CSV, GZIP or ZIP file as multipart part "inputFile".',
      [{ path: 'inputFile', message: 'missing' }],
    );
  }
  const files = await stageEtlFiles(prepared.entries, prepared.definition, upload, tenant.clock.now());
  options.signal?.throwIfAborted();
  return { prepared, upload, files };
}

/**
 * Registers a staged run (PENDING); MOCK_RESET if its entity was replaced since it was planned,
 * UNKNOWN_ETL if its ETL was deleted while the file uploaded. The file failing at file level still
 * registers it; it then ends in ERROR with the reason.
 */
export function registerEtlRun(
  tenant: Tenant,
  { prepared, upload, files }: StagedEtlRun,
  trigger: EtlTrigger,
): PersistentEtlExecution {
  const { definition } = prepared;
  tenant.assertCurrent(prepared.target);
  if (prepared.target.etls.get(prepared.etl.id) !== prepared.etl)
    findEtl(tenant, prepared.entity, prepared.etl.id);
  const execution = {
    id: tenant.etlExecutionIds.next(),
    entity: prepared.entity,
    etlId: prepared.etl.id,
    definition,
    trigger,
    dataFile: { name: upload.name, info: files.info },
    ignoredFiles: files.ignoredFiles,
  } as PersistentEtlExecution;
  execution.run = tenant.startRun(prepared.target, {
    kind: 'v5.etlExecution',
    parts: files.parts,
    // An upload that could not be read at all (a damaged archive) fails every part with it.
    forcedFailure: files.failure?.message ?? null,
    onEnter: (status) => announce(tenant, execution, status),
  });
  keepExecution(tenant, prepared.target, execution);
  wakeForNextMove(tenant, execution);
  return execution;
}

/** Stages and registers at once, for a file already whole (a dropped file). */
export async function runEtl(
  tenant: Tenant,
  prepared: EtlRunPlan,
  upload: DataSource | null,
  trigger: EtlTrigger,
): Promise<PersistentEtlExecution> {
  return registerEtlRun(tenant, await stageEtlRun(tenant, prepared, upload), trigger);
}

/** Raises the webhook event of a status (STARTED, FINISHED), then makes sure time moves it on. */
function announce(tenant: Tenant, execution: PersistentEtlExecution, status: string): void {
  const event = etlWebhookEvent(execution, status);
  if (event) tenant.webhooks.publish(execution.entity, [event]);
  // The first status is entered while the run is being built: the caller arms the wake then.
  if (execution.run) wakeForNextMove(tenant, execution);
}

/** Under a clock that moves on its own, an execution nobody polls still finishes, and says so. */
function wakeForNextMove(tenant: Tenant, execution: PersistentEtlExecution): void {
  const at = nextTimedMove(execution.run);
  if (at !== null) tenant.wake.wakeAt(at);
}

/**
 * GET .../etl-executions[?etlId=]: newest first, one page. A list read counts as a status read
 * of each execution it shows, as a poll would.
 */
export function listEtlExecutions(
  tenant: Tenant,
  entityName: string,
  query: EtlExecutionListQuery,
): { executions: AnyEtlExecution[]; page: PageInfo } {
  const entity = tenant.entity(entityName);
  tenant.settleDue();
  const all = [...entity.etlExecutions.values()].filter(
    (execution) =>
      query.etlId === undefined || (isPersistentExecution(execution) && execution.etlId === query.etlId),
  );
  if (query.etlId !== undefined && all.length === 0 && !entity.etls.has(query.etlId)) {
    findEtl(tenant, entityName, query.etlId);
  }
  all.sort((a, b) => Number(b.id) - Number(a.id));
  const { items, page } = pageOf(all, query);
  for (const execution of items) execution.run.status.observe();
  return { executions: items, page };
}
