import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createActitoHandlers, mswListenOptions } from '../../server/adapters/msw.js';
import type { MockControl } from '../../server/index.js';
import { connectActitoMock, createActitoMock, createManualClock } from '../../server/index.js';
import { ActitoTestClient } from './actito-client.js';
import type { ServerProcess } from './server-process.js';
import { startServerProcess } from './server-process.js';

export const TEST_CLOCK_START = '2026-03-02T09:00:00.000Z';
export const TRANSPORTS = ['msw', 'server'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** One test's view of the mock: its own tenant, so tests never share state. */
export interface Session {
  client: ActitoTestClient;
  control: MockControl;
  baseUrl: string;
}

export interface Harness {
  /** A fresh tenant, a client logged in to it and its control plane. */
  session(options?: { login?: boolean }): Promise<Session>;
  /** The running server process (server transport only). */
  server(): ServerProcess | null;
  /** The MSW server (msw transport only): a test adds its own handlers, a webhook receiver say. */
  msw(): MswServer | null;
  /**
   * Sends a request straight to the mock: in-process through `mock.fetch` (MSW buffers request
   * bodies, so a body still streaming never reaches the app through it), else over HTTP.
   */
  send(request: Request): Promise<Response>;
}

/** msw 2 and 3 name their server type differently; both return it from setupServer. */
type MswServer = ReturnType<typeof setupServer>;

let tenantCounter = 0;

/**
 * Registers the hooks that bring up a transport for the enclosing describe block:
 * MSW handlers in this process, or the real server process started with `npm start`'s command.
 * Both use a manual clock starting at TEST_CLOCK_START and the default fixture;
 * `ACTITO_MOCK_CLOCK: 'system'` in `env` gives both the system clock instead.
 */
export function useTransport(name: TransportName, env: Record<string, string> = {}): Harness {
  let baseUrl = '';
  let control: MockControl | null = null;
  let serverProcess: ServerProcess | null = null;
  let mswServer: MswServer | null = null;
  let stop: () => Promise<void> = async () => {};
  let send: (request: Request) => Promise<Response> = (request) => fetch(request);

  beforeAll(async () => {
    if (name === 'msw') {
      const systemClock = env.ACTITO_MOCK_CLOCK === 'system';
      const mock = createActitoMock(systemClock ? {} : { clock: () => createManualClock(TEST_CLOCK_START) });
      const server = setupServer(...createActitoHandlers({ mock }));
      mswServer = server;
      server.listen(mswListenOptions('error'));
      baseUrl = 'https://api.actito.com';
      control = mock;
      send = (request) => mock.fetch(request);
      stop = async () => server.close();
    } else {
      serverProcess = await startServerProcess({ ACTITO_MOCK_CLOCK: `manual:${TEST_CLOCK_START}`, ...env });
      baseUrl = serverProcess.url;
      control = connectActitoMock(baseUrl);
      stop = () => (serverProcess as ServerProcess).stop();
    }
  });
  afterAll(() => stop());

  return {
    async session(options = {}) {
      tenantCounter += 1;
      const tenant = `t${process.pid}-${tenantCounter}`;
      const client = new ActitoTestClient(baseUrl, tenant);
      if (options.login !== false) await client.login();
      return { client, control: (control as MockControl).forTenant(tenant), baseUrl };
    },
    server: () => serverProcess,
    msw: () => mswServer,
    send: (request) => send(request),
  };
}
