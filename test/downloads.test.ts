import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csv } from './helpers/files.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4, importPath, pollV4ToEnd } from './helpers/v4-client.js';

/**
 * Clients set `Accept: application/json` on every call (a public Laravel client does): download
 * routes answer their file, or their JSON error, whatever Accept says. JSON routes keep their 406.
 */
const V5 = '/mass-imports/v5/entities/demo/etl-executions';
const JSON_ONLY = { accept: 'application/json' };
const mapping = [{ headerColumn: 'mail', attributeName: 'emailAddress' }];
const file = csv([['mail'], ['ann@example.com'], ['bob@example']]);
const v4Parameters = (generateResultFile: boolean) => ({
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  generateResultFile,
  attributesMapping: mapping,
});
const v5Definition = (outputFiles: Record<string, boolean>) => ({
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  attributesMapping: mapping,
  outputFiles,
});
const RESULT_CSV = csv([
  ['mail', 'status', 'errorMessage'],
  ['ann@example.com', 'CREATED', ''],
  [
    'bob@example',
    'ERROR',
    '"mail: ""bob@example"" is not a valid email address; expected an address like name@example.com"',
  ],
]);

async function errorOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, code: ((await response.json()) as { code: string }).code };
}

describe.each(TRANSPORTS)('downloads whatever the Accept header (%s)', (transport) => {
  const harness = useTransport(transport);

  it('serves the V4 error file and the zipped result file to Accept: application/json, and JSON errors', async () => {
    const { client } = await harness.session();
    const id = await createV4(client, { parameters: v4Parameters(true), data: file });
    for (const read of ['errors', 'result-file']) {
      expect(await errorOf(await client.get(importPath(id, read), JSON_ONLY))).toEqual({
        status: 409,
        code: 'IMPORT_NOT_FINISHED',
      });
    }
    expect(await pollV4ToEnd(client, id)).toBe('FINISHED');

    const errors = await client.get(importPath(id, 'errors'), JSON_ONLY);
    expect([errors.status, errors.headers.get('content-type')]).toEqual([200, 'text/csv; charset=UTF-8']);
    expect(await errors.text()).toMatch(
      /^lineNumber;column;value;errorCode;errorMessage\n3;mail;bob@example;INVALID_EMAIL;/,
    );

    const result = await client.get(importPath(id, 'result-file'), JSON_ONLY);
    expect([result.status, result.headers.get('content-type')]).toEqual([200, 'application/zip']);
    const entries = unzipSync(new Uint8Array(await result.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(['result.csv']);
    expect(new TextDecoder().decode(entries['result.csv'])).toBe(RESULT_CSV);

    const unknown = await client.get(importPath(999, 'result-file'), JSON_ONLY);
    expect(await errorOf(unknown)).toEqual({ status: 404, code: 'UNKNOWN_IMPORT' });
    const noFile = await createV4(client, { parameters: v4Parameters(false), data: file });
    expect(await errorOf(await client.get(importPath(noFile, 'result-file'), JSON_ONLY))).toEqual({
      status: 404,
      code: 'RESULT_FILE_NOT_REQUESTED',
    });
  });

  it('serves V5 output files to Accept: application/json, and JSON errors', async () => {
    const { client } = await harness.session();
    const upload = async (outputFiles: Record<string, boolean>) => {
      const created = await client.uploadEtl('demo', v5Definition(outputFiles), file);
      return ((await created.json()) as { id: string }).id;
    };
    const id = await upload({ generateResultFile: true, generateErrorFile: true });
    expect(await errorOf(await client.get(`${V5}/${id}/output-files`, JSON_ONLY))).toEqual({
      status: 409,
      code: 'EXECUTION_NOT_FINISHED',
    });
    for (let poll = 0; poll < 3; poll += 1) await client.getJson(`${V5}/${id}`);
    const zip = await client.get(`${V5}/${id}/output-files`, JSON_ONLY);
    expect([zip.status, zip.headers.get('content-type')]).toEqual([200, 'application/zip']);
    const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(['result.csv', 'errors.csv']);
    expect(new TextDecoder().decode(entries['result.csv'])).toBe(RESULT_CSV);

    const none = await upload({});
    for (let poll = 0; poll < 3; poll += 1) await client.getJson(`${V5}/${none}`);
    expect(await errorOf(await client.get(`${V5}/${none}/output-files`, JSON_ONLY))).toEqual({
      status: 404,
      code: 'OUTPUT_FILES_NOT_REQUESTED',
    });
  });

  it('keeps the 406 of JSON routes for an Accept that excludes JSON', async () => {
    const { client } = await harness.session();
    const id = await createV4(client, { parameters: v4Parameters(true), data: file });
    for (const path of [importPath(id, 'status'), importPath(id, 'result'), `${V5}/1000001`]) {
      expect(await errorOf(await client.get(path, { accept: 'text/csv' }))).toEqual({
        status: 406,
        code: 'NOT_ACCEPTABLE',
      });
    }
  });
});
