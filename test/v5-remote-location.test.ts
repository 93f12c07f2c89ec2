import { describe, expect, it } from 'vitest';
import { createActitoMock, createManualClock } from '../server/index.js';
import { definitionPart } from './helpers/actito-client.js';
import { utf8, zipped } from './helpers/files.js';

const API = 'https://api.actito.com';
const BASE = `${API}/mass-imports/v5/entities/demo/etl-executions`;

async function setUp() {
  const mock = createActitoMock({
    clock: createManualClock('2026-04-07T08:00:00Z'),
    progression: { type: 'immediate' },
    remoteFiles: {
      'sftp-partner-a': { 'profiles_20260407.csv': zipped('mail\na@example.com\n'), 'other.csv': utf8('x') },
    },
  });
  const token = (await (
    await mock.fetch(new Request(`${API}/auth/token`, { headers: { authorization: 'mock-api-key' } }))
  ).json()) as {
    accessToken: string;
  };
  const headers = { authorization: `Bearer ${token.accessToken}` };
  const upload = async (definition: unknown) => {
    const form = new FormData();
    const part = definitionPart(definition);
    form.append(part.name, new Blob([part.content as string], { type: 'application/json' }), part.fileName);
    const response = await mock.fetch(new Request(BASE, { method: 'POST', body: form, headers }));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    return (await (await mock.fetch(new Request(`${BASE}/${id}`, { headers }))).json()) as Record<
      string,
      unknown
    >;
  };
  return { upload };
}

const definition = (fileNamePattern: string, locationId = 'sftp-partner-a') => ({
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  file: { fileNamePattern },
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
  remoteLocation: { locationId },
});

describe('V5 executions fed from a remote location', () => {
  it('fetches the file the date pattern names, on the mock clock', async () => {
    const { upload } = await setUp();
    expect(await upload(definition('profiles_$yyyyMMdd.csv'))).toMatchObject({ status: 'SUCCESS' });
  });

  it('ends in ERROR naming the missing file or location', async () => {
    const { upload } = await setUp();
    expect(await upload(definition('profiles_$yyyyMMdd_$HHmm.csv'))).toMatchObject({
      status: 'ERROR',
      errorMessage: expect.stringMatching(
        /no file named "profiles_20260407_0800\.csv".*profiles_20260407\.csv, other\.csv/,
      ),
    });
    expect(await upload(definition('x.csv', 'elsewhere'))).toMatchObject({
      status: 'ERROR',
      errorMessage: expect.stringMatching(/remote location "elsewhere" is not known/),
    });
  });
});

describe('the decompressed size limit', () => {
  it('ends an import whose archive inflates past the upload limit in ERROR, without holding it', async () => {
    const mock = createActitoMock({ progression: { type: 'immediate' }, maxUploadBytes: 64 * 1024 });
    await mock.updateSettings({ limits: { maxUploadBytes: 64 * 1024 } });
    const token = (await (
      await mock.fetch(new Request(`${API}/auth/token`, { headers: { authorization: 'mock-api-key' } }))
    ).json()) as {
      accessToken: string;
    };
    const headers = { authorization: `Bearer ${token.accessToken}` };
    const rows = `mail\n${'a@example.com\n'.repeat(20_000)}`;
    const bomb = zipped(rows);
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const form = new FormData();
    const part = definitionPart({
      table: { type: 'PROFILE_TABLE', name: 'Profiles' },
      mode: 'CREATE_UPDATE',
      attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
    });
    form.append(part.name, new Blob([part.content as string]), part.fileName);
    form.append('inputFile', new Blob([bomb as BlobPart]), 'bomb.zip');
    const response = await mock.fetch(new Request(BASE, { method: 'POST', body: form, headers }));
    const { id } = (await response.json()) as { id: string };
    const execution = (await (await mock.fetch(new Request(`${BASE}/${id}`, { headers }))).json()) as Record<
      string,
      unknown
    >;
    expect(execution).toMatchObject({
      status: 'ERROR',
      errorMessage: expect.stringMatching(/65536|64 KiB|limit/i),
    });
  });
});
