import type { EtlDefinition } from '../../../contracts/v5.js';
import { ActitoError } from '../errors.js';
import type { DataSource } from '../imports/data-source.js';
import type { ImportPlan } from '../imports/plan.js';
import { invalidDefinition, limitFileBytes, planImport } from '../imports/plan.js';
import { recordEvicted } from '../imports/record-evicted.js';
import { stageFile } from '../imports/stage.js';
import type { StagedFile } from '../imports/staged-file.js';
import { failedStagedFile, newDataFileInfo } from '../imports/staged-file.js';
import type { Entity, Tenant } from '../tenant.js';
import { etlImportSpec, parseEtlDefinition } from './definition.js';
import type { AnyEtlExecution, EtlExecution } from './model.js';
import { remoteDataSource } from './remote-location.js';

/** A definition checked against its entity and table, before any data byte is read. */
export interface EtlExecutionPlan {
  entity: string;
  definition: EtlDefinition;
  plan: ImportPlan;
  /** The entity as it was when the upload began: a reset since then makes registering fail. */
  target: Entity;
}

export function planEtlExecution(
  tenant: Tenant,
  entityName: string,
  definitionJson: string,
  entity: Entity = tenant.entity(entityName),
): EtlExecutionPlan {
  const definition = parseEtlDefinition(definitionJson);
  const table = entity.findTable(definition.table);
  if (!table) {
    const known = entity.tables
      .filter((t) => t.type === definition.table.type)
      .map((t) => `${t.name} (id ${t.id})`);
    const named = definition.table.name ?? definition.table.id;
    const field = definition.table.name !== undefined ? 'name' : 'id';
    throw invalidDefinition([
      {
        path: `definition.table.${field}`,
        message: `entity ${entityName} has no ${definition.table.type} "${named}"; it has ${known.join(', ') || 'none'}`,
      },
    ]);
  }
  return {
    entity: entityName,
    definition,
    plan: limitFileBytes(
      planImport(table, etlImportSpec(definition), tenant.clock.now()),
      tenant.settings.limits.maxUploadBytes,
    ),
    target: entity,
  };
}

/** A data file read and checked against its plan, not registered yet. */
export interface StagedEtlExecution {
  prepared: EtlExecutionPlan;
  dataFile: EtlExecution['dataFile'];
  staged: StagedFile;
}

/**
 * Reads the data file (the uploaded part, or the remote location's file) and checks every row;
 * nothing is registered: `registerEtlExecution` does that once the request has ended cleanly.
 */
export async function stageEtlExecution(
  tenant: Tenant,
  prepared: EtlExecutionPlan,
  upload: DataSource | null,
  options: { signal?: AbortSignal } = {},
): Promise<StagedEtlExecution> {
  const data = resolveData(tenant, prepared.definition, upload);
  const staged =
    data instanceof Error
      ? failedStagedFile(newDataFileInfo(), data)
      : await stageFile(prepared.plan, data.chunks);
  options.signal?.throwIfAborted();
  return {
    prepared,
    dataFile: {
      name: data instanceof Error ? null : data.name,
      source: upload ? 'upload' : 'remoteLocation',
    },
    staged,
  };
}

/** Registers a staged execution (PENDING) in the entity it was planned for; MOCK_RESET if that entity was replaced since. */
export function registerEtlExecution(
  tenant: Tenant,
  { prepared, dataFile, staged }: StagedEtlExecution,
  options: { forcedFailure?: string | null } = {},
): EtlExecution {
  const entity = prepared.target;
  tenant.assertCurrent(entity);
  const execution: EtlExecution = {
    id: tenant.etlExecutionIds.next(),
    entity: prepared.entity,
    definition: prepared.definition,
    table: prepared.plan.table,
    dataFile,
    run: tenant.startRun(entity, {
      kind: 'v5.etlExecution',
      table: prepared.plan.table,
      spec: prepared.plan.spec,
      staged,
      forcedFailure: options.forcedFailure ?? null,
    }),
  };
  keepExecution(tenant, entity, execution);
  return execution;
}

/** Files an execution (one-shot or of a persistent ETL) in its entity, under the tenant's retention. */
export function keepExecution(tenant: Tenant, entity: Entity, execution: AnyEtlExecution): void {
  entity.etlExecutions.set(execution.id, execution);
  tenant.retain({
    kind: 'v5.etlExecution',
    entity: execution.entity,
    id: execution.id,
    isFinal: () => execution.run.status.isFinal,
    storedBytes: () => execution.run.storedBytes(),
    remove: () => entity.etlExecutions.delete(execution.id),
  });
}

/** Stages and registers at once, for callers whose data is already complete (the validator). */
export async function createEtlExecution(
  tenant: Tenant,
  prepared: EtlExecutionPlan,
  upload: DataSource | null,
  options: { forcedFailure?: string | null } = {},
): Promise<EtlExecution> {
  return registerEtlExecution(tenant, await stageEtlExecution(tenant, prepared, upload), options);
}

function resolveData(tenant: Tenant, definition: EtlDefinition, upload: DataSource | null) {
  if (upload && definition.remoteLocation) {
    throw invalidDefinition([
      {
        path: 'definition.remoteLocation',
        message: 'a data file was uploaded and a remoteLocation is named; send one or the other',
      },
    ]);
  }
  if (upload) return upload;
  if (definition.remoteLocation) return remoteDataSource(definition, tenant.remoteFiles, tenant.clock.now());
  throw new ActitoError(
    'MISSING_PART',
    'The data file part is missing: send it as multipart part "inputFile" (or name a remoteLocation in the definition).',
    [{ path: 'inputFile', message: 'missing' }],
  );
}

/** An execution, without counting as a status read. */
export function findEtlExecution(tenant: Tenant, entityName: string, id: string): AnyEtlExecution {
  const execution = tenant.entity(entityName).etlExecutions.get(id);
  if (!execution) {
    if (tenant.retention.wasEvicted('v5.etlExecution', entityName, id))
      throw recordEvicted(tenant, `ETL execution ${id} of entity ${entityName}`);
    throw new ActitoError('UNKNOWN_EXECUTION', `Entity ${entityName} has no ETL execution ${id}.`);
  }
  tenant.settleDue();
  return execution;
}

/** GET .../etl-executions/{id}: a status read, which may move the execution on. */
export function getEtlExecution(tenant: Tenant, entityName: string, id: string): AnyEtlExecution {
  const execution = findEtlExecution(tenant, entityName, id);
  execution.run.status.observe();
  return execution;
}

/** An execution whose results exist, i.e. in a final status; 409 otherwise. */
export function finishedEtlExecution(tenant: Tenant, entityName: string, id: string): AnyEtlExecution {
  const execution = findEtlExecution(tenant, entityName, id);
  if (!execution.run.status.isFinal) {
    throw new ActitoError(
      'EXECUTION_NOT_FINISHED',
      `ETL execution ${id} is ${execution.run.status.status}; its results exist once it is SUCCESS, WITH_ERROR or ERROR. Poll GET .../etl-executions/${id} until then.`,
    );
  }
  return execution;
}

/** The files GET .../output-files zips, as the definition asked for them. */
export function requestedOutputFiles(execution: AnyEtlExecution): { result: boolean; errors: boolean } {
  const { generateResultFile, generateErrorFile } = execution.definition.outputFiles;
  if (!generateResultFile && !generateErrorFile) {
    throw new ActitoError(
      'OUTPUT_FILES_NOT_REQUESTED',
      `ETL execution ${execution.id} asked for no output file: set outputFiles.generateResultFile or outputFiles.generateErrorFile to true in the definition.`,
    );
  }
  return { result: generateResultFile, errors: generateErrorFile };
}
