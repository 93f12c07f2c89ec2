import type { DataFileInfo, FileLevelError } from '../files/index.js';
import type { RowPatch } from '../tables/table.js';
import type { PlannedColumn } from './plan.js';

/** One faulty value (or row) as the error file shows it. */
export interface RowFault {
  /** Physical line in the file; the header is line 1. */
  line: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

/** A mapped column and where it sits in this file's header. */
export interface BoundColumn extends PlannedColumn {
  field: number;
}

/**
 * An uploaded file read and checked value by value, waiting to be written to its table when the
 * import reaches its final status. Parallel arrays keep per-row overhead low for million-row files.
 */
export interface StagedFile {
  header: string[];
  columns: BoundColumn[];
  /** Per data row: its line, its values (null when a value is faulty), its raw fields (only when a result file is wanted). */
  lines: number[];
  patches: (RowPatch | null)[];
  fields: string[][] | null;
  faults: RowFault[];
  fileError: FileLevelError | null;
  info: DataFileInfo;
}

export function emptyStagedFile(info: DataFileInfo, keepFields: boolean): StagedFile {
  return {
    header: [],
    columns: [],
    lines: [],
    patches: [],
    fields: keepFields ? [] : null,
    faults: [],
    fileError: null,
    info,
  };
}

export function failedStagedFile(info: DataFileInfo, error: FileLevelError): StagedFile {
  return { ...emptyStagedFile(info, false), fileError: error };
}

export function newDataFileInfo(): DataFileInfo {
  return { compression: 'NONE', entryName: null, compressedBytes: 0, bytes: 0 };
}
