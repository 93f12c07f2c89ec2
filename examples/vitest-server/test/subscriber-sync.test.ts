import { connectActitoMock } from 'actito-mock';
import { beforeEach, expect, inject, it } from 'vitest';
import { syncSubscribers } from '../src/subscriber-sync.js';

// The server the globalSetup started; its control plane over HTTP has the in-process methods.
const baseUrl = inject('actitoUrl');
const actito = connectActitoMock(baseUrl);
const target = { baseUrl, apiKey: 'mock-api-key', entity: 'demo' };

beforeEach(() => actito.reset());

it('creates new subscribers and skips the ones Actito already has', async () => {
  await actito.addRows('demo', 'Profiles', [{ emailAddress: 'known@example.com' }]);

  const report = await syncSubscribers(['new@example.com', 'known@example.com', 'oops'], target);

  expect(report).toEqual({ ok: true, created: 1, skipped: 1, rejected: 1 });
  const { rows } = await actito.rows('demo', 'Profiles');
  expect(rows.map((row) => row.emailAddress)).toEqual(['known@example.com', 'new@example.com']);
  await actito.verify(
    { operation: 'createEtlExecution', definition: { mode: 'CREATE_ONLY' }, dataFile: { rowCount: 3 } },
    1,
  );
});

it('reports a refusal with the code and message Actito answered', async () => {
  const report = await syncSubscribers(['a@example.com'], { ...target, table: 'Newsletter' });
  expect(report).toMatchObject({ ok: false, status: 400, code: 'INVALID_DEFINITION' });
  // The journal keeps what a refused upload carried: its parts and its definition.
  const [refused] = await actito.findRequests({ operation: 'createEtlExecution', status: '4xx' });
  expect(refused?.received?.parts.map((part) => part.name)).toEqual(['definition', 'inputFile']);
  expect(JSON.parse(refused?.received?.definition ?? '{}')).toMatchObject({ table: { name: 'Newsletter' } });
});
