import { Hono } from 'hono';
import type { MockSettingsState } from '../../../contracts/settings.js';
import { MockSettingsUpdate } from '../../../contracts/settings.js';
import { updatedSettings } from '../../domain/settings.js';
import type { Table } from '../../domain/tables/table.js';
import type { Tenant } from '../../domain/tenant.js';
import type { MockEnv } from '../env.js';
import { jsonBody } from '../json-body.js';

/** GET/PUT /__mock/settings: the tenant's V4 sunset, API limits and retention, switchable at runtime. */
export function controlSettingsRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();

  routes.get('/__mock/settings', (c) => c.json(settingsState(c.get('tenant'))));

  routes.put('/__mock/settings', async (c) => {
    const update = await jsonBody(c, MockSettingsUpdate, 'INVALID_CONTROL_REQUEST');
    const tenant = c.get('tenant');
    tenant.settings = updatedSettings(tenant.settings, update);
    tenant.retention.enforce(tenant.settings.retention);
    return c.json(settingsState(tenant));
  });

  return routes;
}

export function settingsState(tenant: Tenant): MockSettingsState {
  return {
    v4Sunset: tenant.settings.v4Sunset,
    limits: { ...tenant.settings.limits },
    retention: { ...tenant.settings.retention },
    usage: {
      inFlightRequests: tenant.inFlightRequests,
      v4ImportsToday: tenant.v4ImportQuota.usage(tenant.clock.now(), liveTables(tenant)),
      retained: tenant.retention.usage(),
    },
  };
}

function liveTables(tenant: Tenant): Set<Table> {
  return new Set([...tenant.entities.values()].flatMap((entity) => entity.tables));
}
