import type { EtlDefinition } from '../../../contracts/v5.js';
import type { ImportRun, RunFinal } from '../imports/import-run.js';
import type { Table } from '../tables/table.js';

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
