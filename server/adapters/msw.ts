import type { HttpHandler } from 'msw';
import { http } from 'msw';
import { ACTITO_HOSTS } from '../hosts.js';
import type { ActitoMock, ActitoMockOptions } from '../mock.js';
import { createActitoMock } from '../mock.js';

export interface ActitoHandlersOptions extends ActitoMockOptions {
  /** An existing mock to serve (to keep its control plane at hand); one is created otherwise. */
  mock?: ActitoMock;
  /** Another base URL to intercept besides the four Actito hosts, e.g. `http://localhost:9999/actito`. */
  baseUrl?: string;
}

/** MSW handlers that pass every request for Actito to the same app the Node server runs. */
export function createActitoHandlers(options: ActitoHandlersOptions = {}): HttpHandler[] {
  const mock = options.mock ?? createActitoMock(options);
  const bases = [...ACTITO_HOSTS, ...(options.baseUrl ? [options.baseUrl.replace(/\/+$/, '')] : [])];
  return bases.map((base) => {
    const basePath = new URL(base).pathname.replace(/\/+$/, '');
    // A RegExp without groups, not `${base}/*`: msw 2 decodes a wildcard's match with
    // decodeURIComponent, and a malformed percent-encoding in the path then threw (a 500 of msw's).
    return http.all(new RegExp(`^${escapeRegExp(base)}/`), ({ request }) =>
      mock.fetch(basePath ? withoutBasePath(request, basePath) : request),
    );
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The request as the app expects it, without the base URL's path prefix. */
function withoutBasePath(request: Request, basePath: string): Request {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(basePath.length) || '/';
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers: request.headers };
  if (request.body) Object.assign(init, { body: request.body, duplex: 'half' });
  return new Request(url, init);
}

/** What MSW does with a request that no handler matched. */
export type UnhandledStrategy = 'bypass' | 'warn' | 'error';

/** `server.listen()` options naming the strategy the way msw 2 and msw 3 each read it. */
export interface MswListenOptions {
  /** msw 2's name. */
  onUnhandledRequest: UnhandledStrategy;
  /** msw 3's name. */
  onUnhandledFrame: UnhandledStrategy;
}

/**
 * `server.listen(mswListenOptions('error'))` means the same under msw 2 and msw 3 and type-checks
 * under both: each major ignores the other's option name, but strict `tsc` rejects it in an object
 * literal; this value is not a literal, so only the name each major knows is checked.
 */
export function mswListenOptions(onUnhandled: UnhandledStrategy = 'error'): MswListenOptions {
  return { onUnhandledRequest: onUnhandled, onUnhandledFrame: onUnhandled };
}

export type { ActitoMock };
export { createActitoMock };
