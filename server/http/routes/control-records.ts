import { Hono } from 'hono';
import type { z } from 'zod';
import { RecordsQuery } from '../../../contracts/control-records.js';
import { ActitoError } from '../../domain/errors.js';
import { zodDetails } from '../../domain/imports/zod-details.js';
import type { MockCore } from '../../domain/mock-core.js';
import { getV4ImportErrors, getV4ImportResultFile } from '../../domain/v4-imports/service.js';
import { finishedEtlExecution } from '../../domain/v5-etl-executions/service.js';
import { etlOutputFilesResponse, v4ErrorFileResponse, v4ResultFileResponse } from '../download-responses.js';
import type { MockEnv } from '../env.js';
import { presentRecords } from '../presenters/records.js';
import { presentTenants } from '../presenters/tenants.js';

/**
 * What the dashboard reads: the tenants, a tenant's imports and executions, and their files.
 * These are looks, not a client's reads: no status read is counted, nothing is journaled
 * (control paths never are), and the tenant middleware has settled what time made due.
 */
export function controlRecordRoutes(core: MockCore): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();

  routes.get('/__mock/tenants', (c) => c.json(presentTenants(core)));

  routes.get('/__mock/records', (c) =>
    c.json(presentRecords(c.get('tenant'), controlQuery(RecordsQuery, c.req.query()))),
  );

  // The same bytes and headers as the Actito download routes, with their 404 and 409 answers.
  routes.get('/__mock/entities/:entity/etl-executions/:id/output-files', (c) =>
    etlOutputFilesResponse(finishedEtlExecution(c.get('tenant'), c.req.param('entity'), c.req.param('id'))),
  );
  routes.get('/__mock/entities/:entity/imports/:import/errors', (c) =>
    v4ErrorFileResponse(getV4ImportErrors(c.get('tenant'), c.req.param('entity'), c.req.param('import'))),
  );
  routes.get('/__mock/entities/:entity/imports/:import/result-file', (c) =>
    v4ResultFileResponse(
      getV4ImportResultFile(c.get('tenant'), c.req.param('entity'), c.req.param('import')),
    ),
  );

  return routes;
}

/** A control route's query checked against its contract; faults name the parameter. */
export function controlQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const details = zodDetails('query', parsed.error);
  throw new ActitoError(
    'INVALID_CONTROL_REQUEST',
    `Invalid query: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}.`,
    details,
  );
}
