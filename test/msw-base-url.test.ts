import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createActitoHandlers, createActitoMock, mswListenOptions } from '../server/adapters/msw.js';

/**
 * The MSW handlers' `baseUrl` with a path: a client's own prefix is removed, a path of Actito's
 * own kept, so Actito's SDK (base `https://test.actito.be/ActitoWebServices/ws/v4`, then
 * `/entity/...`) and a client pointed at `http://localhost:9999/actito` both reach the mock.
 */
const mock = createActitoMock();
const server = setupServer(
  ...createActitoHandlers({ mock, baseUrl: 'https://test.actito.be/ActitoWebServices/ws/v4' }),
  ...createActitoHandlers({ mock, baseUrl: 'http://localhost:9999/actito/' }),
);
beforeAll(() => server.listen(mswListenOptions('error')));
afterAll(() => server.close());

const basic = `Basic ${Buffer.from('demo/WebService_user:mock-api-key').toString('base64')}`;

it('serves Actito’s SDK on its legacy root and a client under its own prefix, on one store', async () => {
  const created = await fetch(
    'https://test.actito.be/ActitoWebServices/ws/v4/entity/demo/table/Profiles/profile',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic },
      body: JSON.stringify({ attributes: [{ name: 'emailAddress', value: 'sdk@example.com' }] }),
    },
  );
  expect([created.status, await created.json()]).toEqual([201, { profileId: 1 }]);
  const token = (await (
    await fetch('http://localhost:9999/actito/auth/token', { headers: { Authorization: 'mock-api-key' } })
  ).json()) as {
    accessToken: string;
  };
  const read = await fetch(
    'http://localhost:9999/actito/v4/entity/demo/table/Profiles/profile/emailAddress=sdk@example.com',
    {
      headers: { Authorization: `Bearer ${token.accessToken}` },
    },
  );
  expect(read.status).toBe(200);
  expect(((await read.json()) as { attributes: { name: string; value: unknown }[] }).attributes[0]).toEqual({
    name: 'profileId',
    value: 1,
  });
});
