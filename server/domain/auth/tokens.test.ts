import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { createUuidGenerator, seededRandom } from '../ids.js';
import { TOKEN_LIFETIME_MS, TokenStore } from './tokens.js';

function store() {
  const clock = createManualClock();
  return { clock, tokens: new TokenStore(new Set(['key']), clock, createUuidGenerator(seededRandom(1))) };
}

describe('TokenStore', () => {
  it('issues a token for a known API key and refuses an unknown one', () => {
    const { tokens } = store();
    const token = tokens.issue('key');
    expect(tokens.verify(token.accessToken)).toBe(token);
    expect(token.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(() => tokens.issue('other')).toThrow(/Unknown API key/);
    expect(() => tokens.verify('forged')).toThrow(/Unknown access token/);
  });

  it('expires a token after 15 minutes of the injected clock', () => {
    const { tokens, clock } = store();
    const token = tokens.issue('key');
    clock.advance(TOKEN_LIFETIME_MS - 1);
    expect(tokens.verify(token.accessToken)).toBe(token);
    clock.advance(1);
    expect(() => tokens.verify(token.accessToken)).toThrow(/expired/);
    expect(tokens.lifetimeSeconds).toBe(900);
  });
});
