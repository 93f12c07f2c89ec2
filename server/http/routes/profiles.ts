import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ProfileList, ProfileWritten } from '../../../contracts/table-records.js';
import { ProfileCreateQuery, ProfileSearchQuery } from '../../../contracts/table-records.js';
import type { ProfileWrite } from '../../domain/profiles/service.js';
import {
  createProfile,
  deleteProfile,
  findProfile,
  searchProfiles,
  setSubscription,
  updateProfile,
} from '../../domain/profiles/service.js';
import { produces } from '../accept.js';
import { jsonBodyText, locationOf } from '../body.js';
import type { MockEnv } from '../env.js';
import { noteInJournal } from '../exchange.js';
import { presentProfile, presentSubscriptions } from '../presenters/table-records.js';
import { queryOf } from '../query.js';

/** V4 profiles of a profile table (contract section 11): create or upsert, read, search, update, delete, subscriptions. */
export function profileRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  const json = produces('application/json');
  const collection = '/:entity/table/:table/profile';
  const one = `${collection}/:profile`;
  const params = (c: Context<MockEnv>) =>
    [c.get('tenant'), c.req.param('entity') as string, c.req.param('table') as string] as const;

  routes.post(collection, json, async (c) => {
    const { allowUpdate } = queryOf(c, ProfileCreateQuery);
    const body = await jsonBodyText(c.req.raw, 'INVALID_RECORD');
    const written = createProfile(...params(c), body, allowUpdate ?? false);
    if (written.created) c.header('Location', locationOf(c.req.raw, c.req.path, profileIdOf(written)));
    return c.json(answerOf(c, written), written.created ? 201 : 200);
  });

  routes.get(collection, json, (c) => {
    const found = searchProfiles(...params(c), queryOf(c, ProfileSearchQuery));
    const body: ProfileList = { profiles: found.map(({ table, row }) => presentProfile(table, row)) };
    return c.json(body);
  });

  routes.get(one, json, (c) => {
    const { table, row } = findProfile(...params(c), c.req.param('profile'));
    return c.json(presentProfile(table, row));
  });

  routes.put(one, json, async (c) => {
    const tenantParams = params(c);
    // Found first: updating a profile that does not exist is a 404, whatever the body says.
    findProfile(...tenantParams, c.req.param('profile'));
    const body = await jsonBodyText(c.req.raw, 'INVALID_RECORD');
    return c.json(answerOf(c, updateProfile(...tenantParams, c.req.param('profile'), body)));
  });

  routes.delete(one, (c) => {
    deleteProfile(...params(c), c.req.param('profile'));
    return c.body(null, 204);
  });

  routes.get(`${one}/subscription`, json, (c) => {
    const { table, row } = findProfile(...params(c), c.req.param('profile'));
    return c.json(presentSubscriptions(table, row));
  });

  for (const [method, subscribe] of [
    ['post', true],
    ['delete', false],
  ] as const) {
    routes[method](`${one}/subscription/:subscription`, json, (c) => {
      const { table, row } = setSubscription(
        ...params(c),
        c.req.param('profile'),
        c.req.param('subscription'),
        subscribe,
      );
      return c.json(presentSubscriptions(table, row));
    });
  }

  return routes;
}

function profileIdOf(written: ProfileWrite): string {
  return String(written.table.value(written.row, written.table.columnIndex('profileId') as number));
}

/** `{profileId}`; technical attributes the body named are noted in the journal, as ignored. */
function answerOf(c: Context<MockEnv>, written: ProfileWrite): ProfileWritten {
  if (written.ignored.length > 0) noteIgnored(c, written.ignored);
  return { profileId: Number(profileIdOf(written)) };
}

export function noteIgnored(c: Context<MockEnv>, names: string[]): void {
  noteInJournal(c, `ignored ${names.join(', ')}: set by the platform, not by a client`);
}
