import type { Clock } from '../clock.js';
import { ActitoError } from '../errors.js';
import type { IdGenerator } from '../ids.js';

export const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

export interface IssuedToken {
  accessToken: string;
  jti: string;
  apiKey: string;
  expiresAt: number;
}

/** Access tokens issued for API keys, expiring on the mock's clock (15 minutes, as Actito's). */
export class TokenStore {
  readonly #tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly apiKeys: ReadonlySet<string>,
    private readonly clock: Clock,
    private readonly uuids: IdGenerator,
    private readonly lifetimeMs = TOKEN_LIFETIME_MS,
  ) {}

  issue(apiKey: string): IssuedToken {
    if (!this.apiKeys.has(apiKey)) {
      throw new ActitoError(
        'UNAUTHORIZED',
        'Unknown API key: send the raw API key as the whole Authorization header.',
      );
    }
    const jti = this.uuids.next();
    const token: IssuedToken = {
      accessToken: `mock.${jti.replaceAll('-', '')}.${this.uuids.next().replaceAll('-', '')}`,
      jti,
      apiKey,
      expiresAt: this.clock.now() + this.lifetimeMs,
    };
    this.#tokens.set(token.accessToken, token);
    return token;
  }

  /** Whether `key` is an API key of the mock (HTTP Basic takes it as password). */
  isApiKey(key: string): boolean {
    return this.apiKeys.has(key);
  }

  /** The token's record, or an UNAUTHORIZED error saying why it is not accepted. */
  verify(accessToken: string): IssuedToken {
    const token = this.#tokens.get(accessToken);
    if (!token) throw new ActitoError('UNAUTHORIZED', 'Unknown access token: get one from GET /auth/token.');
    if (this.clock.now() >= token.expiresAt) {
      this.#tokens.delete(accessToken);
      throw new ActitoError(
        'UNAUTHORIZED',
        'The access token has expired (tokens last 15 minutes): get a new one from GET /auth/token.',
      );
    }
    return token;
  }

  get lifetimeSeconds(): number {
    return Math.round(this.lifetimeMs / 1000);
  }
}
