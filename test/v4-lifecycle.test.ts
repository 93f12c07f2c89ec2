import { describe, expect, it } from 'vitest';
import { expectContract } from './helpers/contract.js';
import { concatBytes, csv, UTF8_BOM, utf8, zipped } from './helpers/files.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import {
  createV4,
  csvText,
  importPath,
  pollV4ToEnd,
  resultFileText,
  uploadV4,
  V4_PREFIXES,
} from './helpers/v4-client.js';

const parameters = {
  mode: 'CREATE_UPDATE',
  encoding: 'UTF-8',
  format: { separator: ';', endOfLine: '\n' },
  generateResultFile: true,
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'first', attributeName: 'firstName' },
    { headerColumn: 'points', attributeName: 'loyaltyPoints' },
  ],
};

const file = csv([
  ['mail', 'first', 'points'],
  ['ann@example.com', 'Ann', '10'],
  ['bob@example', 'Bob', '5'],
  ['carl@example.com', '"Carl; Jr"', 'many'],
  ['dora@example.com', 'Dora', ''],
]);

const BOB_EMAIL = '"bob@example" is not a valid email address; expected an address like name@example.com';
const CARL_POINTS =
  '"many" is not a valid integer; expected digits with an optional sign, between -9007199254740991 and 9007199254740991';

describe.each(TRANSPORTS)('V4 import lifecycle (%s)', (transport) => {
  const harness = useTransport(transport);

  it('answers 201 with a numeric id and Location, then PENDING, RUNNING, FINISHED one poll at a time', async () => {
    const { client } = await harness.session();
    const created = await uploadV4(client, { parameters, data: file });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 1000123 });
    expect(created.headers.get('location')).toBe(`${client.baseUrl}/v4/entity/demo/import/1000123`);

    for (const read of ['result', 'errors', 'result-file']) {
      const early = await client.get(importPath(1000123, read), { accept: '*/*' });
      expect({ status: early.status, body: await early.json() }).toMatchObject({
        status: 409,
        body: { code: 'IMPORT_NOT_FINISHED', message: expect.stringContaining('1000123 is PENDING') },
      });
    }
    const status = importPath(1000123, 'status');
    const pending = await client.getJson(status);
    expect(pending).toEqual({
      id: 1000123,
      status: 'PENDING',
      creationMoment: '2026-03-02T09:00:00.000Z',
      endMoment: null,
    });
    expect(await client.getJson(status)).toEqual({ ...pending, status: 'RUNNING' });
    const finished = { ...pending, status: 'FINISHED', endMoment: '2026-03-02T09:00:00.000Z' };
    expect(await client.getJson(status)).toEqual(finished);
    expect(await client.getJson(status)).toEqual(finished);

    expect(await client.getJson(importPath(1000123, 'result'))).toEqual({
      withErrors: true,
      rowsInError: 2,
      totalRows: 4,
      createdRows: 2,
      updatedRows: 0,
      skippedRows: 0,
    });

    const errors = await client.get(importPath(1000123, 'errors'), { accept: 'text/csv' });
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
    expect(await csvText(errors)).toBe(
      csv([
        ['lineNumber', 'column', 'value', 'errorCode', 'errorMessage'],
        ['3', 'mail', 'bob@example', 'INVALID_EMAIL', `"${BOB_EMAIL.replaceAll('"', '""')}"`],
        ['4', 'points', 'many', 'INVALID_INTEGER', `"${CARL_POINTS.replaceAll('"', '""')}"`],
      ]),
    );

    // Downloads answer their file whatever Accept says: clients send application/json on every call.
    const result = await client.get(importPath(1000123, 'result-file'), { accept: 'application/json' });
    expect(result.headers.get('content-disposition')).toBe(
      'attachment; filename="import-1000123-result.zip"',
    );
    expect(await resultFileText(result)).toBe(
      csv([
        ['mail', 'first', 'points', 'status', 'errorMessage'],
        ['ann@example.com', 'Ann', '10', 'CREATED', ''],
        ['bob@example', 'Bob', '5', 'ERROR', `"mail: ${BOB_EMAIL.replaceAll('"', '""')}"`],
        ['carl@example.com', '"Carl; Jr"', 'many', 'ERROR', `"points: ${CARL_POINTS.replaceAll('"', '""')}"`],
        ['dora@example.com', 'Dora', '', 'CREATED', ''],
      ]),
    );
  });

  it('answers every V4 route as its contract says', async () => {
    const { client } = await harness.session();
    const created = await uploadV4(client, {
      kind: 'customTable',
      table: 'Orders',
      parameters: { mode: 'CREATE_UPDATE', format: { separator: ';' } },
      data: 'orderId;customerId;amount\nO-1;C1;3\n',
    });
    const { id } = (await expectContract(created, 'createCustomTableImport')) as { id: number };
    await expectContract(await client.get(importPath(id, 'result')), 'getImportResult');
    await expectContract(
      await client.get(importPath(id, 'errors'), { accept: 'text/csv' }),
      'getImportErrors',
    );
    for (let poll = 0; poll < 3; poll += 1)
      await expectContract(await client.get(importPath(id, 'status')), 'getImportStatus');
    await expectContract(await client.get(importPath(id, 'result')), 'getImportResult');
    await expectContract(
      await client.get(importPath(id, 'errors'), { accept: 'text/csv' }),
      'getImportErrors',
    );
    await expectContract(await client.get(importPath(id, 'result-file')), 'getImportResultFile');
    const failed = await createV4(client, { parameters, data: 'nothing,here\n1,2\n' });
    for (let poll = 0; poll < 3; poll += 1)
      await expectContract(await client.get(importPath(failed, 'status')), 'getImportStatus');
    await expectContract(
      await uploadV4(client, { table: 'Nope', parameters, data: file }),
      'createProfileTableImport',
    );
  });

  it('serves the same imports under /mass-imports/v4, with growing ids, and no result file unless asked', async () => {
    const { client } = await harness.session();
    const first = await createV4(client, { parameters, data: file });
    const status = await client.getJson(importPath(first, 'status', 'demo', V4_PREFIXES[1]));
    expect(status).toMatchObject({ id: first, status: 'PENDING' });
    await client.getJson(importPath(first, 'status', 'demo', V4_PREFIXES[1]));
    expect(await client.getJson(importPath(first, 'status', 'demo', V4_PREFIXES[1]))).toMatchObject({
      status: 'FINISHED',
    });
    const second = await createV4(client, {
      prefix: V4_PREFIXES[1],
      parameters: { ...parameters, generateResultFile: false },
      data: csv([
        ['mail', 'first', 'points'],
        ['ann@example.com', 'Annie', '11'],
      ]),
    });
    expect([first, second]).toEqual([1000123, 1000124]);
    expect(await pollV4ToEnd(client, second)).toBe('FINISHED');
    expect(await client.getJson(importPath(second, 'result'))).toEqual({
      withErrors: false,
      rowsInError: 0,
      totalRows: 1,
      createdRows: 0,
      updatedRows: 1,
      skippedRows: 0,
    });
    const errors = await client.get(importPath(second, 'errors'), { accept: 'text/csv' });
    expect(await csvText(errors)).toBe('lineNumber;column;value;errorCode;errorMessage\n');
    const resultFile = await client.get(importPath(second, 'result-file'), { accept: 'text/csv' });
    expect({ status: resultFile.status, body: await resultFile.json() }).toMatchObject({
      status: 404,
      body: {
        code: 'RESULT_FILE_NOT_REQUESTED',
        message: expect.stringContaining('"generateResultFile": true'),
      },
    });
  });

  it('imports into a custom table named by name or by id', async () => {
    const { client } = await harness.session();
    const orders = {
      mode: 'CREATE_UPDATE',
      format: { separator: ',' },
      generateResultFile: true,
      attributesMapping: [
        { headerColumn: 'id', attributeName: 'orderId' },
        { headerColumn: 'customer', attributeName: 'customerId' },
        { headerColumn: 'amount', attributeName: 'amount' },
        { headerColumn: 'status', attributeName: 'status' },
      ],
    };
    const rows = [
      ['id', 'customer', 'amount', 'status'],
      ['O-1', 'C1', '12.50', 'NEW'],
      ['O-2', 'C2', '3', 'LOST'],
    ];
    const byName = await createV4(client, {
      kind: 'customTable',
      table: 'Orders',
      parameters: orders,
      data: csv(rows, ','),
    });
    expect(await pollV4ToEnd(client, byName)).toBe('FINISHED');
    expect(await client.getJson(importPath(byName, 'result'))).toEqual({
      withErrors: true,
      rowsInError: 1,
      totalRows: 2,
      createdRows: 1,
      updatedRows: 0,
      skippedRows: 0,
    });
    const errors = await csvText(await client.get(importPath(byName, 'errors'), { accept: 'text/csv' }));
    expect(errors.split('\n')[1]).toMatch(/^3,status,LOST,VALUE_NOT_ACCEPTED,/);

    const byId = await createV4(client, {
      kind: 'customTable',
      table: '5f0c7e1a-2b7d-4c1e-9a53-0d6f1b2c3a41',
      parameters: orders,
      data: csv([rows[0] as string[], ['O-1', 'C1', '13', 'SHIPPED']], ','),
    });
    expect(await pollV4ToEnd(client, byId)).toBe('FINISHED');
    expect(await client.getJson(importPath(byId, 'result'))).toMatchObject({
      updatedRows: 1,
      withErrors: false,
    });
  });

  it('answers 404 UNKNOWN_TABLE for a table of the other kind or of no kind, naming the tables it has', async () => {
    const { client } = await harness.session();
    for (const [kind, table, known] of [
      ['customTable', 'Profiles', 'Orders'],
      ['table', 'Orders', 'Profiles (id 1)'],
      ['table', 'Nope', 'Profiles (id 1)'],
    ] as const) {
      const response = await uploadV4(client, { kind, table, parameters, data: file });
      const body = await response.json();
      expect({ status: response.status, body }).toMatchObject({
        status: 404,
        body: { code: 'UNKNOWN_TABLE', message: expect.stringContaining(known) },
      });
      expect(body.message).toContain(`"${table}"`);
    }
    const unknown = await client.get(importPath(999, 'status'));
    expect({ status: unknown.status, body: await unknown.json() }).toMatchObject({
      status: 404,
      body: { code: 'UNKNOWN_IMPORT' },
    });
  });

  it('accepts the PHP client shape: a zip as application/zip, parameters as a JSON file part, ; and a BOM', async () => {
    const { client } = await harness.session();
    const text = csv([
      ['mail', 'last', 'lang'],
      ['eve@example.com', 'Durand', 'FR'],
      ['finn@example.com', 'Peeters', 'XX'],
    ]);
    const response = await uploadV4(client, {
      parameters: {
        mode: 'CREATE_UPDATE',
        encoding: 'UTF-8',
        format: { separator: ';', endOfLine: '\\n' },
        generateResultFile: true,
        attributesMapping: [
          { headerColumn: 'mail', attributeName: 'emailAddress' },
          { headerColumn: 'last', attributeName: 'lastName' },
          { headerColumn: 'lang', attributeName: 'motherLanguage' },
        ],
      },
      parametersAs: 'file',
      data: zipped(concatBytes(UTF8_BOM, utf8(text)), 'contacts.csv'),
      fileName: 'contacts.zip',
      dataType: 'application/zip',
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    expect(await pollV4ToEnd(client, id)).toBe('FINISHED');
    expect(await client.getJson(importPath(id, 'result'))).toEqual({
      withErrors: true,
      rowsInError: 1,
      totalRows: 2,
      createdRows: 1,
      updatedRows: 0,
      skippedRows: 0,
    });
    const xx = '""XX"" is not a valid language; expected a two-letter ISO 639-1 code, like FR';
    const errors = await csvText(await client.get(importPath(id, 'errors'), { accept: 'text/csv' }));
    expect(errors).toBe(
      csv([
        ['lineNumber', 'column', 'value', 'errorCode', 'errorMessage'],
        ['3', 'lang', 'XX', 'INVALID_LANGUAGE', `"${xx}"`],
      ]),
    );
    const result = await resultFileText(await client.get(importPath(id, 'result-file')));
    expect(result).toBe(
      csv([
        ['mail', 'last', 'lang', 'status', 'errorMessage'],
        ['eve@example.com', 'Durand', 'FR', 'CREATED', ''],
        ['finn@example.com', 'Peeters', 'XX', 'ERROR', `"lang: ${xx}"`],
      ]),
    );
  });

  it('takes parameters as a plain text field too, and writes the files in the import own separator and encoding', async () => {
    const { client } = await harness.session();
    const latin1 = new Uint8Array(Buffer.from('mail|first\nzoe@example.com|Zoé\nbad|Noël\n', 'latin1'));
    const id = await createV4(client, {
      parameters: {
        mode: 'CREATE_UPDATE',
        encoding: 'ISO-8859-1',
        format: { separator: '|' },
        generateResultFile: true,
        attributesMapping: [
          { headerColumn: 'mail', attributeName: 'emailAddress' },
          { headerColumn: 'first', attributeName: 'firstName' },
        ],
      },
      parametersAs: 'field',
      data: latin1,
    });
    expect(await pollV4ToEnd(client, id)).toBe('FINISHED');
    const result = await resultFileText(await client.get(importPath(id, 'result-file')), 'latin1');
    expect(result.split('\n').slice(0, 2)).toEqual([
      'mail|first|status|errorMessage',
      'zoe@example.com|Zoé|CREATED|',
    ]);
  });

  it('ends in ERROR with the reason for a file-level failure, and its files say why', async () => {
    const { client } = await harness.session();
    const id = await createV4(client, { parameters, data: 'mail,first\nann@example.com,Ann\n' });
    expect(await pollV4ToEnd(client, id)).toBe('ERROR');
    const status = await client.getJson(importPath(id, 'status'));
    expect(status).toMatchObject({
      status: 'ERROR',
      errorMessage: expect.stringMatching(/header column "mail"/),
    });
    expect(await client.getJson(importPath(id, 'result'))).toEqual({
      withErrors: true,
      rowsInError: 0,
      totalRows: 0,
      createdRows: 0,
      updatedRows: 0,
      skippedRows: 0,
    });
    const errors = await csvText(await client.get(importPath(id, 'errors'), { accept: 'text/csv' }));
    expect(errors).toMatch(/^lineNumber;column;value;errorCode;errorMessage\n;;;FILE_MISSING_COLUMN;/);
  });

  it('refuses bad parameters and missing parts with 400, naming the part and field', async () => {
    const { client } = await harness.session();
    const cases = [
      {
        upload: { parameters: { ...parameters, format: { separator: ';;' } }, data: file },
        path: 'parameters.format.separator',
        code: 'INVALID_DEFINITION',
      },
      {
        upload: { parameters: { ...parameters, mode: 'UPSERT' }, data: file },
        path: 'parameters.mode',
        code: 'INVALID_DEFINITION',
      },
      { upload: { parameters: '{"mode": ', data: file }, path: 'parameters', code: 'INVALID_DEFINITION' },
      {
        upload: {
          parameters: { ...parameters, attributesMapping: [{ headerColumn: 'mail', attributeName: 'mail' }] },
          data: file,
        },
        path: 'parameters.attributesMapping[0].attributeName',
        code: 'INVALID_DEFINITION',
      },
      { upload: { parameters, data: null }, path: 'inputFile', code: 'MISSING_PART' },
    ];
    for (const { upload, path, code } of cases) {
      const response = await uploadV4(client, upload);
      const body = (await response.json()) as { code: string; errors: { path: string }[] };
      expect({ status: response.status, code: body.code, path: body.errors[0]?.path }).toEqual({
        status: 400,
        code,
        path,
      });
    }
    const noParameters = await client.upload('/v4/entity/demo/table/Profiles/import', [
      { name: 'inputFile', content: file, fileName: 'data.csv' },
    ]);
    expect(await noParameters.json()).toMatchObject({
      status: 400,
      code: 'MISSING_PART',
      errors: [{ path: 'parameters' }],
    });
  });
});

describe.each(TRANSPORTS)('V4 and V5 share the tables (%s)', (transport) => {
  const harness = useTransport(transport);
  const V5 = '/mass-imports/v5/entities/demo/etl-executions';
  const definition = {
    table: { type: 'PROFILE_TABLE', name: 'Profiles' },
    mode: 'CREATE_ONLY',
    format: { separator: ';' },
    attributesMapping: parameters.attributesMapping,
  };

  const v5Counts = async (
    client: Awaited<ReturnType<typeof harness.session>>['client'],
    mode: string,
    data: string,
  ) => {
    const response = await client.uploadEtl('demo', { ...definition, mode }, data);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    for (const status of ['PENDING', 'RUNNING'])
      expect(await client.getJson(`${V5}/${id}`)).toMatchObject({ status });
    await client.getJson(`${V5}/${id}`);
    const results = await client.getJson<{ results: Record<string, unknown>[] }>(
      `${V5}/${id}/integration-results`,
    );
    return results.results[0];
  };

  it('a V5 CREATE_ONLY execution skips the rows a V4 import created', async () => {
    const { client } = await harness.session();
    const id = await createV4(client, { parameters, data: file });
    expect(await pollV4ToEnd(client, id)).toBe('FINISHED');
    const again = csv([
      ['mail', 'first', 'points'],
      ['ann@example.com', 'Ann', '10'],
      ['dora@example.com', 'Dora', '1'],
      ['new@example.com', 'New', '2'],
    ]);
    expect(await v5Counts(client, 'CREATE_ONLY', again)).toMatchObject({
      createdRows: 1,
      skippedRows: 2,
      rowsInError: 0,
    });
  });

  it('a V4 CREATE_ONLY import skips the rows a V5 execution created', async () => {
    const { client } = await harness.session();
    const rows = [
      ['mail', 'first', 'points'],
      ['gus@example.com', 'Gus', '1'],
      ['hana@example.com', 'Hana', '2'],
    ];
    expect(await v5Counts(client, 'CREATE_UPDATE', csv(rows))).toMatchObject({ createdRows: 2 });
    const id = await createV4(client, {
      parameters: { ...parameters, mode: 'CREATE_ONLY' },
      data: csv([...rows, ['ivy@example.com', 'Ivy', '3']]),
    });
    expect(await pollV4ToEnd(client, id)).toBe('FINISHED');
    expect(await client.getJson(importPath(id, 'result'))).toMatchObject({ createdRows: 1, skippedRows: 2 });
    const result = await resultFileText(await client.get(importPath(id, 'result-file')));
    expect(result.split('\n')[1]).toBe(
      'gus@example.com;Gus;1;SKIPPED;"a record with emailAddress ""gus@example.com"" already exists (mode CREATE_ONLY)"',
    );
  });
});
