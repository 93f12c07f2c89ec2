import type { Clock } from '../clock.js';
import { ManagedStatus } from '../lifecycle/managed-status.js';
import type { ProgressionPolicy, RecordKind } from '../lifecycle/progression.js';
import type { Table } from '../tables/table.js';
import { yieldToEventLoop } from '../tables/write-queue.js';
import type { ImportCounts, ImportOutcome } from './apply.js';
import { StagedFileWriter } from './apply.js';
import type { ImportSpec } from './import-spec.js';
import type { StagedFile } from './staged-file.js';

export type RunFinal = 'SUCCESS' | 'WITH_ERROR' | 'ERROR';

/**
 * Rows written per step. A file of at most this many rows is written in one synchronous step, as
 * it enters its final status (when its table has no write pending); a bigger one is written a
 * slice at a time, yielding to the event loop between slices, so a million rows never hold other
 * clients for more than one slice (about 10 ms on the bench's machine).
 */
export const WRITE_SLICE_ROWS = 4096;

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
 * table on leaving RUNNING, so a record's results exist exactly when its status is final. A big
 * file is written in slices: the record shows RUNNING until its last row is written, then its
 * final status, entered at the moment it fell due. Runs write one table in the order they fell
 * due (the table's write queue). V4 imports and V5 executions wrap one of these and only rename
 * its statuses.
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
   * About the bytes kept for the result and error files (what retention budgets): the upload kept
   * while a result file is wanted, plus the faults the error file lists.
   */
  storedBytes(): number {
    const { staged } = this.options;
    let bytes = staged.source?.heldBytes ?? 0;
    for (const fault of this.outcome?.faults ?? staged.faults)
      bytes += 16 + fault.column.length + fault.value.length + fault.message.length;
    return bytes;
  }

  /** Settles once the rows are written and the status is final (at once when nothing is being written). */
  async written(): Promise<void> {
    await this.status.finishing;
  }

  #finish(at: number): RunFinal | Promise<RunFinal> {
    const { staged, forcedFailure, table } = this.options;
    if (this.startedAt === null) this.startedAt = at;
    if (forcedFailure) {
      this.errorMessage = forcedFailure;
      return 'ERROR';
    }
    if (staged.fileError) {
      this.errorMessage = staged.fileError.message;
      return 'ERROR';
    }
    const writer = new StagedFileWriter(table, this.options.spec.mode, staged, at);
    if (!table.writes.busy && staged.lines.length <= WRITE_SLICE_ROWS) {
      writer.write(WRITE_SLICE_ROWS);
      return this.#finished(writer);
    }
    return table.writes
      .run(async () => {
        while (!writer.write(WRITE_SLICE_ROWS)) await yieldToEventLoop();
      })
      .then(
        () => this.#finished(writer),
        (error: unknown) => {
          // A bug, not the client's fault: the record ends in ERROR rather than hanging in RUNNING.
          this.errorMessage = `the mock failed while writing the rows: ${error instanceof Error ? error.message : String(error)}`;
          return 'ERROR' as const;
        },
      );
  }

  #finished(writer: StagedFileWriter): RunFinal {
    this.outcome = writer.outcome();
    if (!this.options.spec.generateResultFile) this.options.staged.source = null;
    return this.outcome.counts.rowsInError > 0 ? 'WITH_ERROR' : 'SUCCESS';
  }
}
