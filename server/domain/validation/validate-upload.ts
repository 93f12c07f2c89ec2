import type { ErrorEnvelope } from '../../../contracts/errors.js';
import type { MockFixture } from '../../../contracts/fixture.js';
import type { TableType } from '../../../contracts/tables.js';
import { createManualClock } from '../clock.js';
import { ActitoError } from '../errors.js';
import type { ImportCounts } from '../imports/apply.js';
import type { DataSource } from '../imports/data-source.js';
import type { ImportRun, RunFinal } from '../imports/import-run.js';
import type { RowFault } from '../imports/staged-file.js';
import { uniformProgression } from '../lifecycle/progression.js';
import { Tenant } from '../tenant.js';
import { v4Status } from '../v4-imports/model.js';
import { createV4Import, planV4Import } from '../v4-imports/service.js';
import { createEtlExecution, planEtlExecution } from '../v5-etl-executions/service.js';

type RunStatus = 'PENDING' | 'RUNNING' | RunFinal;

/** What an upload would give: refused outright, failed at file level, or imported with these rows. */
export type UploadVerdict =
  | { outcome: 'REFUSED'; error: Omit<ErrorEnvelope, 'status'> }
  | { outcome: 'FILE_FAILED'; status: string; code: string; message: string }
  | { outcome: 'IMPORTED'; status: string; counts: ImportCounts; faults: RowFault[] };

export interface ValidateUploadInput {
  fixture: MockFixture;
  entity?: string;
  definitionJson: string;
  data: DataSource | null;
  /** The moment the upload is judged at (date placeholders, two-digit years). */
  now: number;
}

export interface ValidateV4UploadInput extends ValidateUploadInput {
  tableType: TableType;
  table: string;
}

/**
 * Runs an upload through a throwaway tenant built from the fixture, with the very services the
 * server uses, and says what the upload would give. Nothing here is specific to the CLI.
 */
export async function validateEtlUpload(input: ValidateUploadInput): Promise<UploadVerdict> {
  const tenant = throwawayTenant(input.fixture, input.now);
  const entity = entityOf(input);
  try {
    const plan = planEtlExecution(tenant, entity, input.definitionJson);
    const execution = await createEtlExecution(tenant, plan, input.data);
    await execution.run.written();
    return verdictOf(execution.run);
  } catch (error) {
    if (error instanceof ActitoError) return refused(error);
    throw error;
  }
}

/** The same, for a V4 import into the table its URL would name. */
export async function validateV4Upload(input: ValidateV4UploadInput): Promise<UploadVerdict> {
  const tenant = throwawayTenant(input.fixture, input.now);
  const entity = entityOf(input);
  try {
    const table = tenant.entity(entity).tableByNameOrId(input.tableType, input.table);
    const plan = planV4Import(tenant, entity, table, input.definitionJson);
    const v4Import = await createV4Import(tenant, plan, input.data);
    await v4Import.run.written();
    return verdictOf(v4Import.run, v4Status);
  } catch (error) {
    if (error instanceof ActitoError) return refused(error);
    throw error;
  }
}

function entityOf(input: ValidateUploadInput): string {
  return input.entity ?? (input.fixture.entities[0]?.name as string);
}

function throwawayTenant(fixture: MockFixture, now: number): Tenant {
  return new Tenant({
    name: 'validate',
    fixture,
    clock: createManualClock(now),
    progression: uniformProgression({ type: 'immediate' }),
  });
}

function refused(error: ActitoError): UploadVerdict {
  return {
    outcome: 'REFUSED',
    error: {
      code: error.code,
      message: error.message,
      ...(error.details.length ? { errors: error.details } : {}),
    },
  };
}

function verdictOf(run: ImportRun, finalName: (status: RunStatus) => string = (s) => s): UploadVerdict {
  const status = finalName(run.status.status);
  if (!run.outcome) {
    return {
      outcome: 'FILE_FAILED',
      status,
      code: run.staged.fileError?.code ?? 'FILE_FAILED',
      message: run.errorMessage ?? '',
    };
  }
  return { outcome: 'IMPORTED', status, counts: run.outcome.counts, faults: run.outcome.faults };
}

/** Whether the upload would be accepted and every row imported. */
export function isClean(verdict: UploadVerdict): boolean {
  return verdict.outcome === 'IMPORTED' && verdict.counts.rowsInError === 0;
}
