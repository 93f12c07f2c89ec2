/*
 * Type-checked, never run: test/msw-types.test.ts compiles it against the installed msw (2 on the
 * Node 20 lane, 3 on the Node 24 lane), so the helper is proven to type-check under both majors.
 */
import { setupServer } from 'msw/node';
import { createActitoHandlers, mswListenOptions } from '../../server/adapters/msw.js';

const server = setupServer(...createActitoHandlers());
server.listen(mswListenOptions('error'));
server.listen(mswListenOptions());
// @ts-expect-error each major rejects the other's option name in an object literal (stack-notes pitfall 4)
server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
server.close();
