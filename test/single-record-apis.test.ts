import { describe, expect, it } from 'vitest';
import { csv } from './helpers/files.js';
import type { Answer } from './helpers/records-client.js';
import { attributesOf, basic, call, expectStatus, ORDERS, PROFILES } from './helpers/records-client.js';
import type { Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

/**
 * The single-record APIs on the tables the imports write (contract section 11), as the public
 * clients call them: V4 profiles and custom records, with Bearer or Basic, under every root; V5
 * profiles; one store with the imports.
 */
type Json = Record<string, unknown>;
type ProfileBody = {
  attributes: { name: string; value: unknown }[];
  subscriptions: Json[];
  segmentations: Json[];
};

const V5 = '/mass-imports/v5/entities/demo/etl-executions';
const LEGACY = '/ActitoWebServices/ws/v4/entity/demo/table/Profiles/profile';

async function importProfiles(session: Session, mode: string, rows: string[][]): Promise<Json> {
  await session.control.setProgression('*', { type: 'immediate' });
  const created = await session.client.uploadEtl(
    'demo',
    {
      table: { type: 'PROFILE_TABLE', name: 'Profiles' },
      mode,
      format: { separator: ';' },
      attributesMapping: [
        { headerColumn: 'mail', attributeName: 'emailAddress' },
        { headerColumn: 'first', attributeName: 'firstName' },
      ],
    },
    csv([['mail', 'first'], ...rows]),
  );
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect(await session.client.getJson(`${V5}/${id}`)).toMatchObject({
    status: expect.stringMatching(/SUCCESS|WITH_ERROR/),
  });
  const results = await session.client.getJson<{ results: Json[] }>(`${V5}/${id}/integration-results`);
  return results.results[0] as Json;
}

describe.each(TRANSPORTS)('single-record APIs (%s)', (transport) => {
  const harness = useTransport(transport);

  it.each([
    ['Bearer', '/v4/entity/demo/table/Profiles/profile', 'ann@example.com'],
    ['Basic', LEGACY, 'bob@example.com'],
  ] as const)('runs a client’s whole profile flow with %s auth (%s)', async (scheme, path, email) => {
    const session = await harness.session();
    const auth = scheme === 'Basic' ? basic() : undefined;
    const created = await call<{ profileId: number }>(
      session,
      'createProfile',
      'POST',
      path,
      {
        attributes: [
          { name: 'emailAddress', value: email },
          { name: 'firstName', value: 'Ann' },
          { name: 'loyaltyPoints', value: 12 },
        ],
        subscriptions: [{ name: 'Newsletter', subscribe: true }],
        segmentations: [{ belongs: true, segmentation: { name: 'Interests', category: 'Dogs' } }],
        dataCollectionInformation: { date: '2026-03-02 09:00:00', source: 'signup form', way: 'api_push' },
      },
      auth,
    );
    expectStatus(created, 201);
    const { profileId } = created.body;
    expect(created.headers.get('location')).toBe(`${session.client.baseUrl}${path}/${profileId}`);

    const byId = await call<ProfileBody>(
      session,
      'getProfile',
      'GET',
      `${path}/${profileId}`,
      undefined,
      auth,
    );
    expectStatus(byId, 200);
    expect(attributesOf(byId.body)).toMatchObject({
      profileId,
      emailAddress: email,
      firstName: 'Ann',
      loyaltyPoints: 12,
    });
    expect(byId.body.subscriptions).toEqual([
      { name: 'Newsletter', subscribe: true },
      { name: 'Promotions', subscribe: false },
    ]);
    expect(byId.body.segmentations).toEqual([
      { belongs: true, segmentation: { name: 'Interests', category: 'Dogs' } },
    ]);
    const byMail = await call(session, 'getProfile', 'GET', `${path}/emailAddress=${email}`, undefined, auth);
    expect(byMail.body).toEqual(byId.body);
    const found = await call<{ profiles: ProfileBody[] }>(
      session,
      'searchProfiles',
      'GET',
      `${path}?search=${encodeURIComponent(`emailAddress=${email}`)}&number=10`,
      undefined,
      auth,
    );
    expect(found.body.profiles).toEqual([byId.body]);

    const updated = await call(
      session,
      'updateProfile',
      'PUT',
      `${path}/${profileId}`,
      {
        attributes: [{ name: 'lastName', value: 'Lee' }],
      },
      auth,
    );
    expect([updated.status, updated.body]).toEqual([200, { profileId }]);
    const afterUpdate = await call<ProfileBody>(
      session,
      'getProfile',
      'GET',
      `${path}/${profileId}`,
      undefined,
      auth,
    );
    expect(attributesOf(afterUpdate.body)).toMatchObject({
      firstName: 'Ann',
      lastName: 'Lee',
      loyaltyPoints: 12,
    });

    const unsubscribed = await call(
      session,
      'removeProfileSubscription',
      'DELETE',
      `${path}/${profileId}/subscription/Newsletter`,
      undefined,
      auth,
    );
    expect(unsubscribed.body).toEqual({
      subscriptions: [
        { name: 'Newsletter', subscribe: false },
        { name: 'Promotions', subscribe: false },
      ],
    });
    const subscribed = await call(
      session,
      'addProfileSubscription',
      'POST',
      `${path}/emailAddress=${email}/subscription/Promotions`,
      undefined,
      auth,
    );
    expect(subscribed.body).toMatchObject({ subscriptions: [{ subscribe: false }, { subscribe: true }] });
    expect(
      (
        await call(
          session,
          'getProfileSubscriptions',
          'GET',
          `${path}/${profileId}/subscription`,
          undefined,
          auth,
        )
      ).body,
    ).toEqual(subscribed.body);

    expectStatus(
      await call(session, 'deleteProfile', 'DELETE', `${path}/${profileId}`, undefined, auth),
      204,
    );
    const gone = await call(session, 'getProfile', 'GET', `${path}/${profileId}`, undefined, auth);
    expect([gone.status, gone.body.code]).toEqual([404, 'UNKNOWN_PROFILE']);
    expect((await session.control.rows('demo', 'Profiles')).total).toBe(0);
    // Coverage counts them, and lists the single-record operations never called.
    const coverage = await session.control.coverage();
    expect(coverage.never.operations).toEqual(
      expect.arrayContaining(['saveCustomRecord', 'upsertV5Profile']),
    );
    expect(coverage.never.operations).not.toContain('createProfile');
    // The journal saw each call under its operation, whatever the root.
    const journal = await session.control.journal();
    expect(new Set(journal.entries.map((e) => e.operation).filter((o) => o !== 'getAccessToken'))).toEqual(
      new Set([
        'createProfile',
        'getProfile',
        'searchProfiles',
        'updateProfile',
        'removeProfileSubscription',
        'addProfileSubscription',
        'getProfileSubscriptions',
        'deleteProfile',
      ]),
    );
  });

  it('runs a client’s whole flow on an order, the table named by name or by id', async () => {
    const session = await harness.session();
    const order = (id: string, amount: number, status?: string) => ({
      properties: [
        { name: 'orderId', value: id },
        { name: 'customerId', value: 'C7' },
        { name: 'amount', value: amount },
        ...(status ? [{ name: 'status', value: status }] : []),
      ],
    });
    const created = await call(session, 'saveCustomRecord', 'POST', ORDERS, order('O-1', 30, 'NEW'));
    expect([created.status, created.body]).toEqual([201, { businessKey: 'O-1' }]);
    expect(created.headers.get('location')).toBe(`${session.client.baseUrl}${ORDERS}/O-1`);
    const byId = '/custom-data/v4/entity/demo/customTable/5f0c7e1a-2b7d-4c1e-9a53-0d6f1b2c3a41/record';
    expectStatus(await call(session, 'saveCustomRecord', 'POST', byId, order('O-2', 5)), 201);
    expectStatus(await call(session, 'saveCustomRecord', 'POST', ORDERS, order('O-3', 12.5), basic()), 201);
    // POST again with the primary key: an update of that record.
    const upserted = await call(session, 'saveCustomRecord', 'POST', ORDERS, order('O-3', 13));
    expect([upserted.status, upserted.body]).toEqual([200, { businessKey: 'O-3' }]);

    const one = await call<{ properties: { name: string; value: unknown }[] }>(
      session,
      'getCustomRecord',
      'GET',
      `${ORDERS}/O-1`,
    );
    expect(attributesOf({ attributes: one.body.properties })).toMatchObject({
      orderId: 'O-1',
      amount: 30,
      status: 'NEW',
    });
    const sorted = await call<{ records: { properties: { name: string; value: unknown }[] }[] }>(
      session,
      'searchCustomRecords',
      'GET',
      `${ORDERS}?searchField=customerId&searchValue=C7&sortedField=amount&ascending=false&number=2`,
    );
    expect(sorted.body.records.map((r) => attributesOf({ attributes: r.properties }).orderId)).toEqual([
      'O-1',
      'O-3',
    ]);

    const updated = await call(session, 'updateCustomRecord', 'PUT', `${ORDERS}/O-2`, {
      properties: [{ name: 'status', value: 'SHIPPED' }],
    });
    expect([updated.status, updated.body]).toEqual([200, { businessKey: 'O-2' }]);
    const rows = (await session.control.rows('demo', 'Orders')).rows;
    expect(rows.map((r) => [r.orderId, r.amount, r.status])).toEqual([
      ['O-1', 30, 'NEW'],
      ['O-2', 5, 'SHIPPED'],
      ['O-3', 13, null],
    ]);

    expectStatus(
      await call(session, 'deleteCustomRecord', 'DELETE', `${ORDERS}/O-2`, undefined, basic()),
      204,
    );
    const gone = await call(session, 'getCustomRecord', 'GET', `${ORDERS}/O-2`);
    expect([gone.status, gone.body.code]).toEqual([404, 'UNKNOWN_RECORD']);
    expect((await session.control.rows('demo', 'Orders')).total).toBe(2);
  });

  it('shares one store with the imports: CREATE_ONLY skips an API profile, an imported one reads back', async () => {
    const session = await harness.session();
    const created = await call<{ profileId: number }>(session, 'createProfile', 'POST', PROFILES, {
      attributes: [
        { name: 'emailAddress', value: 'api@example.com' },
        { name: 'firstName', value: 'Api' },
      ],
    });
    expect(
      await importProfiles(session, 'CREATE_ONLY', [
        ['api@example.com', 'Imported'],
        ['csv@example.com', 'Cleo'],
      ]),
    ).toMatchObject({
      totalRows: 2,
      createdRows: 1,
      skippedRows: 1,
    });
    const api = await call<ProfileBody>(
      session,
      'getProfile',
      'GET',
      `${PROFILES}/${created.body.profileId}`,
    );
    expect(attributesOf(api.body).firstName).toBe('Api');
    const imported = await call<ProfileBody>(
      session,
      'getProfile',
      'GET',
      `${PROFILES}/emailAddress=csv@example.com`,
    );
    expect(attributesOf(imported.body)).toMatchObject({
      profileId: 2,
      emailAddress: 'csv@example.com',
      firstName: 'Cleo',
    });

    // Deleted through the API: UPDATE_ONLY no longer finds it, CREATE_ONLY makes it anew with a new id.
    expectStatus(
      await call(session, 'deleteProfile', 'DELETE', `${PROFILES}/emailAddress=api@example.com`),
      204,
    );
    expect(await importProfiles(session, 'UPDATE_ONLY', [['api@example.com', 'Again']])).toMatchObject({
      skippedRows: 1,
    });
    expect(await importProfiles(session, 'CREATE_ONLY', [['api@example.com', 'Again']])).toMatchObject({
      createdRows: 1,
    });
    const rows = (await session.control.rows('demo', 'Profiles')).rows;
    expect(rows.map((r) => [r.profileId, r.emailAddress, r.firstName])).toEqual([
      [2, 'csv@example.com', 'Cleo'],
      [3, 'api@example.com', 'Again'],
    ]);
  });

  it('upserts and lists V5 profiles with flat objects', async () => {
    const session = await harness.session();
    const path = '/profiles/v5/entities/demo/profile-tables/Profiles/profiles';
    const body = (firstName: string) => ({
      key: { emailAddress: 'v5@example.com' },
      attributes: { firstName },
      subscriptions: { Newsletter: true },
      segmentations: { Interests: ['Cats', 'Birds'] },
    });
    const created = await call(session, 'upsertV5Profile', 'PUT', path, body('Vera'));
    expect([created.status, created.body]).toEqual([201, { profileId: 1 }]);
    const updated = await call(
      session,
      'upsertV5Profile',
      'PUT',
      '/v5/entities/demo/profile-tables/1/profiles',
      body('Vee'),
    );
    expect([updated.status, updated.body]).toEqual([200, { profileId: 1 }]);
    await call(session, 'upsertV5Profile', 'PUT', path, {
      key: { customerId: 'C2' },
      attributes: { emailAddress: 'c2@example.com' },
    });
    const listed = await call<{ profiles: Json[]; page: Json }>(
      session,
      'getV5Profiles',
      'GET',
      `${path}?page=0&size=1`,
    );
    expect(listed.body.page).toEqual({ number: 0, size: 1, totalElements: 2, totalPages: 2 });
    expect(listed.body.profiles).toEqual([
      {
        profileId: 1,
        attributes: expect.objectContaining({
          profileId: 1,
          emailAddress: 'v5@example.com',
          firstName: 'Vee',
        }),
        subscriptions: { Newsletter: true, Promotions: false },
        segmentations: { Interests: ['Cats', 'Birds'] },
      },
    ]);
  });

  it('refuses bad input with a 4xx naming the attribute, the rule or the unique keys, and writes nothing', async () => {
    const session = await harness.session();
    await call(session, 'createProfile', 'POST', PROFILES, {
      attributes: [{ name: 'emailAddress', value: 'kept@example.com' }],
    });
    const before = await session.control.rows('demo', 'Profiles');
    const refusals: [string, string, string, unknown, number, string, string[]][] = [
      [
        'createProfile',
        'POST',
        PROFILES,
        { attributes: [{ name: 'emailAddress', value: 'not-an-address' }] },
        400,
        'INVALID_RECORD',
        ['INVALID_EMAIL', 'body.attributes.emailAddress'],
      ],
      [
        'createProfile',
        'POST',
        PROFILES,
        {
          attributes: [
            { name: 'emailAddress', value: 'x@example.com' },
            { name: 'points', value: 1 },
          ],
        },
        400,
        'INVALID_RECORD',
        ['no attribute "points"', 'loyaltyPoints'],
      ],
      [
        'createProfile',
        'POST',
        PROFILES,
        {
          attributes: [{ name: 'emailAddress', value: 'x@example.com' }],
          subscriptions: [{ name: 'Sms', subscribe: true }],
        },
        400,
        'INVALID_RECORD',
        ['no subscription "Sms"', 'Newsletter, Promotions'],
      ],
      [
        'createProfile',
        'POST',
        PROFILES,
        {
          attributes: [{ name: 'emailAddress', value: 'x@example.com' }],
          segmentations: [{ belongs: true, segmentation: { name: 'Interests', category: 'Fish' } }],
        },
        400,
        'INVALID_RECORD',
        ['VALUE_NOT_ACCEPTED', '"Fish"'],
      ],
      [
        'createProfile',
        'POST',
        PROFILES,
        { attributes: [{ name: 'emailAddress', value: 'kept@example.com' }] },
        400,
        'PROFILE_ALREADY_EXISTS',
        ['emailAddress "kept@example.com"', 'allowUpdate=true'],
      ],
      [
        'createProfile',
        'POST',
        PROFILES,
        { attributes: [{ name: 'firstName', value: 'Nobody' }] },
        400,
        'INVALID_RECORD',
        ['MANDATORY_VALUE_MISSING', 'emailAddress'],
      ],
      [
        'updateProfile',
        'PUT',
        `${PROFILES}/1`,
        {
          attributes: [
            { name: 'sex', value: 'X' },
            { name: 'firstName', value: 'Changed' },
          ],
        },
        400,
        'INVALID_RECORD',
        ['INVALID_SEX', 'body.attributes.sex'],
      ],
      [
        'getProfile',
        'GET',
        `${PROFILES}/firstName=Ann`,
        undefined,
        400,
        'INVALID_PARAMETER',
        ['firstName is not a unique attribute', 'emailAddress, customerId'],
      ],
      [
        'searchProfiles',
        'GET',
        `${PROFILES}?search=emailAddress%3Dkept%40example.com&dateFilter=2026-01-01`,
        undefined,
        400,
        'INVALID_PARAMETER',
        ['dateFilter is not emulated'],
      ],
      [
        'searchProfiles',
        'GET',
        `${PROFILES}?number=1001`,
        undefined,
        400,
        'INVALID_PARAMETER',
        ['query.number'],
      ],
      [
        'addProfileSubscription',
        'POST',
        `${PROFILES}/1/subscription/Sms`,
        undefined,
        400,
        'INVALID_PARAMETER',
        ['no subscription "Sms"'],
      ],
      [
        'saveCustomRecord',
        'POST',
        ORDERS,
        {
          properties: [
            { name: 'orderId', value: 'O-9' },
            { name: 'customerId', value: 'C' },
            { name: 'amount', value: 1 },
            { name: 'status', value: 'LOST' },
          ],
        },
        400,
        'INVALID_RECORD',
        ['VALUE_NOT_ACCEPTED', 'body.properties.status'],
      ],
      ['saveCustomRecord', 'POST', ORDERS, '{"properties": [', 400, 'INVALID_RECORD', ['not valid JSON']],
      [
        'searchCustomRecords',
        'GET',
        `${ORDERS}?searchField=customerId`,
        undefined,
        400,
        'INVALID_PARAMETER',
        ['searchValue'],
      ],
      [
        'getProfile',
        'GET',
        `${PROFILES}/1`,
        undefined,
        401,
        'UNAUTHORIZED',
        ['password must be the API key'],
      ],
    ];
    const answers: Answer[] = [];
    for (const [operation, method, path, body, status, code, fragments] of refusals) {
      const auth = status === 401 ? basic('demo', 'wrong-key') : undefined;
      const answer = await call(session, operation, method, path, body, auth);
      answers.push(answer);
      expect([answer.status, answer.body.code], `${method} ${path}`).toEqual([status, code]);
      const errors = (answer.body.errors ?? []) as { path: string }[];
      const text = `${answer.body.message} ${errors.map((e) => e.path).join(' ')}`;
      for (const fragment of fragments) expect(text, `${method} ${path}`).toContain(fragment);
    }
    expect(await session.control.rows('demo', 'Profiles')).toEqual(before);
    expect((await session.control.rows('demo', 'Orders')).total).toBe(0);
  });

  it('serves a GET or DELETE sent with Content-Type: application/json and no body, or without Accept', async () => {
    const session = await harness.session();
    await call(session, 'createProfile', 'POST', PROFILES, {
      attributes: [{ name: 'emailAddress', value: 'h@example.com' }],
    });
    const headers = {
      authorization: `Bearer ${session.client.accessToken}`,
      'x-mock-tenant': session.client.tenant as string,
    };
    const get = await fetch(`${session.client.baseUrl}${PROFILES}/1`, {
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(get.status).toBe(200);
    const noAccept = await fetch(`${session.client.baseUrl}${LEGACY}/emailAddress=h@example.com`, {
      headers,
    });
    expect([noAccept.status, noAccept.headers.get('content-type')]).toEqual([200, 'application/json']);
    const removed = await fetch(`${session.client.baseUrl}${PROFILES}/1`, {
      method: 'DELETE',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
    });
    expect(removed.status).toBe(204);
  });

  it('keeps the V4 profile APIs when the V4 imports are removed, and notes ignored technical attributes', async () => {
    const session = await harness.session();
    await session.control.updateSettings({ v4Sunset: 'removed' });
    const created = await call(session, 'createProfile', 'POST', PROFILES, {
      attributes: [
        { name: 'profileId', value: 99 },
        { name: 'emailAddress', value: 't@example.com' },
        { name: 'creationMoment', value: '2020-01-01' },
      ],
    });
    expect([created.status, created.body]).toEqual([201, { profileId: 1 }]);
    const [entry] = await session.control.findRequests({ method: 'POST', path: PROFILES });
    expect(entry?.notes).toEqual(['ignored profileId, creationMoment: set by the platform, not by a client']);
    const imports = await session.client.upload('/v4/entity/demo/table/Profiles/import', []);
    expect(imports.status).toBe(410);
  });
});
