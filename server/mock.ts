import type { Hono } from 'hono';
import type { MockControl } from './control-client.js';
import { createControlClient } from './control-client.js';
import type { MockCoreOptions } from './domain/mock-core.js';
import { MockCore } from './domain/mock-core.js';
import { createApp } from './http/app.js';
import type { MockEnv } from './http/env.js';
import type { RequestListener } from './http/request-log.js';

export interface ActitoMockOptions extends MockCoreOptions {
  /** Called once per answered request: time, tenant, method, path, status, error code, duration. */
  onRequest?: RequestListener;
}

/** An in-process actito-mock: the Hono app, its state, and its control plane. */
export interface ActitoMock extends MockControl {
  readonly app: Hono<MockEnv>;
  readonly core: MockCore;
  /** Serves a Fetch request, as the Node server and the MSW handlers do. */
  fetch(request: Request): Promise<Response>;
}

const IN_PROCESS_BASE = 'http://actito-mock.local';

export function createActitoMock(options: ActitoMockOptions = {}): ActitoMock {
  const core = new MockCore(options);
  const app = createApp(core, options.onRequest ? { onRequest: options.onRequest } : {});
  const fetch = async (request: Request) => app.fetch(request);
  return { app, core, fetch, ...createControlClient(fetch, IN_PROCESS_BASE) };
}
