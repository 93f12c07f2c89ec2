import { describe, expect, it } from 'vitest';
import { createEtl, sendJson, V5 } from './helpers/etls.js';
import { HELD_BOUNDARY, holdUpload } from './helpers/held-upload.js';
import { until } from './helpers/streaming-upload.js';
import type { Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

const profilesEtl = (name: string, mode: string) => ({
  name,
  mode,
  tables: [
    {
      table: { type: 'PROFILE_TABLE', name: 'Profiles' },
      fileNamePattern: 'profiles.csv',
      attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
    },
  ],
});

/**
 * A persistent ETL changed while a trigger-execution's file is still uploading: the run is the
 * one of the definition it began with (a PUT does not touch it), and an ETL deleted meanwhile
 * takes no execution. (`msw` runs in-process through `mock.fetch`, since MSW buffers bodies.)
 */
describe.each(TRANSPORTS)('an ETL changed during a trigger-execution upload (%s)', (transport) => {
  const harness = useTransport(transport);

  /** Starts a trigger whose file's last row is sent only on `release()`; resolves once it is in flight. */
  async function startTrigger(session: Session, etlId: string) {
    const upload = holdUpload(session.client, `${V5}/etls/${etlId}/trigger-execution`, harness.send, {
      sent:
        `--${HELD_BOUNDARY}\r\nContent-Disposition: form-data; name="inputFile"; filename="profiles.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\nmail\nbefore@example.com\n',
      held: `after@example.com\n\r\n--${HELD_BOUNDARY}--\r\n`,
    });
    await until(async () => (await session.control.journal()).inFlight === 1, 'the upload is in flight');
    return upload;
  }

  it('runs and reports the definition the run began with when the ETL is replaced meanwhile', async () => {
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const etlId = await createEtl(session, profilesEtl('first', 'CREATE_UPDATE'));
    const upload = await startTrigger(session, etlId);
    const replaced = await sendJson(
      session,
      'PUT',
      `${V5}/etls/${etlId}`,
      profilesEtl('second', 'UPDATE_ONLY'),
    );
    expect(replaced.status).toBe(200);
    const answer = await upload.release();
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    const execution = await session.client.getJson(`${V5}/etl-executions/${id}`, 200);
    expect(execution).toMatchObject({
      status: 'SUCCESS',
      definition: { name: 'first', mode: 'CREATE_UPDATE' },
    });
    const results = await session.client.getJson(`${V5}/etl-executions/${id}/integration-results`, 200);
    expect(results).toMatchObject({ results: [{ createdRows: 2 }] });
    // The next run is the new definition's.
    expect(await session.client.getJson(`${V5}/etls/${etlId}`, 200)).toMatchObject({ name: 'second' });
  });

  it('refuses the trigger with UNKNOWN_ETL when the ETL is deleted meanwhile, and registers nothing', async () => {
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const etlId = await createEtl(session, profilesEtl('doomed', 'CREATE_UPDATE'));
    const upload = await startTrigger(session, etlId);
    const deleted = await sendJson(session, 'DELETE', `${V5}/etls/${etlId}`, '');
    expect(deleted.status).toBe(204);
    const answer = await upload.release();
    expect(await answer.json()).toMatchObject({ status: 404, code: 'UNKNOWN_ETL' });
    expect(await session.client.getJson(`${V5}/etl-executions`, 200)).toMatchObject({
      etlExecutions: [],
    });
    expect((await session.control.rows('demo', 'Profiles')).total).toBe(0);
  });
});
