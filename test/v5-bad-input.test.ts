import { describe, expect, it } from 'vitest';
import type { UploadPart } from './helpers/actito-client.js';
import { definitionPart, zipEntries } from './helpers/actito-client.js';
import { concatBytes, csv, UTF8_BOM, utf8, zipped } from './helpers/files.js';
import type { Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

const BASE = '/mass-imports/v5/entities/demo/etl-executions';
const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'first', attributeName: 'firstName' },
  ],
};
const goodCsv = csv([
  ['mail', 'first'],
  ['a@example.com', 'Ann'],
]);
const dataPart = (content: string | Uint8Array, fileName = 'data.csv'): UploadPart => ({
  name: 'inputFile',
  content,
  fileName,
  type: 'text/csv',
});

interface RequestCase {
  name: string;
  send: (session: Session) => Promise<Response>;
  status: number;
  code: string;
  message: RegExp;
  path?: string;
}

const requestCases: RequestCase[] = [
  {
    name: 'missing definition part',
    send: ({ client }) => client.upload(BASE, [dataPart(goodCsv)]),
    status: 400,
    code: 'MISSING_PART',
    message: /definition part is missing.*"definition"/,
    path: 'definition',
  },
  {
    name: 'malformed JSON',
    send: ({ client }) => client.upload(BASE, [definitionPart('{"table": '), dataPart(goodCsv)]),
    status: 400,
    code: 'INVALID_DEFINITION',
    message: /definition part is not valid JSON/,
    path: 'definition',
  },
  {
    name: 'unknown table',
    send: ({ client }) =>
      client.uploadEtl('demo', { ...definition, table: { type: 'PROFILE_TABLE', name: 'Nope' } }, goodCsv),
    status: 400,
    code: 'INVALID_DEFINITION',
    message: /definition\.table\.name: .*"Nope".*Profiles/,
    path: 'definition.table.name',
  },
  {
    name: 'unknown attribute in the mapping',
    send: ({ client }) =>
      client.uploadEtl(
        'demo',
        { ...definition, attributesMapping: [{ headerColumn: 'mail', attributeName: 'email' }] },
        goodCsv,
      ),
    status: 400,
    code: 'INVALID_DEFINITION',
    message: /attributesMapping\[0\]\.attributeName: .*no attribute "email"/,
    path: 'definition.attributesMapping[0].attributeName',
  },
  {
    name: 'unknown mode',
    send: ({ client }) => client.uploadEtl('demo', { ...definition, mode: 'UPSERT' }, goodCsv),
    status: 400,
    code: 'INVALID_DEFINITION',
    message: /definition\.mode: .*CREATE_UPDATE/,
    path: 'definition.mode',
  },
  {
    name: 'missing data part',
    send: ({ client }) => client.upload(BASE, [definitionPart(definition)]),
    status: 400,
    code: 'MISSING_PART',
    message: /data file part is missing.*"inputFile"/,
    path: 'inputFile',
  },
  {
    name: 'a body that is not multipart',
    send: ({ client }) =>
      fetch(`${client.baseUrl}${BASE}`, {
        method: 'POST',
        body: JSON.stringify(definition),
        headers: client.headers({ 'content-type': 'application/json' }),
      }),
    status: 400,
    code: 'INVALID_MULTIPART',
    message: /multipart\/form-data.*"definition".*"inputFile"/,
  },
  {
    name: 'unknown entity',
    send: ({ client }) => client.uploadEtl('nowhere', definition, goodCsv),
    status: 404,
    code: 'UNKNOWN_ENTITY',
    message: /"nowhere".*demo/,
  },
  {
    name: 'unknown execution id',
    send: ({ client }) => client.get(`${BASE}/999999`),
    status: 404,
    code: 'UNKNOWN_EXECUTION',
    message: /no ETL execution 999999/,
  },
  {
    name: 'no token',
    send: ({ client }) => client.get(`${BASE}/1`, { authorization: '' }),
    status: 401,
    code: 'UNAUTHORIZED',
    message: /Authorization/,
  },
  {
    name: 'unknown API key',
    send: ({ client }) => client.get('/auth/token', { authorization: 'not-a-key' }),
    status: 401,
    code: 'UNAUTHORIZED',
    message: /Unknown API key/,
  },
  {
    name: 'expired token',
    send: async ({ client, control }) => {
      await control.advance({ ms: 15 * 60 * 1000 });
      return client.get(`${BASE}/1`);
    },
    status: 401,
    code: 'UNAUTHORIZED',
    message: /expired/,
  },
  {
    name: 'an Accept header that excludes JSON',
    send: ({ client }) => client.get(`${BASE}/1`, { accept: 'text/html' }),
    status: 406,
    code: 'NOT_ACCEPTABLE',
    message: /application\/json/,
  },
  {
    name: 'an unknown route',
    send: ({ client }) => client.get('/mass-imports/v5/entities/demo/nothing-here'),
    status: 404,
    code: 'ROUTE_NOT_FOUND',
    message: /GET \/mass-imports\/v5\/entities\/demo\/nothing-here/,
  },
  {
    name: 'a method the route does not have',
    send: ({ client }) =>
      fetch(`${client.baseUrl}${BASE}/1`, { method: 'DELETE', headers: client.headers() }),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    message: /DELETE .* use GET/,
  },
];

interface FileCase {
  name: string;
  data: string | Uint8Array;
  definition?: Record<string, unknown>;
  message: RegExp;
}

const invalidUtf8 = concatBytes(
  utf8('mail;first\na@example.com;Ann\nb@example.com;'),
  new Uint8Array([0xc3, 0x28]),
  utf8('\n'),
);
const fileCases: FileCase[] = [
  { name: 'corrupted zip', data: zipped(goodCsv).slice(0, 40), message: /zip/i },
  {
    name: 'random bytes declared as ZIP',
    data: utf8(goodCsv),
    definition: { file: { compression: 'ZIP' } },
    message: /ZIP/,
  },
  { name: 'empty file', data: '', message: /empty/ },
  { name: 'header only', data: 'mail;first\n', message: /header line but no data line/ },
  { name: 'BOM', data: concatBytes(UTF8_BOM, utf8(goodCsv)), message: /byte order mark|BOM/i },
  {
    name: 'ragged rows on every line',
    data: 'mail;first\na@example.com,Ann\nb@example.com,Bob\n',
    message: /columns.*separator/,
  },
  { name: 'undecodable bytes', data: invalidUtf8, message: /line 3/ },
  {
    name: 'a mapped header column missing',
    data: 'email;first\na@example.com;Ann\n',
    message: /header column "mail"/,
  },
];

describe.each(TRANSPORTS)('V5 bad input (%s)', (transport) => {
  const harness = useTransport(transport);

  it.each(requestCases)('answers $status $code for $name', async (testCase) => {
    const session = await harness.session();
    const response = await testCase.send(session);
    const body = (await response.json()) as {
      status: number;
      code: string;
      message: string;
      errors?: { path: string }[];
    };
    expect({ status: response.status, code: body.code }).toEqual({
      status: testCase.status,
      code: testCase.code,
    });
    expect(body.status).toBe(testCase.status);
    expect(body.message).toMatch(testCase.message);
    if (testCase.path) expect(body.errors?.map((e) => e.path)).toContain(testCase.path);
  });

  it.each(fileCases)('accepts the upload and ends in ERROR for $name', async (testCase) => {
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const response = await session.client.uploadEtl(
      'demo',
      { ...definition, ...testCase.definition },
      testCase.data,
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const execution = await session.client.getJson(`${BASE}/${id}`);
    expect(execution.status).toBe('ERROR');
    expect(execution.errorMessage).toMatch(testCase.message);
  });

  it('reports ragged lines row by row when others are fine', async () => {
    const session = await harness.session();
    await session.control.setProgression('*', { type: 'immediate' });
    const data = 'mail;first\na@example.com;Ann\nb@example.com;Bob;extra\n';
    const response = await session.client.uploadEtl(
      'demo',
      { ...definition, outputFiles: { generateErrorFile: true } },
      data,
    );
    const { id } = (await response.json()) as { id: string };
    expect(await session.client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'WITH_ERROR' });
    const files = await session.client.get(`${BASE}/${id}/output-files`, { accept: 'application/zip' });
    const errors = (await zipEntries(files))['errors.csv'];
    expect(errors).toContain('3;;;COLUMN_COUNT_MISMATCH;"line 3 has 3 columns; the header has 2"');
  });

  it('keeps serving after all of it', async () => {
    const session = await harness.session();
    const response = await session.client.uploadEtl('demo', definition, goodCsv);
    expect(response.status).toBe(201);
    expect(await session.control.health()).toMatchObject({ status: 'ok' });
    expect(harness.server()?.process.exitCode ?? null).toBeNull();
  });
});
