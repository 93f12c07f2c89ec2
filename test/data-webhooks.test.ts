import { afterEach, describe, expect, it } from 'vitest';
import { DataWebhookPayload } from '../contracts/index.js';
import { sendJson } from './helpers/etls.js';
import { csv } from './helpers/files.js';
import { call, ORDERS, PROFILES } from './helpers/records-client.js';
import type { Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4, pollV4ToEnd } from './helpers/v4-client.js';
import type { WebhookReceiver } from './helpers/webhook-receiver.js';
import { startReceiver } from './helpers/webhook-receiver.js';

/**
 * Data webhooks (contract section 11): subscriptions on PROFILE_TABLE or CUSTOM_TABLE hear the
 * writes of single-record calls and of imports, on the delivery machinery of the ETL webhooks
 * (order, retries, log, faults), delivered to a real local receiver.
 */
const SUBSCRIPTIONS = '/webhooks/v4/entity/demo/webhookSubscription';
const ORDERS_ID = '5f0c7e1a-2b7d-4c1e-9a53-0d6f1b2c3a41';

async function subscribe(session: Session, body: Record<string, unknown>): Promise<string> {
  const response = await sendJson(session, 'POST', SUBSCRIPTIONS, body);
  const created = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(created)).toBe(201);
  return created.id;
}

const payloads = (receiver: WebhookReceiver, path: string) =>
  receiver.received.filter((hook) => hook.path === path).map((hook) => DataWebhookPayload.parse(hook.body));

describe.each(TRANSPORTS)('data webhooks (%s)', (transport) => {
  const harness = useTransport(transport);
  let receiver: WebhookReceiver;
  afterEach(() => receiver?.close());

  it('tells a receiver of a profile update through the API, filtered by onFields, and of unsubscriptions and deletions', async () => {
    receiver = await startReceiver(harness);
    const session = await harness.session();
    const update = await subscribe(session, {
      on: 'PROFILE_TABLE',
      eventType: 'UPDATE',
      onElementId: '1',
      onFields: ['firstName'],
      targetUrl: receiver.url('/update'),
      headers: { 'X-Authorization': 'secret' },
    });
    await subscribe(session, {
      on: 'PROFILE_TABLE',
      eventType: 'UPDATED_SUBSCRIPTION',
      onElementId: 'Profiles',
      targetUrl: receiver.url('/subscription'),
    });
    await subscribe(session, {
      on: 'PROFILE_TABLE',
      eventType: 'DELETE',
      onElementId: '1',
      targetUrl: receiver.url('/delete'),
    });
    await call(session, 'createProfile', 'POST', PROFILES, {
      attributes: [
        { name: 'emailAddress', value: 'ann@example.com' },
        { name: 'firstName', value: 'Ann' },
      ],
    });
    // lastName only: not one of onFields; then firstName: delivered, with the fields of onFields.
    await call(session, 'updateProfile', 'PUT', `${PROFILES}/1`, {
      attributes: [{ name: 'lastName', value: 'Lee' }],
    });
    await call(session, 'updateProfile', 'PUT', `${PROFILES}/emailAddress=ann@example.com`, {
      attributes: [
        { name: 'firstName', value: 'Anna' },
        { name: 'vip', value: true },
      ],
    });
    await call(session, 'addProfileSubscription', 'POST', `${PROFILES}/1/subscription/Newsletter`);
    await call(session, 'removeProfileSubscription', 'DELETE', `${PROFILES}/1/subscription/Newsletter`);
    await call(session, 'deleteProfile', 'DELETE', `${PROFILES}/1`);
    expect(await session.control.settleWebhooks()).toMatchObject({ settled: true, delivered: 4, failed: 0 });

    const [updated, ...more] = payloads(receiver, '/update');
    expect(more).toEqual([]);
    expect(updated).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tableType: 'PROFILE_TABLE',
      tableId: '1',
      eventType: 'UPDATE',
      fields: ['firstName'],
      data: { profileId: '1', emailAddress: 'ann@example.com', firstName: 'Anna', vip: 'true' },
      _links: { webhook: { href: `/webhooks/v4/entity/demo/webhookSubscription/${update}` } },
    });
    expect(receiver.received.find((hook) => hook.path === '/update')?.headers['x-authorization']).toBe(
      'secret',
    );
    expect(payloads(receiver, '/subscription').map((p) => p.data)).toEqual([
      { profileId: '1', emailAddress: 'ann@example.com', Newsletter: 'true' },
      { profileId: '1', emailAddress: 'ann@example.com', Newsletter: 'false' },
    ]);
    expect(payloads(receiver, '/delete').map((p) => [p.eventType, p.data])).toEqual([
      ['DELETE', { profileId: '1', emailAddress: 'ann@example.com' }],
    ]);
    const coverage = await session.control.coverage();
    expect(coverage.webhooks).toMatchObject({ 'PROFILE_TABLE UPDATE': { delivered: 1 } });
  });

  it('tells a receiver of each row an import writes, BULK in blocks of maxBlockSize, retried when it fails', async () => {
    receiver = await startReceiver(harness);
    const session = await harness.session();
    await subscribe(session, {
      on: 'CUSTOM_TABLE',
      eventType: 'CREATE',
      onElementId: ORDERS_ID,
      targetUrl: receiver.url('/orders'),
      maxBlockSize: 2,
    });
    receiver.answer(503);
    const id = await createV4(session.client, {
      kind: 'customTable',
      table: 'Orders',
      parameters: { mode: 'CREATE_UPDATE', format: { separator: ';' } },
      data: csv([
        ['orderId', 'customerId', 'amount'],
        ['O-1', 'C1', '10'],
        ['O-2', 'C1', 'not a number'],
        ['O-3', 'C2', '2.5'],
        ['O-4', 'C2', '7'],
      ]),
    });
    expect(await pollV4ToEnd(session.client, id)).toBe('FINISHED');
    // The first POST fails (503): it is retried one second later on the mock clock.
    expect(await session.control.settleWebhooks()).toMatchObject({
      settled: true,
      delivered: 0,
      scheduled: 2,
    });
    await session.control.advance({ ms: 1000 });
    expect(await session.control.settleWebhooks()).toMatchObject({ settled: true, delivered: 2, failed: 0 });

    const blocks = payloads(receiver, '/orders');
    expect(blocks.map((p) => (p.data as Record<string, unknown>[]).map((event) => event.orderId))).toEqual([
      ['O-1', 'O-3'],
      ['O-1', 'O-3'],
      ['O-4'],
    ]);
    expect((blocks[0]?.data as unknown[] | undefined)?.[0]).toEqual({
      orderId: 'O-1',
      customerId: 'C1',
      amount: '10',
      businessKey: 'O-1',
      id: 'O-1',
    });
    expect(blocks[0]?.id).toBe(blocks[1]?.id);
    const deliveries = await session.control.webhookDeliveries({ eventType: 'CREATE' });
    expect(deliveries.deliveries.map((d) => [d.status, d.events, d.attempts.map((a) => a.status)])).toEqual([
      ['DELIVERED', 2, [503, 200]],
      ['DELIVERED', 1, [200]],
    ]);
    // A record written through the API is announced the same way.
    await call(session, 'saveCustomRecord', 'POST', ORDERS, {
      properties: [
        { name: 'orderId', value: 'O-5' },
        { name: 'customerId', value: 'C3' },
        { name: 'amount', value: 1 },
      ],
    });
    expect(await session.control.settleWebhooks()).toMatchObject({ delivered: 3 });
    expect(payloads(receiver, '/orders').at(-1)?.data).toEqual([
      { orderId: 'O-5', customerId: 'C3', amount: '1', businessKey: 'O-5', id: 'O-5' },
    ]);
  });

  it('announces every row of an import written in slices (past one slice of rows), in file order', async () => {
    receiver = await startReceiver(harness);
    const session = await harness.session();
    await subscribe(session, {
      on: 'CUSTOM_TABLE',
      eventType: 'CREATE',
      onElementId: 'Orders',
      targetUrl: receiver.url('/bulk'),
      pushMode: 'BULK',
      maxBlockSize: 1000,
    });
    const rows = Array.from({ length: 5000 }, (_, n) => [`O-${n + 1}`, 'C1', String(n)]);
    const id = await createV4(session.client, {
      kind: 'customTable',
      table: 'Orders',
      parameters: { mode: 'CREATE_ONLY', format: { separator: ';' } },
      data: csv([['orderId', 'customerId', 'amount'], ...rows]),
    });
    // Written a slice per event-loop turn (RUNNING until the last row is in): the rows route waits for the writes.
    const statuses: string[] = [];
    for (let poll = 0; poll < 6 && statuses.at(-1) !== 'FINISHED'; poll += 1) {
      statuses.push(
        (await session.client.getJson<{ status: string }>(`/v4/entity/demo/import/${id}/status`)).status,
      );
      await session.control.rows('demo', 'Orders');
    }
    expect([statuses[0], statuses.at(-1)]).toEqual(['PENDING', 'FINISHED']);
    expect((await session.control.rows('demo', 'Orders')).total).toBe(5000);
    expect(await session.control.settleWebhooks()).toMatchObject({ settled: true, failed: 0 });
    // Each slice's events go as it is written: a block already sent is not topped up, so 5 or 6 POSTs.
    const sizes = payloads(receiver, '/bulk').map((p) => (p.data as unknown[]).length);
    expect(Math.max(...sizes)).toBe(1000);
    expect(sizes.length).toBeLessThanOrEqual(6);
    const ids = payloads(receiver, '/bulk').flatMap((p) =>
      (p.data as { orderId: string }[]).map((e) => e.orderId),
    );
    expect(ids).toEqual(rows.map(([orderId]) => orderId));
  });

  it('refuses a data subscription naming no table of the entity, or fields the table lacks', async () => {
    const session = await harness.session();
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { on: 'PROFILE_TABLE', eventType: 'CREATE', onElementId: '77' },
        'body.onElementId',
        'no profile table 77',
      ],
      [{ on: 'CUSTOM_TABLE', eventType: 'UPDATE' }, 'body.onElementId', ORDERS_ID],
      [
        { on: 'PROFILE_TABLE', eventType: 'UPDATE', onElementId: '1', onFields: ['nickname'] },
        'body.onFields[0]',
        'no attribute "nickname"',
      ],
      [
        { on: 'PROFILE_TABLE', eventType: 'UPDATED_SUBSCRIPTION', onElementId: '1', onFields: ['Sms'] },
        'body.onFields[0]',
        'no subscription "Sms"',
      ],
      [
        { on: 'CUSTOM_TABLE', eventType: 'UPDATED_SEGMENT', onElementId: ORDERS_ID },
        'body.eventType',
        'CREATE, UPDATE, DELETE',
      ],
    ];
    for (const [body, path, fragment] of cases) {
      const response = await sendJson(session, 'POST', SUBSCRIPTIONS, {
        targetUrl: 'https://hooks.example.com/x',
        ...body,
      });
      const envelope = (await response.json()) as {
        code: string;
        errors: { path: string; message: string }[];
      };
      expect([response.status, envelope.code]).toEqual([400, 'INVALID_SUBSCRIPTION']);
      expect(envelope.errors.find((e) => e.path === path)?.message, JSON.stringify(envelope)).toContain(
        fragment,
      );
    }
    const listed = await session.client.getJson<{ webhookSubscriptions: unknown[] }>(SUBSCRIPTIONS);
    expect(listed.webhookSubscriptions).toEqual([]);
  });
});
