import type { EntityFixture } from '../../contracts/fixture.js';
import type { TableType } from '../../contracts/tables.js';
import { ActitoError } from './errors.js';
import { seedRows } from './tables/seed.js';
import { Table } from './tables/table.js';

export interface TableRef {
  type: TableType;
  name?: string | undefined;
  id?: string | number | undefined;
}

/** One Actito entity: its tables, its persistent ETLs and, per API, the imports made into them. */
export class EntityState<Execution = unknown, Import = unknown, Etl = unknown> {
  readonly tables: Table[];
  readonly etlExecutions = new Map<string, Execution>();
  readonly v4Imports = new Map<string, Import>();
  readonly etls = new Map<string, Etl>();

  constructor(
    readonly name: string,
    fixture: EntityFixture,
    now: number,
  ) {
    this.tables = [...fixture.profileTables.map(Table.profile), ...fixture.customTables.map(Table.custom)];
    for (const [tableName, rows] of Object.entries(fixture.rows)) {
      const table = this.tables.find((t) => t.name === tableName);
      if (!table)
        throw new TypeError(`fixture rows name table ${tableName}, which entity ${name} does not have`);
      seedRows(table, rows, now);
    }
  }

  /** A table by type and name (or id, which the mock also accepts). */
  findTable(ref: TableRef): Table | undefined {
    return this.tables.find(
      (table) =>
        table.type === ref.type &&
        ((ref.name !== undefined && table.name === ref.name) ||
          (ref.id !== undefined && table.id === String(ref.id))),
    );
  }

  /** The table named by a URL segment: its name, or its id. */
  tableByNameOrId(type: TableType, nameOrId: string): Table {
    const table = this.findTable({ type, name: nameOrId, id: nameOrId });
    if (table) return table;
    const known = this.tables.filter((t) => t.type === type).map((t) => `${t.name} (id ${t.id})`);
    const kind = type === 'PROFILE_TABLE' ? 'profile table' : 'custom table';
    throw new ActitoError(
      'UNKNOWN_TABLE',
      `Entity ${this.name} has no ${kind} "${nameOrId}"; it has ${known.join(', ') || 'none'}.`,
    );
  }
}
