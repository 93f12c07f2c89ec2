import type { ImportMode } from '../../../contracts/format.js';
import type { RecordListener } from '../tables/record-listener.js';
import type { RowPatch, Table } from '../tables/table.js';
import { matchByKeys, uniqueTakenMessage, writeRecord } from '../tables/write-record.js';
import type { RowFault, StagedFile } from './staged-file.js';
import { StagedCells } from './staged-rows.js';

export const ROW_STATUSES = ['CREATED', 'UPDATED', 'SKIPPED', 'ERROR'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];
const CREATED = 0;
const UPDATED = 1;
const SKIPPED = 2;
const ERROR = 3;

export interface ImportCounts {
  totalRows: number;
  createdRows: number;
  updatedRows: number;
  skippedRows: number;
  rowsInError: number;
}

/** What writing a staged file did, row by row. */
export interface ImportOutcome {
  counts: ImportCounts;
  /** Index into ROW_STATUSES, per data row. */
  statuses: Uint8Array;
  /** Why a row was skipped or in error, by data-row index. */
  messages: Map<number, string>;
  /** Every fault of the file (value checks and write-time checks), in line order. */
  faults: RowFault[];
}

/**
 * Writes a staged file into its table, in file order, as the import's mode says: a row matches an
 * existing record on the first unique attribute it has a value for. Runs once, when the import
 * reaches its final status: all at once here, or in slices with `StagedFileWriter`. `listener`
 * (null when no data webhook listens to the table) is told each record written.
 */
export function applyStagedFile(
  table: Table,
  mode: ImportMode,
  staged: StagedFile,
  now: number,
  listener: RecordListener | null = null,
): ImportOutcome {
  const writer = new StagedFileWriter(table, mode, staged, now, listener);
  writer.write(Number.POSITIVE_INFINITY);
  return writer.outcome();
}

/**
 * Writes a staged file into its table a slice of rows at a time, so a million-row file need not
 * hold the event loop in one step. The rows land in file order whatever the slicing; the staged
 * values are freed once every row is written.
 */
export class StagedFileWriter {
  readonly #statuses: Uint8Array;
  readonly #messages = new Map<number, string>();
  readonly #writeFaults: RowFault[] = [];
  readonly #valueFaultMessages: Map<number, string>;
  readonly #headerOf: Map<number, string>;
  /** One patch (table width) reused for every row: the table copies what it keeps. */
  readonly #patch: RowPatch;
  #next = 0;

  constructor(
    private readonly table: Table,
    private readonly mode: ImportMode,
    private readonly staged: StagedFile,
    private readonly now: number,
    private readonly listener: RecordListener | null = null,
  ) {
    this.#statuses = new Uint8Array(staged.lines.length);
    this.#valueFaultMessages = messagesByLine(staged.faults);
    this.#headerOf = headerColumnsByColumn(staged);
    this.#patch = new Array(table.columns.length);
  }

  get done(): boolean {
    return this.#next >= this.#statuses.length;
  }

  /** Writes up to `maxRows` more rows; returns whether every row is now written. */
  write(maxRows: number): boolean {
    const { staged, table } = this;
    const end = Math.min(this.#statuses.length, this.#next + maxRows);
    for (let row = this.#next; row < end; row += 1) {
      const line = staged.lines[row] as number;
      if (staged.faulty.has(row)) {
        this.#statuses[row] = ERROR;
        this.#messages.set(row, this.#valueFaultMessages.get(line) ?? 'the row is invalid');
        continue;
      }
      const patch = this.#patchOf(row);
      const result = writeRow(table, this.mode, patch, this.now, this.#headerOf, this.listener);
      this.#statuses[row] = result.status;
      if (result.message) this.#messages.set(row, result.message);
      if (result.fault) this.#writeFaults.push({ line, ...result.fault });
    }
    this.#next = end;
    // Each slice's events go at once: deliveries start while the rest is written.
    this.listener?.flush();
    // Written rows' values go at once: a smaller heap keeps garbage collection pauses short.
    staged.values.release(end);
    if (this.done) staged.values = new StagedCells(0);
    return this.done;
  }

  outcome(): ImportOutcome {
    const statuses = this.#statuses;
    return {
      counts: count(statuses),
      statuses,
      messages: this.#messages,
      faults: mergeByLine(this.staged.faults, this.#writeFaults),
    };
  }

  #patchOf(row: number): RowPatch {
    const patch = this.#patch;
    patch.fill(undefined);
    const { columns, values } = this.staged;
    for (let cell = 0; cell < columns.length; cell += 1) {
      const value = values.get(row, cell);
      if (value !== undefined) patch[(columns[cell] as { column: number }).column] = value;
    }
    return patch;
  }
}

interface WriteResult {
  status: number;
  message?: string;
  fault?: Omit<RowFault, 'line'>;
}

function writeRow(
  table: Table,
  mode: ImportMode,
  patch: RowPatch,
  now: number,
  headerOf: Map<number, string>,
  listener: RecordListener | null,
): WriteResult {
  const result = writeRecord(table, mode, patch, now, matchByKeys(table, patch), listener?.needsPrevious);
  switch (result.status) {
    case 'CREATED':
    case 'UPDATED':
      listener?.written(result, patch);
      return { status: result.status === 'CREATED' ? CREATED : UPDATED };
    case 'SKIPPED': {
      const key = result.key;
      const keyText = key === undefined ? '' : `${table.columns[key]?.name} "${patch[key]}"`;
      if (result.exists)
        return { status: SKIPPED, message: `a record with ${keyText} already exists (mode CREATE_ONLY)` };
      const why =
        key === undefined
          ? 'the row has no value for a unique attribute'
          : `no record with ${keyText} exists`;
      return { status: SKIPPED, message: `${why} (mode UPDATE_ONLY)` };
    }
    case 'REFUSED': {
      const name = table.columns[result.column]?.name as string;
      const message =
        result.code === 'MANDATORY_VALUE_MISSING'
          ? `attribute ${name} is mandatory to create a record; map it and give it a value`
          : uniqueTakenMessage(table, result.column, result.value);
      return error(result.code, message, headerOf.get(result.column) ?? name, result.value);
    }
  }
}

function error(code: string, message: string, column: string, value: string): WriteResult {
  return { status: ERROR, message, fault: { column, value, code, message } };
}

function headerColumnsByColumn(staged: StagedFile): Map<number, string> {
  return new Map(staged.columns.map((column) => [column.column, column.headerColumn]));
}

function messagesByLine(faults: RowFault[]): Map<number, string> {
  const byLine = new Map<number, string>();
  for (const fault of faults) {
    const previous = byLine.get(fault.line);
    const message = fault.column ? `${fault.column}: ${fault.message}` : fault.message;
    byLine.set(fault.line, previous ? `${previous}; ${message}` : message);
  }
  return byLine;
}

function mergeByLine(a: RowFault[], b: RowFault[]): RowFault[] {
  if (b.length === 0) return a;
  return [...a, ...b].sort((x, y) => x.line - y.line);
}

function count(statuses: Uint8Array): ImportCounts {
  const totals = [0, 0, 0, 0];
  for (const status of statuses) totals[status] = (totals[status] as number) + 1;
  return {
    totalRows: statuses.length,
    createdRows: totals[CREATED] as number,
    updatedRows: totals[UPDATED] as number,
    skippedRows: totals[SKIPPED] as number,
    rowsInError: totals[ERROR] as number,
  };
}
