import type { MiddlewareHandler } from 'hono';
import { ActitoError } from '../domain/errors.js';
import { drainUnreadBody } from './body.js';
import type { MockEnv } from './env.js';
import { isMockOwnPath } from './operation-names.js';

/**
 * Actito's "at most N concurrent requests per licence": counts the tenant's Actito requests in
 * flight (from arrival until the handler has its response; a streamed download is not counted
 * while its body is sent) and answers 429 TOO_MANY_REQUESTS to the one over the limit.
 */
export function concurrentRequestLimit(): MiddlewareHandler<MockEnv> {
  return async function limitConcurrentRequests(c, next) {
    // The mock's own paths (control plane, OpenAPI) never count against the licence.
    if (isMockOwnPath(c.req.path)) return next();
    const tenant = c.get('tenant');
    const max = tenant.settings.limits.maxConcurrentRequests;
    if (max !== null && tenant.inFlightRequests >= max) {
      // Worded now: the requests in flight may end while this one's body drains.
      const refusal = new ActitoError(
        'TOO_MANY_REQUESTS',
        `This licence (mock tenant "${tenant.name}") already has ${tenant.inFlightRequests} requests in flight, the most Actito serves at once (${max}); wait for one to finish, then retry.`,
      );
      await drainUnreadBody(c.req.raw);
      throw refusal;
    }
    tenant.inFlightRequests += 1;
    try {
      await next();
    } finally {
      tenant.inFlightRequests -= 1;
    }
  };
}
