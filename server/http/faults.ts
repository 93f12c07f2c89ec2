import type { Context } from 'hono';
import type { ErrorEnvelope } from '../../contracts/errors.js';
import type { Tenant } from '../domain/tenant.js';
import { drainUnreadBody } from './body.js';
import type { MockEnv } from './env.js';

/**
 * Applies the request fault armed through POST /__mock/faults for this request, if any, before
 * any route runs: waits the fault's latency (real time: it is what the client feels), then answers
 * its status with the error envelope (the response is set on `c`), or serves the request when the
 * fault is latency only.
 */
export async function withRequestFault(
  c: Context<MockEnv>,
  tenant: Tenant,
  serve: () => Promise<void>,
): Promise<void> {
  const fault = tenant.faults.takeRequestFault(c.req.method, c.req.path);
  if (!fault) return serve();
  if (fault.latencyMs) await realDelay(fault.latencyMs);
  if (fault.status === undefined) return serve();
  await drainUnreadBody(c.req.raw);
  const envelope: ErrorEnvelope = {
    status: fault.status,
    code: fault.code ?? 'INJECTED_FAULT',
    message:
      fault.message ??
      `Fault ${fault.id} injected through POST /__mock/faults answers ${c.req.method} ${c.req.path} with ${fault.status}.`,
  };
  c.res = c.json(envelope, fault.status as 400);
}

function realDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
