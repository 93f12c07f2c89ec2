import type { Context } from 'hono';
import { ActitoError } from '../domain/errors.js';
import type { Tenant } from '../domain/tenant.js';
import { drainUnreadBody } from './body.js';
import type { MockEnv } from './env.js';

/**
 * Actito's "at most N concurrent requests per licence": counts the tenant's Actito requests in
 * flight (from arrival until the handler has its response; a streamed download is not counted
 * while its body is sent) and throws TOO_MANY_REQUESTS (429) for the one over the limit, once its
 * body is drained. `serve` is the rest of the request.
 */
export async function withinConcurrencyLimit(
  c: Context<MockEnv>,
  tenant: Tenant,
  serve: () => Promise<void>,
): Promise<void> {
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
    await serve();
  } finally {
    tenant.inFlightRequests -= 1;
  }
}
