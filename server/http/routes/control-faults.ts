import { Hono } from 'hono';
import type { ClearedResponse, FaultsResponse } from '../../../contracts/control.js';
import { FaultRequest } from '../../../contracts/control.js';
import type { MockEnv } from '../env.js';
import { jsonBody } from '../json-body.js';

/** Faults: arm one, list the armed ones, disarm them all. */
export function controlFaultRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();

  routes.post('/__mock/faults', async (c) => {
    const request = await jsonBody(c, FaultRequest, 'INVALID_CONTROL_REQUEST');
    return c.json(c.get('tenant').faults.add(request), 201);
  });

  routes.get('/__mock/faults', (c) => {
    const body: FaultsResponse = { faults: c.get('tenant').faults.list() };
    return c.json(body);
  });

  routes.delete('/__mock/faults', (c) => {
    const body: ClearedResponse = { cleared: c.get('tenant').faults.clear() };
    return c.json(body);
  });

  return routes;
}
