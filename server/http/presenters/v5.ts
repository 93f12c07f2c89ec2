import type { EtlExecution as EtlExecutionWire, IntegrationResults } from '../../../contracts/v5.js';
import type { AnyEtlExecution as AnyEtlExecutionWire } from '../../../contracts/v5-etls.js';
import { isoMoment } from '../../domain/clock.js';
import type { AnyEtlExecution } from '../../domain/v5-etl-executions/model.js';
import { isPersistentExecution } from '../../domain/v5-etl-executions/model.js';

const moment = (ms: number | null) => (ms === null ? null : isoMoment(ms));

export function presentEtlExecution(execution: AnyEtlExecution): AnyEtlExecutionWire {
  const { run } = execution;
  const common: Omit<EtlExecutionWire, 'definition'> = {
    id: execution.id,
    status: run.status.status,
    creationMoment: isoMoment(run.createdAt),
    startMoment: moment(run.startedAt),
    endMoment: run.status.isFinal ? moment(run.endedAt) : null,
    errorMessage: run.errorMessage,
  };
  if (!isPersistentExecution(execution)) return { ...common, definition: execution.definition };
  return {
    ...common,
    etlId: execution.etlId,
    definition: execution.definition,
    trigger: execution.trigger,
    inputFile: execution.dataFile.name,
    ignoredFiles: execution.ignoredFiles.map((file) => ({ ...file })),
  };
}

/** One result per table: a one-shot execution has one; an execution of a persistent ETL one per table entry. */
export function presentIntegrationResults(execution: AnyEtlExecution): IntegrationResults {
  const { run } = execution;
  if (!isPersistentExecution(execution)) {
    return {
      executionId: execution.id,
      results: [
        {
          table: { type: execution.table.type, name: execution.table.name, id: execution.table.id },
          ...run.counts,
          withErrors: run.status.status !== 'SUCCESS',
        },
      ],
    };
  }
  return {
    executionId: execution.id,
    results: run.parts.map((part) => ({
      table: { type: part.table.type, name: part.table.name, id: part.table.id },
      ...part.counts,
      withErrors: part.withErrors,
      fileName: part.fileName,
    })),
  };
}
