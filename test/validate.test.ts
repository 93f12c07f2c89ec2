import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createActitoMock } from '../server/index.js';
import { definitionPart } from './helpers/actito-client.js';
import { concatBytes, csv, UTF8_BOM, utf8, zipped } from './helpers/files.js';
import { ROOT } from './helpers/server-process.js';

const folder = mkdtempSync(join(tmpdir(), 'actito-validate-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'points', attributeName: 'loyaltyPoints' },
  ],
};
const good = csv([
  ['mail', 'points'],
  ['a@example.com', '1'],
  ['b@example.com', '2'],
]);

function optIns(subscription: string) {
  return {
    ...definition,
    attributesMapping: [
      { headerColumn: 'mail', attributeName: 'emailAddress' },
      { headerColumn: 'news', attributeName: subscription },
      { headerColumn: 'likes', attributeName: 'segmentations#Interests' },
    ],
  };
}

/** The upload-side inputs of the foundation issue's bad-input table, plus a clean and a faulty file. */
const cases: { name: string; definition: unknown; data: string | Uint8Array; exit: number }[] = [
  { name: 'a clean upload', definition, data: zipped(good), exit: 0 },
  {
    name: 'rows in error',
    definition,
    data: csv([
      ['mail', 'points'],
      ['a@example.com', 'x'],
      ['nope', '1'],
    ]),
    exit: 1,
  },
  { name: 'malformed JSON', definition: '{"table":', data: good, exit: 1 },
  {
    name: 'unknown table',
    definition: { ...definition, table: { type: 'PROFILE_TABLE', name: 'Nope' } },
    data: good,
    exit: 1,
  },
  {
    name: 'unknown attribute in the mapping',
    definition: { ...definition, attributesMapping: [{ headerColumn: 'mail', attributeName: 'email' }] },
    data: good,
    exit: 1,
  },
  { name: 'unknown mode', definition: { ...definition, mode: 'UPSERT' }, data: good, exit: 1 },
  {
    name: 'a subscription and a segmentation',
    definition: optIns('subscriptions#Newsletter'),
    data: 'mail;news;likes\na@example.com;1;Dogs\nb@example.com;0;\n',
    exit: 0,
  },
  {
    name: 'an unknown subscription',
    definition: optIns('subscriptions#Letters'),
    data: 'mail;news;likes\na@example.com;1;Dogs\n',
    exit: 1,
  },
  {
    name: 'a bad subscription value and an unknown category',
    definition: optIns('subscriptions#Newsletter'),
    data: 'mail;news;likes\na@example.com;maybe;Fish\n',
    exit: 1,
  },
  { name: 'corrupted zip', definition, data: zipped(good).slice(0, 40), exit: 1 },
  { name: 'empty file', definition, data: '', exit: 1 },
  { name: 'header only', definition, data: 'mail;points\n', exit: 1 },
  { name: 'BOM', definition, data: concatBytes(UTF8_BOM, utf8(good)), exit: 1 },
  { name: 'ragged rows', definition, data: 'mail;points\na@example.com,1\n', exit: 1 },
  {
    name: 'undecodable bytes',
    definition,
    data: concatBytes(utf8('mail;points\na@example.com;1\n'), new Uint8Array([0xff, 0xfe]), utf8(';2\n')),
    exit: 1,
  },
];

function runValidate(args: string[]) {
  return spawnSync(process.execPath, ['dist/server/adapters/cli.js', 'validate', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** The same upload, made for real against an in-process mock: its answer, then its final status. */
async function upload(definitionValue: unknown, data: string | Uint8Array) {
  const mock = createActitoMock({ progression: { type: 'immediate' } });
  const api = 'https://api.actito.com';
  const { accessToken } = (await (
    await mock.fetch(new Request(`${api}/auth/token`, { headers: { authorization: 'mock-api-key' } }))
  ).json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const form = new FormData();
  const part = definitionPart(definitionValue);
  form.append(part.name, new Blob([part.content as string]), part.fileName);
  form.append('inputFile', new Blob([data as BlobPart]), 'data.csv');
  const base = `${api}/mass-imports/v5/entities/demo/etl-executions`;
  const response = await mock.fetch(new Request(base, { method: 'POST', body: form, headers }));
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== 201) return { refused: body.code };
  const execution = (await (
    await mock.fetch(new Request(`${base}/${body.id}`, { headers }))
  ).json()) as Record<string, unknown>;
  const results = await mock.fetch(new Request(`${base}/${body.id}/integration-results`, { headers }));
  const counts = ((await results.json()) as { results: Record<string, unknown>[] }).results[0];
  return { status: execution.status, errorMessage: execution.errorMessage, counts };
}

describe('actito-mock validate', () => {
  it.each(cases)('gives the same verdict as an actual upload for $name', async (testCase) => {
    const definitionFile = join(folder, `${testCase.name}.json`);
    const dataFile = join(folder, `${testCase.name}.csv`);
    writeFileSync(
      definitionFile,
      typeof testCase.definition === 'string' ? testCase.definition : JSON.stringify(testCase.definition),
    );
    writeFileSync(dataFile, testCase.data);
    const run = runValidate(['--definition', definitionFile, '--file', dataFile, '--json']);
    expect(run.status, run.stderr).toBe(testCase.exit);
    const verdict = JSON.parse(run.stdout) as Record<string, unknown>;
    const actual = await upload(testCase.definition, testCase.data);
    if (verdict.outcome === 'REFUSED') {
      expect(actual).toEqual({ refused: (verdict.error as { code: string }).code });
    } else if (verdict.outcome === 'FILE_FAILED') {
      expect(actual).toMatchObject({ status: 'ERROR', errorMessage: verdict.message });
    } else {
      expect(actual).toMatchObject({ status: verdict.status, counts: verdict.counts, errorMessage: null });
    }
  });

  it('prints a per-line report for people', () => {
    const definitionFile = join(folder, 'report.json');
    const dataFile = join(folder, 'report.csv');
    writeFileSync(definitionFile, JSON.stringify(definition));
    writeFileSync(
      dataFile,
      csv([
        ['mail', 'points'],
        ['a@example.com', 'x'],
        ['nope', '1'],
      ]),
    );
    const run = runValidate(['--definition', definitionFile, '--file', dataFile]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^WITH_ERROR .*: 2 rows, 0 created, 0 updated, 0 skipped, 2 in error/);
    expect(run.stdout).toMatch(/line 2, column points: "x" is not a valid integer.*\(INVALID_INTEGER\)/);
    expect(run.stdout).toMatch(/line 3, column mail: "nope" is not a valid email address.*\(INVALID_EMAIL\)/);
  });

  it('checks a V4 import against the table its URL would name', () => {
    const parametersFile = join(folder, 'v4.json');
    const dataFile = join(folder, 'v4.csv');
    writeFileSync(
      parametersFile,
      JSON.stringify({
        mode: 'CREATE_UPDATE',
        encoding: 'UTF-8',
        format: { separator: ',' },
        attributesMapping: definition.attributesMapping,
      }),
    );
    writeFileSync(dataFile, concatBytes(UTF8_BOM, utf8('mail,points\na@example.com,1\n')));
    expect(
      runValidate(['--api', 'v4', '--table', 'Profiles', '--definition', parametersFile, '--file', dataFile])
        .status,
    ).toBe(0);
    const wrongTable = runValidate([
      '--api',
      'v4',
      '--table',
      'Orders',
      '--custom-table',
      '--definition',
      parametersFile,
      '--file',
      dataFile,
    ]);
    expect(wrongTable.status).toBe(1);
    expect(wrongTable.stdout).toMatch(/REFUSED .*INVALID_DEFINITION/);
  });

  it.each([
    [['--file', 'x.csv'], /--definition is required/],
    [['--definition', 'x.json', '--file', 'x.csv', '--api', 'v6'], /--api must be v5 or v4/],
    [['--definition', 'x.json', '--file', 'x.csv', '--api', 'v4'], /--table is required/],
    [['--definition', 'missing.json', '--file', 'package.json'], /cannot read missing\.json/],
    [['--definition', 'package.json', '--file', 'missing.csv'], /cannot read missing\.csv/],
  ])('exits 2 with a message for bad arguments %j', (args, message) => {
    const run = runValidate(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
