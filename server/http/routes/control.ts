import { Hono } from 'hono';
import type { AdvanceResponse, HealthResponse, ResetResponse } from '../../../contracts/control.js';
import { AdvanceRequest, ProgressionRequest } from '../../../contracts/control.js';
import type { Clock } from '../../domain/clock.js';
import { isoMoment } from '../../domain/clock.js';
import { ActitoError } from '../../domain/errors.js';
import { RECORD_KINDS } from '../../domain/lifecycle/progression.js';
import type { MockCore } from '../../domain/mock-core.js';
import type { MockEnv } from '../env.js';
import { jsonBody } from '../json-body.js';
import { MOCK_VERSION } from '../version.js';

/** The mock's own control plane under /__mock: health, reset, progression, clock. */
export function controlRoutes(core: MockCore): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();

  routes.get('/__mock/health', (c) => {
    const tenant = c.get('tenant');
    const body: HealthResponse = {
      status: 'ok',
      version: MOCK_VERSION,
      tenant: tenant.name,
      now: isoMoment(tenant.clock.now()),
    };
    return c.json(body);
  });

  routes.post('/__mock/reset', (c) => {
    const tenant = c.get('tenant');
    const entity = c.req.query('entity') ?? null;
    if (entity === null) core.reset(tenant.name);
    else tenant.resetEntity(entity);
    const body: ResetResponse = { tenant: tenant.name, entity };
    return c.json(body);
  });

  routes.get('/__mock/progression', (c) => c.json(c.get('tenant').progression));

  routes.put('/__mock/progression', async (c) => {
    const request = await jsonBody(c, ProgressionRequest, 'INVALID_CONTROL_REQUEST');
    const tenant = c.get('tenant');
    for (const kind of request.kind === '*' ? RECORD_KINDS : [request.kind])
      tenant.progression[kind] = request.policy;
    tenant.settleDue();
    return c.json(tenant.progression);
  });

  routes.post('/__mock/advance', async (c) => {
    const request = await jsonBody(c, AdvanceRequest, 'INVALID_CONTROL_REQUEST');
    const tenant = c.get('tenant');
    let moved: number;
    if (request.ms !== undefined) {
      advanceClock(tenant.clock, request.ms);
      moved = tenant.settleDue();
    } else {
      moved = tenant.advanceManual();
    }
    // A big file moved to its final status is written in slices: answer once it is final.
    await tenant.writesDone();
    const body: AdvanceResponse = { now: isoMoment(tenant.clock.now()), moved };
    return c.json(body);
  });

  return routes;
}

/** The clock refuses a move past the last valid date (many advances add up): a 400 naming `ms`. */
function advanceClock(clock: Clock, ms: number): void {
  try {
    clock.advance(ms);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ActitoError('INVALID_CONTROL_REQUEST', `Invalid request body: body.ms: ${error.message}.`, [
      { path: 'body.ms', message: error.message },
    ]);
  }
}
