import type { SeedRows } from '../../../contracts/fixture.js';
import { checkRows } from './add-rows.js';
import type { Table } from './table.js';

/**
 * Loads records into a table with the same checks an import makes, so a fixture cannot hold rows
 * an import would refuse. Throws a TypeError naming the row and attribute at fault.
 */
export function seedRows(table: Table, rows: SeedRows, now: number): void {
  const { patches, faults } = checkRows(table, rows);
  const first = faults[0];
  if (first) throw new TypeError(`${first.path}: ${first.message}`);
  for (const patch of patches) table.insert(patch, now);
}
