import { Hono } from 'hono';
import { UI_SECTION_IDS } from '../../../contracts/ui.js';
import { ActitoError } from '../../domain/errors.js';
import type { MockCore } from '../../domain/mock-core.js';
import type { MockEnv } from '../env.js';
import type { OperationNames } from '../operation-names.js';
import { DASHBOARD_CSP } from '../ui/content-security-policy.js';
import { DashboardPage } from '../ui/dashboard-page.js';
import { uiSection } from '../ui/sections.js';

const PAGE_HEADERS = {
  'content-security-policy': DASHBOARD_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** The dashboard at /__mock/ui, and each section alone for the page's refreshes. */
export function controlUiRoutes(core: MockCore, operations: OperationNames): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();

  routes.get('/__mock/ui', async (c) => {
    const page = await (<DashboardPage context={{ core, tenant: c.get('tenant'), operations }} />).toString();
    return c.html(`<!doctype html>${page}`, 200, PAGE_HEADERS);
  });

  routes.get('/__mock/ui/sections/:section', async (c) => {
    const name = c.req.param('section');
    const section = uiSection(name);
    if (!section) {
      throw new ActitoError(
        'ROUTE_NOT_FOUND',
        `The dashboard has no section "${name}"; it has ${UI_SECTION_IDS.join(', ')}.`,
      );
    }
    const html = await section.render({ core, tenant: c.get('tenant'), operations });
    return c.html(html, 200, PAGE_HEADERS);
  });

  return routes;
}
