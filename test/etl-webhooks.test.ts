import { afterEach, describe, expect, it } from 'vitest';
import { JournalEntry, WebhookPayload } from '../contracts/index.js';
import { zipEntries } from './helpers/actito-client.js';
import { expectContract } from './helpers/contract.js';
import { createEtl, ETL_ENTITY as ENTITY, sendJson, shopExport, trigger, V5 } from './helpers/etls.js';
import type { Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import type { WebhookReceiver } from './helpers/webhook-receiver.js';
import { startReceiver } from './helpers/webhook-receiver.js';

const SUBSCRIPTIONS = `/webhooks/v4/entity/${ENTITY}/webhookSubscription`;

async function subscribe(session: Session, body: Record<string, unknown>): Promise<string> {
  const response = await sendJson(session, 'POST', SUBSCRIPTIONS, body);
  const subscription = (await expectContract(response, 'createWebhookSubscription')) as { id: string };
  expect(response.status).toBe(201);
  return subscription.id;
}

const executionStatuses = (receiver: WebhookReceiver) =>
  receiver.received.map((hook) => (hook.body.data as Record<string, string>)['etl.executionStatus']);

describe.each(TRANSPORTS)('ETL webhooks (%s)', (transport) => {
  const harness = useTransport(transport);
  let receiver: WebhookReceiver;
  afterEach(() => receiver?.close());

  it('announces STARTED and FINISHED of a two-table ETL run from a ZIP, then serves its results per table', async () => {
    receiver = await startReceiver(harness);
    const session = await harness.session();
    const etlId = await createEtl(session);
    const headers = { 'X-Authorization': 'shared-secret' };
    const started = await subscribe(session, {
      on: 'ETL',
      eventType: 'STARTED',
      onElementId: etlId,
      targetUrl: receiver.url('/actito/started'),
      headers,
    });
    const finished = await subscribe(session, {
      on: 'ETL',
      eventType: 'FINISHED',
      targetUrl: receiver.url('/actito/finished'),
      headers,
      isActive: true,
    });

    const id = await trigger(session, etlId, shopExport());
    for (const status of ['PENDING', 'RUNNING', 'WITH_ERROR'])
      expect(await session.client.getJson(`${V5}/etl-executions/${id}`)).toMatchObject({ status });
    expect(await session.control.settleWebhooks()).toMatchObject({
      settled: true,
      inFlight: 0,
      delivered: 2,
    });

    expect(receiver.received.map((hook) => hook.path)).toEqual(['/actito/started', '/actito/finished']);
    expect(executionStatuses(receiver)).toEqual(['RUNNING', 'WITH_ERROR']);
    const [onStart, onFinish] = receiver.received;
    expect(onStart?.headers['x-authorization']).toBe('shared-secret');
    expect(onStart?.headers['content-type']).toBe('application/json');
    expect(WebhookPayload.parse(onFinish?.body)).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      data: {
        'etl.id': etlId,
        'etl.executionId': id,
        'etl.executionStatus': 'WITH_ERROR',
        _links: {
          etlExecution: { href: `/mass-imports/v5/entities/demo/etl-executions/${id}` },
          etl: { href: `/mass-imports/v5/entities/demo/etls/${etlId}` },
        },
      },
      _links: { webhook: { href: `/webhooks/v4/entity/demo/webhookSubscription/${finished}` } },
    });
    expect(onStart?.body._links.webhook.href).toBe(`/webhooks/v4/entity/demo/webhookSubscription/${started}`);

    const results = await session.client.getJson<{ results: Record<string, unknown>[] }>(
      `${V5}/etl-executions/${id}/integration-results`,
    );
    expect(results.results.map((r) => [r.fileName, r.createdRows, r.rowsInError])).toEqual([
      ['export/profiles_20260302.csv', 2, 0],
      ['export/orders_20260302.csv', 1, 1],
    ]);
    const files = await zipEntries(
      await session.client.get(`${V5}/etl-executions/${id}/output-files`, { accept: 'application/zip' }),
    );
    expect(Object.keys(files)).toEqual([
      'Profiles/result.csv',
      'Profiles/errors.csv',
      'Orders/result.csv',
      'Orders/errors.csv',
    ]);

    const log = await session.control.webhookDeliveries();
    expect(log.deliveries.map((d) => [d.subscriptionId, d.eventType, d.status, d.attempts.length])).toEqual([
      [started, 'STARTED', 'DELIVERED', 1],
      [finished, 'FINISHED', 'DELIVERED', 1],
    ]);
    const journal = await session.control.journal({ method: 'POST', status: '2xx' });
    const posts = journal.entries.filter((entry) => entry.operation === 'deliverWebhook');
    // Journaled as each POST is answered: the two subscriptions' deliveries run concurrently, and
    // order is promised per subscription only, so the journal's order across them is not fixed.
    const journaled = posts.map((entry) => [entry.path, entry.webhook?.eventType]);
    expect(journaled.sort()).toEqual([
      ['/actito/finished', 'ETL FINISHED'],
      ['/actito/started', 'ETL STARTED'],
    ]);
    for (const entry of posts) JournalEntry.parse(entry);
    const coverage = await session.control.coverage();
    expect(coverage.webhooks).toEqual({ 'ETL STARTED': { delivered: 1 }, 'ETL FINISHED': { delivered: 1 } });
    expect(coverage.never.webhookOutcomes).toEqual([
      'ETL STARTED retried',
      'ETL STARTED failed',
      'ETL FINISHED retried',
      'ETL FINISHED failed',
    ]);
  });

  it('gets the event to a receiver that fails twice on the third try, as the delivery log shows', async () => {
    receiver = await startReceiver(harness);
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    const etlId = await createEtl(session);
    await subscribe(session, { on: 'ETL', eventType: 'FINISHED', targetUrl: receiver.url('/hook') });
    receiver.answer(500, 503);
    await trigger(session, etlId, shopExport());

    const first = await session.control.settleWebhooks();
    expect(first).toMatchObject({ settled: true, scheduled: 1, nextAttemptAt: '2026-03-02T09:00:01.000Z' });
    await session.control.advance({ ms: 1000 });
    expect(await session.control.settleWebhooks()).toMatchObject({
      scheduled: 1,
      nextAttemptAt: '2026-03-02T09:00:06.000Z',
    });
    await session.control.advance({ ms: 5000 });
    expect(await session.control.settleWebhooks()).toMatchObject({ scheduled: 0, delivered: 1 });

    const [delivery] = (await session.control.webhookDeliveries({ eventType: 'FINISHED' })).deliveries;
    expect(delivery).toMatchObject({ status: 'DELIVERED', events: 1, nextAttemptAt: null });
    expect(delivery?.attempts.map((a) => [a.number, a.at, a.status, a.error !== null])).toEqual([
      [1, '2026-03-02T09:00:00.000Z', 500, true],
      [2, '2026-03-02T09:00:01.000Z', 503, true],
      [3, '2026-03-02T09:00:06.000Z', 200, false],
    ]);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((hook) => hook.body.id)).size).toBe(1);
    expect((await session.control.coverage()).webhooks).toEqual({
      'ETL FINISHED': { delivered: 1, retried: 1 },
    });
  });

  it('retries a receiver that does not answer in time', async () => {
    receiver = await startReceiver(harness);
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'immediate' });
    await session.control.updateWebhookSettings({ timeoutMs: 100, retryDelaysMs: [60_000] });
    const etlId = await createEtl(session);
    await subscribe(session, { on: 'ETL', eventType: 'FINISHED', targetUrl: receiver.url('/slow') });
    receiver.hang();
    await trigger(session, etlId, shopExport());
    expect(await session.control.settleWebhooks()).toMatchObject({ settled: true, scheduled: 1 });
    const [delivery] = (await session.control.webhookDeliveries()).deliveries;
    expect(delivery).toMatchObject({ status: 'SCHEDULED', nextAttemptAt: '2026-03-02T09:01:00.000Z' });
    expect(delivery?.attempts[0]).toMatchObject({
      status: null,
      error: 'no answer within 100 ms (the webhook timeout setting)',
    });
  });

  it('sends BULK blocks of maxBlockSize, in order, and drops or duplicates deliveries as faults say', async () => {
    receiver = await startReceiver(harness);
    const session = await harness.session();
    await session.control.setProgression('v5.etlExecution', { type: 'manual' });
    const etlId = await createEtl(session);
    await subscribe(session, {
      on: 'ETL',
      eventType: 'FINISHED',
      targetUrl: receiver.url('/bulk'),
      pushMode: 'BULK',
      maxBlockSize: 2,
    });
    const ids = [
      await trigger(session, etlId, shopExport()),
      await trigger(session, etlId, shopExport()),
      await trigger(session, etlId, shopExport()),
    ];
    await session.control.advance();
    await session.control.advance();
    await session.control.settleWebhooks();
    expect(
      receiver.received.map((hook) =>
        (hook.body.data as Record<string, string>[]).map((e) => e['etl.executionId']),
      ),
    ).toEqual([ids.slice(0, 2), ids.slice(2)]);

    const one = await subscribe(session, {
      on: 'ETL',
      eventType: 'STARTED',
      targetUrl: receiver.url('/one'),
    });
    await session.control.injectFault({ type: 'webhook', action: 'drop', subscriptionId: one });
    await session.control.injectFault({ type: 'webhook', action: 'duplicate', subscriptionId: one });
    await trigger(session, etlId, shopExport());
    await trigger(session, etlId, shopExport());
    await session.control.advance();
    await session.control.settleWebhooks();
    const toOne = receiver.received.filter((hook) => hook.path === '/one');
    expect(toOne).toHaveLength(2);
    expect(toOne[0]?.body.id).toBe(toOne[1]?.body.id);
    const log = await session.control.webhookDeliveries({ subscriptionId: one });
    expect(log.deliveries.map((d) => [d.status, d.attempts.length])).toEqual([
      ['DROPPED', 0],
      ['DELIVERED', 2],
    ]);
  });

  it('keeps subscriptions with the confirmed keys, HTTPS enforced, and refuses what it cannot deliver', async () => {
    const session = await harness.session();
    const etlId = await createEtl(session);
    const body = {
      on: 'ETL',
      eventType: 'FINISHED',
      onElementId: Number(etlId),
      targetUrl: 'https://hooks.example.com/actito',
      headers: { 'X-Origin': 'actito-webhooks' },
      maxBlockSize: 10,
    };
    const id = await subscribe(session, body);
    const read = await expectContract(
      await session.client.get(`${SUBSCRIPTIONS}/${id}`),
      'getWebhookSubscription',
    );
    expect(read).toEqual({
      id,
      on: 'ETL',
      eventType: 'FINISHED',
      onElementId: etlId,
      onFields: [],
      targetUrl: 'https://hooks.example.com/actito',
      headers: { 'X-Origin': 'actito-webhooks' },
      isActive: true,
      pushMode: 'BULK',
      maxBlockSize: 10,
      creationMoment: '2026-03-02T09:00:00.000Z',
    });
    const replaced = await sendJson(session, 'PUT', `${SUBSCRIPTIONS}/${id}`, { ...body, isActive: false });
    expect(await expectContract(replaced, 'replaceWebhookSubscription')).toMatchObject({ isActive: false });
    expect(
      await expectContract(await session.client.get(SUBSCRIPTIONS), 'getWebhookSubscriptions'),
    ).toMatchObject({ webhookSubscriptions: [{ id, isActive: false }] });

    const refusal = async (subscription: Record<string, unknown>) => {
      const response = await sendJson(session, 'POST', SUBSCRIPTIONS, subscription);
      expect(response.status).toBe(400);
      return ((await response.json()) as { errors: { path: string; message: string }[] }).errors;
    };
    expect(await refusal({ ...body, targetUrl: 'http://hooks.example.com/actito' })).toEqual([
      { path: 'body.targetUrl', message: expect.stringMatching(/^Actito only POSTs to https:\/\/ targets/) },
    ]);
    expect(await refusal({ ...body, eventType: 'CREATE' })).toEqual([
      { path: 'body.eventType', message: 'on ETL, eventType is one of STARTED, FINISHED' },
    ]);
    // Data subscriptions name a table of the entity (test/data-webhooks.test.ts has the rest).
    expect(await refusal({ ...body, on: 'PROFILE_TABLE', eventType: 'CREATE', onElementId: '77' })).toEqual([
      {
        path: 'body.onElementId',
        message: expect.stringMatching(/has no profile table 77; its tables are 1 \(Profiles\)/),
      },
    ]);
    expect(await refusal({ ...body, onElementId: '42', headers: { Host: 'x' } })).toEqual([
      { path: 'body.headers.Host', message: 'Host is set by the HTTP client itself; leave it out' },
      { path: 'body.onElementId', message: expect.stringMatching(/has no ETL 42; its ETLs are/) },
    ]);
    await session.control.updateWebhookSettings({ allowHttpTargets: true });
    await subscribe(session, { ...body, targetUrl: 'http://hooks.example.com/actito' });

    const deleted = await fetch(`${session.client.baseUrl}${SUBSCRIPTIONS}/${id}`, {
      method: 'DELETE',
      headers: session.client.headers(),
    });
    expect(deleted.status).toBe(204);
    expect(await session.client.getJson(`${SUBSCRIPTIONS}/${id}`, 404)).toMatchObject({
      code: 'UNKNOWN_SUBSCRIPTION',
    });
    expect((await session.client.get(SUBSCRIPTIONS, { authorization: 'Bearer nope' })).status).toBe(401);
  });
});
