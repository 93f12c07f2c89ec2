import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertV4ImportToV5 } from '../server/index.js';
import type { ActitoTestClient } from './helpers/actito-client.js';
import { zipEntries } from './helpers/actito-client.js';
import { concatBytes, csv, UTF8_BOM, utf8 } from './helpers/files.js';
import { runBin } from './helpers/server-process.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4, csvText, importPath, pollV4ToEnd, resultFileText } from './helpers/v4-client.js';

/** A V4 integration as it runs in production today. */
const v4Parameters = {
  mode: 'CREATE_UPDATE',
  encoding: 'UTF-8',
  format: { separator: ';', endOfLine: '\n' },
  generateResultFile: true,
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'first', attributeName: 'firstName' },
    { headerColumn: 'points', attributeName: 'loyaltyPoints' },
    { headerColumn: 'vip', attributeName: 'vip' },
  ],
};
const file = csv([
  ['mail', 'first', 'points', 'vip'],
  ['ann@example.com', 'Ann', '10', 'TRUE'],
  ['bob@example', 'Bob', '5', 'FALSE'],
  ['ann@example.com', 'Annie', '12', 'Y'],
  ['carl@example.com', 'Carl', 'many', 'N'],
  ['dora@example.com', 'Dora', '', '1'],
]);
const V5 = '/mass-imports/v5/entities/demo/etl-executions';
const { definition } = convertV4ImportToV5({
  parameters: v4Parameters,
  tableType: 'PROFILE_TABLE',
  table: 'Profiles',
});

interface Outcome {
  counts: Record<string, unknown>;
  resultFile: string;
  errorFile: string;
}

async function viaV4(
  client: ActitoTestClient,
  parameters: unknown,
  data: string | Uint8Array,
): Promise<Outcome> {
  const id = await createV4(client, { parameters, data });
  expect(await pollV4ToEnd(client, id)).toBe('FINISHED');
  const { withErrors: _, ...counts } = await client.getJson(importPath(id, 'result'));
  return {
    counts,
    resultFile: await resultFileText(await client.get(importPath(id, 'result-file'))),
    errorFile: await csvText(await client.get(importPath(id, 'errors'), { accept: 'text/csv' })),
  };
}

async function viaV5(client: ActitoTestClient, v5Definition: unknown, data: string | Uint8Array) {
  const response = await client.uploadEtl('demo', v5Definition, data);
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  for (const status of ['PENDING', 'RUNNING'])
    expect(await client.getJson(`${V5}/${id}`)).toMatchObject({ status });
  const final = await client.getJson<{ status: string; errorMessage: string | null }>(`${V5}/${id}`);
  return { id, final };
}

async function v5Outcome(client: ActitoTestClient, v5Definition: unknown, data: string): Promise<Outcome> {
  const { id } = await viaV5(client, v5Definition, data);
  const { results } = await client.getJson<{ results: Record<string, unknown>[] }>(
    `${V5}/${id}/integration-results`,
  );
  const { table: _, withErrors: __, ...counts } = results[0] as Record<string, unknown>;
  const files = await zipEntries(await client.get(`${V5}/${id}/output-files`, { accept: 'application/zip' }));
  return { counts, resultFile: files['result.csv'] as string, errorFile: files['errors.csv'] as string };
}

describe.each(TRANSPORTS)('migrating a V4 import to V5 with convert-v4 (%s)', (transport) => {
  const harness = useTransport(transport);

  it('imports the same CSV through V4 and through the converted V5 definition with the same counts and files', async () => {
    const v4 = await harness.session();
    const v5 = await harness.session();
    const before = {
      v4: await viaV4(v4.client, v4Parameters, file),
      v5: await v5Outcome(v5.client, definition, file),
    };
    expect(before.v4.counts).toEqual({
      rowsInError: 2,
      totalRows: 5,
      createdRows: 2,
      updatedRows: 1,
      skippedRows: 0,
    });
    expect(before.v5).toEqual(before.v4);

    // The tables hold the same records: the same file again in CREATE_ONLY skips exactly the same rows.
    const again = {
      v4: await viaV4(v4.client, { ...v4Parameters, mode: 'CREATE_ONLY' }, file),
      v5: await v5Outcome(v5.client, { ...definition, mode: 'CREATE_ONLY' }, file),
    };
    expect(again.v4.counts).toEqual({
      rowsInError: 2,
      totalRows: 5,
      createdRows: 0,
      updatedRows: 0,
      skippedRows: 3,
    });
    expect(again.v5).toEqual(again.v4);
  });

  it('shows the one behaviour the converter warns about: V4 strips a BOM, V5 refuses the file', async () => {
    const { client } = await harness.session();
    const withBom = concatBytes(UTF8_BOM, utf8(file));
    expect((await viaV4(client, v4Parameters, withBom)).counts).toMatchObject({ totalRows: 5 });
    const { final } = await viaV5(client, definition, withBom);
    expect(final).toMatchObject({ status: 'ERROR', errorMessage: expect.stringMatching(/byte order mark/) });
  });
});

describe.concurrent('npx actito-mock convert-v4', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actito-mock-convert-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  /** Runs the bin as users do; async, so the cases of this block run side by side. */
  const run = (args: string[], input?: string) =>
    runBin(['convert-v4', ...args], input === undefined ? {} : { input });
  const parametersFile = write('parameters.json', JSON.stringify({ ...v4Parameters, legacyFlag: true }));

  it('prints the V5 definition on stdout and the notes on stderr', async () => {
    const { code, stdout, stderr } = await run([parametersFile, '--table', 'Profiles']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(definition);
    expect(stderr).toContain('note (unmapped) parameters.legacyFlag: "legacyFlag" is not a V4 parameter');
    expect(stderr).toContain('note (changed) inputFile: V4 stripped a UTF-8 byte order mark');
  });

  it('converts a custom table import with --custom-table, and reads stdin for -', async () => {
    const custom = await run([parametersFile, '--table=Orders', '--custom-table']);
    expect(custom.code).toBe(0);
    expect(JSON.parse(custom.stdout).table).toEqual({ type: 'CUSTOM_TABLE', name: 'Orders' });
    const piped = await run(['-', '--table', 'Profiles'], JSON.stringify(v4Parameters));
    expect({ code: piped.code, definition: JSON.parse(piped.stdout) }).toEqual({ code: 0, definition });
  });

  it.each([
    [
      'bad JSON',
      [write('bad.json', '{"mode": '), '--table', 'Profiles'],
      /bad\.json: The parameters are not valid JSON/,
    ],
    [
      'invalid parameters',
      [
        write('invalid.json', '{"mode": "CREATE_UPDATE", "format": {"separator": ";;"}}'),
        '--table',
        'Profiles',
      ],
      /invalid\.json: Invalid definition: parameters\.format\.separator: separator must be exactly one character/,
    ],
    ['a missing --table', [parametersFile], /--table <name> is missing/],
    [
      'an unreadable file',
      [join(dir, 'nope.json'), '--table', 'Profiles'],
      /cannot read .*nope\.json: ENOENT/,
    ],
    [
      'an unknown option',
      [parametersFile, '--table', 'Profiles', '--tabel', 'x'],
      /unknown option --tabel\nusage: actito-mock convert-v4/,
    ],
    ['no file', ['--table', 'Profiles'], /name the V4 parameters file/],
  ])('exits 2 with a message for %s', async (_case, args, message) => {
    const { code, stdout, stderr } = await run(args as string[]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^actito-mock convert-v4: /);
    expect(stderr).toMatch(message);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^usage: actito-mock convert-v4 <parameters.json> --table <name> \[--custom-table\]/,
    );
  });
});
