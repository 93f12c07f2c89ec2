import { TokenResponse } from '../auth.js';
import { BEARER_ERRORS, errorResponse } from './error-responses.js';
import type { Operation } from './operation.js';

export const authOperations: Operation[] = [
  {
    id: 'getAccessToken',
    method: 'get',
    paths: ['/auth/token'],
    summary: 'Trade the API key for a bearer token (15 minutes)',
    description:
      'Send the raw API key as the whole `Authorization` header, with no scheme. The token goes in `Authorization: Bearer <accessToken>` on every other Actito route.',
    tags: ['Authentication'],
    fidelity: 'confirmed',
    auth: 'apiKey',
    responses: {
      200: { description: 'A bearer token and how long it lasts.', json: TokenResponse },
      401: errorResponse('UNAUTHORIZED: no Authorization header, or an API key this mock does not know.'),
      406: errorResponse('NOT_ACCEPTABLE: the Accept header excludes application/json.'),
      429: BEARER_ERRORS[429],
    },
  },
];
