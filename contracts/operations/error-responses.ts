import { ErrorEnvelope } from '../errors.js';
import type { OperationResponse } from './operation.js';

/** An error answer: the one error envelope, with the codes that lead to it named in the description. */
export function errorResponse(description: string): OperationResponse {
  return { description, json: ErrorEnvelope };
}

/** What every Actito route behind a bearer token may answer besides its own errors. */
export const BEARER_ERRORS = {
  401: errorResponse(
    'UNAUTHORIZED: the Authorization header is missing, not "Bearer <accessToken>", or the token is unknown or expired (15 minutes).',
  ),
  406: errorResponse('NOT_ACCEPTABLE: the Accept header excludes what the route answers.'),
  429: errorResponse(
    'TOO_MANY_REQUESTS: the licence (mock tenant) already has the most requests in flight Actito serves at once (5 by default).',
  ),
} as const satisfies Record<number, OperationResponse>;

/**
 * What a download route (a V4 error or result file, V5 output files) may answer besides its own
 * errors: no 406, since it answers its file whatever Accept says; clients commonly send
 * `Accept: application/json` on every call.
 */
export const DOWNLOAD_ERRORS = {
  401: BEARER_ERRORS[401],
  429: BEARER_ERRORS[429],
} as const satisfies Record<number, OperationResponse>;
