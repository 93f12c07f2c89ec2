import { DashboardHtml, UiSectionPath } from '../ui.js';
import { errorResponse } from './error-responses.js';
import type { Operation } from './operation.js';

const TAGS = ['Mock dashboard'];

/** The dashboard: a page for people, served by the same app as the API it shows. */
export const uiOperations: Operation[] = [
  {
    id: 'getMockDashboard',
    method: 'get',
    paths: ['/__mock/ui'],
    summary:
      "Open the dashboard: the tenant's imports and executions, the live journal, coverage, settings, and a reset button",
    description:
      'Pick the tenant with `?tenant=` (a browser cannot set X-Mock-Tenant on a link). The page reads the control plane; looking at it never moves a record and is not journaled.',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'none',
    responses: {
      200: { description: 'The page.', contentType: 'text/html', schema: DashboardHtml },
      400: errorResponse('INVALID_CONTROL_REQUEST: the tenant name is not valid.'),
    },
  },
  {
    id: 'getMockDashboardSection',
    method: 'get',
    paths: ['/__mock/ui/sections/{section}'],
    summary: 'Render one section of the dashboard again (the page refreshes itself with it)',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'none',
    request: { params: UiSectionPath },
    responses: {
      200: {
        description: 'The section body, an HTML fragment.',
        contentType: 'text/html',
        schema: DashboardHtml,
      },
      404: errorResponse('ROUTE_NOT_FOUND: no such section; the message lists them.'),
    },
  },
];
