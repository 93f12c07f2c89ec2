import type { RecordListener } from '../tables/record-listener.js';
import type { Table } from '../tables/table.js';
import { yieldToEventLoop } from '../tables/write-queue.js';
import type { ImportCounts, ImportOutcome } from './apply.js';
import { StagedFileWriter } from './apply.js';
import type { ImportSpec } from './import-spec.js';
import type { StagedFile } from './staged-file.js';

/**
 * Rows written per step. A run of at most this many rows is written in one synchronous step, as
 * it enters its final status (when its tables have no write pending); a bigger one is written a
 * slice at a time, yielding to the event loop between slices, so a million rows never hold other
 * clients for more than one slice (about 10 ms on the bench's machine).
 */
export const WRITE_SLICE_ROWS = 4096;

export const EMPTY_COUNTS: Readonly<ImportCounts> = Object.freeze({
  totalRows: 0,
  createdRows: 0,
  updatedRows: 0,
  skippedRows: 0,
  rowsInError: 0,
});

/** What one destination table of a run receives: its table, how to read its file, the file as staged. */
export interface ImportPartInput {
  table: Table;
  spec: ImportSpec;
  staged: StagedFile;
  /** Names the part in the run's messages (`tables[1] (Orders)`); a one-part run needs none. */
  label?: string;
  /** An optional file that was not sent: nothing to write, no output files. */
  absent?: boolean;
  /** The file (or archive entry) that fed this part, when it is not the upload itself. */
  fileName?: string | null;
}

/**
 * One destination table of an import run, with its outcome once the run is final. A V4 import or
 * a one-shot execution has one part; an execution of a multi-table ETL has one per table entry.
 */
export class ImportPart {
  readonly table: Table;
  readonly spec: ImportSpec;
  readonly staged: StagedFile;
  readonly label: string | null;
  readonly absent: boolean;
  readonly fileName: string | null;
  outcome: ImportOutcome | null = null;
  /** Why this part wrote nothing (its own file-level failure, or the run's); null otherwise. */
  errorMessage: string | null = null;

  constructor(input: ImportPartInput) {
    this.table = input.table;
    this.spec = input.spec;
    this.staged = input.staged;
    this.label = input.label ?? null;
    this.absent = input.absent ?? false;
    this.fileName = input.fileName ?? null;
  }

  get counts(): ImportCounts {
    return this.outcome?.counts ?? { ...EMPTY_COUNTS };
  }

  /** Whether a results reader should flag this table: a row in error, or nothing written for a reason. */
  get withErrors(): boolean {
    return this.errorMessage !== null || this.counts.rowsInError > 0;
  }

  /** Writes the staged rows into the table in one step; runs once, when the run reaches its final status. */
  apply(at: number, listenerFor: ListenerFor = noListener): void {
    if (this.absent) return;
    const writer = this.#writer(at, listenerFor());
    writer.write(Number.POSITIVE_INFINITY);
    this.#written(writer);
  }

  /** The same, a slice of rows per event-loop turn, once the writes queued before on its table have ended. */
  async applyInSlices(at: number, listenerFor: ListenerFor = noListener): Promise<void> {
    if (this.absent) return;
    let writer!: StagedFileWriter;
    await this.table.writes.run(async () => {
      // Asked when its turn comes: a subscription made while an earlier write ran hears of these rows.
      writer = this.#writer(at, listenerFor());
      while (!writer.write(WRITE_SLICE_ROWS)) await yieldToEventLoop();
    });
    this.#written(writer);
  }

  /** Bytes kept for this part's output files (what retention budgets): the upload kept for the result file, and the faults. */
  storedBytes(): number {
    let bytes = this.staged.source?.heldBytes ?? 0;
    for (const fault of this.outcome?.faults ?? this.staged.faults)
      bytes += 16 + fault.column.length + fault.value.length + fault.message.length;
    return bytes;
  }

  #writer(at: number, listener: RecordListener | null): StagedFileWriter {
    return new StagedFileWriter(this.table, this.spec.mode, this.staged, at, listener);
  }

  #written(writer: StagedFileWriter): void {
    this.outcome = writer.outcome();
    if (!this.spec.generateResultFile) this.staged.source = null;
  }
}

/** Who is told each record a part writes (data webhooks), asked when the writing starts. */
export type ListenerFor = () => RecordListener | null;

const noListener: ListenerFor = () => null;
