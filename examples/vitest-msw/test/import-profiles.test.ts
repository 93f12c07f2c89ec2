import { createActitoHandlers, createActitoMock, mswListenOptions } from 'actito-mock/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { importProfiles } from '../src/import-profiles.js';

// One mock for the file; its control methods work in-process, without HTTP.
const mock = createActitoMock();
const server = setupServer(...createActitoHandlers({ mock }));

beforeAll(() => server.listen(mswListenOptions('error'))); // the same under msw 2 and msw 3
beforeEach(async () => {
  await mock.reset(); // the data, the journal; progression settings stay
  await mock.setProgression('*', 'immediate'); // final at once: no polling needed
});
afterAll(() => server.close());

const options = { apiKey: 'mock-api-key', entity: 'demo', pollIntervalMs: 0 };

it('imports the profiles and reports the counts Actito computed', async () => {
  const outcome = await importProfiles('email,name\nann@example.com,Ann\nbob@example.com,Bob\n', options);
  expect(outcome).toEqual({ status: 'SUCCESS', created: 2, updated: 0, inError: 0 });

  const { rows } = await mock.rows('demo', 'Profiles');
  expect(rows.map((row) => row.emailAddress)).toEqual(['ann@example.com', 'bob@example.com']);
  await mock.verify(
    { operation: 'createEtlExecution', status: 201, definition: { mode: 'CREATE_UPDATE' } },
    1,
  );
  await mock.verify({ operation: 'getEtlExecution' }, 1);
  await mock.verifyNoV4Calls();
});

it('reports the rows Actito refused', async () => {
  const outcome = await importProfiles('email,name\nann@example.com,Ann\nnot-an-address,Bob\n', options);
  expect(outcome).toEqual({ status: 'WITH_ERROR', created: 1, updated: 0, inError: 1 });
});

it('polls until the execution is final, one status read per step', async () => {
  await mock.setProgression('v5.etlExecution', 'afterPolls:1'); // PENDING, then RUNNING, then final
  await importProfiles('email,name\nann@example.com,Ann\n', options);
  await mock.verify({ operation: 'getEtlExecution', status: 200 }, 3);
});
