import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ActitoMock } from '../mock.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** `0` picks a free port. */
  port: number;
  host: string;
  /**
   * Lets @hono/node-server replace `globalThis.Request`/`Response` with its lightweight ones, its
   * fast path (about 3x the polls per second). Only for a process that runs nothing but the mock
   * (the CLI, the Docker image): a server embedded in someone else's process leaves their
   * globals alone, the default.
   */
  overrideGlobalObjects?: boolean;
}

/** Serves a mock over HTTP with @hono/node-server. */
export function startServer(mock: ActitoMock, options: StartServerOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: mock.app.fetch,
        port: options.port,
        hostname: options.host,
        overrideGlobalObjects: options.overrideGlobalObjects ?? false,
      },
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
