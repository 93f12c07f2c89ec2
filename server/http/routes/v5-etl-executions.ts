import { Hono } from 'hono';
import type { EtlExecutionCreated } from '../../../contracts/v5.js';
import { etlExecutionUpload } from '../../domain/control/journal-upload.js';
import type { EtlExecution } from '../../domain/v5-etl-executions/model.js';
import type { EtlExecutionPlan } from '../../domain/v5-etl-executions/service.js';
import {
  finishedEtlExecution,
  getEtlExecution,
  planEtlExecution,
  registerEtlExecution,
  stageEtlExecution,
} from '../../domain/v5-etl-executions/service.js';
import { produces } from '../accept.js';
import { drainUnreadBody, locationOf } from '../body.js';
import { etlOutputFilesResponse } from '../download-responses.js';
import type { MockEnv } from '../env.js';
import { noteReceivedParts, noteRecordStatus, noteUpload } from '../exchange.js';
import { readImportUpload } from '../multipart.js';
import { JSON_CONTENT_TYPE, statusJson } from '../presenters/final-json.js';
import { presentEtlExecution, presentIntegrationResults } from '../presenters/v5.js';

export const V5_PREFIXES = ['/mass-imports/v5', '/v5'] as const;
const V5_PARTS = {
  definition: ['definition', 'parameters', 'etl'],
  data: ['inputFile', 'file', 'data'],
} as const;

/** The four one-shot ETL execution routes, mounted under both V5 prefixes. */
export function v5EtlExecutionRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  const json = produces('application/json');

  routes.post('/entities/:entity/etl-executions', json, async (c) => {
    const tenant = c.get('tenant');
    const entity = c.req.param('entity');
    try {
      // Bound now: a reset while the body streams must not let this upload land in the new state.
      const target = tenant.entity(entity);
      const execution = await readImportUpload<EtlExecutionPlan, EtlExecution>(
        c.req.raw,
        {
          ...V5_PARTS,
          maxFileBytes: tenant.settings.limits.maxUploadBytes ?? Number.POSITIVE_INFINITY,
          observer: noteReceivedParts(c, V5_PARTS.definition),
        },
        {
          onDefinition: (definitionJson) => planEtlExecution(tenant, entity, definitionJson, target),
          onData: async (plan, data, signal) => {
            const staged = await stageEtlExecution(tenant, plan, data, { signal });
            return () => registerEtlExecution(tenant, staged);
          },
        },
      );
      noteUpload(c, etlExecutionUpload(execution));
      c.header('Location', locationOf(c.req.raw, c.req.path, execution.id));
      const body: EtlExecutionCreated = { id: execution.id };
      return c.json(body, 201);
    } catch (error) {
      await drainUnreadBody(c.req.raw, tenant.settings.limits.maxUploadBytes);
      throw error;
    }
  });

  routes.get('/entities/:entity/etl-executions/:id', json, (c) => {
    const execution = getEtlExecution(c.get('tenant'), c.req.param('entity'), c.req.param('id'));
    noteRecordStatus(c, 'v5.etlExecution', execution.run.status.status);
    return c.body(statusJson(execution, presentEtlExecution), 200, JSON_CONTENT_TYPE);
  });

  routes.get('/entities/:entity/etl-executions/:id/integration-results', json, (c) => {
    const execution = finishedEtlExecution(c.get('tenant'), c.req.param('entity'), c.req.param('id'));
    return c.json(presentIntegrationResults(execution));
  });

  // A download answers its zip whatever Accept says: clients send application/json on every call.
  routes.get('/entities/:entity/etl-executions/:id/output-files', (c) => {
    const execution = finishedEtlExecution(c.get('tenant'), c.req.param('entity'), c.req.param('id'));
    return etlOutputFilesResponse(execution);
  });

  return routes;
}
