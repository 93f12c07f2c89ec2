import { describe, expect, it } from 'vitest';
import { csv } from './helpers/files.js';
import { streamingEtlUpload, until } from './helpers/streaming-upload.js';
import type { Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4 } from './helpers/v4-client.js';

const BASE = '/mass-imports/v5/entities/demo/etl-executions';
const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
};
const v4Parameters = {
  mode: 'CREATE_UPDATE',
  encoding: 'UTF-8',
  format: { separator: ';' },
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
};
const WORKERS = 4;
const emails = (worker: number, batch: string) =>
  [1, 2, 3].map((n) => `w${worker}-${batch}-${n}@example.com`);

/** Uploads a file of the worker's rows and polls it to its final status, as the worker's progression says. */
async function uploadAndFinish({ client, control }: Session, worker: number, batch: string): Promise<string> {
  const response = await client.uploadEtl(
    'demo',
    definition,
    csv([['mail'], ...emails(worker, batch).map((m) => [m])]),
    `worker-${worker}.csv`,
  );
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  for (let poll = 0; poll < 5; poll += 1) {
    const { status } = await client.getJson<{ status: string }>(`${BASE}/${id}`);
    if (status === 'SUCCESS') return id;
    if (worker % 2 === 0) await control.advance();
  }
  throw new Error(`worker ${worker}: execution ${id} did not finish`);
}

/** One test worker's session: uploads and polls, a reset, faults, a V4 import; interleaved with the others by Promise.all. */
async function workload(session: Session, worker: number): Promise<void> {
  const { client, control } = session;
  if (worker % 2 === 0) await control.setProgression('v5.etlExecution', { type: 'manual' });
  await uploadAndFinish(session, worker, 'a');
  if (worker === 1) {
    await control.reset();
    await client.login();
  }
  if (worker === 2) {
    await control.injectFault({ type: 'request', path: '/**', status: 503, times: 2 });
    expect((await client.get(`${BASE}/1000001`)).status).toBe(503);
    expect((await client.get(`${BASE}/1000001`)).status).toBe(503);
  }
  await uploadAndFinish(session, worker, 'b');
  await createV4(session.client, {
    parameters: v4Parameters,
    data: csv([['mail'], [`w${worker}-v4@example.com`]]),
  });
}

describe.each(TRANSPORTS)('tenant isolation under concurrent workers (%s)', (transport) => {
  const harness = useTransport(transport);

  it('keeps executions, rows, journal, coverage, faults and quotas of concurrent tenants apart', async () => {
    const sessions = await Promise.all(Array.from({ length: WORKERS }, () => harness.session()));
    await Promise.all(sessions.map((session, worker) => workload(session, worker)));

    for (const [worker, { client, control }] of sessions.entries()) {
      // Rows: only this worker's (worker 1 reset after its first batch). The V4 import is still running.
      const expected = [...(worker === 1 ? [] : emails(worker, 'a')), ...emails(worker, 'b')];
      const rows = await control.rows('demo', 'Profiles');
      expect(rows.rows.map((row) => row.emailAddress)).toEqual(expected);

      // Executions: every tenant numbers its own from 1000001 and sees only its own.
      const last = await client.getJson<{ status: string }>(
        `${BASE}/${worker === 1 ? '1000001' : '1000002'}`,
      );
      expect(last).toMatchObject({ status: 'SUCCESS' });
      expect(await client.getJson(`${BASE}/1000003`, 404)).toMatchObject({ code: 'UNKNOWN_EXECUTION' });

      // Journal: only this worker's uploads and, for worker 2 only, the injected 503s.
      const journal = await control.journal();
      const uploads = journal.entries.filter((e) => e.upload?.kind === 'v5.etlExecution');
      expect(uploads.map((e) => e.upload?.dataFile.name)).toEqual(
        Array(worker === 1 ? 1 : 2).fill(`worker-${worker}.csv`),
      );
      expect(journal.entries.filter((e) => e.status === 503)).toHaveLength(worker === 2 ? 2 : 0);
      expect((await control.coverage()).requests).toBe(journal.entries.length);
      expect(await control.faults()).toEqual({ faults: [] });

      // Quotas: one V4 import today in this tenant, whatever the others did.
      const { usage } = await control.getSettings();
      expect(usage.v4ImportsToday).toEqual([
        expect.objectContaining({ table: 'Profiles', importsCreated: 1 }),
      ]);
      expect(await control.getProgression()).toMatchObject({
        'v5.etlExecution': { type: worker % 2 === 0 ? 'manual' : 'afterPolls' },
      });
    }
  });

  it('counts concurrent requests per tenant: one tenant at its limit does not slow another', async () => {
    const [busy, other] = await Promise.all([harness.session(), harness.session()]);
    const open = Array.from({ length: 5 }, () =>
      streamingEtlUpload(`${busy.baseUrl}${BASE}`, busy.client.headers(), definition, 'mail\n'),
    );
    const answers = open.map((upload) => harness.send(upload.request));
    await until(async () => (await busy.control.journal()).inFlight === 5, 'five uploads are in flight');

    const refused = await busy.client.get(`${BASE}/1000001`);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect((await other.client.get(`${BASE}/1000001`)).status).toBe(404);
    expect((await other.control.coverage()).tooManyRequests).toBe(false);

    open.forEach((upload, n) => {
      upload.write(`open${n}@example.com\n`);
      upload.finish();
    });
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect((await busy.control.coverage()).tooManyRequests).toBe(true);
  });
});
