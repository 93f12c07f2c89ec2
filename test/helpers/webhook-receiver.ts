import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponse, http } from 'msw';
import type { Harness } from './transports.js';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: { id: string; data: unknown; _links: { webhook: { href: string } } };
}

/**
 * The client's webhook endpoint in a test: a real HTTP server on 127.0.0.1 against the server
 * process, the test's own MSW handler in-process (the mock POSTs with the global fetch, which
 * MSW intercepts). It answers the statuses it is told, in turn, then 200; or never answers.
 */
export interface WebhookReceiver {
  url(path: string): string;
  received: ReceivedWebhook[];
  /** The next POSTs answer these statuses, in turn (then 200 again). */
  answer(...statuses: number[]): void;
  /** From now on, POSTs get no answer (until the receiver closes). */
  hang(): void;
  close(): Promise<void>;
}

let receivers = 0;

export async function startReceiver(harness: Harness): Promise<WebhookReceiver> {
  const state = { statuses: [] as number[], hanging: false, received: [] as ReceivedWebhook[] };
  const mswServer = harness.msw();
  const common = {
    received: state.received,
    answer: (...statuses: number[]) => {
      state.statuses.push(...statuses);
    },
    hang: () => {
      state.hanging = true;
    },
  };
  if (mswServer) {
    receivers += 1;
    const base = `https://receiver-${receivers}.hooks.test`;
    const released = new AbortController();
    mswServer.use(
      http.post(`${base}/*`, async ({ request }) => {
        state.received.push({
          path: new URL(request.url).pathname,
          headers: Object.fromEntries(request.headers),
          body: (await request.json()) as ReceivedWebhook['body'],
        });
        if (state.hanging) {
          await new Promise((resolve) => {
            request.signal.addEventListener('abort', resolve);
            released.signal.addEventListener('abort', resolve);
          });
        }
        return new HttpResponse('received', { status: state.statuses.shift() ?? 200 });
      }),
    );
    return { ...common, url: (path) => `${base}${path}`, close: async () => released.abort() };
  }
  const hung: ServerResponse[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      state.received.push({
        path: request.url ?? '/',
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
        ),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      if (state.hanging) {
        hung.push(response);
        return;
      }
      response.writeHead(state.statuses.shift() ?? 200).end('received');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    ...common,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: async () => {
      for (const response of hung) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
