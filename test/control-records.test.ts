import { describe, expect, it } from 'vitest';
import type { RecordsResponse, TenantsResponse } from '../contracts/control-records.js';
import { MockControlError } from '../server/index.js';
import { expectContract } from './helpers/contract.js';
import { createEtl, ETL_ENTITY, shopExport, trigger, V5 } from './helpers/etls.js';
import { csv } from './helpers/files.js';
import { TEST_CLOCK_START, TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4, importPath } from './helpers/v4-client.js';

const ENTITY = 'demo';
const BASE = `/mass-imports/v5/entities/${ENTITY}/etl-executions`;
const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'points', attributeName: 'loyaltyPoints' },
  ],
  outputFiles: { generateResultFile: true, generateErrorFile: true },
};
const file = csv([
  ['mail', 'points'],
  ['ann@example.com', '10'],
  ['bob@example', '5'],
  ['carl@example.com', '7'],
]);
const v4Parameters = {
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  generateResultFile: true,
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
};
const v4File = csv([['mail'], ['dan@example.com'], ['not-an-address']]);

/** A control route read over the transport's fetch, for the tenant of `client`. */
function controlGet(baseUrl: string, tenant: string | undefined, path: string): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { headers: { 'x-mock-tenant': tenant as string } });
}

async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

describe.each(TRANSPORTS)('control plane: records, tenants and downloads (%s)', (transport) => {
  const harness = useTransport(transport);

  async function uploadEtl(client: Awaited<ReturnType<typeof harness.session>>['client'], body = definition) {
    const created = await client.uploadEtl(ENTITY, body, file, 'profiles.csv');
    expect(created.status).toBe(201);
    return ((await created.json()) as { id: string }).id;
  }

  it('lists an execution with its timeline, and reading the list never counts as a status read', async () => {
    const { client, control, baseUrl } = await harness.session();
    const id = await uploadEtl(client);
    const coverageBefore = await control.coverage();
    const journalBefore = await control.journal();

    for (let i = 0; i < 3; i += 1) {
      const response = await controlGet(baseUrl, client.tenant, '/__mock/records');
      const listed = (await expectContract(response, 'getMockRecords')) as RecordsResponse;
      expect(listed).toMatchObject({ now: TEST_CLOCK_START, total: 1 });
      expect(listed.records[0]).toMatchObject({
        kind: 'v5.etlExecution',
        id,
        entity: ENTITY,
        status: 'PENDING',
        outcome: null,
        creationMoment: TEST_CLOCK_START,
        startMoment: null,
        endMoment: null,
        // The default progression: one status read, or 1 s of the mock clock.
        nextMoveMoment: '2026-03-02T09:00:01.000Z',
        counts: null,
        table: { type: 'PROFILE_TABLE', id: '1', name: 'Profiles' },
        dataFile: { name: 'profiles.csv', compression: 'NONE', rowCount: 3 },
        files: [
          {
            name: 'outputFiles',
            fileName: `etl-execution-${id}-output-files.zip`,
            entries: ['result.csv', 'errors.csv'],
            href: `/__mock/entities/${ENTITY}/etl-executions/${id}/output-files`,
            actitoPath: `${BASE}/${id}/output-files`,
            available: false,
          },
        ],
        definition: expect.objectContaining({ outputFiles: definition.outputFiles }),
      });
    }
    // Neither journaled nor counted, and the record moves exactly as if nobody had looked.
    expect(await control.journal()).toEqual(journalBefore);
    expect(await control.coverage()).toEqual(coverageBefore);
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'PENDING' });
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'RUNNING' });
    expect((await control.records()).records[0]).toMatchObject({
      status: 'RUNNING',
      startMoment: TEST_CLOCK_START,
    });
  });

  it('shows records settled as of now: time alone finishes them, with their counts', async () => {
    const { client, control } = await harness.session();
    const id = await uploadEtl(client);
    await control.advance({ ms: 2500 });
    const [record] = (await control.records()).records;
    expect(record).toMatchObject({
      id,
      status: 'WITH_ERROR',
      outcome: 'WITH_ERROR',
      startMoment: '2026-03-02T09:00:01.000Z',
      endMoment: '2026-03-02T09:00:02.000Z',
      nextMoveMoment: null,
      counts: { totalRows: 3, createdRows: 2, updatedRows: 0, skippedRows: 0, rowsInError: 1 },
      errorMessage: null,
    });
    expect(record?.files[0]?.available).toBe(true);
    expect(await control.rows(ENTITY, 'Profiles')).toMatchObject({ total: 2 });
  });

  it('downloads the same bytes and headers as the Actito routes, and refuses what they refuse', async () => {
    const { client, control, baseUrl } = await harness.session();
    const id = await uploadEtl(client);
    const v4Id = await createV4(client, { parameters: v4Parameters, data: v4File });

    const early = await controlGet(
      baseUrl,
      client.tenant,
      `/__mock/entities/${ENTITY}/etl-executions/${id}/output-files`,
    );
    expect(early.status).toBe(409);
    expect(await expectContract(early, 'getMockEtlOutputFiles')).toMatchObject({
      code: 'EXECUTION_NOT_FINISHED',
    });
    await expect(control.v4ImportErrors(ENTITY, String(v4Id))).rejects.toMatchObject({
      envelope: { status: 409, code: 'IMPORT_NOT_FINISHED' },
    });
    await control.advance({ ms: 5000 });

    const pairs = [
      [
        'getMockEtlOutputFiles',
        `/__mock/entities/${ENTITY}/etl-executions/${id}/output-files`,
        `${BASE}/${id}/output-files`,
      ],
      [
        'getMockImportErrors',
        `/__mock/entities/${ENTITY}/imports/${v4Id}/errors`,
        importPath(v4Id, 'errors'),
      ],
      [
        'getMockImportResultFile',
        `/__mock/entities/${ENTITY}/imports/${v4Id}/result-file`,
        importPath(v4Id, 'result-file'),
      ],
    ] as const;
    for (const [operation, controlPath, actitoPath] of pairs) {
      await expectContract(await controlGet(baseUrl, client.tenant, controlPath), operation);
      const mine = await controlGet(baseUrl, client.tenant, controlPath);
      const theirs = await client.get(actitoPath);
      expect(mine.status).toBe(200);
      expect(mine.headers.get('content-type')).toBe(theirs.headers.get('content-type'));
      expect(mine.headers.get('content-disposition')).toBe(theirs.headers.get('content-disposition'));
      expect(await bytesOf(mine)).toEqual(await bytesOf(theirs));
    }
    const fromClient = await control.etlOutputFiles(ENTITY, id);
    expect(fromClient).toEqual(await bytesOf(await client.get(`${BASE}/${id}/output-files`)));
    expect(await control.v4ImportResultFile(ENTITY, String(v4Id))).toEqual(
      await bytesOf(await client.get(importPath(v4Id, 'result-file'))),
    );
    const listed = await control.records({ kind: 'v4.import' });
    const href = listed.records[0]?.files.find((f) => f.name === 'errorFile')?.href as string;
    expect(new TextDecoder().decode(await control.download(href))).toContain('not-an-address');

    const notRequested = await uploadEtl(client, {
      ...definition,
      outputFiles: { generateResultFile: false, generateErrorFile: false },
    });
    await control.advance({ ms: 5000 });
    await expect(control.etlOutputFiles(ENTITY, notRequested)).rejects.toMatchObject({
      envelope: { status: 404, code: 'OUTPUT_FILES_NOT_REQUESTED' },
    });
    await expect(control.etlOutputFiles(ENTITY, '999')).rejects.toMatchObject({
      envelope: { status: 404, code: 'UNKNOWN_EXECUTION' },
    });
    await expect(control.v4ImportErrors('nowhere', '1')).rejects.toBeInstanceOf(MockControlError);
  });

  it('lists V4 imports with their V4 status, both kinds newest first, and filters them', async () => {
    const { client, control, baseUrl } = await harness.session();
    const etlId = await uploadEtl(client);
    await control.advance({ ms: 10 });
    const v4Id = await createV4(client, { parameters: v4Parameters, data: v4File });
    await control.advance({ ms: 5000 });

    const response = await controlGet(baseUrl, client.tenant, '/__mock/records');
    const all = (await expectContract(response, 'getMockRecords')) as RecordsResponse;
    expect(all.records.map((r) => [r.kind, r.id, r.status])).toEqual([
      ['v4.import', String(v4Id), 'FINISHED'],
      ['v5.etlExecution', etlId, 'WITH_ERROR'],
    ]);
    expect(all.records[0]).toMatchObject({
      outcome: 'WITH_ERROR',
      counts: { totalRows: 2, createdRows: 1, rowsInError: 1 },
      parameters: expect.objectContaining({ generateResultFile: true }),
      files: [
        { name: 'errorFile', contentType: 'text/csv; charset=UTF-8', actitoPath: importPath(v4Id, 'errors') },
        { name: 'resultFile', entries: ['result.csv'], actitoPath: importPath(v4Id, 'result-file') },
      ],
    });
    expect((await control.records({ kind: 'v5.etlExecution' })).records.map((r) => r.id)).toEqual([etlId]);
    expect(await control.records({ limit: 1 })).toMatchObject({ total: 2, records: [{ id: String(v4Id) }] });
    expect(await control.records({ entity: 'elsewhere' })).toMatchObject({ total: 0, records: [] });
  });

  it('refuses malformed record filters with a message naming them', async () => {
    const { control } = await harness.session();
    for (const filter of [{ limit: 0 }, { limit: 5000 }, { kind: 'v6.thing' as never }]) {
      await expect(control.records(filter)).rejects.toMatchObject({
        envelope: {
          status: 400,
          code: 'INVALID_CONTROL_REQUEST',
          errors: [expect.objectContaining({ path: expect.stringMatching(/^query\./) })],
        },
      });
    }
  });

  it('lists the tenants it knows, with their records', async () => {
    const { client, control, baseUrl } = await harness.session();
    await uploadEtl(client);
    const response = await controlGet(baseUrl, client.tenant, '/__mock/tenants');
    const listed = (await expectContract(response, 'getMockTenants')) as TenantsResponse;
    expect((await control.tenants()).tenants).toEqual(expect.arrayContaining(listed.tenants));
    expect(listed.defaultTenant).toBe('default');
    expect(listed.tenants).toContainEqual({
      name: client.tenant,
      entities: [ENTITY],
      etlExecutions: 1,
      v4Imports: 0,
      now: TEST_CLOCK_START,
    });
  });

  it('takes the tenant as ?tenant= on the control plane only, and refuses a conflict or a bad name', async () => {
    const { client, baseUrl } = await harness.session();
    const id = await uploadEtl(client);
    const tenant = client.tenant as string;
    const byQuery = await fetch(`${baseUrl}/__mock/records?tenant=${tenant}`);
    expect(((await byQuery.json()) as RecordsResponse).records.map((r) => r.id)).toEqual([id]);
    const same = await fetch(`${baseUrl}/__mock/records?tenant=${tenant}`, {
      headers: { 'x-mock-tenant': tenant },
    });
    expect(same.status).toBe(200);

    const conflict = await fetch(`${baseUrl}/__mock/records?tenant=other`, {
      headers: { 'x-mock-tenant': tenant },
    });
    expect({ status: conflict.status, body: await conflict.json() }).toMatchObject({
      status: 400,
      body: { code: 'INVALID_CONTROL_REQUEST', message: expect.stringContaining('name different tenants') },
    });
    const bad = await fetch(`${baseUrl}/__mock/records?tenant=${encodeURIComponent('<b>')}`);
    expect({ status: bad.status, body: await bad.json() }).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('?tenant= "<b>" is not a valid tenant name') },
    });
    // An Actito route ignores it (a conflict would answer 400): only the header decides there.
    const actito = await client.get(`${BASE}/${id}?tenant=elsewhere`);
    expect(actito.status).toBe(200);
  });

  it('lists an execution of a persistent ETL with each table entry, and downloads its per-table files', async () => {
    const session = await harness.session();
    const etlId = await createEtl(session);
    const id = await trigger(session, etlId, shopExport(), 'shop-export.zip');
    await session.control.advance({ ms: 5000 });
    const response = await controlGet(session.baseUrl, session.client.tenant, '/__mock/records');
    const [record] = ((await expectContract(response, 'getMockRecords')) as RecordsResponse).records;
    expect(record).toMatchObject({
      kind: 'v5.etlExecution',
      id,
      entity: ETL_ENTITY,
      etlId,
      trigger: 'TRIGGER_EXECUTION',
      dataFile: { name: 'shop-export.zip', compression: 'ZIP' },
      definition: { name: 'Nightly shop export' },
    });
    const tables = record?.kind === 'v5.etlExecution' ? (record.tables ?? []) : [];
    expect(tables.length).toBeGreaterThan(1);
    expect(tables.every((table) => table.counts !== null || table.errorMessage !== null)).toBe(true);
    const file = record?.files[0];
    expect(file?.entries.every((name) => name.includes('/'))).toBe(true);
    const theirs = await session.client.get(`${V5}/etl-executions/${id}/output-files`);
    expect(await session.control.download(file?.href as string)).toEqual(await bytesOf(theirs));
  });
});
