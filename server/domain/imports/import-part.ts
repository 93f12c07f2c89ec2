import type { Table } from '../tables/table.js';
import type { ImportCounts, ImportOutcome } from './apply.js';
import { applyStagedFile } from './apply.js';
import type { ImportSpec } from './import-spec.js';
import type { StagedFile } from './staged-file.js';

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

  /** Writes the staged rows into the table; runs once, when the run reaches its final status. */
  apply(at: number): void {
    if (this.absent) return;
    this.outcome = applyStagedFile(this.table, this.spec.mode, this.staged, at);
    if (!this.spec.generateResultFile) this.staged.fields = null;
  }
}
