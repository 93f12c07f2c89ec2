import type { Context } from 'hono';
import { Hono } from 'hono';
import type { CustomRecordList, CustomRecordWritten } from '../../../contracts/table-records.js';
import { CustomRecordSearchQuery } from '../../../contracts/table-records.js';
import type { RecordWriteResult } from '../../domain/custom-records/service.js';
import {
  deleteRecord,
  findRecord,
  saveRecord,
  searchRecords,
  updateRecord,
} from '../../domain/custom-records/service.js';
import { produces } from '../accept.js';
import { jsonBodyText, locationOf } from '../body.js';
import type { MockEnv } from '../env.js';
import { presentRecord } from '../presenters/table-records.js';
import { queryOf } from '../query.js';
import { noteIgnored } from './profiles.js';

/** V4 records of a custom table (by name or id): create or update on the primary key, read, search and sort, update, delete. */
export function customRecordRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  const json = produces('application/json');
  const collection = '/:entity/customTable/:table/record';
  const one = `${collection}/:key`;
  const params = (c: Context<MockEnv>) =>
    [c.get('tenant'), c.req.param('entity') as string, c.req.param('table') as string] as const;

  routes.post(collection, json, async (c) => {
    const body = await jsonBodyText(c.req.raw, 'INVALID_RECORD');
    const written = saveRecord(...params(c), body);
    if (written.created)
      c.header('Location', locationOf(c.req.raw, c.req.path, encodeURIComponent(written.businessKey)));
    return c.json(answerOf(c, written), written.created ? 201 : 200);
  });

  routes.get(collection, json, (c) => {
    const found = searchRecords(...params(c), queryOf(c, CustomRecordSearchQuery));
    const body: CustomRecordList = { records: found.map(({ table, row }) => presentRecord(table, row)) };
    return c.json(body);
  });

  routes.get(one, json, (c) => {
    const { table, row } = findRecord(...params(c), c.req.param('key'));
    return c.json(presentRecord(table, row));
  });

  routes.put(one, json, async (c) => {
    const tenantParams = params(c);
    findRecord(...tenantParams, c.req.param('key'));
    const body = await jsonBodyText(c.req.raw, 'INVALID_RECORD');
    return c.json(answerOf(c, updateRecord(...tenantParams, c.req.param('key'), body)));
  });

  routes.delete(one, (c) => {
    deleteRecord(...params(c), c.req.param('key'));
    return c.body(null, 204);
  });

  return routes;
}

function answerOf(c: Context<MockEnv>, written: RecordWriteResult): CustomRecordWritten {
  if (written.ignored.length > 0) noteIgnored(c, written.ignored);
  return { businessKey: written.businessKey };
}
