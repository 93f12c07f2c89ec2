import { describe, expect, it } from 'vitest';
import { streamingEtlUpload, until } from './helpers/streaming-upload.js';
import type { Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

const BASE = '/mass-imports/v5/entities/demo/etl-executions';
const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  format: { separator: ';', encoding: 'UTF-8' },
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
};

/**
 * Nothing pending from before a reset can touch the state after it: an upload whose body is still
 * streaming when the reset happens registers nothing, in the new state or anywhere.
 * (`msw` runs in-process through `mock.fetch`, since MSW itself buffers request bodies.)
 */
describe.each(TRANSPORTS)('a reset during a streaming upload (%s)', (transport) => {
  const harness = useTransport(transport);

  async function startUpload(session: Session) {
    const upload = streamingEtlUpload(
      `${session.baseUrl}${BASE}`,
      session.client.headers(),
      definition,
      'mail\nbefore@example.com\n',
    );
    const response = harness.send(upload.request);
    await until(async () => (await session.control.journal()).inFlight === 1, 'the upload is in flight');
    return { upload, response };
  }

  it('registers the upload when nothing is reset (the streaming helper works)', async () => {
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const { upload, response } = await startUpload(session);
    upload.write('after@example.com\n');
    upload.finish();
    expect((await response).status).toBe(201);
    const rows = await session.control.rows('demo', 'Profiles');
    expect(rows.rows.map((row) => row.emailAddress)).toEqual(['before@example.com', 'after@example.com']);
  });

  it('refuses an upload that was streaming when the whole tenant was reset', async () => {
    const session = await harness.session();
    const { control, client } = session;
    const { upload, response } = await startUpload(session);
    expect(await control.reset()).toEqual({ tenant: client.tenant, entity: null });
    upload.write('after@example.com\n');
    upload.finish();
    const answer = await response;
    expect(answer.status).toBe(409);
    expect(await answer.json()).toMatchObject({ status: 409, code: 'MOCK_RESET' });

    expect(await control.journal()).toMatchObject({ entries: [], inFlight: 0 });
    expect((await control.rows('demo', 'Profiles')).total).toBe(0);
    await client.login();
    expect(await client.getJson(`${BASE}/1000001`, 404)).toMatchObject({ code: 'UNKNOWN_EXECUTION' });
    // The id the refused upload would have taken is still the new state's first one.
    const next = await client.uploadEtl('demo', definition, 'mail\nnew@example.com\n');
    expect(await next.json()).toEqual({ id: '1000001' });
  });

  it('refuses an upload that was streaming when its entity was reset or seeded again', async () => {
    const session = await harness.session();
    const { control, client } = session;
    await control.setProgression('v5.etlExecution', { type: 'immediate' });
    for (const interrupt of [
      () => control.reset({ entity: 'demo' }),
      () => control.seedEntity('demo', { profileTables: [] }),
    ]) {
      await control.reset();
      await client.login();
      const { upload, response } = await startUpload(session);
      await interrupt();
      upload.finish();
      const answer = await response;
      expect(await answer.json()).toMatchObject({ status: 409, code: 'MOCK_RESET' });
      const [entry] = (await control.journal({ method: 'POST' })).entries;
      expect(entry).toMatchObject({ status: 409, errorCode: 'MOCK_RESET', upload: null });
      expect(await client.getJson(`${BASE}/1000001`, 404)).toMatchObject({ code: 'UNKNOWN_EXECUTION' });
    }
  });

  it('leaves progressions bound to the old state behind: moving the clock after a reset moves nothing', async () => {
    const { control, client } = await harness.session();
    await control.setProgression('v5.etlExecution', { type: 'afterMs', ms: 1000 });
    const created = await client.uploadEtl('demo', definition, 'mail\nold@example.com\n');
    expect(created.status).toBe(201);
    await control.reset();
    expect(await control.advance({ ms: 5000 })).toMatchObject({ moved: 0 });
    expect((await control.rows('demo', 'Profiles')).total).toBe(0);
  });
});
