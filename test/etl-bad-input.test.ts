import { describe, expect, it } from 'vitest';
import { createEtl, sendJson, trigger, V5 } from './helpers/etls.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

const SUBSCRIPTIONS = '/webhooks/v4/entity/demo/webhookSubscription';

describe.each(TRANSPORTS)('bad input to persistent ETLs and webhooks (%s)', (transport) => {
  const harness = useTransport(transport);

  it('answers every refusal with its status, code and the field at fault, and keeps serving', async () => {
    const session = await harness.session();
    const etlId = await createEtl(session);
    const envelope = async (response: Response, status: number) => {
      const body = (await response.json()) as { code: string; errors?: { path: string }[] };
      expect({ status: response.status, code: body.code }).toMatchObject({ status });
      return body;
    };
    const huge = JSON.stringify({ mode: 'CREATE_UPDATE', name: 'x'.repeat(1024 * 1024 + 1) });
    expect(await envelope(await sendJson(session, 'POST', `${V5}/etls`, huge), 400)).toMatchObject({
      code: 'INVALID_DEFINITION',
      errors: [{ path: 'body', message: 'too large' }],
    });
    expect(await envelope(await sendJson(session, 'PUT', `${V5}/etls/9`, {}), 404)).toMatchObject({
      code: 'UNKNOWN_ETL',
    });
    const notMultipart = await sendJson(session, 'POST', `${V5}/etls/${etlId}/trigger-execution`, {});
    expect(await envelope(notMultipart, 400)).toMatchObject({ code: 'INVALID_MULTIPART' });
    expect(await envelope(await sendJson(session, 'POST', SUBSCRIPTIONS, '[]'), 400)).toMatchObject({
      code: 'INVALID_SUBSCRIPTION',
    });
    const noUrl = await sendJson(session, 'POST', SUBSCRIPTIONS, { on: 'ETL', eventType: 'FINISHED' });
    expect((await envelope(noUrl, 400)).errors?.[0]?.path).toBe('body.targetUrl');
    const notUrl = await sendJson(session, 'POST', SUBSCRIPTIONS, {
      on: 'ETL',
      eventType: 'FINISHED',
      targetUrl: 'hooks',
    });
    expect(await envelope(notUrl, 400)).toMatchObject({
      errors: [{ path: 'body.targetUrl', message: expect.stringMatching(/not an absolute URL/) }],
    });
    expect(await envelope(await session.client.get(`${SUBSCRIPTIONS}/77`), 404)).toMatchObject({
      code: 'UNKNOWN_SUBSCRIPTION',
    });
    expect(await envelope(await session.client.get(`${V5}/etl-executions?page=-1`), 400)).toMatchObject({
      code: 'INVALID_PARAMETER',
      errors: [{ path: 'query.page' }],
    });

    const refused = async (call: Promise<unknown>) =>
      (await call.then(
        () => {
          throw new Error('expected a refusal');
        },
        (error: { envelope: unknown }) => error.envelope,
      )) as { code: string; errors: { path: string }[] };
    expect(await refused(session.control.settleWebhooks({ timeoutMs: 600_000 }))).toMatchObject({
      code: 'INVALID_CONTROL_REQUEST',
      errors: [{ path: 'body.timeoutMs' }],
    });
    expect(await refused(session.control.updateWebhookSettings({ timeoutMs: 0 }))).toMatchObject({
      errors: [{ path: 'body.timeoutMs' }],
    });
    expect(await refused(session.control.webhookDeliveries({ status: 'LOST' as never }))).toMatchObject({
      errors: [{ path: 'query.status' }],
    });
    expect(await refused(session.control.injectFault({ type: 'webhook', action: 'delay' }))).toMatchObject({
      errors: [{ path: 'body.delayMs' }],
    });

    // A damaged archive is a file-level failure: the execution is registered and ends in ERROR.
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const id = await trigger(session, etlId, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await session.client.getJson(`${V5}/etl-executions/${id}`)).toMatchObject({
      status: 'ERROR',
      errorMessage: expect.stringMatching(/ZIP archive is (truncated|damaged)/),
    });
    expect((await session.control.health()).status).toBe('ok');
  });
});
