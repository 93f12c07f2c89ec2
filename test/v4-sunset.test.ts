import { describe, expect, it } from 'vitest';
import { csv } from './helpers/files.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4, importPath, pollV4ToEnd, uploadV4, V4_PREFIXES } from './helpers/v4-client.js';

const parameters = {
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  generateResultFile: true,
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
};
const data = csv([['mail'], ['ann@example.com']]);
const V5 = '/mass-imports/v5/entities/demo/etl-executions';

/** Every V4 call, and the V5 route the 410 must name for it. */
const calls = [
  {
    name: 'POST .../table/Profiles/import',
    send: { kind: 'table', table: 'Profiles' },
    replacement:
      'Replace POST /v4/entity/demo/table/Profiles/import with POST /mass-imports/v5/entities/demo/etl-executions: send the parameters as multipart part "definition" with "table": {"type": "PROFILE_TABLE", "name": "Profiles"}',
  },
  {
    name: 'POST .../customTable/Orders/import',
    send: { kind: 'customTable', table: 'Orders' },
    replacement:
      'Replace POST /v4/entity/demo/customTable/Orders/import with POST /mass-imports/v5/entities/demo/etl-executions: send the parameters as multipart part "definition" with "table": {"type": "CUSTOM_TABLE", "name": "Orders"}',
  },
  {
    name: 'GET .../import/{id}/status',
    read: 'status',
    replacement: `with GET ${V5}/{executionId}: its status ends in SUCCESS or WITH_ERROR`,
  },
  {
    name: 'GET .../import/{id}/result',
    read: 'result',
    replacement: `with GET ${V5}/{executionId}/integration-results`,
  },
  {
    name: 'GET .../import/{id}/errors',
    read: 'errors',
    replacement: `with GET ${V5}/{executionId}/output-files: errors.csv in the zip`,
  },
  {
    name: 'GET .../import/{id}/result-file',
    read: 'result-file',
    replacement: `with GET ${V5}/{executionId}/output-files: result.csv in the zip`,
  },
] as const;

describe.each(TRANSPORTS)('V4 sunset settings (%s)', (transport) => {
  const harness = useTransport(transport);

  it('enabled (the default): V4 answers carry no deprecation header', async () => {
    const { client, control } = await harness.session();
    expect((await control.getSettings()).v4Sunset).toBe('enabled');
    const created = await uploadV4(client, { parameters, data });
    expect(created.status).toBe(201);
    for (const header of ['deprecation', 'sunset', 'link']) expect(created.headers.get(header)).toBeNull();
  });

  it('deprecated: every V4 answer carries Deprecation, Sunset and a Link to the V5 route; V5 answers do not', async () => {
    const { client, control } = await harness.session();
    expect(await control.updateSettings({ v4Sunset: 'deprecated' })).toMatchObject({
      v4Sunset: 'deprecated',
    });
    const expectDeprecated = (response: Response) =>
      expect({
        deprecation: response.headers.get('deprecation'),
        sunset: response.headers.get('sunset'),
        link: response.headers.get('link'),
      }).toEqual({
        deprecation: '@1719792000',
        sunset: 'Tue, 01 Jul 2025 00:00:00 GMT',
        link: `<${client.baseUrl}${V5}>; rel="successor-version"`,
      });
    const created = await uploadV4(client, { parameters, data, prefix: V4_PREFIXES[1] });
    expect(created.status).toBe(201);
    expectDeprecated(created);
    const { id } = (await created.json()) as { id: number };
    expect(await pollV4ToEnd(client, id)).toBe('FINISHED');
    for (const read of ['status', 'result', 'errors', 'result-file']) {
      const response = await client.get(importPath(id, read), { accept: '*/*' });
      expect(response.status).toBe(200);
      expectDeprecated(response);
    }
    const notFound = await client.get(importPath(1, 'status'));
    expect(notFound.status).toBe(404);
    expectDeprecated(notFound);
    const v5 = await client.get(`${V5}/1000001`);
    expect(v5.headers.get('deprecation')).toBeNull();
  });

  it.each(calls)('removed: $name answers 410 V4_REMOVED naming its V5 replacement', async (call) => {
    const { client, control } = await harness.session();
    const id = await createV4(client, { parameters, data });
    await control.updateSettings({ v4Sunset: 'removed' });
    const response =
      'send' in call
        ? await uploadV4(client, { ...call.send, parameters, data })
        : await client.get(importPath(id, call.read), { accept: '*/*' });
    const body = (await response.json()) as { message: string };
    expect({ status: response.status, body }).toMatchObject({ status: 410, body: { code: 'V4_REMOVED' } });
    expect(body.message).toContain(call.replacement);
    expect(body.message).toMatch(/^The V4 mass imports were removed from Actito after June 2025/);
    expect(response.headers.get('link')).toBe(`<${client.baseUrl}${V5}>; rel="successor-version"`);
  });

  it('removed: answers 410 under both prefixes, even without a token, while V5 keeps serving; enabled again serves V4', async () => {
    const { client, control } = await harness.session();
    await control.updateSettings({ v4Sunset: 'removed' });
    const anonymous = await fetch(`${client.baseUrl}/mass-imports/v4/entity/demo/import/1000123/status`, {
      headers: { 'x-mock-tenant': client.tenant as string },
    });
    expect({ status: anonymous.status, body: await anonymous.json() }).toMatchObject({
      status: 410,
      body: { message: expect.stringContaining(`with GET ${V5}/{executionId}`) },
    });
    const definition = { table: { type: 'PROFILE_TABLE', name: 'Profiles' }, ...parameters };
    expect((await client.uploadEtl('demo', definition, data)).status).toBe(201);
    await control.updateSettings({ v4Sunset: 'enabled' });
    expect((await uploadV4(client, { parameters, data })).status).toBe(201);
  });

  it('keeps the settings of a tenant across a reset, like its progression', async () => {
    const { control } = await harness.session();
    await control.updateSettings({ v4Sunset: 'deprecated', limits: { maxConcurrentRequests: 2 } });
    await control.reset();
    expect(await control.getSettings()).toMatchObject({
      v4Sunset: 'deprecated',
      limits: { maxConcurrentRequests: 2 },
    });
  });
});

describe('V4 sunset and limits from environment variables (server)', () => {
  const harness = useTransport('server', {
    ACTITO_MOCK_V4: 'removed',
    ACTITO_MOCK_LIMITS: 'maxImportsPerTablePerDay=3,maxConcurrentRequests=off',
  });

  it('starts every tenant with ACTITO_MOCK_V4 and ACTITO_MOCK_LIMITS', async () => {
    const { client, control } = await harness.session();
    expect(await control.getSettings()).toMatchObject({
      v4Sunset: 'removed',
      limits: { maxConcurrentRequests: null, maxImportsPerTablePerDay: 3, maxUploadBytes: 104857600 },
    });
    expect((await uploadV4(client, { parameters, data })).status).toBe(410);
    expect(harness.server()?.output()).toContain(
      'V4 imports: removed; limits: {"maxConcurrentRequests":null',
    );
  });
});
