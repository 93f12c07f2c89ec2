import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { JournalUpload, RecordKind } from '../../contracts/control.js';
import { isoMoment } from '../domain/clock.js';
import { journalHeaders } from '../domain/control/journal-headers.js';
import type { MockCore } from '../domain/mock-core.js';
import type { AnsweredError } from './answered-error.js';
import { answeredError } from './answered-error.js';
import { withinConcurrencyLimit } from './concurrent-requests.js';
import type { MockEnv } from './env.js';
import { withRequestFault } from './faults.js';
import type { OperationNames } from './operation-names.js';
import { isMockOwnPath } from './operation-names.js';
import { ReceivedParts } from './received-parts.js';
import { selectTenant } from './tenant.js';

/** What a route tells the journal and coverage about the request it served. */
export interface ExchangeNotes {
  upload?: JournalUpload;
  recordStatus?: { kind: RecordKind; status: string };
  /** The parts of a multipart upload, as they arrived. */
  received?: ReceivedParts;
  /** The error envelope answered, once known (the request log reuses it). */
  error?: AnsweredError;
  /** What the mock did with the request beyond its answer (attributes it ignored). */
  notes?: string[];
}

/** Routes call this to tell the journal something the answer does not show (a value ignored). */
export function noteInJournal(c: Context<MockEnv>, note: string): void {
  const notes = c.get('exchange') as ExchangeNotes | undefined;
  if (!notes) return;
  notes.notes = [...(notes.notes ?? []), note];
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
 * Upload routes hand this to `readImportUpload` as its part observer: the journal then shows the
 * parts an upload carried, and the JSON part of a refused one.
 */
export function noteReceivedParts(c: Context<MockEnv>, definitionNames: readonly string[]): ReceivedParts {
  const received = new ReceivedParts(definitionNames);
  const notes = c.get('exchange') as ExchangeNotes | undefined;
  if (notes) notes.received = received;
  return received;
}

/**
 * Everything the mock does around a request before its route, in one step (each level of Hono
 * middleware costs a status poll dearly): picks and settles the tenant, then, for Actito requests
 * (the mock's own paths are only given their tenant), records the exchange in the tenant's journal
 * and coverage once answered (method, path, query, matched route, status, error code, timing, and
 * what the route noted), counts it against the licence's concurrent requests, and applies an armed
 * request fault. An error thrown by those two becomes its answer through `onError`, as Hono does
 * for a route's, so the journal records the 429 or the injected status.
 */
export function serveExchange(
  core: MockCore,
  operations: OperationNames,
  onError: (error: Error, c: Context<MockEnv>) => Response | Promise<Response>,
): MiddlewareHandler<MockEnv> {
  return async function exchange(c, next) {
    // A refused X-Mock-Tenant throws before anything is journaled: there is no tenant to journal it in.
    const tenant = selectTenant(c, core);
    c.set('tenant', tenant);
    if (isMockOwnPath(c.req.path)) return next();
    const notes: ExchangeNotes = {};
    c.set('exchange', notes);
    const time = tenant.clock.now();
    const started = performance.now();
    tenant.journal.started();
    let failed = true;
    try {
      try {
        await withinConcurrencyLimit(c, tenant, () => withRequestFault(c, tenant, next));
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        c.error = error;
        c.res = await onError(error, c);
      }
      failed = false;
      // A refused upload is answered once its body is read (within a budget): the record names every part.
      if (notes.received && c.res.status >= 400) await notes.received.settled();
    } finally {
      const status = failed ? 500 : c.res.status;
      const route = matchedRoute(c);
      const operation = route === null ? null : operations.nameOf(c.req.method, route);
      const error = failed ? { code: 'INTERNAL_ERROR', message: null } : await answeredError(c);
      notes.error = error;
      const errorCode = error.code;
      tenant.journal.finished({
        method: c.req.method,
        path: c.req.path,
        query: queryOf(c.req.url),
        headers: headersWhenRead(c.req.raw),
        route,
        operation,
        status,
        errorCode,
        errorMessage: error.message,
        time: isoMoment(time),
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        upload: notes.upload ?? null,
        received: notes.received?.snapshot(status >= 400) ?? null,
        ...(notes.notes ? { notes: notes.notes } : {}),
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

/**
 * The request's headers for the journal, copied only if the journal is read: building a Fetch
 * Headers costs a poll dearly. Made here, not inline: the middleware's scope holds the context
 * (for the closure that serves the request), so a thunk written inline would keep every
 * journaled request's context and response alive, not only the request.
 */
function headersWhenRead(request: Request): () => Record<string, string> {
  return () => journalHeaders(request.headers);
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
