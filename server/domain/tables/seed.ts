import type { SeedRows } from '../../../contracts/fixture.js';
import { compileValueChecker } from '../values/index.js';
import type { RowPatch, Table } from './table.js';

/**
 * Loads records into a table with the same checks an import makes, so a fixture cannot hold rows
 * an import would refuse. Throws a TypeError naming the row and attribute at fault.
 */
export function seedRows(table: Table, rows: SeedRows, now: number): void {
  const checkers = table.columns.map((column) => (column.rule ? compileValueChecker(column.rule) : null));
  rows.forEach((record, rowNumber) => {
    const patch: RowPatch = new Array(table.columns.length);
    for (const [name, value] of Object.entries(record)) {
      const column = table.columnIndex(name);
      const check = column === undefined ? undefined : checkers[column];
      if (column === undefined || !check) {
        throw new TypeError(
          `rows[${rowNumber}].${name}: table ${table.name} has no importable attribute ${name}`,
        );
      }
      const checked = check(value === null ? '' : String(value));
      if (!checked.ok) throw new TypeError(`rows[${rowNumber}].${name}: ${checked.message}`);
      patch[column] = checked.value;
    }
    table.columns.forEach((column, index) => {
      if (column.rule?.mandatory && (patch[index] ?? null) === null) {
        throw new TypeError(`rows[${rowNumber}].${column.name}: attribute ${column.name} is mandatory`);
      }
    });
    for (const column of table.keyColumns) {
      const value = patch[column];
      if (typeof value === 'string' && table.find(column, value) !== undefined) {
        throw new TypeError(`rows[${rowNumber}]: ${table.columns[column]?.name} "${value}" is already taken`);
      }
    }
    table.insert(patch, now);
  });
}
