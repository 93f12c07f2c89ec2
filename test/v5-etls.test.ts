import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipEntries } from './helpers/actito-client.js';
import { expectContract } from './helpers/contract.js';
import {
  createEtl,
  ETL_ENTITY as ENTITY,
  ordersCsv,
  profilesCsv,
  sendJson,
  shopExport,
  trigger,
  twoTableEtl,
  V5,
} from './helpers/etls.js';
import { gzipped } from './helpers/files.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

describe.each(TRANSPORTS)('persistent ETLs (%s)', (transport) => {
  const harness = useTransport(transport);

  it('stores, lists, reads, replaces and deletes an ETL', async () => {
    const session = await harness.session();
    const created = await sendJson(session, 'POST', `${V5}/etls`, twoTableEtl);
    const etl = (await expectContract(created, 'createEtl')) as Record<string, unknown>;
    expect(created.headers.get('location')).toBe(`${session.client.baseUrl}${V5}/etls/${etl.id}`);
    expect(etl).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      name: 'Nightly shop export',
      format: { separator: ';', enclosing: '"', encoding: 'UTF-8' },
      tables: [{ required: true, transformations: [] }, { fileNamePattern: 'orders_$yyyyMMdd.csv' }],
      creationMoment: '2026-03-02T09:00:00.000Z',
    });
    const id = etl.id as string;
    expect(await expectContract(await session.client.get(`${V5}/etls/${id}`), 'getEtl')).toEqual(etl);
    const list = await expectContract(await session.client.get(`${V5}/etls?size=5`), 'getEtls');
    expect(list).toEqual({ etls: [etl], page: { number: 0, size: 5, totalElements: 1, totalPages: 1 } });

    await session.control.advance({ ms: 60_000 });
    const replaced = await sendJson(session, 'PUT', `${V5}/etls/${id}`, { ...twoTableEtl, name: 'Renamed' });
    expect(await expectContract(replaced, 'replaceEtl')).toMatchObject({
      id,
      name: 'Renamed',
      creationMoment: '2026-03-02T09:00:00.000Z',
      updateMoment: '2026-03-02T09:01:00.000Z',
    });

    const deleted = await fetch(`${session.client.baseUrl}${V5}/etls/${id}`, {
      method: 'DELETE',
      headers: session.client.headers(),
    });
    expect(deleted.status).toBe(204);
    expect(await session.client.getJson(`/v5/entities/${ENTITY}/etls/${id}`, 404)).toMatchObject({
      code: 'UNKNOWN_ETL',
      message: `Entity demo has no ETL ${id}; it has none yet (POST .../etls creates one).`,
    });
  });

  it('runs a two-table ETL from a ZIP of two CSVs: one status, a result per table, files per table', async () => {
    const session = await harness.session();
    const { client } = session;
    const etlId = await createEtl(session);
    const id = await trigger(session, etlId, shopExport(), 'shop-export.zip');

    const seen: string[] = [];
    for (let poll = 0; poll < 3; poll += 1) {
      const execution = await expectContract(
        await client.get(`${V5}/etl-executions/${id}`),
        'getEtlExecution',
      );
      seen.push((execution as { status: string }).status);
    }
    expect(seen).toEqual(['PENDING', 'RUNNING', 'WITH_ERROR']);
    const execution = await client.getJson(`${V5}/etl-executions/${id}`);
    expect(execution).toMatchObject({
      id,
      etlId,
      trigger: 'TRIGGER_EXECUTION',
      inputFile: 'shop-export.zip',
      errorMessage: null,
      definition: { name: 'Nightly shop export' },
      ignoredFiles: [
        {
          name: 'export/readme.txt',
          reason:
            'matches no fileNamePattern of the ETL (today "profiles_20260302.csv", "orders_20260302.csv"); skipped',
        },
      ],
    });

    const results = await expectContract(
      await client.get(`${V5}/etl-executions/${id}/integration-results`),
      'getEtlExecutionIntegrationResults',
    );
    expect(results).toEqual({
      executionId: id,
      results: [
        {
          table: { type: 'PROFILE_TABLE', name: 'Profiles', id: '1' },
          totalRows: 2,
          createdRows: 2,
          updatedRows: 0,
          skippedRows: 0,
          rowsInError: 0,
          withErrors: false,
          fileName: 'export/profiles_20260302.csv',
        },
        {
          table: { type: 'CUSTOM_TABLE', name: 'Orders', id: '5f0c7e1a-2b7d-4c1e-9a53-0d6f1b2c3a41' },
          totalRows: 2,
          createdRows: 1,
          updatedRows: 0,
          skippedRows: 0,
          rowsInError: 1,
          withErrors: true,
          fileName: 'export/orders_20260302.csv',
        },
      ],
    });

    const files = await zipEntries(
      await client.get(`${V5}/etl-executions/${id}/output-files`, { accept: 'application/zip' }),
    );
    expect(Object.keys(files)).toEqual([
      'Profiles/result.csv',
      'Profiles/errors.csv',
      'Orders/result.csv',
      'Orders/errors.csv',
    ]);
    expect(files['Profiles/result.csv']).toBe(
      'mail;id;status;errorMessage\nann@example.com;C1;CREATED;\nbob@example.com;C2;CREATED;\n',
    );
    expect(files['Orders/errors.csv']?.split('\n')[1]).toMatch(/^3;amount;lots;INVALID_NUMBER;/);
    expect((await session.control.rows(ENTITY, 'Orders')).total).toBe(1);

    const list = await expectContract(
      await client.get(`${V5}/etl-executions?etlId=${etlId}`),
      'getEtlExecutions',
    );
    expect(list).toMatchObject({
      etlExecutions: [{ id, etlId, status: 'WITH_ERROR' }],
      page: { number: 0, size: 20, totalElements: 1, totalPages: 1 },
    });
  });

  it('ends in ERROR naming the pattern of a missing required file, and writes nothing', async () => {
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const etlId = await createEtl(session);
    const onlyProfiles = zipSync({ 'profiles_20260302.csv': strToU8(profilesCsv) });
    const id = await trigger(session, etlId, onlyProfiles);
    expect(await session.client.getJson(`${V5}/etl-executions/${id}`)).toMatchObject({
      status: 'ERROR',
      errorMessage:
        'tables[1] (Orders): no file matches the required fileNamePattern "orders_$yyyyMMdd.csv" (on the mock clock: "orders_20260302.csv"); the upload holds \'profiles_20260302.csv\'',
    });
    expect((await session.control.rows(ENTITY, 'Profiles')).total).toBe(0);
    const files = await zipEntries(
      await session.client.get(`${V5}/etl-executions/${id}/output-files`, { accept: 'application/zip' }),
    );
    expect(files['Orders/errors.csv']?.split('\n')[1]).toMatch(/^;;;FILE_NOT_FOUND;"no file matches/);
    expect(files['Profiles/errors.csv']?.split('\n')[1]).toMatch(
      /^;;;FILE_FAILED;"not imported: tables\[1\]/,
    );
  });

  it('bounds the ignored files and the file names an error lists for an upload of many files', async () => {
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const etlId = await createEtl(session);
    const extras = Object.fromEntries(
      Array.from({ length: 150 }, (_, n) => [`extra/readme-${n}.txt`, strToU8('not data')]),
    );
    const crowded = zipSync({
      'profiles_20260302.csv': strToU8(profilesCsv),
      'orders_20260302.csv': strToU8(ordersCsv),
      ...extras,
    });
    const id = await trigger(session, etlId, crowded);
    const execution = await session.client.getJson<{ status: string; ignoredFiles: { name: string }[] }>(
      `${V5}/etl-executions/${id}`,
    );
    expect(execution.status).toBe('WITH_ERROR'); // the amount 'lots' of ordersCsv
    expect(execution.ignoredFiles).toHaveLength(101);
    expect(execution.ignoredFiles[100]).toEqual({
      name: '…',
      reason: '50 more files were ignored; the list keeps the first 100',
    });
    const missingOrders = await trigger(
      session,
      etlId,
      zipSync({ 'profiles_20260302.csv': strToU8(profilesCsv), ...extras }),
    );
    const failed = await session.client.getJson<{ errorMessage: string }>(
      `${V5}/etl-executions/${missingOrders}`,
    );
    expect(failed.errorMessage).toMatch(/'extra\/readme-18\.txt' and 131 more files$/);
  });

  it('answers a trigger whose file is not the declared file.compression (it hung in-process), naming file.compression', async () => {
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const zipped = await createEtl(session, {
      ...twoTableEtl,
      file: { compression: 'ZIP', fileNamePattern: 'shop.zip' },
      tables: [twoTableEtl.tables[0]],
    });
    const plain = await trigger(session, zipped, profilesCsv, 'shop.zip');
    expect(await session.client.getJson(`${V5}/etl-executions/${plain}`)).toMatchObject({
      status: 'ERROR',
      errorMessage: expect.stringMatching(/^file\.compression is ZIP but the file does not start like a ZIP/),
    });
  });

  it('lets an optional file be absent, and takes a gzipped CSV for a one-table ETL whatever its name', async () => {
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const optionalOrders = {
      ...twoTableEtl,
      tables: [twoTableEtl.tables[0], { ...twoTableEtl.tables[1], required: false }],
    };
    const etlId = await createEtl(session, optionalOrders);
    const id = await trigger(session, etlId, zipSync({ 'profiles_20260302.csv': strToU8(profilesCsv) }));
    expect(await session.client.getJson(`${V5}/etl-executions/${id}`)).toMatchObject({ status: 'SUCCESS' });
    const results = await session.client.getJson<{ results: unknown[] }>(
      `${V5}/etl-executions/${id}/integration-results`,
    );
    expect(results.results[1]).toMatchObject({ totalRows: 0, withErrors: false, fileName: null });
    const files = await zipEntries(
      await session.client.get(`${V5}/etl-executions/${id}/output-files`, { accept: 'application/zip' }),
    );
    expect(Object.keys(files)).toEqual(['Profiles/result.csv', 'Profiles/errors.csv']);

    const oneTable = await createEtl(session, { ...twoTableEtl, tables: [twoTableEtl.tables[0]] });
    const second = await trigger(session, oneTable, gzipped(profilesCsv), 'anything.csv.gz');
    expect(await session.client.getJson(`${V5}/etl-executions/${second}`)).toMatchObject({
      status: 'SUCCESS',
      inputFile: 'anything.csv.gz',
      ignoredFiles: [],
    });
    const all = await session.client.getJson<{ etlExecutions: { id: string }[] }>(
      `${V5}/etl-executions?size=1&page=1`,
    );
    expect(all).toMatchObject({
      etlExecutions: [{ id }],
      page: { number: 1, size: 1, totalElements: 2, totalPages: 2 },
    });
  });

  it('refuses a bad ETL with every fault and its path, and bad ids and queries with a clear error', async () => {
    const session = await harness.session();
    const bad = {
      mode: 'CREATE_UPDATE',
      tables: [
        {
          table: { type: 'PROFILE_TABLE', name: 'Profiles' },
          fileNamePattern: 'a.csv',
          attributesMapping: [{ headerColumn: 'x', attributeName: 'nope' }],
        },
        { table: { type: 'CUSTOM_TABLE', name: 'Missing' }, fileNamePattern: 'b.csv' },
        { table: { type: 'PROFILE_TABLE', id: '1' }, fileNamePattern: 'c.csv' },
      ],
    };
    const response = await sendJson(session, 'POST', `${V5}/etls`, bad);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'INVALID_DEFINITION',
      errors: [
        {
          path: 'body.tables[0].attributesMapping[0].attributeName',
          message: expect.stringMatching(/no attribute "nope"/),
        },
        { path: 'body.tables[0].attributesMapping', message: expect.stringMatching(/none is mapped/) },
        {
          path: 'body.tables[1].table.name',
          message: expect.stringMatching(/has no CUSTOM_TABLE "Missing"; it has Orders/),
        },
        {
          path: 'body.tables[2].table',
          message: 'Profiles is already the destination of tables[0]; give each table one entry',
        },
      ],
    });
    const patterns = await sendJson(session, 'POST', `${V5}/etls`, {
      mode: 'CREATE_UPDATE',
      tables: [twoTableEtl.tables[0], { ...twoTableEtl.tables[1], fileNamePattern: undefined }],
    });
    expect(await patterns.json()).toMatchObject({
      errors: [
        {
          path: 'body.tables[1].fileNamePattern',
          message: expect.stringMatching(/needs a fileNamePattern per table/),
        },
      ],
    });
    expect(await (await sendJson(session, 'POST', `${V5}/etls`, '{"mode":')).json()).toMatchObject({
      code: 'INVALID_DEFINITION',
      errors: [{ path: 'body', message: 'not valid JSON' }],
    });
    expect(
      await (await sendJson(session, 'POST', `${V5}/etls`, { mode: 'CREATE_UPDATE', tables: [] })).json(),
    ).toMatchObject({
      errors: [{ path: 'body.tables', message: 'an ETL needs at least one table entry' }],
    });
    expect(await session.client.getJson(`${V5}/etls?size=500`, 400)).toMatchObject({
      code: 'INVALID_PARAMETER',
      errors: [{ path: 'query.size' }],
    });
    expect(await session.client.getJson(`${V5}/etl-executions?etlId=999`, 404)).toMatchObject({
      code: 'UNKNOWN_ETL',
    });
    const missingFile = await session.client.upload(`${V5}/etls/999/trigger-execution`, [
      { name: 'inputFile', content: 'x', fileName: 'x.csv' },
    ]);
    expect(missingFile.status).toBe(404);
    const etlId = await createEtl(session);
    const noPart = await session.client.upload(`${V5}/etls/${etlId}/trigger-execution`, [
      { name: 'other', content: 'x' },
    ]);
    expect(await noPart.json()).toMatchObject({ code: 'MISSING_PART', errors: [{ path: 'inputFile' }] });
  });
});
