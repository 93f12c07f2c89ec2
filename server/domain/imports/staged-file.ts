import type { DataFileInfo, FileLevelError, FileLevelErrorCode } from '../files/index.js';
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
  fileError: FileFailure | null;
  info: DataFileInfo;
}

/**
 * Why a file failed, as its answers show it. Not the error itself: an Error's unformatted stack
 * trace keeps the frames' objects alive (a parser and the megabyte of text it was holding).
 */
export interface FileFailure {
  code: FileLevelErrorCode;
  message: string;
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
  return { ...emptyStagedFile(info, false), fileError: { code: error.code, message: error.message } };
}

export function newDataFileInfo(): DataFileInfo {
  return { compression: 'NONE', entryName: null, compressedBytes: 0, bytes: 0 };
}
