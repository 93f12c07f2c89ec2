import type { MiddlewareHandler } from 'hono';
import { ActitoError } from '../domain/errors.js';
import type { MockEnv } from './env.js';
import { requestHeader } from './request-header.js';

export interface AuthOptions {
  /** Paths that also take HTTP Basic: any login, the API key as password (Actito's SDK sends `<licence>/<user>`). */
  basicOn?: (path: string) => boolean;
}

/**
 * Every Actito route but the token one needs `Authorization: Bearer <accessToken>` that is known
 * and unexpired; the single-record routes take HTTP Basic with the API key as password too.
 */
export function bearerAuth(options: AuthOptions = {}): MiddlewareHandler<MockEnv> {
  return async function requireBearerToken(c, next) {
    const header = requestHeader(c, 'authorization');
    const basicAllowed = options.basicOn?.(c.req.path) ?? false;
    if (basicAllowed && header && /^Basic\s/i.test(header)) {
      checkBasic(header, c.get('tenant').tokens.isApiKey.bind(c.get('tenant').tokens));
      await next();
      return;
    }
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      const expected = basicAllowed
        ? '"Bearer <accessToken>" (a token from GET /auth/token) or "Basic <base64 of login:apiKey>"'
        : '"Bearer <accessToken>"';
      throw new ActitoError(
        'UNAUTHORIZED',
        header
          ? `The Authorization header must be ${expected}; get a token from GET /auth/token.`
          : `No Authorization header: send "Authorization: ${expected.replaceAll('"', '')}", with a token from GET /auth/token.`,
      );
    }
    c.set('token', c.get('tenant').tokens.verify(match[1] as string));
    await next();
  };
}

/** HTTP Basic (RFC 7617): any non-empty login, a known API key as password; anything else 401. */
function checkBasic(header: string, isApiKey: (key: string) => boolean): void {
  const encoded = header.replace(/^Basic\s+/i, '').trim();
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded)
    ? Buffer.from(encoded, 'base64').toString('utf8')
    : '';
  const colon = decoded.indexOf(':');
  if (colon <= 0) {
    throw new ActitoError(
      'UNAUTHORIZED',
      'HTTP Basic credentials must be base64 of "<licence>/<user>:<API key>" (e.g. demo/WebService_user:mock-api-key).',
    );
  }
  if (!isApiKey(decoded.slice(colon + 1))) {
    throw new ActitoError(
      'UNAUTHORIZED',
      'HTTP Basic credentials refused: the password must be the API key.',
    );
  }
}
