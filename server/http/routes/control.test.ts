import { expect, it } from 'vitest';
import { createManualClock } from '../../domain/clock.js';
import { createActitoMock, MockControlError } from '../../index.js';

it('refuses, with 400 naming body.ms, an advance that would take the clock past the last valid date', async () => {
  const mock = createActitoMock({ clock: () => createManualClock('+275760-09-11T00:00:00.000Z') });
  const refused = await mock.advance({ ms: 2 * 24 * 60 * 60 * 1000 }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(MockControlError);
  expect((refused as MockControlError).envelope).toMatchObject({
    status: 400,
    code: 'INVALID_CONTROL_REQUEST',
    message: expect.stringContaining('past +275760-09-12T00:00:00.000Z'),
    errors: [{ path: 'body.ms' }],
  });
  expect(await mock.health()).toMatchObject({ status: 'ok', now: '+275760-09-11T00:00:00.000Z' });
});
