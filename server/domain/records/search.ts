import type { ErrorDetail } from '../../../contracts/errors.js';
import { ActitoError } from '../errors.js';
import type { Table } from '../tables/table.js';
import { compileJsonValueChecker, toJsonValue } from '../values/index.js';

/** Kinds a search can compare on: not subscriptions nor segmentations (they have routes of their own). */
const NOT_SEARCHABLE = new Set(['SUBSCRIPTION', 'CATEGORY', 'CATEGORY_SET']);

export function invalidParameter(path: string, message: string): ActitoError {
  const details: ErrorDetail[] = [{ path, message }];
  return new ActitoError('INVALID_PARAMETER', `Invalid parameter ${path}: ${message}.`, details);
}

/** The attributes a search or a sort may name (technical ones included: profileId, creationMoment...). */
export function searchableColumns(table: Table): string[] {
  return table.columns.filter((c) => !c.rule || !NOT_SEARCHABLE.has(c.rule.kind)).map((c) => c.name);
}

/** The column `name` a search or sort names, or a 400 at `path` naming those it may. */
export function searchColumn(table: Table, name: string, path: string): number {
  const column = table.columnIndex(name);
  const rule = column === undefined ? undefined : table.columns[column]?.rule;
  if (column !== undefined && (!rule || !NOT_SEARCHABLE.has(rule.kind))) return column;
  throw invalidParameter(
    path,
    `table ${table.name} has no attribute "${name}" to search or sort on; its attributes are ${searchableColumns(table).join(', ')}`,
  );
}

/**
 * `value` as the table stores it in `column` (`42.0` reads as 42, an address as it is kept), by
 * the checks an import makes; a value the attribute cannot hold is a 400 naming the rule.
 */
export function storedForm(table: Table, column: number, value: string, path: string): string {
  const rule = table.columns[column]?.rule;
  if (!rule) return value;
  const checked = compileJsonValueChecker({ ...rule, mandatory: false })(value);
  if (!checked.ok) throw invalidParameter(path, `${checked.code}: ${checked.message}`);
  if (typeof checked.value !== 'string')
    throw invalidParameter(path, `give a value to compare ${rule.name} with`);
  return checked.value;
}

/**
 * The records whose `column` holds `value`, in creation order, at most `limit`: one lookup on a
 * unique attribute, else a linear scan (documented: fine for a test's tables).
 */
export function findEqual(table: Table, column: number, value: string, limit: number): number[] {
  if (table.isUnique(column)) {
    const row = table.find(column, value);
    return row === undefined ? [] : [row];
  }
  const found: number[] = [];
  for (const row of table.rowNumbers()) {
    if (found.length >= limit) break;
    if (table.value(row, column) === value) found.push(row);
  }
  return found;
}

/**
 * Rows sorted on `column` as its values are typed (numbers as numbers, text and dates as text),
 * empty values last whichever the direction; ties keep creation order.
 */
export function sortRows(table: Table, rows: number[], column: number, ascending: boolean): number[] {
  const kind = table.columns[column]?.rule?.kind;
  const typed = new Map(
    rows.map((row) => {
      const stored = table.value(row, column);
      return [row, stored === null || !kind ? stored : toJsonValue(kind, stored)] as const;
    }),
  );
  const direction = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = typed.get(a) ?? null;
    const y = typed.get(b) ?? null;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * direction;
  });
}
