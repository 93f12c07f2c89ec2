import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { JournalUpload, RecordKind } from '../../contracts/control.js';
import { isoMoment } from '../domain/clock.js';
import type { MockEnv } from './env.js';
import type { OperationNames } from './operation-names.js';
import { isMockOwnPath } from './operation-names.js';

/** What a route tells the journal and coverage about the request it served. */
export interface ExchangeNotes {
  upload?: JournalUpload;
  recordStatus?: { kind: RecordKind; status: string };
}

/** Upload routes call this once the upload is registered: the journal shows what it carried. */
export function noteUpload(c: Context<MockEnv>, upload: JournalUpload): void {
  const notes = c.get('exchange') as ExchangeNotes | undefined;
  if (notes) notes.upload = upload;
}

/** Status routes call this with the status they answer: coverage shows which ones a client saw. */
export function noteRecordStatus(c: Context<MockEnv>, kind: RecordKind, status: string): void {
  const notes = c.get('exchange') as ExchangeNotes | undefined;
  if (notes) notes.recordStatus = { kind, status };
}

/**
 * Records every request of the tenant (the mock's own paths excepted) in its journal and its
 * coverage, once answered: method, path, query, matched route, status, error code, timing, and
 * what the route noted.
 */
export function recordExchange(operations: OperationNames): MiddlewareHandler<MockEnv> {
  return async function recordInJournal(c, next) {
    if (isMockOwnPath(c.req.path)) return next();
    const tenant = c.get('tenant');
    const notes: ExchangeNotes = {};
    c.set('exchange', notes);
    const time = tenant.clock.now();
    const started = performance.now();
    tenant.journal.started();
    let failed = true;
    try {
      await next();
      failed = false;
    } finally {
      const status = failed ? 500 : c.res.status;
      const route = matchedRoute(c);
      const operation = route === null ? null : operations.nameOf(c.req.method, route);
      const errorCode = failed ? 'INTERNAL_ERROR' : await errorCodeOf(c);
      tenant.journal.finished({
        method: c.req.method,
        path: c.req.path,
        query: queryOf(c.req.url),
        route,
        operation,
        status,
        errorCode,
        time: isoMoment(time),
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        upload: notes.upload ?? null,
      });
      tenant.coverage.record({
        operation,
        status,
        errorCode,
        recordStatus: notes.recordStatus,
        uploaded: status < 300 ? notes.upload?.kind : undefined,
      });
    }
  };
}

/** The query parameters of a URL; no URL is parsed for the usual request that has none. */
function queryOf(url: string): Record<string, string> {
  const start = url.indexOf('?');
  return start === -1 ? {} : Object.fromEntries(new URLSearchParams(url.slice(start + 1)));
}

/** The handler route that matched, or null when none did (404, 405): middleware is registered as ALL. */
function matchedRoute(c: Context<MockEnv>): string | null {
  const last = matchedRoutes(c).at(-1);
  return last && last.method !== 'ALL' ? last.path : null;
}

/**
 * The `code` of an error envelope; null for successes and for bodies that are not one. The small
 * error body is read and put back as a new response: `Response.clone()` would leak memory in Node 20.
 */
async function errorCodeOf(c: Context<MockEnv>): Promise<string | null> {
  const response = c.res;
  if (response.status < 400 || !response.headers.get('content-type')?.includes('json')) return null;
  const text = await response.text();
  c.res = new Response(text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  try {
    const body = JSON.parse(text) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : null;
  } catch {
    return null;
  }
}
