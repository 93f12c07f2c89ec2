import type { MiddlewareHandler } from 'hono';
import type { AnsweredError } from './answered-error.js';
import { answeredError } from './answered-error.js';
import type { MockEnv } from './env.js';

/** One answered request, as the request log shows it. */
export interface RequestLogEntry {
  /** When it arrived, on the wall clock (the mock's clock may be manual). */
  time: string;
  /** The tenant it was served for; null when its X-Mock-Tenant header was refused. */
  tenant: string | null;
  method: string;
  /** The path with its query string, as sent. */
  path: string;
  status: number;
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
}

export type RequestListener = (entry: RequestLogEntry) => void;

/**
 * Tells `listener` of every request once answered, the mock's own routes included. Registered only
 * when someone listens, so a mock without a log does no work for it.
 */
export function logRequests(listener: RequestListener): MiddlewareHandler<MockEnv> {
  return async function logRequest(c, next) {
    const time = new Date().toISOString();
    const started = performance.now();
    await next();
    // The journal already read the error envelope of Actito requests; the rest are read here.
    const error: AnsweredError = c.get('exchange')?.error ?? (await answeredError(c));
    const url = c.req.url;
    const query = url.indexOf('?');
    listener({
      time,
      tenant: c.get('tenant')?.name ?? null,
      method: c.req.method,
      path: query === -1 ? c.req.path : `${c.req.path}${url.slice(query)}`,
      status: c.res.status,
      errorCode: error.code,
      errorMessage: error.message,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
