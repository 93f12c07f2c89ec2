import type { DataFileInfo, FileLevelError, FileLevelErrorCode } from '../files/index.js';
import type { PlannedColumn } from './plan.js';
import type { RetainedFile } from './retained-file.js';
import { RowFlags, StagedCells } from './staged-rows.js';

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
 * import reaches its final status. Kept by column in flat blocks (no array per row), so a
 * million-row file costs little memory and garbage collection.
 */
export interface StagedFile {
  header: string[];
  columns: BoundColumn[];
  /** Per data row: its line (an array while staging, then packed into 4 bytes a row). */
  lines: number[] | Uint32Array;
  /** Per data row, the checked value of each bound column, in `columns` order; freed once written. */
  values: StagedCells;
  /** Rows with a faulty value (or the wrong column count): never written. */
  faulty: RowFlags;
  /** The upload, kept to cut the result file from: only when one is wanted and the file was read. */
  source: RetainedFile | null;
  /**
   * The fields of the rows whose original line cannot simply be cut from the file (a record over
   * several lines, one followed by blank lines, the last one): the result file encodes these.
   */
  keptFields: Map<number, string[]>;
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

export function emptyStagedFile(info: DataFileInfo): StagedFile {
  return {
    header: [],
    columns: [],
    lines: [],
    values: new StagedCells(0),
    faulty: new RowFlags(),
    source: null,
    keptFields: new Map(),
    faults: [],
    fileError: null,
    info,
  };
}

export function failedStagedFile(info: DataFileInfo, error: FileLevelError): StagedFile {
  return { ...emptyStagedFile(info), fileError: { code: error.code, message: error.message } };
}

export function newDataFileInfo(): DataFileInfo {
  return { compression: 'NONE', entryName: null, compressedBytes: 0, bytes: 0 };
}
