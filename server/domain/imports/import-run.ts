import type { Clock } from '../clock.js';
import { ManagedStatus } from '../lifecycle/managed-status.js';
import type { ProgressionPolicy, RecordKind } from '../lifecycle/progression.js';
import type { Table } from '../tables/table.js';
import type { ImportCounts, ImportOutcome } from './apply.js';
import { applyStagedFile } from './apply.js';
import type { ImportSpec } from './import-spec.js';
import type { StagedFile } from './staged-file.js';

export type RunFinal = 'SUCCESS' | 'WITH_ERROR' | 'ERROR';

export interface ImportRunOptions {
  /** Which progression setting drives this run. */
  kind: RecordKind;
  table: Table;
  spec: ImportSpec;
  staged: StagedFile;
  clock: Clock;
  policy: () => ProgressionPolicy;
  /** Set by a fault: finish as a file-level failure with this reason. */
  forcedFailure?: string | null;
  /** Set by a fault: never leave this intermediate status (a client's timeout path). */
  hold?: 'PENDING' | 'RUNNING' | null;
  onEnter?: (status: string, at: number) => void;
}

/**
 * An upload on its way through PENDING and RUNNING to a final status; the rows are written to the
 * table on leaving RUNNING, so a record's results exist exactly when its status is final.
 * V4 imports and V5 executions wrap one of these and only rename its statuses.
 */
export class ImportRun {
  readonly status: ManagedStatus<'PENDING' | 'RUNNING', RunFinal>;
  readonly createdAt: number;
  startedAt: number | null = null;
  endedAt: number | null = null;
  outcome: ImportOutcome | null = null;
  errorMessage: string | null = null;

  constructor(readonly options: ImportRunOptions) {
    this.createdAt = options.clock.now();
    this.status = new ManagedStatus({
      steps: ['PENDING', 'RUNNING'],
      clock: options.clock,
      policy: options.policy,
      finish: (at) => this.#finish(at),
      onEnter: (status, at) => {
        if (status === 'RUNNING') this.startedAt = at;
        if (status !== 'PENDING' && status !== 'RUNNING') this.endedAt = at;
        options.onEnter?.(status, at);
      },
    });
    if (options.hold) this.status.hold(options.hold);
    this.status.settle();
  }

  /** The row counts; all zero for a file-level failure or before the final status. */
  get counts(): ImportCounts {
    return (
      this.outcome?.counts ?? { totalRows: 0, createdRows: 0, updatedRows: 0, skippedRows: 0, rowsInError: 0 }
    );
  }

  get staged(): StagedFile {
    return this.options.staged;
  }

  /**
   * About the bytes kept for the result and error files (what retention budgets): the decompressed
   * file while a result file is wanted, plus the faults the error file lists.
   */
  storedBytes(): number {
    const { staged } = this.options;
    let bytes = staged.fields ? staged.info.bytes : 0;
    for (const fault of this.outcome?.faults ?? staged.faults)
      bytes += 16 + fault.column.length + fault.value.length + fault.message.length;
    return bytes;
  }

  #finish(at: number): RunFinal {
    const { staged, forcedFailure } = this.options;
    if (this.startedAt === null) this.startedAt = at;
    if (forcedFailure) {
      this.errorMessage = forcedFailure;
      return 'ERROR';
    }
    if (staged.fileError) {
      this.errorMessage = staged.fileError.message;
      return 'ERROR';
    }
    this.outcome = applyStagedFile(this.options.table, this.options.spec.mode, staged, at);
    if (!this.options.spec.generateResultFile) staged.fields = null;
    return this.outcome.counts.rowsInError > 0 ? 'WITH_ERROR' : 'SUCCESS';
  }
}
