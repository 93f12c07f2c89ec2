import { Hono } from 'hono';
import type { MockCore } from '../domain/mock-core.js';
import { bearerAuth } from './auth.js';
import type { MockEnv } from './env.js';
import { errorResponse } from './error-response.js';
import { allowedMethods, routeNotFound } from './method-not-allowed.js';
import { authRoutes } from './routes/auth.js';
import { controlRoutes } from './routes/control.js';
import { tableStructureRoutes } from './routes/table-structures.js';
import { V5_PREFIXES, v5EtlExecutionRoutes } from './routes/v5-etl-executions.js';
import { tenantFromHeader } from './tenant.js';

export interface AppOptions {
  /** Largest data file accepted, in bytes (Actito: 100 MB). */
  maxUploadBytes?: number;
}

/** Every Actito API path needs a bearer token; unknown paths elsewhere get a plain 404. */
const AUTHENTICATED_PREFIXES = [
  '/mass-imports',
  '/v5',
  '/v4',
  '/profile-table-structure',
  '/custom-table-structure',
];

export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * The only HTTP layer: the Node server and the MSW handlers both hand their requests to this app,
 * so routing, validation, errors and state cannot drift between them.
 */
export function createApp(core: MockCore, options: AppOptions = {}): Hono<MockEnv> {
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const app = new Hono<MockEnv>();
  app.use('*', tenantFromHeader(core));
  app.route('/', controlRoutes(core));
  app.route('/', authRoutes());

  const actito = new Hono<MockEnv>();
  for (const prefix of AUTHENTICATED_PREFIXES) actito.use(`${prefix}/*`, bearerAuth());
  actito.route('/', tableStructureRoutes());
  const v5 = v5EtlExecutionRoutes({ maxUploadBytes });
  for (const prefix of V5_PREFIXES) actito.route(prefix, v5);
  app.route('/', actito);

  app.notFound((c) => {
    const allowed = allowedMethods(app as unknown as Hono<never>, c.req.path);
    const error = routeNotFound(c.req.method, c.req.path, allowed);
    return errorResponse(error, allowed.length ? { allow: allowed.join(', ') } : {});
  });
  app.onError((error) => errorResponse(error));
  return app;
}
