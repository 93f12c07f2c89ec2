import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileDropResponse } from '../contracts/index.js';
import { createEtl, profilesCsv, shopExport, twoTableEtl, V5 } from './helpers/etls.js';
import type { Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { waitForPath } from './helpers/wait-for-path.js';

const dropDir = mkdtempSync(join(tmpdir(), 'actito-mock-drop-'));
afterAll(() => rmSync(dropDir, { recursive: true, force: true }));

let locations = 0;
const newLocation = () => `partner-${process.pid}-${++locations}`;

/** An ETL fed from a file transfer location: the day's shop export, a ZIP of one CSV per table. */
const watchingEtl = (locationId: string) => ({
  ...twoTableEtl,
  file: { fileNamePattern: 'shop_$yyyyMMdd.zip' },
  fileTransferLocation: { locationId },
});

describe.each(TRANSPORTS)('file transfer locations (%s)', (transport) => {
  const harness = useTransport(
    transport,
    transport === 'server' ? { ACTITO_MOCK_DROP_DIR: dropDir, ACTITO_MOCK_DROP_STABLE_MS: '50' } : {},
  );

  /**
   * Drops a file: against the server, in the real watched folder (written under a .part name,
   * then renamed, as a careful uploader does), waiting for the mock to move it aside; in-process,
   * through the control API. Either way, says where it went.
   */
  async function drop(session: Session, locationId: string, name: string, content: Uint8Array) {
    if (transport === 'msw') {
      const result: FileDropResponse = await session.control.dropFile(locationId, name, content);
      return { outcome: result.outcome, reason: result.reason };
    }
    const folder = join(dropDir, locationId);
    await waitForPath(dropDir, join(folder, 'failed'));
    writeFileSync(join(folder, `${name}.part`), content);
    renameSync(join(folder, `${name}.part`), join(folder, name));
    await Promise.race([
      waitForPath(dropDir, join(folder, 'processed', name)),
      waitForPath(dropDir, join(folder, 'failed', name)),
    ]);
    const processed = readdirSync(join(folder, 'processed')).includes(name);
    expect(readdirSync(folder).sort()).toEqual(['failed', 'processed']);
    return {
      outcome: processed ? 'processed' : 'failed',
      reason: processed ? null : readFileSync(join(folder, 'failed', `${name}.reason.txt`), 'utf8'),
    };
  }

  it('runs the ETL watching a location on the file dropped there, and moves the file aside', async () => {
    const session = await harness.session();
    const locationId = newLocation();
    const etlId = await createEtl(session, watchingEtl(locationId));
    expect(await drop(session, locationId, 'shop_20260302.zip', shopExport())).toEqual({
      outcome: 'processed',
      reason: null,
    });
    const list = await session.client.getJson<{ etlExecutions: Record<string, unknown>[] }>(
      `${V5}/etl-executions?etlId=${etlId}`,
    );
    expect(list.etlExecutions).toEqual([
      expect.objectContaining({ etlId, trigger: 'FILE_TRANSFER', inputFile: 'shop_20260302.zip' }),
    ]);
    const id = list.etlExecutions[0]?.id as string;
    // The list read counts as the first status read: PENDING seen once.
    for (const status of ['RUNNING', 'WITH_ERROR'])
      expect(await session.client.getJson(`${V5}/etl-executions/${id}`)).toMatchObject({ status });
    const results = await session.client.getJson<{ results: Record<string, unknown>[] }>(
      `${V5}/etl-executions/${id}/integration-results`,
    );
    expect(results.results.map((r) => r.createdRows)).toEqual([2, 1]);
  });

  it('ends in ERROR naming a missing required file, and puts the file in failed/ saying why', async () => {
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const locationId = newLocation();
    const etlId = await createEtl(session, watchingEtl(locationId));
    const onlyProfiles = zipSync({ 'profiles_20260302.csv': strToU8(profilesCsv) });
    const dropped = await drop(session, locationId, 'shop_20260302.zip', onlyProfiles);
    expect(dropped.outcome).toBe('failed');
    expect(dropped.reason).toMatch(
      new RegExp(
        `ETL ${etlId}, tables\\[1\\] \\(Orders\\): no file matches the required fileNamePattern "orders_\\$yyyyMMdd.csv"`,
      ),
    );
    const list = await session.client.getJson<{ etlExecutions: Record<string, unknown>[] }>(
      `${V5}/etl-executions?etlId=${etlId}`,
    );
    expect(list.etlExecutions[0]).toMatchObject({
      status: 'ERROR',
      errorMessage: expect.stringMatching(
        /^tables\[1\] \(Orders\): no file matches the required fileNamePattern "orders_\$yyyyMMdd\.csv"/,
      ),
    });
    expect((await session.control.rows('demo', 'Profiles')).total).toBe(0);
  });

  it('puts a file no ETL takes in failed/, naming the files the location expects', async () => {
    const session = await harness.session();
    const locationId = newLocation();
    await createEtl(session, watchingEtl(locationId));
    const dropped = await drop(session, locationId, 'shop_20260301.zip', shopExport());
    expect(dropped.outcome).toBe('failed');
    expect(dropped.reason).toContain(
      `no ETL watching "${locationId}" takes a file named "shop_20260301.zip"; they take "shop_20260302.zip"`,
    );
  });
});

describe('the drop control route (msw)', () => {
  const harness = useTransport('msw');

  it('refuses a bad location id or file name with a clear error', async () => {
    const { control } = await harness.session();
    await expect(control.dropFile('../etc', 'a.csv', 'x')).rejects.toMatchObject({
      envelope: { status: 400, code: 'INVALID_CONTROL_REQUEST' },
    });
    await expect(control.dropFile('partner', '.hidden', 'x')).rejects.toMatchObject({
      envelope: { status: 400, code: 'INVALID_CONTROL_REQUEST', errors: [{ path: 'file' }] },
    });
    expect(await control.dropFile('nobody-watches', 'a.csv', 'x')).toMatchObject({
      outcome: 'failed',
      executions: [],
      reason: expect.stringMatching(/names file transfer location "nobody-watches"/),
    });
  });
});
