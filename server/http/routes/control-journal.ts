import { Hono } from 'hono';
import type { ClearedResponse, JournalResponse } from '../../../contracts/control.js';
import { FindRequestsRequest, JournalQuery, VerifyRequest } from '../../../contracts/control.js';
import type { ParsedRequestPattern } from '../../domain/control/request-pattern.js';
import { findInJournal, verifyJournal } from '../../domain/control/verify-journal.js';
import { ActitoError } from '../../domain/errors.js';
import { zodDetails } from '../../domain/imports/zod-details.js';
import type { MockEnv } from '../env.js';
import { jsonBody } from '../json-body.js';
import type { OperationNames } from '../operation-names.js';

/**
 * The request journal (read, filtered, verified against a pattern; cleared) and the coverage
 * report built from the same requests.
 */
export function controlJournalRoutes(operations: OperationNames): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  const knownOperation = knownOperationCheck(operations.known());

  routes.get('/__mock/journal', (c) => {
    const parsed = JournalQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const details = zodDetails('query', parsed.error);
      throw new ActitoError(
        'INVALID_CONTROL_REQUEST',
        `Invalid journal filter: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}.`,
        details,
      );
    }
    return c.json(c.get('tenant').journal.query(parsed.data));
  });

  routes.post('/__mock/journal/verify', async (c) => {
    const request = await jsonBody(c, VerifyRequest, 'INVALID_CONTROL_REQUEST');
    knownOperation(request.pattern);
    return c.json(verifyJournal(c.get('tenant').journal.query(), request.pattern, request.count));
  });

  routes.post('/__mock/journal/find', async (c) => {
    const request = await jsonBody(c, FindRequestsRequest, 'INVALID_CONTROL_REQUEST');
    knownOperation(request.pattern);
    const journal = c.get('tenant').journal.query();
    const body: JournalResponse = { ...journal, entries: findInJournal(journal, request.pattern) };
    return c.json(body);
  });

  routes.delete('/__mock/journal', (c) => {
    const body: ClearedResponse = { cleared: c.get('tenant').journal.clear() };
    return c.json(body);
  });

  routes.get('/__mock/coverage', (c) => c.json(c.get('tenant').coverage.report(operations.known())));

  return routes;
}

/** A misspelt operation id would never match: refuse it, listing the ones there are. */
function knownOperationCheck(known: string[]): (pattern: ParsedRequestPattern) => void {
  const ids = new Set(known);
  return (pattern) => {
    if (pattern.operation === undefined || ids.has(pattern.operation)) return;
    const message = `"${pattern.operation}" is not an operation of the mock; use one of ${known.join(', ')}`;
    throw new ActitoError(
      'INVALID_CONTROL_REQUEST',
      `Invalid request body: body.pattern.operation: ${message}.`,
      [{ path: 'body.pattern.operation', message }],
    );
  };
}
