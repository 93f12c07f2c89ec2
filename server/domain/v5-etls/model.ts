import type { IgnoredFile, PersistentEtlDefinition } from '../../../contracts/v5-etls.js';
import type { DataFileInfo } from '../files/index.js';
import type { ImportRun } from '../imports/import-run.js';

/** A persistent ETL: a definition stored once, run by trigger-execution or a dropped file. */
export interface PersistentEtl {
  id: string;
  entity: string;
  definition: PersistentEtlDefinition;
  createdAt: number;
  updatedAt: number;
}

/** What started an execution of a persistent ETL. */
export type EtlTrigger = 'TRIGGER_EXECUTION' | 'FILE_TRANSFER';

/** One run of a persistent ETL: the definition as it was then, one run part per table entry. */
export interface PersistentEtlExecution {
  id: string;
  entity: string;
  etlId: string;
  definition: PersistentEtlDefinition;
  trigger: EtlTrigger;
  run: ImportRun;
  /** The pushed or dropped file, as the client named it, and as the mock read it. */
  dataFile: { name: string | null; info: DataFileInfo };
  /** Files no table entry took, reported and skipped. */
  ignoredFiles: IgnoredFile[];
}
