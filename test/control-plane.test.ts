import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { EntitySeed } from '../contracts/control.js';
import {
  AddRowsResponse,
  CoverageReport,
  FaultsResponse,
  InjectedFault,
  JournalResponse,
  SeedEntityResponse,
  TableRowsResponse,
} from '../contracts/control.js';
import { definitionPart } from './helpers/actito-client.js';
import { csv, zipped } from './helpers/files.js';
import { refused } from './helpers/refusal.js';
import { TEST_CLOCK_START, TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4, importPath, pollV4ToEnd, uploadV4 } from './helpers/v4-client.js';

const ENTITY = 'demo';
const BASE = `/mass-imports/v5/entities/${ENTITY}/etl-executions`;

const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  file: { compression: 'ZIP' },
  format: { separator: ';', enclosing: '"', escaping: '"', endOfLine: '\n', encoding: 'UTF-8' },
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'points', attributeName: 'loyaltyPoints' },
  ],
  outputFiles: { generateResultFile: false, generateErrorFile: true },
};
const file = csv([
  ['mail', 'points'],
  ['ann@example.com', '10'],
  ['bob@example', '5'],
  ['carl@example.com', 'many'],
  ['dora@example.com', ''],
]);
const plain = { ...definition, file: undefined };
const oneRow = (mail: string) =>
  csv([
    ['mail', 'points'],
    [mail, '1'],
  ]);

/** The body matches its contract exactly: parsing keeps every field and adds none. */
function expectShape<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  expect(schema.parse(body)).toEqual(body);
  return body as z.output<S>;
}

const membersSeed: EntitySeed = {
  profileTables: [
    {
      id: '7',
      name: 'Members',
      attributes: [
        { type: 'EMAIL_ADDRESS', name: 'email', unique: true, mandatory: true },
        { type: 'CUSTOM', name: 'points', valueType: 'INTEGER' },
      ],
    },
  ],
  customTables: [
    {
      id: 'c-1',
      name: 'Visits',
      primaryKeyAttribute: 'visitId',
      attributes: [
        { name: 'visitId', valueType: 'STRING', mandatory: true, unique: true },
        { name: 'at', valueType: 'DATE' },
      ],
    },
  ],
  rows: { Members: [{ email: 'first@example.com', points: 3 }] },
};

describe.each(TRANSPORTS)('control plane (%s)', (transport) => {
  const harness = useTransport(transport);

  it('drives an execution through RUNNING to WITH_ERROR, journals its upload, then resets', async () => {
    const { client, control } = await harness.session();
    await control.setProgression('v5.etlExecution', { type: 'manual' });
    const archive = zipped(file, 'profiles.csv');
    const created = await client.uploadEtl(ENTITY, definition, archive, 'profiles.zip');
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'PENDING' });
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'PENDING' });
    expect(await control.advance()).toMatchObject({ moved: 1 });
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'RUNNING' });
    expect(await control.advance()).toMatchObject({ moved: 1 });
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'WITH_ERROR' });

    const journal = expectShape(JournalResponse, await control.journal({ method: 'POST' }));
    expect(journal.entries).toHaveLength(1);
    expect(journal.entries[0]).toEqual({
      seq: 2,
      method: 'POST',
      path: BASE,
      query: {},
      headers: expect.objectContaining({
        authorization: 'Bearer [redacted]',
        'content-type': expect.stringMatching(/^multipart\/form-data; boundary=/),
        'x-mock-tenant': client.tenant,
      }),
      route: '/mass-imports/v5/entities/:entity/etl-executions',
      operation: 'createEtlExecution',
      status: 201,
      errorCode: null,
      errorMessage: null,
      time: TEST_CLOCK_START,
      durationMs: expect.any(Number),
      upload: {
        kind: 'v5.etlExecution',
        id,
        entity: ENTITY,
        table: { type: 'PROFILE_TABLE', id: '1', name: 'Profiles' },
        definition: expect.objectContaining({
          table: definition.table,
          mode: 'CREATE_UPDATE',
          attributesMapping: definition.attributesMapping,
          outputFiles: definition.outputFiles,
        }),
        dataFile: {
          name: 'profiles.zip',
          source: 'upload',
          size: archive.byteLength,
          compression: 'ZIP',
          entryName: 'profiles.csv',
          rowCount: 4,
          fileError: null,
        },
      },
      received: {
        parts: [
          {
            name: 'definition',
            fileName: 'definition.json',
            contentType: 'application/json',
            size: JSON.stringify(definition).length,
          },
          { name: 'inputFile', fileName: 'profiles.zip', contentType: 'text/csv', size: archive.byteLength },
        ],
        complete: true,
        definition: null,
        definitionTruncated: false,
      },
    });
    const coverage = await control.coverage();
    expect(coverage.recordStatuses).toEqual({
      'v5.etlExecution': { PENDING: 2, RUNNING: 1, WITH_ERROR: 1 },
    });
    expect(coverage.never.finalStatuses).toEqual(['v5.etlExecution SUCCESS', 'v5.etlExecution ERROR']);

    expect(await control.reset()).toEqual({ tenant: client.tenant, entity: null });
    expect((await control.journal()).entries).toEqual([]);
    expect((await control.coverage()).requests).toBe(0);
    await client.login();
    expect(await client.getJson(`${BASE}/${id}`, 404)).toMatchObject({ code: 'UNKNOWN_EXECUTION' });
    expect(await control.getProgression()).toMatchObject({ 'v5.etlExecution': { type: 'manual' } });
  });

  it('answers health, and resets one entity or the whole tenant', async () => {
    const { client, control } = await harness.session();
    expect(await control.health()).toMatchObject({
      status: 'ok',
      tenant: client.tenant,
      now: TEST_CLOCK_START,
    });
    await control.setProgression('*', 'immediate'); // the text form, as ACTITO_MOCK_PROGRESSION takes it
    await client.uploadEtl(ENTITY, plain, oneRow('kept@example.com'));
    await control.seedEntity('shop', membersSeed);
    await control.injectFault({ type: 'request', path: '/nowhere', status: 500 });
    expect((await control.rows(ENTITY, 'Profiles')).total).toBe(1);

    expect(await control.reset({ entity: ENTITY })).toEqual({ tenant: client.tenant, entity: ENTITY });
    expect((await control.rows(ENTITY, 'Profiles')).total).toBe(0);
    expect(await client.getJson(`${BASE}/1000001`, 404)).toMatchObject({ code: 'UNKNOWN_EXECUTION' });
    expect((await control.rows('shop', 'Members')).total).toBe(1);
    expect((await control.faults()).faults).toHaveLength(1);
    expect((await control.journal()).entries.length).toBeGreaterThan(0);

    await control.reset({ entity: 'shop' });
    expect(await refused(control.rows('shop', 'Members'))).toMatchObject({
      status: 404,
      code: 'UNKNOWN_ENTITY',
    });
    expect(await refused(control.reset({ entity: 'nope' }))).toMatchObject({ code: 'UNKNOWN_ENTITY' });

    await control.seedEntity('shop', membersSeed);
    await control.reset();
    expect(await refused(control.rows('shop', 'Members'))).toMatchObject({ code: 'UNKNOWN_ENTITY' });
    expect(await control.faults()).toEqual({ faults: [] });
  });

  it('seeds an entity from JSON, adds checked rows and reads them back', async () => {
    const { client, control } = await harness.session();
    const seeded = expectShape(SeedEntityResponse, await control.seedEntity('shop', membersSeed));
    expect(seeded).toEqual({
      entity: 'shop',
      tables: [
        { type: 'PROFILE_TABLE', id: '7', name: 'Members', rows: 1 },
        { type: 'CUSTOM_TABLE', id: 'c-1', name: 'Visits', rows: 0 },
      ],
    });

    const added = expectShape(
      AddRowsResponse,
      await control.addRows('shop', 'Members', [
        { email: 'Second@Example.com', points: '4' },
        { email: 'third@example.com' },
      ]),
    );
    expect(added).toEqual({ table: { type: 'PROFILE_TABLE', id: '7', name: 'Members' }, added: 2, total: 3 });
    expect(await control.addRows('shop', 'c-1', [{ visitId: 'v1', at: '2026-03-01' }])).toMatchObject({
      added: 1,
    });

    await control.setProgression('v5.etlExecution', { type: 'immediate' });
    const upload = await client.uploadEtl(
      'shop',
      { table: { type: 'PROFILE_TABLE', name: 'Members' }, mode: 'CREATE_ONLY', format: { separator: ';' } },
      csv([
        ['email', 'points'],
        ['first@example.com', '9'],
        ['fourth@example.com', '1'],
      ]),
    );
    const { id } = (await upload.json()) as { id: string };
    const results = await client.getJson(
      `/mass-imports/v5/entities/shop/etl-executions/${id}/integration-results`,
    );
    expect(results).toMatchObject({ results: [{ createdRows: 1, skippedRows: 1 }] });

    const rows = expectShape(TableRowsResponse, await control.rows('shop', 'Members'));
    expect(rows.total).toBe(4);
    expect(rows.rows.map((row) => [row.email, row.points])).toEqual([
      ['first@example.com', 3],
      ['Second@example.com', 4],
      ['third@example.com', null],
      ['fourth@example.com', 1],
    ]);
    expect(rows.rows[0]).toMatchObject({ profileId: 1, creationMoment: TEST_CLOCK_START });
    expect(await control.rows('shop', 'Visits', { type: 'CUSTOM_TABLE' })).toMatchObject({
      rows: [{ visitId: 'v1', at: '2026-03-01' }],
    });
  });

  it('refuses bad rows and seeds whole, naming the record and attribute', async () => {
    const { control } = await harness.session();
    await control.seedEntity('shop', membersSeed);
    const rows = await refused(
      control.addRows('shop', 'Members', [
        { email: 'ok@example.com' },
        { email: 'not-an-email', points: 'x' },
        { email: 'first@example.com', nickname: 'F' },
        { points: 2 },
      ]),
    );
    expect(rows).toMatchObject({ status: 400, code: 'INVALID_CONTROL_REQUEST' });
    expect(rows.message).toMatch(
      /^Rows for table Members were refused, none was added: body\.rows\[1\]\.email/,
    );
    expect(rows.errors).toEqual([
      { path: 'body.rows[1].email', message: expect.stringMatching(/^INVALID_EMAIL: "not-an-email"/) },
      { path: 'body.rows[1].points', message: expect.stringMatching(/^INVALID_INTEGER/) },
      {
        path: 'body.rows[2].nickname',
        message: 'table Members has no attribute "nickname"; its attributes are email, points',
      },
      {
        path: 'body.rows[2].email',
        message: expect.stringMatching(/^UNIQUE_VALUE_TAKEN: email "first@example.com"/),
      },
      { path: 'body.rows[3].email', message: expect.stringMatching(/^MANDATORY_VALUE_MISSING/) },
    ]);
    expect((await control.rows('shop', 'Members')).total).toBe(1);

    const seed = await refused(
      control.seedEntity('shop', { ...membersSeed, rows: { Members: [{ email: 'x' }], Nope: [] } }),
    );
    expect(seed.errors).toEqual([
      { path: 'rows.Members[0].email', message: expect.stringMatching(/^INVALID_EMAIL/) },
      { path: 'rows.Nope', message: 'entity shop has no table Nope; it has Members, Visits' },
    ]);
    expect((await control.rows('shop', 'Members')).total).toBe(1);
    expect(await refused(control.seedEntity('shop', { name: 'other', profileTables: [] }))).toMatchObject({
      errors: [{ path: 'body.name', message: 'differs from the URL\'s entity "shop"' }],
    });
    expect(
      (await refused(control.seedEntity('shop', { profileTables: [{ id: 1 }] } as never))).errors?.[0],
    ).toMatchObject({ path: 'body.profileTables[0].id' });
    expect(await refused(control.rows('shop', 'Orders'))).toMatchObject({
      status: 404,
      code: 'UNKNOWN_TABLE',
    });
    expect(await refused(control.rows('shop', 'Members', { type: 'BAD' as never }))).toMatchObject({
      errors: [{ path: 'query.type' }],
    });
  });

  it('answers the next N matching requests with an injected status and code', async () => {
    const { client, control } = await harness.session();
    const fault = expectShape(
      InjectedFault,
      await control.injectFault({
        type: 'request',
        method: 'get',
        path: '/mass-imports/v5/**',
        status: 503,
        times: 2,
      }),
    );
    expect(fault).toEqual({
      type: 'request',
      id: expect.any(String),
      method: 'get',
      path: '/mass-imports/v5/**',
      status: 503,
      times: 2,
      remaining: 2,
    });
    expect(expectShape(FaultsResponse, await control.faults())).toEqual({ faults: [fault] });

    const first = await client.get(`${BASE}/1000001`);
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({
      status: 503,
      code: 'INJECTED_FAULT',
      message: expect.stringContaining('POST /__mock/faults'),
    });
    expect((await client.uploadEtl(ENTITY, plain, oneRow('a@example.com'))).status).toBe(201);
    expect((await control.faults()).faults).toEqual([{ ...fault, remaining: 1 }]);
    expect((await client.get(`/v5/entities/${ENTITY}/etl-executions/1000001`)).status).toBe(200);
    expect((await client.get(`${BASE}/1000001`)).status).toBe(503);
    expect((await client.get(`${BASE}/1000001`)).status).toBe(200);
    expect(await control.faults()).toEqual({ faults: [] });

    await control.injectFault({
      type: 'request',
      path: '/auth/token',
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Slow down.',
    });
    const token = await client.get('/auth/token', { authorization: 'mock-api-key' });
    expect({ status: token.status, body: await token.json() }).toEqual({
      status: 429,
      body: { status: 429, code: 'TOO_MANY_REQUESTS', message: 'Slow down.' },
    });
    expect(await control.coverage()).toMatchObject({
      tooManyRequests: true,
      errorCodes: { INJECTED_FAULT: 2 },
    });

    await control.injectFault({ type: 'request', path: '/x', status: 500 });
    expect(await control.clearFaults()).toEqual({ cleared: 1 });
    expect(await control.clearFaults()).toEqual({ cleared: 0 });
    expect((await refused(control.injectFault({ type: 'request', path: '/x' } as never))).errors).toEqual([
      { path: 'body.status', message: 'give a status, a latencyMs, or both' },
    ]);
    expect(
      (await refused(control.injectFault({ type: 'request', path: 'x', status: 200 } as never))).errors,
    ).toEqual([
      { path: 'body.path', message: expect.stringContaining('starts with /') },
      { path: 'body.status', message: expect.any(String) },
    ]);
  });

  it('makes a matching request wait the injected latency, then answers it normally', async () => {
    const { client, control } = await harness.session();
    await control.injectFault({
      type: 'request',
      path: '/mass-imports/v5/entities/*/etl-executions/*',
      latencyMs: 120,
    });
    const started = performance.now();
    const response = await client.get(`${BASE}/999`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(await response.json()).toMatchObject({ code: 'UNKNOWN_EXECUTION' });
    const [entry] = (await control.journal({ path: '/mass-imports/**' })).entries;
    expect(entry?.durationMs).toBeGreaterThanOrEqual(115);
  });

  it('makes the next uploads fail at file level or stay RUNNING', async () => {
    const { client, control } = await harness.session();
    await control.setProgression('v5.etlExecution', { type: 'immediate' });
    const upload = async (mail: string) => {
      const response = await client.uploadEtl(ENTITY, plain, oneRow(mail));
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      return client.getJson(`${BASE}/${id}`);
    };
    await control.injectFault({
      type: 'import',
      kind: 'v5.etlExecution',
      outcome: 'fail',
      reason: 'Disk full.',
    });
    expect(await upload('a@example.com')).toMatchObject({ status: 'ERROR', errorMessage: 'Disk full.' });
    await control.injectFault({ type: 'import', kind: '*', outcome: 'fail' });
    expect(await upload('b@example.com')).toMatchObject({
      status: 'ERROR',
      errorMessage: expect.stringContaining('fault injected'),
    });

    const hold = await control.injectFault({ type: 'import', kind: 'v5.etlExecution', outcome: 'hold' });
    expect(hold).toMatchObject({ outcome: 'hold', holdAt: 'RUNNING', remaining: 1 });
    expect(await upload('c@example.com')).toMatchObject({ status: 'RUNNING' });
    await control.advance({ ms: 24 * 3600 * 1000 });
    await control.advance();
    await client.login();
    expect(await client.getJson(`${BASE}/1000003`)).toMatchObject({ status: 'RUNNING', endMoment: null });
    expect(await upload('d@example.com')).toMatchObject({ status: 'SUCCESS' });
    expect((await control.rows(ENTITY, 'Profiles')).rows.map((row) => row.emailAddress)).toEqual([
      'd@example.com',
    ]);
  });

  it('journals a V4 upload with its parameters, and fails the next V4 import on demand', async () => {
    const { client, control } = await harness.session();
    const parameters = {
      mode: 'CREATE_UPDATE',
      encoding: 'UTF-8',
      format: { separator: ';' },
      attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
    };
    const archive = zipped(csv([['mail'], ['a@example.com'], ['b@example.com']]), 'export.csv');
    const id = await createV4(client, {
      parameters,
      data: archive,
      fileName: 'export.zip',
      dataType: 'application/zip',
    });
    expect(await pollV4ToEnd(client, id)).toBe('FINISHED');
    const [entry] = (await control.journal({ method: 'POST' })).entries;
    expect(entry).toMatchObject({
      path: '/v4/entity/demo/table/Profiles/import',
      status: 201,
      upload: {
        kind: 'v4.import',
        id: String(id),
        table: { type: 'PROFILE_TABLE', name: 'Profiles' },
        parameters: expect.objectContaining({
          mode: 'CREATE_UPDATE',
          attributesMapping: parameters.attributesMapping,
        }),
        dataFile: {
          name: 'export.zip',
          size: archive.byteLength,
          compression: 'ZIP',
          entryName: 'export.csv',
          rowCount: 2,
        },
      },
    });
    expect(entry?.upload).not.toHaveProperty('definition');

    await control.injectFault({
      type: 'import',
      kind: 'v4.import',
      outcome: 'fail',
      reason: 'Archive unreadable.',
    });
    const failed = await createV4(client, { parameters, data: archive });
    expect(await pollV4ToEnd(client, failed)).toBe('ERROR');
    expect(await client.getJson(importPath(failed, 'status'))).toMatchObject({
      errorMessage: 'Archive unreadable.',
    });
    const coverage = await control.coverage();
    expect(coverage.recordStatuses['v4.import']).toMatchObject({ FINISHED: 1, ERROR: 2 });
    expect(coverage.never.finalStatuses).toEqual([]);
  });

  it('journals what a refused upload carried: its parts, its definition text and the error message', async () => {
    const { client, control } = await harness.session();
    const badDefinition = { ...definition, mode: 'UPSERT' };
    const refusedUpload = await client.upload(BASE, [
      definitionPart(badDefinition),
      { name: 'file', content: file, fileName: 'profiles.csv', type: 'text/csv' },
      { name: 'comment', content: 'nightly run' },
    ]);
    expect(refusedUpload.status).toBe(400);
    const { message } = (await refusedUpload.json()) as { message: string };
    const [entry] = (await control.journal({ method: 'POST' })).entries;
    expect(entry).toMatchObject({
      status: 400,
      errorCode: 'INVALID_DEFINITION',
      errorMessage: message,
      upload: null,
      received: {
        parts: [
          { name: 'definition', fileName: 'definition.json', contentType: 'application/json' },
          { name: 'file', fileName: 'profiles.csv', contentType: 'text/csv', size: file.length },
          { name: 'comment', fileName: null, contentType: 'text/plain', size: 'nightly run'.length },
        ],
        complete: true,
        definition: JSON.stringify(badDefinition),
        definitionTruncated: false,
      },
    });
    expect(message).toContain('mode');

    // A V4 parameters field of 100 KiB: the journal keeps its first 64 KiB.
    const long = `{"mode":"CREATE_UPDATE","comment":"${'x'.repeat(100 * 1024)}"`;
    const v4 = await uploadV4(client, {
      parameters: long,
      data: 'mail\na@example.com\n',
      parametersAs: 'field',
    });
    expect(v4.status).toBe(400);
    const [v4Entry] = (await control.journal({ path: '/v4/**' })).entries;
    expect(v4Entry?.received).toMatchObject({
      parts: [
        { name: 'parameters', fileName: null, size: long.length },
        { name: 'inputFile', size: 'mail\na@example.com\n'.length },
      ],
      complete: true,
      definition: long.slice(0, 64 * 1024),
      definitionTruncated: true,
    });
    expect(v4Entry?.errorMessage).toEqual(expect.any(String));

    // The raw API key of a token request is never journaled.
    const [login] = (await control.journal({ path: '/auth/token' })).entries;
    expect(login?.headers.authorization).toBe('[redacted]');
    expect(login?.received).toBeNull();
  });

  it('journals every request with its status and error code, filters and clears', async () => {
    const { client, control } = await harness.session();
    await client.get(`${BASE}/42?view=full&x=1`);
    await client.get('/nowhere');
    await client.get(`${BASE}/42`, { authorization: 'Bearer wrong' });
    await control.health();
    const all = await control.journal();
    expect(all.entries.map((e) => [e.seq, e.method, e.path, e.status, e.errorCode, e.operation])).toEqual([
      [1, 'GET', '/auth/token', 200, null, 'getAccessToken'],
      [2, 'GET', `${BASE}/42`, 404, 'UNKNOWN_EXECUTION', 'getEtlExecution'],
      [3, 'GET', '/nowhere', 404, 'ROUTE_NOT_FOUND', null],
      [4, 'GET', `${BASE}/42`, 401, 'UNAUTHORIZED', 'getEtlExecution'],
    ]);
    expect(all).toMatchObject({ inFlight: 0, dropped: 0, capacity: 1000 });
    expect(all.entries[1]).toMatchObject({
      query: { view: 'full', x: '1' },
      time: TEST_CLOCK_START,
      upload: null,
    });

    const seqs = async (filter: Parameters<typeof control.journal>[0]) =>
      (await control.journal(filter)).entries.map((e) => e.seq);
    expect(await seqs({ status: '4xx' })).toEqual([2, 3, 4]);
    expect(await seqs({ status: 401 })).toEqual([4]);
    expect(await seqs({ path: '/mass-imports/**' })).toEqual([2, 4]);
    expect(await seqs({ method: 'post' })).toEqual([]);
    expect(await seqs({ after: 2, status: '4xx' })).toEqual([3, 4]);
    await control.advance({ ms: 60_000 });
    await client.get('/nowhere');
    expect(await seqs({ since: '2026-03-02T09:01:00.000Z' })).toEqual([5]);
    expect((await refused(control.journal({ status: 'abc' as never }))).errors?.[0]).toMatchObject({
      path: 'query.status',
    });

    expect(await control.clearJournal()).toEqual({ cleared: 5 });
    expect((await control.journal()).entries).toEqual([]);
    await client.get('/nowhere');
    expect(await seqs({})).toEqual([6]);
  });

  it('reports coverage: operations by status, record statuses, error codes, 401/429 and what never happened', async () => {
    const { client, control } = await harness.session();
    const fresh = expectShape(CoverageReport, await control.coverage());
    expect(fresh).toMatchObject({
      since: TEST_CLOCK_START,
      requests: 1,
      operations: [{ operation: 'getAccessToken', calls: 1, statuses: { '200': 1 } }],
      recordStatuses: {},
      unauthorized: false,
      tooManyRequests: false,
      never: { finalStatuses: [], responses: ['401', '429'] },
    });
    expect(fresh.never.operations).toEqual(expect.arrayContaining(['createEtlExecution', 'getEtlExecution']));
    expect(fresh.never.operations).not.toContain('getAccessToken');
    expect(fresh.never.operations.some((name) => name.includes('__mock'))).toBe(false);

    await control.setProgression('v5.etlExecution', { type: 'immediate' });
    await client.uploadEtl(ENTITY, plain, oneRow('a@example.com'));
    await client.getJson(`${BASE}/1000001`);
    await client.getJson(`/v5/entities/${ENTITY}/etl-executions/1000001`);
    await client.get(`${BASE}/1000001`, { authorization: 'Bearer expired' });
    const report = await control.coverage();
    expect(report.operations).toEqual(
      expect.arrayContaining([
        { operation: 'createEtlExecution', calls: 1, statuses: { '201': 1 } },
        { operation: 'getEtlExecution', calls: 3, statuses: { '200': 2, '401': 1 } },
      ]),
    );
    expect(report).toMatchObject({
      requests: 5,
      recordStatuses: { 'v5.etlExecution': { SUCCESS: 2 } },
      errorCodes: { UNAUTHORIZED: 1 },
      unauthorized: true,
      never: {
        finalStatuses: ['v5.etlExecution WITH_ERROR', 'v5.etlExecution ERROR'],
        responses: ['429'],
      },
    });
    expect(report.never.operations).not.toContain('getEtlExecution');
  });
});
