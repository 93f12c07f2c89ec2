import { describe, expect, it } from 'vitest';
import type { WebhookSettings } from '../../../contracts/webhooks.js';
import { createManualClock } from '../clock.js';
import { FaultBook } from '../control/faults.js';
import { createIdGenerator } from '../ids.js';
import type { DeliveryOutcome, WebhookFetch } from './dispatcher.js';
import { WebhookDispatcher } from './dispatcher.js';
import { webhookSettings } from './settings.js';
import type { SubscriptionSpec } from './subscriptions.js';
import { WebhookSubscriptions } from './subscriptions.js';
import type { WebhookEvent } from './webhook-event.js';

interface Received {
  url: string;
  headers: Headers;
  body: { id: string; data: unknown };
}

/** A receiver answering the statuses it is given, in turn (then 200), and remembering every POST. */
function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const fetch: WebhookFetch = async (url, init) => {
    received.push({ url, headers: new Headers(init.headers), body: JSON.parse(String(init.body)) });
    return new Response('ok', { status: statuses.shift() ?? 200 });
  };
  return { received, fetch };
}

function setUp(fetch: WebhookFetch, settings: Partial<WebhookSettings> = {}) {
  const clock = createManualClock('2026-03-02T09:00:00Z');
  const subscriptions = new WebhookSubscriptions(createIdGenerator(1));
  const faults = new FaultBook();
  const outcomes: DeliveryOutcome[][] = [];
  const wakes: number[] = [];
  const dispatcher = new WebhookDispatcher({
    clock,
    subscriptions,
    uuids: createIdGenerator(500),
    settings: () => webhookSettings(settings),
    faults,
    wakeAt: (at) => wakes.push(at),
    onFinished: (_, ended) => outcomes.push(ended),
    fetch,
  });
  const subscribe = (spec: Partial<SubscriptionSpec> = {}) =>
    subscriptions.add(
      'demo',
      {
        on: 'ETL',
        eventType: 'FINISHED',
        onElementId: null,
        onFields: [],
        targetUrl: 'https://hooks.example.com/actito',
        headers: { 'X-Secret': 's3cret', 'Content-Type': 'text/plain' },
        isActive: true,
        pushMode: 'ONE_BY_ONE',
        maxBlockSize: 1,
        ...spec,
      },
      clock.now(),
    );
  return { clock, dispatcher, faults, outcomes, wakes, subscribe, subscriptions };
}

const finished = (executionId: string, etlId = '100001'): WebhookEvent => ({
  on: 'ETL',
  eventType: 'FINISHED',
  elementId: etlId,
  data: { 'etl.id': etlId, 'etl.executionId': executionId, 'etl.executionStatus': 'SUCCESS' },
});

describe('WebhookDispatcher', () => {
  it('POSTs each event as JSON with the subscription headers, Content-Type its own', async () => {
    const { received, fetch } = receiver();
    const { dispatcher, subscribe } = setUp(fetch);
    const subscription = subscribe();
    dispatcher.publish('demo', [finished('1000001')]);
    expect(await dispatcher.settled(1000)).toMatchObject({ settled: true, inFlight: 0, delivered: 1 });
    expect(received).toHaveLength(1);
    expect(received[0]?.headers.get('x-secret')).toBe('s3cret');
    expect(received[0]?.headers.get('content-type')).toBe('application/json');
    expect(received[0]?.body).toEqual({
      id: '500',
      data: { 'etl.id': '100001', 'etl.executionId': '1000001', 'etl.executionStatus': 'SUCCESS' },
      _links: { webhook: { href: `/webhooks/v4/entity/demo/webhookSubscription/${subscription.id}` } },
    });
  });

  it('retries on the mock clock, keeps later events behind the one failing, then delivers all in order', async () => {
    const { received, fetch } = receiver([500, 503]);
    const { clock, dispatcher, subscribe, wakes, outcomes } = setUp(fetch);
    subscribe();
    dispatcher.publish('demo', [finished('1'), finished('2')]);
    expect(await dispatcher.settled(1000)).toMatchObject({
      settled: true,
      scheduled: 2,
      nextAttemptAt: clock.now() + 1000,
    });
    expect(wakes.at(-1)).toBe(clock.now() + 1000);
    clock.advance(999);
    expect(await dispatcher.settled(1000)).toMatchObject({ scheduled: 2 });
    clock.advance(1);
    expect(await dispatcher.settled(1000)).toMatchObject({ nextAttemptAt: clock.now() + 5000 });
    clock.advance(5000);
    expect(await dispatcher.settled(1000)).toMatchObject({ scheduled: 0, delivered: 2 });
    expect(received.map((r) => (r.body.data as Record<string, string>)['etl.executionId'])).toEqual([
      '1',
      '1',
      '1',
      '2',
    ]);
    const [first] = dispatcher.log.list();
    expect(first?.attempts.map((a) => [a.number, a.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
    expect(first?.attempts[0]?.error).toBe(
      'the receiver answered 500; only a 2xx answer counts as delivered',
    );
    expect(outcomes).toEqual([['delivered', 'retried'], ['delivered']]);
  });

  it('gives up after the last retry delay and goes on with the next delivery', async () => {
    const { fetch } = receiver([500, 500]);
    const { clock, dispatcher, subscribe, outcomes } = setUp(fetch, { retryDelaysMs: [10] });
    subscribe();
    dispatcher.publish('demo', [finished('1'), finished('2')]);
    await dispatcher.settled(1000);
    clock.advance(10);
    expect(await dispatcher.settled(1000)).toMatchObject({ failed: 1, delivered: 1, scheduled: 0 });
    expect(dispatcher.log.list().map((d) => [d.status, d.notes])).toEqual([
      ['FAILED', ['failed: 2 tries, none answered 2xx']],
      ['DELIVERED', []],
    ]);
    expect(outcomes[0]).toEqual(['failed', 'retried']);
  });

  it('counts a receiver that does not answer in time, or cannot be reached, as a failed try', async () => {
    const hanging: WebhookFetch = (_, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const slow = setUp(hanging, { timeoutMs: 20, retryDelaysMs: [] });
    slow.subscribe();
    slow.dispatcher.publish('demo', [finished('1')]);
    expect(await slow.dispatcher.settled(2000)).toMatchObject({ failed: 1 });
    expect(slow.dispatcher.log.list()[0]?.attempts[0]?.error).toBe(
      'no answer within 20 ms (the webhook timeout setting)',
    );

    const refused: WebhookFetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    };
    const down = setUp(refused, { retryDelaysMs: [] });
    down.subscribe();
    down.dispatcher.publish('demo', [finished('1')]);
    await down.dispatcher.settled(1000);
    expect(down.dispatcher.log.list()[0]?.attempts[0]?.error).toBe(
      'could not reach the receiver: fetch failed (connect ECONNREFUSED 127.0.0.1:9)',
    );
  });

  it('sends BULK events in blocks of maxBlockSize, the matching subscriptions only', async () => {
    const { received, fetch } = receiver();
    const { dispatcher, subscribe } = setUp(fetch);
    subscribe({ pushMode: 'BULK', maxBlockSize: 2 });
    subscribe({ onElementId: '999' });
    subscribe({ eventType: 'STARTED' });
    subscribe({ isActive: false });
    dispatcher.publish('demo', [finished('1'), finished('2'), finished('3')]);
    dispatcher.publish('other', [finished('4')]);
    await dispatcher.settled(1000);
    expect(received.map((r) => r.body.data)).toEqual([
      [
        expect.objectContaining({ 'etl.executionId': '1' }),
        expect.objectContaining({ 'etl.executionId': '2' }),
      ],
      [expect.objectContaining({ 'etl.executionId': '3' })],
    ]);
  });

  it('drops, delays or duplicates deliveries as faults say', async () => {
    const { received, fetch } = receiver();
    const { clock, dispatcher, faults, subscribe } = setUp(fetch);
    const subscription = subscribe();
    faults.add({ type: 'webhook', action: 'drop', subscriptionId: subscription.id });
    faults.add({ type: 'webhook', action: 'delay', delayMs: 60_000 });
    faults.add({ type: 'webhook', action: 'duplicate' });
    dispatcher.publish('demo', [finished('1'), finished('2'), finished('3')]);
    expect(await dispatcher.settled(1000)).toMatchObject({
      scheduled: 2,
      nextAttemptAt: clock.now() + 60_000,
    });
    expect(received).toHaveLength(0);
    clock.advance(60_000);
    await dispatcher.settled(1000);
    const ids = received.map((r) => (r.body.data as Record<string, string>)['etl.executionId']);
    expect(ids).toEqual(['2', '3', '3']);
    expect(received[1]?.body.id).toBe(received[2]?.body.id);
    expect(dispatcher.log.list().map((d) => [d.status, d.notes[0]?.split(' by ')[0]])).toEqual([
      ['DROPPED', 'dropped'],
      ['DELIVERED', 'delayed'],
      ['DELIVERED', 'duplicated'],
    ]);
    expect(dispatcher.log.list()[2]?.attempts.map((a) => a.duplicate)).toEqual([false, true]);
  });

  it('cancels what waits for a removed subscription, and stops for good once closed', async () => {
    const { fetch } = receiver([500]);
    const { dispatcher, subscribe, subscriptions } = setUp(fetch);
    const subscription = subscribe();
    dispatcher.publish('demo', [finished('1'), finished('2')]);
    await dispatcher.settled(1000);
    subscriptions.remove('demo', subscription.id);
    dispatcher.cancel(subscription.id, 'cancelled: the subscription was deleted');
    expect(dispatcher.log.list().map((d) => d.status)).toEqual(['CANCELLED', 'CANCELLED']);
    dispatcher.close();
    dispatcher.publish('demo', [finished('3')]);
    expect(dispatcher.log.list()).toHaveLength(2);
  });
  it('brings its log back to its capacity once a burst larger than it has finished', async () => {
    const { fetch } = receiver();
    const { dispatcher, subscribe } = setUp(fetch);
    const burst = dispatcher.log.capacity + 200;
    for (let n = 0; n < burst; n += 1) subscribe();
    // Every delivery is unfinished when it is added: nothing can be forgotten then.
    dispatcher.publish('demo', [finished('1000001')]);
    // What settle reports still counts every delivery, the forgotten ones included.
    expect(await dispatcher.settled(10_000)).toMatchObject({ settled: true, inFlight: 0, delivered: burst });
    expect(dispatcher.log.list()).toHaveLength(dispatcher.log.capacity);
    expect(dispatcher.log.dropped).toBe(200);
  });
});
