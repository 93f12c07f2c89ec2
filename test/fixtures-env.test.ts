import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectActitoMock } from '../server/index.js';
import { ActitoTestClient } from './helpers/actito-client.js';
import type { ServerProcess } from './helpers/server-process.js';
import { startServerProcess } from './helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'actito-mock-fixtures-'));
writeFileSync(join(dir, 'keys.json'), JSON.stringify({ apiKeys: ['team-key'] }));
writeFileSync(
  join(dir, 'shop.json'),
  JSON.stringify({
    entities: [
      {
        name: 'shop',
        profileTables: [
          {
            id: '7',
            name: 'Members',
            attributes: [{ type: 'EMAIL_ADDRESS', name: 'email', unique: true, mandatory: true }],
          },
        ],
        rows: { Members: [{ email: 'mounted@example.com' }] },
      },
    ],
  }),
);

/** A Docker user mounts a fixture folder and names it in ACTITO_MOCK_FIXTURES. */
describe('ACTITO_MOCK_FIXTURES', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ ACTITO_MOCK_FIXTURES: dir, ACTITO_MOCK_CLOCK: 'manual' });
  });
  afterAll(() => server.stop());

  it('serves the mounted folder instead of the default fixture, for every tenant and after a reset', async () => {
    const control = connectActitoMock(server.url, { tenant: 'fixtures-1' });
    expect((await control.rows('shop', 'Members')).rows).toEqual([
      expect.objectContaining({ email: 'mounted@example.com', profileId: 1 }),
    ]);
    await control.addRows('shop', 'Members', [{ email: 'added@example.com' }]);
    await control.reset();
    expect((await control.rows('shop', 'Members')).total).toBe(1);
    await expect(control.rows('demo', 'Profiles')).rejects.toMatchObject({
      envelope: { code: 'UNKNOWN_ENTITY' },
    });
    const client = new ActitoTestClient(server.url, 'fixtures-1');
    await client.login('team-key');
    expect(await client.getJson('/profile-table-structure/v5/entities/shop/profile-tables/7')).toMatchObject({
      name: 'Members',
    });
    expect(server.output()).toContain('entity shop: profile table Members (id 7)');
  });

  it('stops at start-up with a message naming the file and the field of a bad fixture', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'actito-mock-bad-'));
    writeFileSync(
      join(bad, 'shop.json'),
      JSON.stringify({ entities: [{ name: 'shop', customTables: [{}] }] }),
    );
    const failure = await startServerProcess({ ACTITO_MOCK_FIXTURES: bad }).then(
      (started) => started.stop().then(() => null),
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/^server exited with 2 before listening/);
    expect(failure).toContain(
      `actito-mock serve: ACTITO_MOCK_FIXTURES: ${join(bad, 'shop.json')}: entities[0].customTables[0].id:`,
    );
  });
});
