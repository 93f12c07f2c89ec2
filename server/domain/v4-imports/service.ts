import type { TableType } from '../../../contracts/tables.js';
import type { V4ImportParameters } from '../../../contracts/v4.js';
import { ActitoError } from '../errors.js';
import type { DataSource } from '../imports/data-source.js';
import type { ImportPlan } from '../imports/plan.js';
import { limitFileBytes, planImport } from '../imports/plan.js';
import { recordEvicted } from '../imports/record-evicted.js';
import { stageFile } from '../imports/stage.js';
import type { StagedFile } from '../imports/staged-file.js';
import type { Table } from '../tables/table.js';
import type { Entity, Tenant } from '../tenant.js';
import type { V4Import } from './model.js';
import { v4Status } from './model.js';
import { parseV4Parameters, v4ImportSpec } from './parameters.js';

/** Parameters checked against the table named in the URL, before any data byte is read. */
export interface V4ImportPlan {
  entity: string;
  parameters: V4ImportParameters;
  plan: ImportPlan;
  /** The entity as it was when the upload began: a reset since then makes registering fail. */
  target: Entity;
}

/**
 * Resolves the table of `POST .../table/{table}/import` or `.../customTable/{table}/import` (by
 * name or id; 404 UNKNOWN_TABLE otherwise) and checks its daily quota (429 QUOTA_EXCEEDED when
 * spent). Returns the entity and table as they are now: a reset while the body streams must not
 * let the upload land in the new state.
 */
export function resolveV4Import(
  tenant: Tenant,
  entityName: string,
  tableType: TableType,
  tableRef: string,
): { entity: Entity; table: Table } {
  const entity = tenant.entity(entityName);
  const table = entity.tableByNameOrId(tableType, tableRef);
  tenant.v4ImportQuota.assertAvailable(
    entityName,
    table,
    tenant.clock.now(),
    tenant.settings.limits.maxImportsPerTablePerDay,
  );
  return { entity, table };
}

export function planV4Import(
  tenant: Tenant,
  entityName: string,
  table: Table,
  parametersJson: string,
  entity: Entity = tenant.entity(entityName),
): V4ImportPlan {
  const parameters = parseV4Parameters(parametersJson);
  return {
    entity: entityName,
    parameters,
    plan: limitFileBytes(
      planImport(table, v4ImportSpec(parameters), tenant.clock.now()),
      tenant.settings.limits.maxUploadBytes,
    ),
    target: entity,
  };
}

/** An uploaded data file read and checked against its plan, not registered yet. */
export interface StagedV4Import {
  prepared: V4ImportPlan;
  dataFile: V4Import['dataFile'];
  staged: StagedFile;
}

/** Reads the uploaded data file and checks every row; `registerV4Import` registers it. */
export async function stageV4Import(
  prepared: V4ImportPlan,
  upload: DataSource | null,
  options: { signal?: AbortSignal } = {},
): Promise<StagedV4Import> {
  if (!upload) {
    throw new ActitoError(
      'MISSING_PART',
      'The data file part is missing: send the CSV (plain, zip or gzip) as multipart part "inputFile".',
      [{ path: 'inputFile', message: 'missing' }],
    );
  }
  const staged = await stageFile(prepared.plan, upload.chunks);
  options.signal?.throwIfAborted();
  return { prepared, dataFile: { name: upload.name }, staged };
}

/**
 * Registers a staged import (PENDING), taking one creation from its table's daily quota:
 * MOCK_RESET if its entity was replaced since it was planned, QUOTA_EXCEEDED if other uploads
 * spent the quota meanwhile.
 */
export function registerV4Import(
  tenant: Tenant,
  { prepared, dataFile, staged }: StagedV4Import,
  options: { forcedFailure?: string | null } = {},
): V4Import {
  tenant.assertCurrent(prepared.target);
  const table = prepared.plan.table;
  tenant.v4ImportQuota.take(
    prepared.entity,
    table,
    tenant.clock.now(),
    tenant.settings.limits.maxImportsPerTablePerDay,
  );
  const v4Import: V4Import = {
    id: tenant.v4ImportIds.next(),
    entity: prepared.entity,
    parameters: prepared.parameters,
    table,
    dataFile,
    run: tenant.startRun(prepared.target, {
      kind: 'v4.import',
      table,
      spec: prepared.plan.spec,
      staged,
      forcedFailure: options.forcedFailure ?? null,
    }),
  };
  prepared.target.v4Imports.set(v4Import.id, v4Import);
  tenant.retain({
    kind: 'v4.import',
    entity: v4Import.entity,
    id: v4Import.id,
    isFinal: () => v4Import.run.status.isFinal,
    storedBytes: () => v4Import.run.storedBytes(),
    remove: () => prepared.target.v4Imports.delete(v4Import.id),
  });
  return v4Import;
}

/** Stages and registers at once, for callers whose data is already complete (the validator). */
export async function createV4Import(
  tenant: Tenant,
  prepared: V4ImportPlan,
  upload: DataSource | null,
  options: { forcedFailure?: string | null } = {},
): Promise<V4Import> {
  return registerV4Import(tenant, await stageV4Import(prepared, upload), options);
}

/** An import, without counting as a status read. */
export function findV4Import(tenant: Tenant, entityName: string, id: string): V4Import {
  const v4Import = tenant.entity(entityName).v4Imports.get(id);
  if (!v4Import) {
    if (tenant.retention.wasEvicted('v4.import', entityName, id))
      throw recordEvicted(tenant, `V4 import ${id} of entity ${entityName}`);
    throw new ActitoError('UNKNOWN_IMPORT', `Entity ${entityName} has no V4 import ${id}.`);
  }
  tenant.settleDue();
  return v4Import;
}

/** GET .../import/{id}/status: a status read, which may move the import on. */
export function getV4ImportStatus(tenant: Tenant, entityName: string, id: string): V4Import {
  const v4Import = findV4Import(tenant, entityName, id);
  v4Import.run.status.observe();
  return v4Import;
}

/** An import whose results exist (FINISHED or ERROR); 409 IMPORT_NOT_FINISHED otherwise. */
export function getV4ImportResult(tenant: Tenant, entityName: string, id: string): V4Import {
  const v4Import = findV4Import(tenant, entityName, id);
  if (!v4Import.run.status.isFinal) {
    const status = v4Status(v4Import.run.status.status);
    throw new ActitoError(
      'IMPORT_NOT_FINISHED',
      `V4 import ${id} is ${status}; its result and files exist once it is FINISHED or ERROR. Poll GET .../import/${id}/status until then.`,
    );
  }
  return v4Import;
}

/** GET .../import/{id}/errors: the error file of a finished import (always kept by V4). */
export function getV4ImportErrors(tenant: Tenant, entityName: string, id: string): V4Import {
  return getV4ImportResult(tenant, entityName, id);
}

/** GET .../import/{id}/result-file: only when the parameters asked for it. */
export function getV4ImportResultFile(tenant: Tenant, entityName: string, id: string): V4Import {
  const v4Import = findV4Import(tenant, entityName, id);
  if (!v4Import.parameters.generateResultFile) {
    throw new ActitoError(
      'RESULT_FILE_NOT_REQUESTED',
      `V4 import ${id} asked for no result file: set "generateResultFile": true in the parameters part of the upload.`,
    );
  }
  return getV4ImportResult(tenant, entityName, id);
}
