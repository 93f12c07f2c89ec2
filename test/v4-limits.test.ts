import { describe, expect, it } from 'vitest';
import type { MockControl } from '../server/index.js';
import { csv } from './helpers/files.js';
import type { HeldUpload } from './helpers/held-upload.js';
import { holdV4Upload } from './helpers/held-upload.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { uploadV4 } from './helpers/v4-client.js';

const parameters = {
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'first', attributeName: 'firstName' },
  ],
};
const oneRow = (mail: string) =>
  csv([
    ['mail', 'first'],
    [mail, 'X'],
  ]);
const STRUCTURE = '/profile-table-structure/v5/entities/demo/profile-tables/1';
const HOURS = 60 * 60 * 1000;

/** Reads the in-flight count until it reaches `count`: each read is a round trip, never a sleep. */
async function untilInFlight(control: MockControl, count: number): Promise<number> {
  let seen = -1;
  for (let attempt = 0; attempt < 1000 && seen !== count; attempt += 1) {
    seen = (await control.getSettings()).usage.inFlightRequests;
  }
  return seen;
}

describe.each(TRANSPORTS)('V4 limits (%s)', (transport) => {
  const harness = useTransport(transport);

  it('allows 12 import creations per table per mock day: the 13th gets 429 until the next UTC day', async () => {
    const { client, control } = await harness.session();
    for (let n = 1; n <= 12; n += 1) {
      const response = await uploadV4(client, { parameters, data: oneRow(`p${n}@example.com`) });
      expect(response.status).toBe(201);
    }
    const refused = await uploadV4(client, { parameters, data: oneRow('p13@example.com') });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(15 * 60 * 60));
    expect(await refused.json()).toMatchObject({
      status: 429,
      code: 'QUOTA_EXCEEDED',
      message: expect.stringMatching(
        /^Table Profiles of entity demo already had 12 V4 import creations on 2026-03-02 \(UTC\).*resets at 2026-03-03T00:00:00\.000Z/,
      ),
    });
    const orders = await uploadV4(client, {
      kind: 'customTable',
      table: 'Orders',
      parameters: { mode: 'CREATE_UPDATE', format: { separator: ';' } },
      data: 'orderId;customerId;amount\nO-1;C1;3\n',
    });
    expect(orders.status).toBe(201);
    expect((await control.getSettings()).usage.v4ImportsToday).toEqual([
      {
        entity: 'demo',
        table: 'Profiles',
        day: '2026-03-02',
        importsCreated: 12,
        resetsAt: '2026-03-03T00:00:00.000Z',
      },
      {
        entity: 'demo',
        table: 'Orders',
        day: '2026-03-02',
        importsCreated: 1,
        resetsAt: '2026-03-03T00:00:00.000Z',
      },
    ]);

    await control.advance({ ms: 15 * HOURS - 1 });
    await client.login();
    expect((await uploadV4(client, { parameters, data: oneRow('late@example.com') })).status).toBe(429);
    await control.advance({ ms: 1 });
    await client.login();
    const nextDay = await uploadV4(client, { parameters, data: oneRow('p13@example.com') });
    expect({ status: nextDay.status, body: await nextDay.json() }).toEqual({
      status: 201,
      body: { id: 1000136 },
    });
  });

  it('counts only accepted creations, and follows the configured quota or none', async () => {
    const { client, control } = await harness.session();
    await control.updateSettings({ limits: { maxImportsPerTablePerDay: 2 } });
    expect(
      (await uploadV4(client, { parameters: { ...parameters, mode: 'NOPE' }, data: oneRow('a@example.com') }))
        .status,
    ).toBe(400);
    expect((await uploadV4(client, { parameters, data: oneRow('a@example.com') })).status).toBe(201);
    expect((await uploadV4(client, { parameters, data: oneRow('b@example.com') })).status).toBe(201);
    expect((await uploadV4(client, { parameters, data: oneRow('c@example.com') })).status).toBe(429);
    const off = await control.updateSettings({ limits: { maxImportsPerTablePerDay: null } });
    expect(off.limits).toEqual({
      maxConcurrentRequests: 5,
      maxImportsPerTablePerDay: null,
      maxUploadBytes: 104857600,
    });
    expect((await uploadV4(client, { parameters, data: oneRow('c@example.com') })).status).toBe(201);

    await control.updateSettings({ limits: { maxImportsPerTablePerDay: 2 } });
    expect((await uploadV4(client, { parameters, data: oneRow('d@example.com') })).status).toBe(429);
    await control.reset({ entity: 'demo' });
    expect((await uploadV4(client, { parameters, data: oneRow('d@example.com') })).status).toBe(201);
    expect((await control.getSettings()).usage.v4ImportsToday).toMatchObject([
      { table: 'Profiles', importsCreated: 1 },
    ]);
  });

  it('refuses a data file over the upload limit with 400 FILE_TOO_LARGE, on V4 and V5 alike', async () => {
    const { client, control } = await harness.session();
    await control.updateSettings({ limits: { maxUploadBytes: 1024 } });
    const big = csv([
      ['mail', 'first'],
      ...Array.from({ length: 4000 }, (_, n) => [`big${n}@example.com`, 'Big']),
    ]);
    const v4 = await uploadV4(client, { parameters, data: big });
    expect({ status: v4.status, body: await v4.json() }).toMatchObject({
      status: 400,
      body: {
        code: 'FILE_TOO_LARGE',
        message: expect.stringContaining('"inputFile"'),
        errors: [{ path: 'inputFile' }],
      },
    });
    const definition = { table: { type: 'PROFILE_TABLE', name: 'Profiles' }, ...parameters };
    expect(await (await client.uploadEtl('demo', definition, big)).json()).toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    expect((await uploadV4(client, { parameters, data: oneRow('small@example.com') })).status).toBe(201);
    await control.updateSettings({ limits: { maxUploadBytes: null } });
    expect((await uploadV4(client, { parameters, data: big })).status).toBe(201);
  });

  it('answers 429 TOO_MANY_REQUESTS to a 6th request while 5 of the licence are in flight', async () => {
    const { client, control } = await harness.session();
    const other = await harness.session();
    const held: HeldUpload[] = [];
    for (let n = 0; n < 5; n += 1)
      held.push(holdV4Upload(client, parameters, '/v4/entity/demo/table/Profiles/import', harness.send));
    expect(await untilInFlight(control, 5)).toBe(5);

    const sixth = await client.get(STRUCTURE);
    expect({ status: sixth.status, body: await sixth.json() }).toMatchObject({
      status: 429,
      body: {
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringContaining('already has 5 requests in flight'),
      },
    });
    expect((await other.client.get(STRUCTURE)).status).toBe(200);

    const answers = await Promise.all(held.map((upload) => upload.release()));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(await untilInFlight(control, 0)).toBe(0);
    expect((await client.get(STRUCTURE)).status).toBe(200);
  });

  it('names, in a 429, the in-flight count that caused it, even once those requests have ended', async () => {
    const { client, control } = await harness.session();
    const path = '/v4/entity/demo/table/Profiles/import';
    const held = Array.from({ length: 5 }, () => holdV4Upload(client, parameters, path, harness.send));
    expect(await untilInFlight(control, 5)).toBe(5);
    // The refused upload's body is still arriving when the five others finish: its answer waits
    // for its body, and must still say how many were in flight when it was refused.
    const refused = holdV4Upload(client, parameters, path, harness.send);
    expect(await untilInFlight(control, 5)).toBe(5);
    expect((await Promise.all(held.map((upload) => upload.release()))).map((r) => r.status)).toEqual([
      201, 201, 201, 201, 201,
    ]);
    expect(await untilInFlight(control, 0)).toBe(0);
    const answer = await refused.release();
    expect({ status: answer.status, body: await answer.json() }).toMatchObject({
      status: 429,
      body: {
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringContaining('already has 5 requests in flight'),
      },
    });
  });

  it('lets any number of requests through when the concurrency limit is off', async () => {
    const { client, control } = await harness.session();
    await control.updateSettings({ limits: { maxConcurrentRequests: null } });
    const held = Array.from({ length: 6 }, () =>
      holdV4Upload(client, parameters, '/mass-imports/v4/entity/demo/table/1/import', harness.send),
    );
    expect(await untilInFlight(control, 6)).toBe(6);
    expect((await client.get(STRUCTURE)).status).toBe(200);
    const answers = await Promise.all(held.map((upload) => upload.release()));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201, 201]);
  });

  it('refuses an invalid settings change, naming the field', async () => {
    const { control } = await harness.session();
    await expect(control.updateSettings({ limits: { maxConcurrentRequests: 0 } })).rejects.toMatchObject({
      envelope: {
        status: 400,
        code: 'INVALID_CONTROL_REQUEST',
        errors: [{ path: 'body.limits.maxConcurrentRequests' }],
      },
    });
    await expect(control.updateSettings({ v4Sunset: 'gone' } as never)).rejects.toMatchObject({
      envelope: { code: 'INVALID_CONTROL_REQUEST', errors: [{ path: 'body.v4Sunset' }] },
    });
  });
});
