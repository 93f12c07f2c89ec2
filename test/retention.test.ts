import { describe, expect, it } from 'vitest';
import { csv } from './helpers/files.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4, importPath } from './helpers/v4-client.js';

const BASE = '/mass-imports/v5/entities/demo/etl-executions';
const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
  outputFiles: { generateResultFile: true, generateErrorFile: true },
};
const v4Parameters = {
  mode: 'CREATE_UPDATE',
  encoding: 'UTF-8',
  format: { separator: ';' },
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
};

describe.each(TRANSPORTS)('retention of finished records (%s)', (transport) => {
  const harness = useTransport(transport);

  it('evicts the oldest finished records past maxFinishedRecords; the tables keep their rows', async () => {
    const { client, control } = await harness.session();
    await control.setProgression('*', { type: 'immediate' });
    await control.updateSettings({ retention: { maxFinishedRecords: 2 } });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const response = await client.uploadEtl('demo', definition, csv([['mail'], [`r${n}@example.com`]]));
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    const evicted = await client.getJson<{ code: string; message: string }>(`${BASE}/${ids[0]}`, 404);
    expect(evicted.code).toBe('RECORD_EVICTED');
    expect(evicted.message).toMatch(/keeps its newest 2 finished imports and executions/);
    expect(evicted.message).toMatch(/PUT \/__mock\/settings/);
    expect((await client.get(`${BASE}/${ids[0]}/output-files`)).status).toBe(404);
    for (const id of ids.slice(1))
      expect(await client.getJson<{ status: string }>(`${BASE}/${id}`)).toMatchObject({ status: 'SUCCESS' });
    const { rows } = await control.rows('demo', 'Profiles');
    for (const n of [1, 2, 3]) expect(rows.map((row) => row.emailAddress)).toContain(`r${n}@example.com`);
    // An id that never existed stays unknown.
    expect(await client.getJson(`${BASE}/999`, 404)).toMatchObject({ code: 'UNKNOWN_EXECUTION' });

    const settings = await control.getSettings();
    expect(settings.retention.maxFinishedRecords).toBe(2);
    expect(settings.usage.retained.finishedRecords).toBe(2);
    expect(settings.usage.retained.storedFileBytes).toBeGreaterThan(0);
  });

  it('counts V4 imports with V5 executions, evicts by bytes, and never evicts a record still running', async () => {
    const { client, control } = await harness.session();
    await control.setProgression('v5.etlExecution', { type: 'manual' });
    await control.setProgression('v4.import', { type: 'immediate' });
    const running = await client.uploadEtl('demo', definition, csv([['mail'], ['run@example.com']]));
    const runningId = ((await running.json()) as { id: string }).id;
    // One byte: every finished record is over budget, so each is evicted as soon as it finishes.
    await control.updateSettings({ retention: { maxStoredFileBytes: 1 } });
    const v4Id = await createV4(client, {
      parameters: v4Parameters,
      // A faulty row: the error file holds it, so the import keeps bytes.
      data: csv([['mail'], ['not-an-email']]),
    });
    expect(await client.getJson(importPath(v4Id, 'status'), 404)).toMatchObject({ code: 'RECORD_EVICTED' });
    expect(await client.getJson(`${BASE}/${runningId}`)).toMatchObject({ status: 'PENDING' });
    await control.advance();
    expect(await client.getJson(`${BASE}/${runningId}`)).toMatchObject({ status: 'RUNNING' });
    await control.advance();
    expect(await client.getJson(`${BASE}/${runningId}`, 404)).toMatchObject({ code: 'RECORD_EVICTED' });

    await control.updateSettings({ retention: { maxStoredFileBytes: null, maxFinishedRecords: null } });
    const kept = await client.uploadEtl('demo', definition, csv([['mail'], ['kept@example.com']]));
    expect(kept.status).toBe(201);
  });

  it('refuses a retention bound that is not a positive integer or null', async () => {
    const { control } = await harness.session();
    await expect(control.updateSettings({ retention: { maxFinishedRecords: 0 } })).rejects.toMatchObject({
      message: expect.stringMatching(/400 INVALID_CONTROL_REQUEST: .*retention\.maxFinishedRecords/),
    });
  });
});
