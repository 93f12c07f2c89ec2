import type { TenantsResponse } from '../../../contracts/control-records.js';
import { isoMoment } from '../../domain/clock.js';
import type { MockCore } from '../../domain/mock-core.js';
import { DEFAULT_TENANT } from '../../domain/mock-core.js';

/** Every tenant the mock knows, in order of first use, with how many records each holds. */
export function presentTenants(core: MockCore): TenantsResponse {
  return {
    defaultTenant: DEFAULT_TENANT,
    tenants: core.tenantNames().map((name) => {
      const tenant = core.tenant(name);
      const entities = [...tenant.entities.values()];
      return {
        name,
        entities: entities.map((entity) => entity.name),
        etlExecutions: entities.reduce((sum, entity) => sum + entity.etlExecutions.size, 0),
        v4Imports: entities.reduce((sum, entity) => sum + entity.v4Imports.size, 0),
        now: isoMoment(tenant.clock.now()),
      };
    }),
  };
}
