import { Hono } from 'hono';
import type { TokenResponse } from '../../../contracts/auth.js';
import { ActitoError } from '../../domain/errors.js';
import { produces } from '../accept.js';
import type { MockEnv } from '../env.js';

/** GET /auth/token: the raw API key as the whole Authorization header buys a 15-minute bearer token. */
export function authRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  routes.get('/auth/token', produces('application/json'), (c) => {
    const apiKey = c.req.header('authorization')?.trim();
    if (!apiKey) {
      throw new ActitoError(
        'UNAUTHORIZED',
        'No API key: send the raw API key as the whole Authorization header (no "Bearer" or other scheme).',
      );
    }
    const tenant = c.get('tenant');
    const token = tenant.tokens.issue(apiKey);
    const body: TokenResponse = {
      accessToken: token.accessToken,
      tokenType: 'bearer',
      expiresIn: `${tenant.tokens.lifetimeSeconds}s`,
      scope: 'read write',
      jti: token.jti,
    };
    return c.json(body);
  });
  return routes;
}
