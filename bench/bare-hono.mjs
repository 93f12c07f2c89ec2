import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The polls' baseline: a bare Hono route on @hono/node-server (its default, fast path) answering
 * the same JSON body at the same path as the mock's status route, without any middleware.
 * `node bench/bare-hono.mjs '<json body>'`; prints the URL it listens on, like the mock.
 */
const body = JSON.parse(process.argv[2] ?? '{}');
const app = new Hono();
app.get('/mass-imports/v5/entities/:entity/etl-executions/:id', (c) => c.json(body));
app.get('/__mock/health', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`bare hono listening on http://127.0.0.1:${info.port}`);
});
process.once('SIGTERM', () => process.exit(0));
