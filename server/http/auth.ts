import type { MiddlewareHandler } from 'hono';
import { ActitoError } from '../domain/errors.js';
import type { MockEnv } from './env.js';
import { requestHeader } from './request-header.js';

/** Every Actito route but the token one needs `Authorization: Bearer <accessToken>` that is known and unexpired. */
export function bearerAuth(): MiddlewareHandler<MockEnv> {
  return async function requireBearerToken(c, next) {
    const header = requestHeader(c, 'authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      throw new ActitoError(
        'UNAUTHORIZED',
        header
          ? 'The Authorization header must be "Bearer <accessToken>"; get a token from GET /auth/token.'
          : 'No Authorization header: send "Authorization: Bearer <accessToken>", with a token from GET /auth/token.',
      );
    }
    c.set('token', c.get('tenant').tokens.verify(match[1] as string));
    await next();
  };
}
