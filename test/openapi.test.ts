import { describe, expect, it } from 'vitest';
import { OpenApiDocument } from '../contracts/index.js';
import { generateOpenApiDocument } from '../server/http/openapi/generate.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

describe.each(TRANSPORTS)('GET /openapi.json (%s)', (transport) => {
  const harness = useTransport(transport);

  it('serves the generated document without a token', async () => {
    const { client } = await harness.session({ login: false });
    const response = await client.get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = OpenApiDocument.parse(await response.json());
    expect(document).toEqual(generateOpenApiDocument());
    expect(document.paths['/mass-imports/v5/entities/{entity}/etl-executions']).toHaveProperty('post');
  });

  it('answers the same document again, and 406 to a client that refuses JSON', async () => {
    const { client } = await harness.session({ login: false });
    const first = await (await client.get('/openapi.json')).text();
    expect(await (await client.get('/openapi.json')).text()).toBe(first);
    const refused = await client.get('/openapi.json', { accept: 'text/csv' });
    expect(refused.status).toBe(406);
    expect(await refused.json()).toMatchObject({ code: 'NOT_ACCEPTABLE' });
  });
});
