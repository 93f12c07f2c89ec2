import { Hono } from 'hono';
import { produces } from '../accept.js';
import type { MockEnv } from '../env.js';
import { generateOpenApiDocument } from '../openapi/generate.js';

/** GET /openapi.json: generated on the first request, then served from this app's cache (it never changes). */
export function openApiRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  let body: string | null = null;
  routes.get('/openapi.json', produces('application/json'), (c) => {
    body ??= JSON.stringify(generateOpenApiDocument());
    return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8' });
  });
  return routes;
}
