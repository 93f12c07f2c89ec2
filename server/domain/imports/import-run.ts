import type { Clock } from '../clock.js';
import { ManagedStatus } from '../lifecycle/managed-status.js';
import type { ProgressionPolicy, RecordKind } from '../lifecycle/progression.js';
import type { RecordListener } from '../tables/record-listener.js';
import type { Table } from '../tables/table.js';
import type { ImportCounts, ImportOutcome } from './apply.js';
import type { ImportPartInput } from './import-part.js';
import { EMPTY_COUNTS, ImportPart, WRITE_SLICE_ROWS } from './import-part.js';
import type { ImportSpec } from './import-spec.js';
import type { StagedFile } from './staged-file.js';

export type RunFinal = 'SUCCESS' | 'WITH_ERROR' | 'ERROR';

export { WRITE_SLICE_ROWS } from './import-part.js';

export interface ImportRunOptions {
  /** Which progression setting drives this run. */
  kind: RecordKind;
  /** The table, spec and staged file of a one-table run (a V4 import, a one-shot execution)... */
  table?: Table;
  spec?: ImportSpec;
  staged?: StagedFile;
  /** ...or one part per table entry (an execution of a multi-table ETL), written in this order. */
  parts?: readonly ImportPartInput[];
  clock: Clock;
  policy: () => ProgressionPolicy;
  /** Set by a fault: finish as a file-level failure with this reason. */
  forcedFailure?: string | null;
  /** Set by a fault: never leave this intermediate status (a client's timeout path). */
  hold?: 'PENDING' | 'RUNNING' | null;
  onEnter?: (status: string, at: number) => void;
  /** Who is told each record written into a table (data webhooks); asked when the rows are written. */
  listenerFor?: (table: Table) => RecordListener | null;
}

/**
 * An upload on its way through PENDING and RUNNING to a final status: one status lifecycle for
 * one or more parts (a table each). The rows are written on leaving RUNNING, part after part, so
 * a record's results exist exactly when its status is final. A file-level failure of any part
 * fails the whole run and nothing is written (a missing required file fails a multi-file ETL).
 * A run of many rows is written in slices: it shows RUNNING until its last row is written, then
 * its final status, entered at the moment it fell due; runs write a table one after the other,
 * in the order they fell due (the table's write queue). V4 imports and V5 executions wrap one of
 * these and only rename its statuses.
 */
export class ImportRun {
  readonly status: ManagedStatus<'PENDING' | 'RUNNING', RunFinal>;
  readonly parts: readonly ImportPart[];
  readonly createdAt: number;
  startedAt: number | null = null;
  endedAt: number | null = null;
  errorMessage: string | null = null;

  constructor(readonly options: ImportRunOptions) {
    this.parts = partsOf(options).map((input) => new ImportPart(input));
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

  /** The row counts of every part together; all zero for a file-level failure or before the final status. */
  get counts(): ImportCounts {
    const total = { ...EMPTY_COUNTS };
    for (const part of this.parts) {
      for (const key of Object.keys(total) as (keyof ImportCounts)[]) total[key] += part.counts[key];
    }
    return total;
  }

  /** The first part's: what a one-table run wrote. */
  get outcome(): ImportOutcome | null {
    return this.#first.outcome;
  }

  get staged(): StagedFile {
    return this.#first.staged;
  }

  get spec(): ImportSpec {
    return this.#first.spec;
  }

  get #first(): ImportPart {
    return this.parts[0] as ImportPart;
  }

  /** About the bytes kept for the output files of its parts (what retention budgets). */
  storedBytes(): number {
    return this.parts.reduce((bytes, part) => bytes + part.storedBytes(), 0);
  }

  /** Settles once the rows are written and the status is final (at once when nothing is being written). */
  async written(): Promise<void> {
    await this.status.finishing;
  }

  #finish(at: number): RunFinal | Promise<RunFinal> {
    if (this.startedAt === null) this.startedAt = at;
    const failure = this.#failure();
    if (failure !== null) {
      this.errorMessage = failure;
      for (const part of this.parts) part.errorMessage = this.#partFailure(part, failure);
      return 'ERROR';
    }
    const rows = this.parts.reduce((total, part) => total + (part.absent ? 0 : part.staged.lines.length), 0);
    if (rows <= WRITE_SLICE_ROWS && this.parts.every((part) => part.absent || !part.table.writes.busy)) {
      for (const part of this.parts) part.apply(at, this.#listenerFor(part));
      return this.#verdict();
    }
    return (async () => {
      for (const part of this.parts) await part.applyInSlices(at, this.#listenerFor(part));
    })().then(
      () => this.#verdict(),
      (error: unknown) => {
        // A bug, not the client's fault: the record ends in ERROR rather than hanging in RUNNING.
        this.errorMessage = `the mock failed while writing the rows: ${error instanceof Error ? error.message : String(error)}`;
        return 'ERROR' as const;
      },
    );
  }

  #listenerFor(part: ImportPart): () => RecordListener | null {
    return () => this.options.listenerFor?.(part.table) ?? null;
  }

  #verdict(): RunFinal {
    return this.parts.some((part) => part.counts.rowsInError > 0) ? 'WITH_ERROR' : 'SUCCESS';
  }

  /** The reason the whole run fails: a fault, else the first part whose file could not be read. */
  #failure(): string | null {
    if (this.options.forcedFailure) return this.options.forcedFailure;
    const failed = this.parts.find((part) => part.staged.fileError);
    if (!failed?.staged.fileError) return null;
    const reason = failed.staged.fileError.message;
    return failed.label === null ? reason : `${failed.label}: ${reason}`;
  }

  /** Why a part wrote nothing: its own file-level failure, or the run's (one part: the run's, as is). */
  #partFailure(part: ImportPart, failure: string): string | null {
    if (this.parts.length === 1) return failure;
    if (part.absent) return null;
    return part.staged.fileError?.message ?? `not imported: ${failure}`;
  }
}

function partsOf(options: ImportRunOptions): readonly ImportPartInput[] {
  if (options.parts) {
    if (options.parts.length === 0) throw new TypeError('an import run needs at least one part');
    return options.parts;
  }
  const { table, spec, staged } = options;
  if (!table || !spec || !staged) throw new TypeError('an import run needs table, spec and staged, or parts');
  return [{ table, spec, staged }];
}
