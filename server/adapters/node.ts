import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ActitoMock } from '../mock.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a mock over HTTP with @hono/node-server. `port: 0` picks a free port. */
export function startServer(
  mock: ActitoMock,
  options: { port: number; host: string },
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: mock.app.fetch, port: options.port, hostname: options.host, overrideGlobalObjects: false },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        });
      },
    );
    server.once('error', reject);
  });
}
