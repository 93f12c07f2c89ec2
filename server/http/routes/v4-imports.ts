import type { Context } from 'hono';
import { Hono } from 'hono';
import type { V4ImportCreated } from '../../../contracts/v4.js';
import { v4ImportUpload } from '../../domain/control/journal-upload.js';
import { ActitoError } from '../../domain/errors.js';
import type { V4Import } from '../../domain/v4-imports/model.js';
import { V4_TABLE_TYPES } from '../../domain/v4-imports/model.js';
import { secondsUntilQuotaReset } from '../../domain/v4-imports/quota.js';
import type { V4ImportPlan } from '../../domain/v4-imports/service.js';
import {
  getV4ImportErrors,
  getV4ImportResult,
  getV4ImportResultFile,
  getV4ImportStatus,
  planV4Import,
  registerV4Import,
  resolveV4Import,
  stageV4Import,
} from '../../domain/v4-imports/service.js';
import { produces } from '../accept.js';
import { drainUnreadBody } from '../body.js';
import { v4ErrorFileResponse, v4ResultFileResponse } from '../download-responses.js';
import type { MockEnv } from '../env.js';
import { errorResponse } from '../error-response.js';
import { noteReceivedParts, noteRecordStatus, noteUpload } from '../exchange.js';
import { readImportUpload } from '../multipart.js';
import { presentV4ImportResult, presentV4ImportStatus } from '../presenters/v4.js';

/** V4 knows only these part names (confirmed): no aliases, unlike V5. */
const V4_PARTS = { definition: ['parameters'], data: ['inputFile'] } as const;

/** The V4 import routes, mounted under `/v4/entity` and `/mass-imports/v4/entity`. */
export function v4ImportRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  const json = produces('application/json');

  for (const segment of Object.keys(V4_TABLE_TYPES) as (keyof typeof V4_TABLE_TYPES)[]) {
    routes.post(`/:entity/${segment}/:table/import`, json, (c) => createImport(c, segment));
  }

  routes.get('/:entity/import/:import/status', json, (c) => {
    const v4Import = getV4ImportStatus(c.get('tenant'), c.req.param('entity'), c.req.param('import'));
    const body = presentV4ImportStatus(v4Import);
    noteRecordStatus(c, 'v4.import', body.status);
    return c.json(body);
  });

  routes.get('/:entity/import/:import/result', json, (c) => {
    const v4Import = getV4ImportResult(c.get('tenant'), c.req.param('entity'), c.req.param('import'));
    return c.json(presentV4ImportResult(v4Import));
  });

  // Downloads answer their file whatever Accept says: clients send application/json on every call.
  routes.get('/:entity/import/:import/errors', (c) => {
    const v4Import = getV4ImportErrors(c.get('tenant'), c.req.param('entity'), c.req.param('import'));
    return v4ErrorFileResponse(v4Import);
  });

  routes.get('/:entity/import/:import/result-file', (c) => {
    const v4Import = getV4ImportResultFile(c.get('tenant'), c.req.param('entity'), c.req.param('import'));
    return v4ResultFileResponse(v4Import);
  });

  return routes;
}

async function createImport(c: Context<MockEnv>, segment: keyof typeof V4_TABLE_TYPES): Promise<Response> {
  const tenant = c.get('tenant');
  const entity = c.req.param('entity') as string;
  const maxUploadBytes = tenant.settings.limits.maxUploadBytes;
  try {
    const target = resolveV4Import(tenant, entity, V4_TABLE_TYPES[segment], c.req.param('table') as string);
    const v4Import = await readImportUpload<V4ImportPlan, V4Import>(
      c.req.raw,
      {
        ...V4_PARTS,
        maxFileBytes: maxUploadBytes ?? Number.POSITIVE_INFINITY,
        observer: noteReceivedParts(c, V4_PARTS.definition),
      },
      {
        onDefinition: (parametersJson) =>
          planV4Import(tenant, entity, target.table, parametersJson, target.entity),
        onData: async (plan, data, signal) => {
          const staged = await stageV4Import(plan, data, { signal });
          return () => registerV4Import(tenant, staged);
        },
      },
    );
    c.header('Location', new URL(`${importsPath(c.req.path)}/${v4Import.id}`, c.req.url).toString());
    noteUpload(c, v4ImportUpload(v4Import));
    const body: V4ImportCreated = { id: Number(v4Import.id) };
    return c.json(body, 201);
  } catch (error) {
    await drainUnreadBody(c.req.raw, maxUploadBytes);
    if (error instanceof ActitoError && error.code === 'QUOTA_EXCEEDED') {
      return errorResponse(error, { 'retry-after': String(secondsUntilQuotaReset(tenant.clock.now())) });
    }
    throw error;
  }
}

/** `.../{entity}/table/{table}/import` -> `.../{entity}/import`, where the created import lives. */
function importsPath(createPath: string): string {
  return createPath.replace(/\/(table|customTable)\/[^/]+\/import$/, '/import');
}
