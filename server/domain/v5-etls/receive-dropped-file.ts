import { ActitoError } from '../errors.js';
import type { DataSource } from '../imports/data-source.js';
import type { Tenant } from '../tenant.js';
import { expandFileNamePattern } from '../v5-etl-executions/remote-location.js';
import type { PersistentEtl } from './model.js';
import { planEtlRun, runEtl } from './service.js';

/** What a file dropped in a file transfer location did in one tenant. */
export interface DropResult {
  /** `processed`: it started an execution whose file could be read; `failed`: none, or none could read it. */
  outcome: 'processed' | 'failed';
  reason: string | null;
  executions: { entity: string; etlId: string; executionId: string; status: string }[];
}

/**
 * A file arrived in file transfer location `locationId`: every ETL of the tenant that watches the
 * location and takes a file of that name (its `file.fileNamePattern`, else a table entry's) runs
 * on it, as trigger-execution would. `open` gives the file again for each ETL that takes it.
 */
export async function receiveDroppedFile(
  tenant: Tenant,
  locationId: string,
  name: string,
  open: () => DataSource,
): Promise<DropResult> {
  const watching = [...tenant.entities.values()].flatMap((entity) =>
    [...entity.etls.values()].filter((etl) => etl.definition.fileTransferLocation?.locationId === locationId),
  );
  const now = tenant.clock.now();
  const taking = watching.filter((etl) => takesFile(etl, name, now));
  const result: DropResult = { outcome: 'failed', reason: null, executions: [] };
  const failures: string[] = [];
  let readable = 0;
  for (const etl of taking) {
    try {
      const execution = await runEtl(tenant, planEtlRun(tenant, etl.entity, etl.id), open(), 'FILE_TRANSFER');
      const { status } = execution.run.status;
      result.executions.push({ entity: etl.entity, etlId: etl.id, executionId: execution.id, status });
      const unread = execution.run.parts.find((part) => part.staged.fileError);
      if (unread) failures.push(`ETL ${etl.id}, ${unread.label}: ${unread.staged.fileError?.message}`);
      else readable += 1;
    } catch (error) {
      if (!(error instanceof ActitoError)) throw error;
      failures.push(`ETL ${etl.id}: ${error.message}`);
    }
  }
  if (readable > 0) return { ...result, outcome: 'processed' };
  result.reason =
    failures.join('; ') ||
    (watching.length === 0
      ? `no ETL of tenant ${tenant.name} names file transfer location "${locationId}"`
      : `no ETL watching "${locationId}" takes a file named "${name}"; they take ${expected(watching, now)}`);
  return result;
}

/** A dropped file starts an ETL when its name is the ETL's file name, or one of its table entries'. */
function takesFile(etl: PersistentEtl, name: string, now: number): boolean {
  const { definition } = etl;
  if (definition.file?.fileNamePattern)
    return expandFileNamePattern(definition.file.fileNamePattern, now) === name;
  return definition.tables.some((entry) => {
    if (entry.fileNamePattern === undefined) return definition.tables.length === 1;
    const wanted = expandFileNamePattern(entry.fileNamePattern, now);
    return name === wanted || name === `${wanted}.gz`;
  });
}

function expected(etls: PersistentEtl[], now: number): string {
  const names = etls.flatMap(({ definition }) =>
    definition.file?.fileNamePattern
      ? [definition.file.fileNamePattern]
      : definition.tables.flatMap((entry) => (entry.fileNamePattern ? [entry.fileNamePattern] : [])),
  );
  return names.map((pattern) => `"${expandFileNamePattern(pattern, now)}"`).join(', ');
}
