import type { ErrorDetail } from '../../../contracts/errors.js';
import type { RowValue, SeedRows } from '../../../contracts/fixture.js';
import { ActitoError } from '../errors.js';
import { compileJsonValueChecker } from '../values/index.js';
import type { RowPatch, Table } from './table.js';
import { unknownColumnMessage } from './unknown-column.js';

/**
 * Checks records to create in a table the way an import checks rows: each value against its
 * attribute, mandatory attributes present, unique values free (in the table and within the batch).
 * Faults name the record and attribute: `rows[2].emailAddress`.
 */
export function checkRows(
  table: Table,
  rows: SeedRows,
  path = 'rows',
): { patches: RowPatch[]; faults: ErrorDetail[] } {
  const check = compileRecordChecker(table);
  const taken = table.keyColumns.map(() => new Set<string>());
  const patches: RowPatch[] = [];
  const faults: ErrorDetail[] = [];
  rows.forEach((record, index) => {
    const at = `${path}[${index}]`;
    const checked = check(record, at);
    faults.push(
      ...checked.faults,
      ...missingMandatory(table, record, at),
      ...uniqueTaken(table, checked.patch, taken, at),
    );
    patches.push(checked.patch);
  });
  return { patches, faults };
}

export interface RecordCheck {
  patch: RowPatch;
  faults: ErrorDetail[];
  /** Technical attributes the record named, left out of the patch (with `ignoreTechnical`). */
  ignored: string[];
}

/**
 * Checks the values of one record given as JSON, keyed by column name (`emailAddress`,
 * `subscriptions#Newsletter`), with the checkers an import applies to its cells, compiled once
 * for the table. Unknown names are faults; technical ones too, unless `ignoreTechnical` (the
 * single-record APIs ignore them, as Actito does). Mandatory and unique rules are the write's.
 */
export function compileRecordChecker(
  table: Table,
  ignoreTechnical: readonly string[] | null = null,
): (record: Record<string, RowValue>, at: string) => RecordCheck {
  const checkers = table.columns.map((column) => (column.rule ? compileJsonValueChecker(column.rule) : null));
  return (record, at) => {
    const patch: RowPatch = new Array(table.columns.length);
    const faults: ErrorDetail[] = [];
    const ignored: string[] = [];
    for (const [name, value] of Object.entries(record)) {
      const column = table.columnIndex(name);
      const check = column === undefined ? undefined : checkers[column];
      if (!check && ignoreTechnical !== null && (column !== undefined || ignoreTechnical.includes(name))) {
        ignored.push(name);
        continue;
      }
      if (column === undefined || !check) {
        const message =
          column === undefined
            ? unknownColumnMessage(table, name)
            : `${name} is a technical attribute of table ${table.name}, set by the platform`;
        faults.push({ path: `${at}.${name}`, message });
        continue;
      }
      const checked = check(value);
      if (checked.ok) patch[column] = checked.value;
      else faults.push({ path: `${at}.${name}`, message: `${checked.code}: ${checked.message}` });
    }
    return { patch, faults, ignored };
  };
}

/** Creates every record, or none when one is at fault. Returns how many were created. */
export function addRows(table: Table, rows: SeedRows, now: number, path = 'rows'): number {
  const { patches, faults } = checkRows(table, rows, path);
  if (faults.length > 0) throw invalidRows(table, faults);
  for (const patch of patches) table.insert(patch, now);
  return patches.length;
}

export function invalidRows(table: Table, faults: ErrorDetail[]): ActitoError {
  const shown = faults.slice(0, 5).map((f) => `${f.path}: ${f.message}`);
  const more = faults.length > shown.length ? ` (and ${faults.length - shown.length} more)` : '';
  return new ActitoError(
    'INVALID_CONTROL_REQUEST',
    `Rows for table ${table.name} were refused, none was added: ${shown.join('; ')}${more}.`,
    faults,
  );
}

function missingMandatory(table: Table, record: Record<string, unknown>, at: string): ErrorDetail[] {
  return table.columns
    .filter((column) => column.rule?.mandatory === true && !(column.name in record))
    .map((column) => ({
      path: `${at}.${column.name}`,
      message: `MANDATORY_VALUE_MISSING: attribute ${column.name} is mandatory to create a record; give it a value`,
    }));
}

function uniqueTaken(table: Table, patch: RowPatch, taken: Set<string>[], at: string): ErrorDetail[] {
  const faults: ErrorDetail[] = [];
  table.keyColumns.forEach((column, k) => {
    const value = patch[column];
    if (typeof value !== 'string') return;
    const name = table.columns[column]?.name as string;
    const seen = taken[k] as Set<string>;
    if (table.find(column, value) !== undefined || seen.has(value)) {
      faults.push({
        path: `${at}.${name}`,
        message: `UNIQUE_VALUE_TAKEN: ${name} "${value}" already belongs to another record; ${name} is unique`,
      });
    }
    seen.add(value);
  });
  return faults;
}
