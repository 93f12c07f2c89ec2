import type { ErrorEnvelope } from '../../contracts/errors.js';
import { ActitoError } from '../domain/errors.js';
import { ERROR_STATUS } from './error-status.js';

/** Any thrown value as the one error envelope; unexpected ones become a 500 that says what broke. */
export function errorEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof ActitoError) {
    const status = ERROR_STATUS[error.code];
    return {
      status,
      code: error.code,
      message: error.message,
      ...(error.details.length ? { errors: error.details } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, code: 'INTERNAL_ERROR', message: `The mock failed unexpectedly: ${message}` };
}

export function errorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const envelope = errorEnvelope(error);
  return Response.json(envelope, { status: envelope.status, headers });
}
