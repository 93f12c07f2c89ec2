import type { ImportMode } from '../../../contracts/format.js';
import type { Row, RowPatch, Table } from './table.js';

/** Which record a write goes to: the row found (or none) and the unique column it was found on. */
export interface RecordMatch {
  row: number | undefined;
  /** The unique column whose value in the patch found `row`; undefined when located otherwise (by id). */
  column: number | undefined;
}

/** What writing one record did; nothing was written unless CREATED or UPDATED. */
export type RecordWrite =
  | { status: 'CREATED'; row: number }
  | { status: 'UPDATED'; row: number; previous: Row | null }
  /** The mode said not to write: the record exists (CREATE_ONLY), or does not (UPDATE_ONLY). */
  | { status: 'SKIPPED'; exists: boolean; key: number | undefined }
  /** A rule refused it: a mandatory attribute is empty, or a unique value belongs to another record. */
  | {
      status: 'REFUSED';
      code: 'MANDATORY_VALUE_MISSING' | 'UNIQUE_VALUE_TAKEN';
      column: number;
      value: string;
    };

/**
 * The record a patch matches, as an import matches its rows: on the first unique attribute, in
 * declared order, the patch has a value for (a custom table's primary key comes first).
 */
export function matchByKeys(table: Table, patch: RowPatch): RecordMatch {
  const column = table.keyColumns.find((key) => typeof patch[key] === 'string');
  return { row: column === undefined ? undefined : table.find(column, patch[column] as string), column };
}

/**
 * Writes one record with checked values, as the mode says: the one step an import row and a
 * single-record API call both take, so they cannot disagree. A refused write changes nothing.
 * `keepPrevious` returns the record as it was before an update (data webhooks compare it).
 */
export function writeRecord(
  table: Table,
  mode: ImportMode,
  patch: RowPatch,
  now: number,
  match: RecordMatch = matchByKeys(table, patch),
  keepPrevious = false,
): RecordWrite {
  const existing = match.row;
  if (existing !== undefined) {
    if (mode === 'CREATE_ONLY') return { status: 'SKIPPED', exists: true, key: match.column };
    const conflict = uniqueConflict(table, patch, existing, match.column);
    if (conflict) return conflict;
    const previous = keepPrevious ? table.row(existing) : null;
    table.update(existing, patch, now);
    return { status: 'UPDATED', row: existing, previous };
  }
  if (mode === 'UPDATE_ONLY') return { status: 'SKIPPED', exists: false, key: match.column };
  const missing = table.columns.findIndex(
    (c, index) => c.rule?.mandatory === true && (patch[index] ?? null) === null,
  );
  if (missing >= 0) return { status: 'REFUSED', code: 'MANDATORY_VALUE_MISSING', column: missing, value: '' };
  const conflict = uniqueConflict(table, patch, undefined, match.column);
  if (conflict) return conflict;
  return { status: 'CREATED', row: table.insert(patch, now) };
}

/** Why a write refused a unique value, as the import's error file and the APIs' errors say it. */
export function uniqueTakenMessage(table: Table, column: number, value: string): string {
  const name = table.columns[column]?.name as string;
  return `${name} "${value}" already belongs to another record; ${name} is unique`;
}

/** Another record holding one of the patch's unique values; `matched` (already looked up) is skipped. */
function uniqueConflict(
  table: Table,
  patch: RowPatch,
  self: number | undefined,
  matched: number | undefined,
): RecordWrite | null {
  for (const column of table.keyColumns) {
    const value = patch[column];
    if (column === matched || typeof value !== 'string') continue;
    const owner = table.find(column, value);
    if (owner === undefined || owner === self) continue;
    return { status: 'REFUSED', code: 'UNIQUE_VALUE_TAKEN', column, value };
  }
  return null;
}
