import type { EtlExecution as EtlExecutionWire, IntegrationResults } from '../../../contracts/v5.js';
import { isoMoment } from '../../domain/clock.js';
import type { EtlExecution } from '../../domain/v5-etl-executions/model.js';

const moment = (ms: number | null) => (ms === null ? null : isoMoment(ms));

export function presentEtlExecution(execution: EtlExecution): EtlExecutionWire {
  const { run } = execution;
  return {
    id: execution.id,
    status: run.status.status,
    creationMoment: isoMoment(run.createdAt),
    startMoment: moment(run.startedAt),
    endMoment: run.status.isFinal ? moment(run.endedAt) : null,
    definition: execution.definition,
    errorMessage: run.errorMessage,
  };
}

export function presentIntegrationResults(execution: EtlExecution): IntegrationResults {
  const counts = execution.run.counts;
  return {
    executionId: execution.id,
    results: [
      {
        table: { type: execution.table.type, name: execution.table.name, id: execution.table.id },
        ...counts,
        withErrors: execution.run.status.status !== 'SUCCESS',
      },
    ],
  };
}
