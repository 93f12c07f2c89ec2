import type { MiddlewareHandler } from 'hono';
import type { ErrorEnvelope } from '../../contracts/errors.js';
import { drainUnreadBody } from './body.js';
import type { MockEnv } from './env.js';
import { isMockOwnPath } from './operation-names.js';

/**
 * Applies the request faults armed through POST /__mock/faults before any route runs: waits the
 * fault's latency (real time: it is what the client feels), then answers its status with the error
 * envelope, or lets the request through when the fault is latency only.
 */
export function injectFaults(wait: (ms: number) => Promise<void> = realDelay): MiddlewareHandler<MockEnv> {
  return async function applyRequestFault(c, next) {
    if (isMockOwnPath(c.req.path)) return next();
    const fault = c.get('tenant').faults.takeRequestFault(c.req.method, c.req.path);
    if (!fault) return next();
    if (fault.latencyMs) await wait(fault.latencyMs);
    if (fault.status === undefined) return next();
    await drainUnreadBody(c.req.raw);
    const envelope: ErrorEnvelope = {
      status: fault.status,
      code: fault.code ?? 'INJECTED_FAULT',
      message:
        fault.message ??
        `Fault ${fault.id} injected through POST /__mock/faults answers ${c.req.method} ${c.req.path} with ${fault.status}.`,
    };
    return c.json(envelope, fault.status as 400);
  };
}

function realDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
