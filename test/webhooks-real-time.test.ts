import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActitoHandlers } from '../server/adapters/msw.js';
import { createActitoMock } from '../server/index.js';
import { ActitoTestClient } from './helpers/actito-client.js';
import { profilesCsv, twoTableEtl } from './helpers/etls.js';

const HOOK = 'https://hooks.real-time.test/actito';

/**
 * Under the wall clock nobody advances, time must move things on its own: an execution nobody
 * polls finishes and says so, and a failed delivery is retried, each woken by a real timer.
 */
describe('webhooks under the system clock', () => {
  const mock = createActitoMock({
    progression: { type: 'afterMs', ms: 30 },
    webhooks: { retryDelaysMs: [30] },
  });
  const statuses = [500];
  const received: { status: string; attempt: number }[] = [];
  let delivered: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    delivered = resolve;
  });
  const server = setupServer(
    ...createActitoHandlers({ mock }),
    http.post(HOOK, async ({ request }) => {
      const body = (await request.json()) as { data: Record<string, string> };
      const status = statuses.shift() ?? 200;
      received.push({ status: body.data['etl.executionStatus'] as string, attempt: received.length + 1 });
      if (status === 200) delivered();
      return new HttpResponse(null, { status });
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as never));
  afterAll(() => server.close());

  it('delivers FINISHED of an execution nobody polls, retrying a failure, with no advance', async () => {
    const client = new ActitoTestClient('https://api.actito.com');
    await client.login();
    const created = await fetch('https://api.actito.com/mass-imports/v5/entities/demo/etls', {
      method: 'POST',
      headers: client.headers({ 'content-type': 'application/json' }),
      // One table, no pattern: the wall clock's date names no file.
      body: JSON.stringify({
        ...twoTableEtl,
        tables: [{ ...twoTableEtl.tables[0], fileNamePattern: undefined }],
      }),
    });
    const { id: etlId } = (await created.json()) as { id: string };
    const subscribed = await fetch('https://api.actito.com/webhooks/v4/entity/demo/webhookSubscription', {
      method: 'POST',
      headers: client.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({ on: 'ETL', eventType: 'FINISHED', onElementId: etlId, targetUrl: HOOK }),
    });
    expect(subscribed.status).toBe(201);
    const triggered = await client.upload(`/mass-imports/v5/entities/demo/etls/${etlId}/trigger-execution`, [
      { name: 'inputFile', content: profilesCsv, fileName: 'profiles.csv' },
    ]);
    expect(triggered.status).toBe(201);

    await finished;
    // The receiver has answered; the mock records the answer once it arrives.
    expect(await mock.settleWebhooks()).toMatchObject({ settled: true, delivered: 1 });
    expect(received).toEqual([
      { status: 'SUCCESS', attempt: 1 },
      { status: 'SUCCESS', attempt: 2 },
    ]);
    const [delivery] = (await mock.webhookDeliveries()).deliveries;
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 200]);
  });
});
