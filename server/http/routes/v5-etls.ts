import { Hono } from 'hono';
import type { EtlExecutionCreated } from '../../../contracts/v5.js';
import type { EtlExecutionList, PersistentEtlList } from '../../../contracts/v5-etls.js';
import { EtlExecutionListQuery, PageQuery } from '../../../contracts/v5-etls.js';
import { persistentEtlExecutionUpload } from '../../domain/control/journal-upload.js';
import type { PersistentEtlExecution } from '../../domain/v5-etls/model.js';
import type { EtlRunPlan } from '../../domain/v5-etls/service.js';
import {
  createEtl,
  deleteEtl,
  findEtl,
  listEtlExecutions,
  listEtls,
  planEtlRun,
  registerEtlRun,
  replaceEtl,
  stageEtlRun,
} from '../../domain/v5-etls/service.js';
import { produces } from '../accept.js';
import { drainUnreadBody, jsonBodyText, locationOf } from '../body.js';
import type { MockEnv } from '../env.js';
import { noteUpload } from '../exchange.js';
import { readImportUpload } from '../multipart.js';
import { presentEtlExecution } from '../presenters/v5.js';
import { presentEtl } from '../presenters/v5-etls.js';
import { queryOf } from '../query.js';

const DATA_PARTS = ['inputFile', 'file', 'data'] as const;

/** Persistent ETLs (create, list, read, replace, delete, trigger) and the execution list, under both V5 prefixes. */
export function v5EtlRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  const json = produces('application/json');

  routes.post('/entities/:entity/etls', json, async (c) => {
    const body = await jsonBodyText(c.req.raw, 'INVALID_DEFINITION');
    const etl = createEtl(c.get('tenant'), c.req.param('entity'), body);
    c.header('Location', locationOf(c.req.raw, c.req.path, etl.id));
    return c.json(presentEtl(etl), 201);
  });

  routes.get('/entities/:entity/etls', json, (c) => {
    const { etls, page } = listEtls(c.get('tenant'), c.req.param('entity'), queryOf(c, PageQuery));
    const body: PersistentEtlList = { etls: etls.map(presentEtl), page };
    return c.json(body);
  });

  routes.get('/entities/:entity/etls/:etlId', json, (c) =>
    c.json(presentEtl(findEtl(c.get('tenant'), c.req.param('entity'), c.req.param('etlId')))),
  );

  routes.put('/entities/:entity/etls/:etlId', json, async (c) => {
    const tenant = c.get('tenant');
    // Found first: replacing an ETL that does not exist is a 404, whatever the body says.
    findEtl(tenant, c.req.param('entity'), c.req.param('etlId'));
    const body = await jsonBodyText(c.req.raw, 'INVALID_DEFINITION');
    return c.json(presentEtl(replaceEtl(tenant, c.req.param('entity'), c.req.param('etlId'), body)));
  });

  routes.delete('/entities/:entity/etls/:etlId', (c) => {
    deleteEtl(c.get('tenant'), c.req.param('entity'), c.req.param('etlId'));
    return c.body(null, 204);
  });

  routes.post('/entities/:entity/etls/:etlId/trigger-execution', json, async (c) => {
    const tenant = c.get('tenant');
    const entity = c.req.param('entity');
    try {
      // Bound now: a reset while the body streams must not let this run land in the new state.
      const plan = planEtlRun(tenant, entity, c.req.param('etlId'));
      const execution = await readImportUpload<EtlRunPlan, PersistentEtlExecution>(
        c.req.raw,
        {
          definition: [],
          data: DATA_PARTS,
          maxFileBytes: tenant.settings.limits.maxUploadBytes ?? Number.POSITIVE_INFINITY,
        },
        {
          plan,
          onData: async (prepared, data, signal) => {
            const staged = await stageEtlRun(tenant, prepared, data, { signal });
            return () => registerEtlRun(tenant, staged, 'TRIGGER_EXECUTION');
          },
        },
      );
      noteUpload(c, persistentEtlExecutionUpload(execution));
      const executions = c.req.path.replace(/\/etls\/[^/]+\/trigger-execution$/, '/etl-executions');
      c.header('Location', locationOf(c.req.raw, executions, execution.id));
      const body: EtlExecutionCreated = { id: execution.id };
      return c.json(body, 201);
    } catch (error) {
      await drainUnreadBody(c.req.raw, tenant.settings.limits.maxUploadBytes);
      throw error;
    }
  });

  routes.get('/entities/:entity/etl-executions', json, (c) => {
    const query = queryOf(c, EtlExecutionListQuery);
    const { executions, page } = listEtlExecutions(c.get('tenant'), c.req.param('entity'), query);
    const body: EtlExecutionList = { etlExecutions: executions.map(presentEtlExecution), page };
    return c.json(body);
  });

  return routes;
}
