import { Hono } from 'hono';
import type {
  AddRowsResponse,
  SeedEntityResponse,
  TableRowsResponse,
  TableSummary,
} from '../../../contracts/control.js';
import { AddRowsRequest, EntitySeed } from '../../../contracts/control.js';
import { TableType } from '../../../contracts/tables.js';
import { ActitoError } from '../../domain/errors.js';
import { addRows } from '../../domain/tables/add-rows.js';
import type { Table } from '../../domain/tables/table.js';
import type { Entity } from '../../domain/tenant.js';
import type { MockEnv } from '../env.js';
import { jsonBody } from '../json-body.js';

/** Seeding: an entity's tables and rows from JSON, rows added to a table, and a table read back. */
export function controlEntityRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();

  routes.put('/__mock/entities/:entity', async (c) => {
    const name = c.req.param('entity');
    const seed = await jsonBody(c, EntitySeed, 'INVALID_CONTROL_REQUEST');
    if (seed.name !== undefined && seed.name !== name) {
      throw new ActitoError(
        'INVALID_CONTROL_REQUEST',
        `The body names entity "${seed.name}" but the URL names "${name}"; leave "name" out or make them equal.`,
        [{ path: 'body.name', message: `differs from the URL's entity "${name}"` }],
      );
    }
    const entity = c.get('tenant').seedEntity(name, { ...seed, name });
    const body: SeedEntityResponse = {
      entity: name,
      tables: entity.tables.map((table) => ({ ...summary(table), rows: table.size })),
    };
    return c.json(body);
  });

  routes.post('/__mock/entities/:entity/tables/:table/rows', async (c) => {
    const tenant = c.get('tenant');
    const table = tableOf(tenant.entity(c.req.param('entity')), c.req.param('table'), c.req.query('type'));
    const request = await jsonBody(c, AddRowsRequest, 'INVALID_CONTROL_REQUEST');
    tenant.settleDue();
    // Rows added by hand land after the imports already due, as they would in Actito.
    await tenant.writesDone();
    const added = addRows(table, request.rows, tenant.clock.now(), 'body.rows');
    const body: AddRowsResponse = { table: summary(table), added, total: table.size };
    return c.json(body, 201);
  });

  routes.get('/__mock/entities/:entity/tables/:table/rows', async (c) => {
    const tenant = c.get('tenant');
    const table = tableOf(tenant.entity(c.req.param('entity')), c.req.param('table'), c.req.query('type'));
    // Imports that are due write their rows first, so the table reads as a client would find it.
    tenant.settleDue();
    await tenant.writesDone();
    const body: TableRowsResponse = {
      table: summary(table),
      total: table.size,
      rows: table.rows.map((row) => table.toJson(row)),
    };
    return c.json(body);
  });

  return routes;
}

function summary(table: Table): TableSummary {
  return { type: table.type, id: table.id, name: table.name };
}

/** A table by name or id, of either type unless `?type=` says which. */
function tableOf(entity: Entity, nameOrId: string, type: string | undefined): Table {
  if (type !== undefined) {
    const parsed = TableType.safeParse(type);
    if (!parsed.success) {
      throw new ActitoError(
        'INVALID_CONTROL_REQUEST',
        `?type=${type} is not a table type; use PROFILE_TABLE or CUSTOM_TABLE.`,
        [{ path: 'query.type', message: 'expected PROFILE_TABLE or CUSTOM_TABLE' }],
      );
    }
    return entity.tableByNameOrId(parsed.data, nameOrId);
  }
  const found = entity.tables.filter((t) => t.name === nameOrId || t.id === nameOrId);
  if (found.length === 1) return found[0] as Table;
  if (found.length > 1) {
    throw new ActitoError(
      'INVALID_CONTROL_REQUEST',
      `Entity ${entity.name} has a profile table and a custom table "${nameOrId}": add ?type=PROFILE_TABLE or ?type=CUSTOM_TABLE.`,
      [{ path: 'query.type', message: 'needed: the table name is ambiguous' }],
    );
  }
  const known = entity.tables.map((t) => `${t.name} (id ${t.id})`).join(', ') || 'none';
  throw new ActitoError(
    'UNKNOWN_TABLE',
    `Entity ${entity.name} has no table "${nameOrId}"; it has ${known}.`,
  );
}
