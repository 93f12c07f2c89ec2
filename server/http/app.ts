import { Hono } from 'hono';
import { ActitoError } from '../domain/errors.js';
import type { MockCore } from '../domain/mock-core.js';
import { bearerAuth } from './auth.js';
import type { MockEnv } from './env.js';
import { errorResponse } from './error-response.js';
import { serveExchange } from './exchange.js';
import { allowedMethods, routeNotFound } from './method-not-allowed.js';
import { createOperationNames } from './operation-names.js';
import {
  isSingleRecordPath,
  PROFILE_PREFIXES,
  RECORD_PREFIXES,
  V5_PROFILE_PREFIXES,
} from './record-paths.js';
import type { RequestListener } from './request-log.js';
import { logRequests } from './request-log.js';
import { authRoutes } from './routes/auth.js';
import { controlRoutes } from './routes/control.js';
import { controlEntityRoutes } from './routes/control-entities.js';
import { controlFaultRoutes } from './routes/control-faults.js';
import { controlJournalRoutes } from './routes/control-journal.js';
import { controlLocationRoutes } from './routes/control-locations.js';
import { controlRecordRoutes } from './routes/control-records.js';
import { controlSettingsRoutes } from './routes/control-settings.js';
import { controlUiRoutes } from './routes/control-ui.js';
import { controlWebhookRoutes } from './routes/control-webhooks.js';
import { customRecordRoutes } from './routes/custom-records.js';
import { openApiRoutes } from './routes/openapi.js';
import { profileRoutes } from './routes/profiles.js';
import { tableStructureRoutes } from './routes/table-structures.js';
import { v4ImportRoutes } from './routes/v4-imports.js';
import { V5_PREFIXES, v5EtlExecutionRoutes } from './routes/v5-etl-executions.js';
import { v5EtlRoutes } from './routes/v5-etls.js';
import { v5ProfileRoutes } from './routes/v5-profiles.js';
import { WEBHOOKS_PREFIX, webhookRoutes } from './routes/webhooks.js';
import { V4_PREFIXES, v4SunsetPolicy } from './v4-sunset.js';

/** Every Actito API path needs a bearer token; unknown paths elsewhere get a plain 404. */
const AUTHENTICATED_PREFIXES = [
  '/mass-imports',
  '/v5',
  '/v4',
  '/profiles',
  '/custom-data',
  '/ActitoWebServices',
  '/profile-table-structure',
  '/custom-table-structure',
  '/webhooks',
];

export interface AppOptions {
  /** Called once per answered request (the request log); nothing is built for it when left out. */
  onRequest?: RequestListener;
}

/**
 * The only HTTP layer: the Node server and the MSW handlers both hand their requests to this app,
 * so routing, validation, errors and state cannot drift between them.
 */
export function createApp(core: MockCore, options: AppOptions = {}): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  const operations = createOperationNames();
  // Outermost, so it sees every answer, a refused X-Mock-Tenant header's included.
  if (options.onRequest) app.use('*', logRequests(options.onRequest));
  // Tenant, journal (every answer, 429s and injected faults included), concurrency and faults.
  app.use('*', serveExchange(core, operations, answerError));
  app.route('/', controlRoutes(core));
  app.route('/', controlEntityRoutes());
  app.route('/', controlFaultRoutes());
  app.route('/', controlJournalRoutes(operations));
  app.route('/', controlRecordRoutes(core));
  app.route('/', controlSettingsRoutes());
  app.route('/', controlWebhookRoutes());
  app.route('/', controlLocationRoutes());
  app.route('/', controlUiRoutes(core, operations));
  app.route('/', authRoutes());
  app.route('/', openApiRoutes());

  const actito = new Hono<MockEnv>();
  // Before auth, so a removed V4 route answers 410 even to a client without a token.
  for (const prefix of V4_PREFIXES) actito.use(`${prefix}/*`, v4SunsetPolicy());
  const auth = bearerAuth({ basicOn: isSingleRecordPath });
  for (const prefix of AUTHENTICATED_PREFIXES) actito.use(`${prefix}/*`, auth);
  actito.route('/', tableStructureRoutes());
  const v5 = v5EtlExecutionRoutes();
  const etls = v5EtlRoutes();
  for (const prefix of V5_PREFIXES) actito.route(prefix, v5).route(prefix, etls);
  actito.route(WEBHOOKS_PREFIX, webhookRoutes());
  const v4 = v4ImportRoutes();
  for (const prefix of V4_PREFIXES) actito.route(prefix, v4);
  const profiles = profileRoutes();
  for (const prefix of PROFILE_PREFIXES) actito.route(prefix, profiles);
  const records = customRecordRoutes();
  for (const prefix of RECORD_PREFIXES) actito.route(prefix, records);
  const v5Profiles = v5ProfileRoutes();
  for (const prefix of V5_PROFILE_PREFIXES) actito.route(prefix, v5Profiles);
  app.route('/', actito);

  app.notFound((c) => {
    const allowed = allowedMethods(app as unknown as Hono<never>, c.req.path);
    const error = routeNotFound(c.req.method, c.req.path, allowed);
    return errorResponse(error, allowed.length ? { allow: allowed.join(', ') } : {});
  });
  app.onError(answerError);
  return app;
}

/** A client error is an answer; anything else is a bug of the mock, worth a trace on stderr. */
function answerError(error: Error): Response {
  if (!(error instanceof ActitoError)) console.error('actito-mock: unexpected error', error);
  return errorResponse(error);
}
