import { Hono } from 'hono';
import type { ClearedResponse } from '../../../contracts/control.js';
import { JournalQuery } from '../../../contracts/control.js';
import { ActitoError } from '../../domain/errors.js';
import { zodDetails } from '../../domain/imports/zod-details.js';
import type { MockEnv } from '../env.js';
import type { OperationNames } from '../operation-names.js';

/** The request journal (read, filtered; cleared) and the coverage report built from the same requests. */
export function controlJournalRoutes(operations: OperationNames): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();

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

  routes.delete('/__mock/journal', (c) => {
    const body: ClearedResponse = { cleared: c.get('tenant').journal.clear() };
    return c.json(body);
  });

  routes.get('/__mock/coverage', (c) => c.json(c.get('tenant').coverage.report(operations.known())));

  return routes;
}
