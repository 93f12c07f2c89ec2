import { Hono } from 'hono';
import type { TableType } from '../../../contracts/tables.js';
import { produces } from '../accept.js';
import type { MockEnv } from '../env.js';

/** Profile and custom table structures, as Actito's table-structure APIs show them. */
export function tableStructureRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  const json = produces('application/json');
  const kinds: { path: string; type: TableType; listKey: string }[] = [
    {
      path: '/profile-table-structure/v5/entities/:entity/profile-tables',
      type: 'PROFILE_TABLE',
      listKey: 'profileTables',
    },
    {
      path: '/custom-table-structure/v5/entities/:entity/custom-tables',
      type: 'CUSTOM_TABLE',
      listKey: 'customTables',
    },
  ];
  for (const { path, type, listKey } of kinds) {
    routes.get(path, json, (c) => {
      const entity = c.get('tenant').entity(c.req.param('entity') as string);
      return c.json({ [listKey]: entity.tables.filter((t) => t.type === type).map((t) => t.structure) });
    });
    routes.get(`${path}/:table`, json, (c) => {
      const entity = c.get('tenant').entity(c.req.param('entity') as string);
      return c.json(entity.tableByNameOrId(type, c.req.param('table') as string).structure);
    });
  }
  return routes;
}
