import type { z } from 'zod';
import type {
  MockRecord,
  RecordFile,
  RecordsQuery,
  RecordsResponse,
  RecordTable,
} from '../../../contracts/control-records.js';
import { isoMoment } from '../../domain/clock.js';
import { journalDataFile, persistentEtlExecutionUpload } from '../../domain/control/journal-upload.js';
import type { ImportPart } from '../../domain/imports/import-part.js';
import type { ImportRun } from '../../domain/imports/import-run.js';
import type { Tenant } from '../../domain/tenant.js';
import type { V4Import } from '../../domain/v4-imports/model.js';
import { v4Status } from '../../domain/v4-imports/model.js';
import type { AnyEtlExecution } from '../../domain/v5-etl-executions/model.js';
import { isPersistentExecution } from '../../domain/v5-etl-executions/model.js';
import { etlOutputFilesName, v4ErrorFileName, v4ResultFileName } from '../download-responses.js';
import { outputFileEntries } from '../output-files.js';

const moment = (ms: number | null) => (ms === null ? null : isoMoment(ms));
const segment = encodeURIComponent;

/**
 * The tenant's imports and executions, newest first, as they stand now. Only looks: no status
 * read is counted, so a dashboard watching a test never moves its records.
 */
export function presentRecords(tenant: Tenant, query: z.output<typeof RecordsQuery>): RecordsResponse {
  // Sorted before presenting: a tenant may hold thousands of records and only `limit` are shown.
  const found: { run: ImportRun; id: string; present: () => MockRecord }[] = [];
  for (const entity of tenant.entities.values()) {
    if (query.entity !== undefined && entity.name !== query.entity) continue;
    if (query.kind !== 'v4.import')
      for (const execution of entity.etlExecutions.values())
        found.push({ run: execution.run, id: execution.id, present: () => presentEtlRecord(execution) });
    if (query.kind !== 'v5.etlExecution')
      for (const v4Import of entity.v4Imports.values())
        found.push({ run: v4Import.run, id: v4Import.id, present: () => presentV4Record(v4Import) });
  }
  found.sort((a, b) => b.run.createdAt - a.run.createdAt || Number(b.id) - Number(a.id));
  return {
    tenant: tenant.name,
    now: isoMoment(tenant.clock.now()),
    total: found.length,
    records: found.slice(0, query.limit).map((record) => record.present()),
  };
}

export function presentEtlRecord(execution: AnyEtlExecution): MockRecord {
  const { run } = execution;
  const persistent = isPersistentExecution(execution);
  const wanted = {
    result: execution.definition.outputFiles.generateResultFile,
    errors: execution.definition.outputFiles.generateErrorFile,
  };
  const base = `/entities/${segment(execution.entity)}/etl-executions/${segment(execution.id)}/output-files`;
  const files: RecordFile[] =
    wanted.result || wanted.errors
      ? [
          {
            name: 'outputFiles',
            fileName: etlOutputFilesName(execution),
            contentType: 'application/zip',
            entries: outputFileEntries(run, wanted, persistent).map((entry) => entry.name),
            href: `/__mock${base}`,
            actitoPath: `/mass-imports/v5${base}`,
            available: run.status.isFinal,
          },
        ]
      : [];
  const record = {
    kind: 'v5.etlExecution' as const,
    status: run.status.status,
    ...runFields(execution.id, execution.entity, run),
    files,
    definition: execution.definition,
  };
  if (!persistent) {
    return {
      ...record,
      dataFile: journalDataFile(execution.dataFile.name, execution.dataFile.source, run.staged),
    };
  }
  const upload = persistentEtlExecutionUpload(execution);
  return {
    ...record,
    dataFile: upload.dataFile,
    etlId: execution.etlId,
    trigger: execution.trigger,
    tables: run.parts.map((part, index) => ({
      ...(upload.tables?.[index] as RecordTable),
      counts: part.outcome ? { ...part.counts } : null,
      errorMessage: part.errorMessage,
    })),
  };
}

export function presentV4Record(v4Import: V4Import): MockRecord {
  const { run } = v4Import;
  const base = `/entity/${segment(v4Import.entity)}/import/${segment(v4Import.id)}`;
  const file = (
    name: RecordFile['name'],
    suffix: string,
    fileName: string,
    contentType: string,
    entries: string[],
  ) => ({
    name,
    fileName,
    contentType,
    entries,
    href: `/__mock/entities/${segment(v4Import.entity)}/imports/${segment(v4Import.id)}/${suffix}`,
    actitoPath: `/v4${base}/${suffix}`,
    available: run.status.isFinal,
  });
  const encoding = run.spec.format.encoding;
  return {
    kind: 'v4.import',
    status: v4Status(run.status.status),
    ...runFields(v4Import.id, v4Import.entity, run),
    dataFile: journalDataFile(v4Import.dataFile.name, 'upload', run.staged),
    files: [
      file('errorFile', 'errors', v4ErrorFileName(v4Import), `text/csv; charset=${encoding}`, []),
      ...(v4Import.parameters.generateResultFile
        ? [file('resultFile', 'result-file', v4ResultFileName(v4Import), 'application/zip', ['result.csv'])]
        : []),
    ],
    parameters: v4Import.parameters,
  };
}

/** What both kinds share: the timeline and the results of the run behind the record. */
function runFields(id: string, entity: string, run: ImportRun) {
  const final = run.status.isFinal;
  const due = run.status.dueAt();
  const table = (run.parts[0] as ImportPart).table;
  return {
    id,
    entity,
    table: { type: table.type, id: table.id, name: table.name },
    outcome: final ? (run.status.status as 'SUCCESS' | 'WITH_ERROR' | 'ERROR') : null,
    creationMoment: isoMoment(run.createdAt),
    startMoment: moment(run.startedAt),
    endMoment: final ? moment(run.endedAt) : null,
    nextMoveMoment: Number.isFinite(due) ? isoMoment(due) : null,
    counts: final && run.status.status !== 'ERROR' ? run.counts : null,
    errorMessage: run.errorMessage,
  };
}
