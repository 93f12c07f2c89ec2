import { MockSettingsState, MockSettingsUpdate } from '../settings.js';
import { errorResponse } from './error-responses.js';
import type { Operation } from './operation.js';

const CONTROL_TAGS = ['Mock control'];

/** GET/PUT /__mock/settings: the V4 sunset and the API limits of the tenant. */
export const settingsOperations: Operation[] = [
  {
    id: 'getMockSettings',
    method: 'get',
    paths: ['/__mock/settings'],
    summary: 'Read the V4 sunset setting and the API limits of the tenant, and how much of each is in use',
    tags: CONTROL_TAGS,
    fidelity: 'modelled',
    auth: 'none',
    responses: { 200: { description: 'The settings and their usage.', json: MockSettingsState } },
  },
  {
    id: 'updateMockSettings',
    method: 'put',
    paths: ['/__mock/settings'],
    summary:
      'Switch the V4 routes (enabled, deprecated, removed) or change, or switch off (null), an API limit',
    tags: CONTROL_TAGS,
    fidelity: 'modelled',
    auth: 'none',
    request: { json: MockSettingsUpdate },
    responses: {
      200: { description: 'The settings now in force.', json: MockSettingsState },
      400: errorResponse('INVALID_CONTROL_REQUEST: the body breaks the contract; errors name each field.'),
    },
  },
];
