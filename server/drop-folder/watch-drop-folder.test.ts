import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForPath } from '../../test/helpers/wait-for-path.js';
import { createManualClock } from '../domain/clock.js';
import { createActitoMock } from '../mock.js';
import type { DropFolderWatcher } from './watch-drop-folder.js';
import { watchDropFolder } from './watch-drop-folder.js';

const etl = (locationId: string) => ({
  mode: 'CREATE_UPDATE',
  tables: [
    {
      table: { type: 'PROFILE_TABLE', name: 'Profiles' },
      fileNamePattern: 'profiles_$yyyyMMdd.csv',
      attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
    },
  ],
  fileTransferLocation: { locationId },
});

async function createEtl(mock: ReturnType<typeof createActitoMock>, locationId: string) {
  const token = (await (
    await mock.fetch(
      new Request('https://api.actito.com/auth/token', { headers: { authorization: 'mock-api-key' } }),
    )
  ).json()) as { accessToken: string };
  const response = await mock.fetch(
    new Request('https://api.actito.com/mass-imports/v5/entities/demo/etls', {
      method: 'POST',
      headers: { authorization: `Bearer ${token.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(etl(locationId)),
    }),
  );
  expect(response.status).toBe(201);
}

describe('watchDropFolder', () => {
  let dir = '';
  let watcher: DropFolderWatcher | null = null;
  afterEach(async () => {
    await watcher?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the files already there, creates the folder of a location an ETL names, and skips files being written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'actito-mock-watch-'));
    mkdirSync(join(dir, 'early'));
    writeFileSync(join(dir, 'early', 'profiles_20260302.csv'), 'mail\nearly@example.com\n');
    const mock = createActitoMock({
      clock: createManualClock('2026-03-02T09:00:00Z'),
      progression: { type: 'immediate' },
    });
    const lines: string[] = [];
    await createEtl(mock, 'early');
    watcher = await watchDropFolder(mock, dir, { stableMs: 20, log: (line) => lines.push(line) });
    await createEtl(mock, 'late');
    await waitForPath(dir, join(dir, 'late', 'processed'));

    writeFileSync(join(dir, 'late', 'profiles_20260302.csv.part'), 'mail\nhalf');
    writeFileSync(
      join(dir, 'late', 'tmp'),
      zipSync({ 'profiles_20260302.csv': strToU8('mail\nlate@example.com\n') }),
    );
    renameSync(join(dir, 'late', 'tmp'), join(dir, 'late', 'profiles_20260302.csv'));
    await Promise.all([
      waitForPath(dir, join(dir, 'early', 'processed', 'profiles_20260302.csv')),
      waitForPath(dir, join(dir, 'late', 'processed', 'profiles_20260302.csv')),
    ]);
    expect(readdirSync(join(dir, 'late'))).toContain('profiles_20260302.csv.part');
    const rows = await mock.rows('demo', 'Profiles');
    expect(rows.rows.map((row) => row.emailAddress).sort()).toEqual([
      'early@example.com',
      'late@example.com',
    ]);
    expect(lines.filter((line) => line.includes('processed'))).toHaveLength(2);
    expect(existsSync(join(dir, 'late', 'failed', 'profiles_20260302.csv.part'))).toBe(false);
  });
});
