import { Hono } from 'hono';
import type { ProfileWritten, V5ProfileList } from '../../../contracts/table-records.js';
import { PageQuery } from '../../../contracts/v5-etls.js';
import { listV5Profiles, upsertV5Profile } from '../../domain/profiles/service.js';
import { produces } from '../accept.js';
import { jsonBodyText } from '../body.js';
import type { MockEnv } from '../env.js';
import { presentV5Profile } from '../presenters/table-records.js';
import { queryOf } from '../query.js';
import { noteIgnored } from './profiles.js';

/** V5 profiles (modelled on one client): an upsert on a unique key, and a paged list. */
export function v5ProfileRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  const json = produces('application/json');
  const path = '/:entity/profile-tables/:table/profiles';

  routes.put(path, json, async (c) => {
    const body = await jsonBodyText(c.req.raw, 'INVALID_RECORD');
    const written = upsertV5Profile(c.get('tenant'), c.req.param('entity'), c.req.param('table'), body);
    if (written.ignored.length > 0) noteIgnored(c, written.ignored);
    const profileId = Number(
      written.table.value(written.row, written.table.columnIndex('profileId') as number),
    );
    const answer: ProfileWritten = { profileId };
    return c.json(answer, written.created ? 201 : 200);
  });

  routes.get(path, json, (c) => {
    const { refs, page } = listV5Profiles(
      c.get('tenant'),
      c.req.param('entity'),
      c.req.param('table'),
      queryOf(c, PageQuery),
    );
    const body: V5ProfileList = {
      profiles: refs.map(({ table, row }) => presentV5Profile(table, row)),
      page,
    };
    return c.json(body);
  });

  return routes;
}
