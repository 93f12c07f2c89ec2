import type { Context } from 'hono';
import { ActitoError } from '../domain/errors.js';
import type { MockCore } from '../domain/mock-core.js';
import { DEFAULT_TENANT } from '../domain/mock-core.js';
import type { Tenant } from '../domain/tenant.js';
import type { MockEnv } from './env.js';
import { requestHeader } from './request-header.js';

export const TENANT_HEADER = 'x-mock-tenant';
export const TENANT_QUERY = 'tenant';
const TENANT_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The tenant whose state a request sees, settled: the X-Mock-Tenant header, else (on the control
 * plane only, since a browser cannot set headers on a link) `?tenant=`, else the default one.
 * Throws an INVALID_CONTROL_REQUEST naming the header or parameter when the name is not one.
 */
export function selectTenant(c: Context<MockEnv>, core: MockCore): Tenant {
  const header = requestHeader(c, TENANT_HEADER);
  const query = c.req.path.startsWith('/__mock/') ? c.req.query(TENANT_QUERY) : undefined;
  if (header !== undefined && query !== undefined && header !== query) {
    throw new ActitoError(
      'INVALID_CONTROL_REQUEST',
      `X-Mock-Tenant "${header}" and ?tenant=${query} name different tenants; send one of them, or the same name in both.`,
    );
  }
  const name = header ?? query ?? DEFAULT_TENANT;
  if (!TENANT_NAME.test(name)) {
    const source = header === undefined ? '?tenant=' : 'X-Mock-Tenant';
    throw new ActitoError(
      'INVALID_CONTROL_REQUEST',
      `${source} "${name}" is not a valid tenant name: use 1 to 64 letters, digits, dots, dashes or underscores.`,
    );
  }
  const tenant = core.tenant(name);
  // Time passes on its own: whatever a request reads (a status, a file, the rows, the journal),
  // the records whose moves fell due meanwhile have made them.
  tenant.settleDue();
  return tenant;
}
