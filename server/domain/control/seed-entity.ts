import type { ErrorDetail } from '../../../contracts/errors.js';
import type { EntityFixture } from '../../../contracts/fixture.js';
import { EntityState } from '../entity.js';
import { ActitoError } from '../errors.js';
import { checkRows } from '../tables/add-rows.js';
import type { Entity } from '../tenant.js';

/**
 * Builds an entity from its table structures and existing rows, checking every row as an import
 * would. All or nothing: faults name the table, record and attribute (`rows.Profiles[0].emailAddress`).
 */
export function buildSeededEntity(name: string, fixture: EntityFixture, now: number): Entity {
  const entity = structureOnly(name, fixture, now);
  const faults: ErrorDetail[] = [];
  const inserts: (() => void)[] = [];
  for (const [tableName, rows] of Object.entries(fixture.rows)) {
    const table = entity.tables.find((t) => t.name === tableName);
    if (!table) {
      const known = entity.tables.map((t) => t.name).join(', ') || 'none';
      faults.push({
        path: `rows.${tableName}`,
        message: `entity ${name} has no table ${tableName}; it has ${known}`,
      });
      continue;
    }
    const checked = checkRows(table, rows, `rows.${tableName}`);
    faults.push(...checked.faults);
    inserts.push(() => {
      for (const patch of checked.patches) table.insert(patch, now);
    });
  }
  if (faults.length > 0) throw invalidEntity(name, faults);
  for (const insert of inserts) insert();
  return entity;
}

function structureOnly(name: string, fixture: EntityFixture, now: number): Entity {
  const faults = duplicateTables(fixture);
  if (faults.length > 0) throw invalidEntity(name, faults);
  try {
    return new EntityState(name, { ...fixture, rows: {} }, now);
  } catch (error) {
    throw invalidEntity(name, [{ path: 'customTables', message: (error as Error).message }]);
  }
}

/** Two tables of one type under one name or id would make imports ambiguous. */
function duplicateTables(fixture: EntityFixture): ErrorDetail[] {
  const faults: ErrorDetail[] = [];
  for (const key of ['profileTables', 'customTables'] as const) {
    const seen = new Set<string>();
    fixture[key].forEach((table, index) => {
      for (const label of [`name ${table.name}`, `id ${table.id}`]) {
        if (seen.has(label))
          faults.push({ path: `${key}[${index}]`, message: `a second table has ${label}` });
        seen.add(label);
      }
    });
  }
  return faults;
}

function invalidEntity(name: string, faults: ErrorDetail[]): ActitoError {
  const shown = faults.slice(0, 5).map((f) => `${f.path}: ${f.message}`);
  const more = faults.length > shown.length ? ` (and ${faults.length - shown.length} more)` : '';
  return new ActitoError(
    'INVALID_CONTROL_REQUEST',
    `Entity ${name} was not seeded: ${shown.join('; ')}${more}.`,
    faults,
  );
}
