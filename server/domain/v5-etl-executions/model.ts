import type { EtlDefinition } from '../../../contracts/v5.js';
import type { ImportRun, RunFinal } from '../imports/import-run.js';
import type { Table } from '../tables/table.js';
import type { PersistentEtlExecution } from '../v5-etls/model.js';

export type EtlExecutionStatus = 'PENDING' | 'RUNNING' | RunFinal;

/** A V5 one-shot ETL execution: its definition and the import run behind it. */
export interface EtlExecution {
  id: string;
  entity: string;
  definition: EtlDefinition;
  table: Table;
  run: ImportRun;
  dataFile: { name: string | null; source: 'upload' | 'remoteLocation' };
}

/** What `.../etl-executions/{id}` serves: a one-shot execution, or one of a persistent ETL. */
export type AnyEtlExecution = EtlExecution | PersistentEtlExecution;

export function isPersistentExecution(execution: AnyEtlExecution): execution is PersistentEtlExecution {
  return 'etlId' in execution;
}
