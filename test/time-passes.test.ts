import { describe, expect, it } from 'vitest';
import type { ActitoTestClient } from './helpers/actito-client.js';
import { zipEntries } from './helpers/actito-client.js';
import { csv } from './helpers/files.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4, importPath } from './helpers/v4-client.js';

/**
 * Actito finishes an accepted import whether or not anyone polls (contract section 9): a client
 * that never reads the status comes back later and finds the import final. The default
 * progression ends each intermediate status after one status read or 1 s, whichever comes first.
 */
const V5 = '/mass-imports/v5/entities/demo/etl-executions';
const mapping = [
  { headerColumn: 'mail', attributeName: 'emailAddress' },
  { headerColumn: 'points', attributeName: 'loyaltyPoints' },
];
const file = csv([
  ['mail', 'points'],
  ['ann@example.com', '10'],
  ['bob@example', '5'],
]);
const v4Parameters = {
  mode: 'CREATE_UPDATE',
  encoding: 'UTF-8',
  format: { separator: ';', endOfLine: '\n' },
  generateResultFile: true,
  attributesMapping: mapping,
};
const v5Definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  format: { separator: ';', encoding: 'UTF-8' },
  attributesMapping: mapping,
  outputFiles: { generateResultFile: true, generateErrorFile: true },
};
const counts = { totalRows: 2, createdRows: 1, updatedRows: 0, skippedRows: 0, rowsInError: 1 };

async function uploadV5(client: ActitoTestClient): Promise<string> {
  const created = await client.uploadEtl('demo', v5Definition, file);
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

describe.each(TRANSPORTS)('time passes on its own, under a manual clock (%s)', (transport) => {
  const harness = useTransport(transport);

  it('finishes a V4 import nobody polls: its result is there 5 minutes later', async () => {
    const { client, control } = await harness.session();
    const id = await createV4(client, { parameters: v4Parameters, data: file });
    // Nothing moves by itself under a manual clock: no read of the result can finish it.
    expect(await client.getJson(importPath(id, 'result'), 409)).toMatchObject({
      code: 'IMPORT_NOT_FINISHED',
    });
    expect(await client.getJson(importPath(id, 'result'), 409)).toMatchObject({
      code: 'IMPORT_NOT_FINISHED',
    });

    expect(await control.advance({ ms: 5 * 60_000 })).toMatchObject({ moved: 1 });
    expect(await client.getJson(importPath(id, 'result'))).toEqual({ withErrors: true, ...counts });
    const status = await client.getJson(importPath(id, 'status'));
    expect(status).toMatchObject({ status: 'FINISHED', creationMoment: '2026-03-02T09:00:00.000Z' });
    // It ended when its time was up (1 s PENDING, 1 s RUNNING), not when someone looked.
    expect(status.endMoment).toBe('2026-03-02T09:00:02.000Z');
    expect((await control.coverage()).recordStatuses).toMatchObject({ 'v4.import': { FINISHED: 1 } });
  });

  it('finishes a V5 execution nobody polls: integration results, output files and rows are there', async () => {
    const { client, control } = await harness.session();
    const id = await uploadV5(client);
    expect(await client.getJson(`${V5}/${id}/integration-results`, 409)).toMatchObject({
      code: 'EXECUTION_NOT_FINISHED',
    });
    expect((await control.rows('demo', 'Profiles')).total).toBe(0);

    await control.advance({ ms: 1000 });
    expect((await control.rows('demo', 'Profiles')).total).toBe(0);
    await control.advance({ ms: 1000 });
    // The table is written when the execution's time is up, whoever looks first.
    expect((await control.rows('demo', 'Profiles')).rows).toEqual([
      expect.objectContaining({
        emailAddress: 'ann@example.com',
        creationMoment: '2026-03-02T09:00:02.000Z',
      }),
    ]);
    expect(await client.getJson(`${V5}/${id}/integration-results`)).toMatchObject({
      results: [{ ...counts, withErrors: true }],
    });
    const files = await zipEntries(
      await client.get(`${V5}/${id}/output-files`, { accept: 'application/zip' }),
    );
    expect(Object.keys(files)).toEqual(['result.csv', 'errors.csv']);
  });

  it('still shows each intermediate status to one poll when the client polls quickly', async () => {
    const { client } = await harness.session();
    const id = await uploadV5(client);
    const seen = [];
    for (let poll = 0; poll < 3; poll += 1) seen.push((await client.getJson(`${V5}/${id}`)).status);
    expect(seen).toEqual(['PENDING', 'RUNNING', 'WITH_ERROR']);
  });
});

describe.each(TRANSPORTS)('time passes on its own, under the system clock (%s)', (transport) => {
  const harness = useTransport(transport, { ACTITO_MOCK_CLOCK: 'system' });

  it('has a V4 import nobody polls FINISHED for a /result read made 2 s later', async () => {
    const { client, control } = await harness.session();
    const id = await createV4(client, { parameters: v4Parameters, data: file });
    // 2 s of the system clock, without sleeping: the mock's clock is the wall clock plus its advances.
    await control.advance({ ms: 2000 });
    expect(await client.getJson(importPath(id, 'result'))).toEqual({ withErrors: true, ...counts });
    expect(await client.getJson(importPath(id, 'status'))).toMatchObject({ status: 'FINISHED' });
  });

  it('has a V5 execution nobody polls final for an integration-results read made 2 s later', async () => {
    const { client, control } = await harness.session();
    const id = await uploadV5(client);
    await control.advance({ ms: 2000 });
    expect(await client.getJson(`${V5}/${id}/integration-results`)).toMatchObject({
      executionId: id,
      results: [{ ...counts, withErrors: true }],
    });
    expect(await client.getJson(`${V5}/${id}`)).toMatchObject({ status: 'WITH_ERROR' });
  });
});
