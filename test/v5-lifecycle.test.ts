import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipEntries } from './helpers/actito-client.js';
import { csv, gzipped, zipped } from './helpers/files.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

const ENTITY = 'demo';
const BASE = `/mass-imports/v5/entities/${ENTITY}/etl-executions`;

const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  file: { compression: 'ZIP' },
  format: { separator: ';', enclosing: '"', escaping: '"', endOfLine: '\n', encoding: 'UTF-8' },
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'first', attributeName: 'firstName' },
    { headerColumn: 'points', attributeName: 'loyaltyPoints' },
  ],
  transformations: [{ type: 'LOWERCASE', headerColumn: 'mail' }],
  outputFiles: { generateResultFile: true, generateErrorFile: true },
};

const file = csv([
  ['mail', 'first', 'points'],
  ['Ann@Example.com', 'Ann', '10'],
  ['bob@example', 'Bob', '5'],
  ['carl@example.com', '"Carl; Jr"', 'many'],
  ['dora@example.com', 'Dora', ''],
]);

const oneRow = (mail: string) =>
  csv([
    ['mail', 'first', 'points'],
    [mail, 'X', '1'],
  ]);

describe.each(TRANSPORTS)('V5 one-shot ETL execution lifecycle (%s)', (transport) => {
  const harness = useTransport(transport);

  it('moves PENDING, RUNNING, WITH_ERROR one poll at a time and serves the real results and files', async () => {
    const { client } = await harness.session();
    const created = await client.uploadEtl(ENTITY, definition, zipped(file), 'profiles.zip');
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/^\d+$/);
    expect(created.headers.get('location')).toBe(`${client.baseUrl}${BASE}/${id}`);

    const notYet = await client.getJson(`${BASE}/${id}/integration-results`, 409);
    expect(notYet).toMatchObject({ code: 'EXECUTION_NOT_FINISHED' });
    expect((await client.get(`${BASE}/${id}/output-files`, { accept: 'application/zip' })).status).toBe(409);

    const first = await client.getJson(`${BASE}/${id}`);
    expect(first).toMatchObject({
      id,
      status: 'PENDING',
      startMoment: null,
      endMoment: null,
      errorMessage: null,
    });
    expect(first.definition).toMatchObject({ table: definition.table, mode: 'CREATE_UPDATE' });
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'RUNNING', endMoment: null });
    const final = await client.getJson(`${BASE}/${id}`);
    expect(final).toMatchObject({ status: 'WITH_ERROR', errorMessage: null });
    expect(final.endMoment).toEqual(expect.any(String));
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'WITH_ERROR' });

    const results = await client.getJson(`${BASE}/${id}/integration-results`);
    expect(results).toEqual({
      executionId: id,
      results: [
        {
          table: { type: 'PROFILE_TABLE', name: 'Profiles', id: '1' },
          totalRows: 4,
          createdRows: 2,
          updatedRows: 0,
          skippedRows: 0,
          rowsInError: 2,
          withErrors: true,
        },
      ],
    });

    const files = await client.get(`${BASE}/${id}/output-files`, { accept: 'application/zip' });
    expect(files.status).toBe(200);
    expect(files.headers.get('content-type')).toBe('application/zip');
    const entries = await zipEntries(files);
    expect(Object.keys(entries).sort()).toEqual(['errors.csv', 'result.csv']);
    expect(entries['result.csv']?.split('\n')).toEqual([
      'mail;first;points;status;errorMessage',
      'Ann@Example.com;Ann;10;CREATED;',
      expect.stringMatching(/^bob@example;Bob;5;ERROR;"mail: ""bob@example"" is not a valid email address/),
      expect.stringMatching(
        /^carl@example\.com;"Carl; Jr";many;ERROR;"points: ""many"" is not a valid integer/,
      ),
      'dora@example.com;Dora;;CREATED;',
      '',
    ]);
    const errorLines = entries['errors.csv']?.split('\n') ?? [];
    expect(errorLines[0]).toBe('lineNumber;column;value;errorCode;errorMessage');
    expect(errorLines[1]).toMatch(/^3;mail;bob@example;INVALID_EMAIL;/);
    expect(errorLines[2]).toMatch(/^4;points;many;INVALID_INTEGER;/);
    expect(errorLines).toHaveLength(4);
  });

  it('updates the rows an earlier execution created and skips them in CREATE_ONLY', async () => {
    const { client } = await harness.session();
    const run = async (mode: string, rows: string[][]) => {
      const response = await client.uploadEtl(ENTITY, { ...definition, mode, file: undefined }, csv(rows));
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      for (const status of ['PENDING', 'RUNNING'])
        expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status });
      const final = await client.getJson(`${BASE}/${id}`);
      const results = await client.getJson<{ results: Record<string, unknown>[] }>(
        `${BASE}/${id}/integration-results`,
      );
      return { status: final.status, counts: results.results[0] };
    };
    const header = ['mail', 'first', 'points'];
    expect(
      await run('CREATE_UPDATE', [header, ['a@example.com', 'A', '1'], ['b@example.com', 'B', '2']]),
    ).toMatchObject({
      status: 'SUCCESS',
      counts: { createdRows: 2, updatedRows: 0 },
    });
    expect(
      await run('CREATE_UPDATE', [header, ['A@EXAMPLE.com', 'Al', '3'], ['c@example.com', 'C', '']]),
    ).toMatchObject({
      status: 'SUCCESS',
      counts: { createdRows: 1, updatedRows: 1 },
    });
    expect(
      await run('CREATE_ONLY', [header, ['a@example.com', 'A', '1'], ['d@example.com', 'D', '4']]),
    ).toMatchObject({
      status: 'SUCCESS',
      counts: { createdRows: 1, skippedRows: 1 },
    });
    expect(
      await run('UPDATE_ONLY', [header, ['e@example.com', 'E', '1'], ['d@example.com', 'Dee', '4']]),
    ).toMatchObject({
      status: 'SUCCESS',
      counts: { updatedRows: 1, skippedRows: 1 },
    });
  });

  it('follows the progression policy and the clock set through the control plane', async () => {
    const { client, control } = await harness.session();
    await control.setProgression('v5.etlExecution', { type: 'afterMs', ms: 60_000 });
    const response = await client.uploadEtl(
      ENTITY,
      { ...definition, file: undefined },
      oneRow('x@example.com'),
    );
    const { id } = (await response.json()) as { id: string };
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'PENDING' });
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'PENDING' });
    expect(await control.advance({ ms: 60_000 })).toMatchObject({ moved: 1 });
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'RUNNING' });
    await control.advance({ ms: 60_000 });
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'SUCCESS' });

    await control.setProgression('*', { type: 'manual' });
    const second = (await (
      await client.uploadEtl(ENTITY, { ...definition, file: undefined }, oneRow('y@example.com'))
    ).json()) as {
      id: string;
    };
    expect(await client.getJson(`${BASE}/${second.id}`)).toMatchObject({ status: 'PENDING' });
    await control.advance();
    expect(await client.getJson(`${BASE}/${second.id}`)).toMatchObject({ status: 'RUNNING' });
    await control.advance();
    expect(await client.getJson(`${BASE}/${second.id}`)).toMatchObject({ status: 'SUCCESS' });
  });

  it('serves the same execution under the /v5 prefix and the table structures', async () => {
    const { client } = await harness.session();
    await client.login();
    const profiles = await client.getJson(`/profile-table-structure/v5/entities/${ENTITY}/profile-tables/1`);
    expect(profiles).toMatchObject({ id: '1', name: 'Profiles' });
    const orders = await client.getJson(`/custom-table-structure/v5/entities/${ENTITY}/custom-tables/Orders`);
    expect(orders).toMatchObject({ name: 'Orders', primaryKeyAttribute: 'orderId' });
    const response = await client.uploadEtl(
      ENTITY,
      { ...definition, file: undefined },
      oneRow('z@example.com'),
    );
    const { id } = (await response.json()) as { id: string };
    expect(await client.getJson(`/v5/entities/${ENTITY}/etl-executions/${id}`)).toMatchObject({
      id,
      status: 'PENDING',
    });
  });
});

describe.each(TRANSPORTS)('V5 file formats (%s)', (transport) => {
  const harness = useTransport(transport);

  it('reads a gzipped ISO-8859-1 file with tab separators and CRLF into a custom table, and answers in kind', async () => {
    const { client, control } = await harness.session();
    await control.setProgression('v5.etlExecution', { type: 'immediate' });
    const text = csv(
      [
        ['orderId', 'customer', 'amount', 'status', 'when', 'creationMoment'],
        ['O-1', 'Zoé', '12.50', 'new', '31/01/2026 10:00', 'ignored'],
        ['O-2', 'Léa', '7', 'LOST', '01/02/2026 11:30', 'ignored'],
      ],
      '\t',
      '\r\n',
    );
    const orders = {
      table: { type: 'CUSTOM_TABLE', id: '5f0c7e1a-2b7d-4c1e-9a53-0d6f1b2c3a41' },
      mode: 'CREATE_UPDATE',
      file: { compression: 'GZIP' },
      format: { separator: 'TAB', endOfLine: 'CRLF', encoding: 'ISO-8859-1' },
      attributesMapping: [
        { headerColumn: 'orderId', attributeName: 'orderId' },
        { headerColumn: 'customer', attributeName: 'customerId' },
        { headerColumn: 'amount', attributeName: 'amount' },
        { headerColumn: 'status', attributeName: 'status' },
        { headerColumn: 'when', attributeName: 'orderMoment' },
      ],
      transformations: [
        { type: 'UPPERCASE', headerColumn: 'status' },
        { type: 'DATE_FORMAT', headerColumn: 'when', fromFormat: 'dd/MM/yyyy HH:mm' },
      ],
      outputFiles: { generateResultFile: true, generateErrorFile: true },
    };
    const response = await client.uploadEtl(
      ENTITY,
      orders,
      gzipped(Buffer.from(text, 'latin1')),
      'orders.csv.gz',
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'WITH_ERROR' });
    expect(await client.getJson(`${BASE}/${id}/integration-results`)).toMatchObject({
      results: [
        { table: { type: 'CUSTOM_TABLE', name: 'Orders' }, totalRows: 2, createdRows: 1, rowsInError: 1 },
      ],
    });
    const files = await client.get(`${BASE}/${id}/output-files`, { accept: 'application/zip' });
    const entries = unzipSync(new Uint8Array(await files.arrayBuffer()));
    const result = Buffer.from(entries['result.csv'] as Uint8Array).toString('latin1');
    expect(result.split('\r\n')).toEqual([
      'orderId\tcustomer\tamount\tstatus\twhen\tcreationMoment\tstatus\terrorMessage',
      'O-1\tZoé\t12.50\tnew\t31/01/2026 10:00\tignored\tCREATED\t',
      expect.stringMatching(
        /^O-2\tLéa\t7\tLOST\t01\/02\/2026 11:30\tignored\tERROR\t"status: ""LOST"" is not accepted; expected one of ""NEW""/,
      ),
      '',
    ]);
  });
});
