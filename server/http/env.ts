import type { IssuedToken } from '../domain/auth/tokens.js';
import type { Tenant } from '../domain/tenant.js';
import type { ExchangeNotes } from './exchange.js';

/** Values middleware hands to route handlers. */
export interface MockEnv {
  Variables: {
    tenant: Tenant;
    token: IssuedToken;
    /** Set by the journal middleware; routes add to it with noteUpload / noteRecordStatus. */
    exchange: ExchangeNotes;
  };
}
