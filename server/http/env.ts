import type { IssuedToken } from '../domain/auth/tokens.js';
import type { Tenant } from '../domain/tenant.js';

/** Values middleware hands to route handlers. */
export interface MockEnv {
  Variables: {
    tenant: Tenant;
    token: IssuedToken;
  };
}
