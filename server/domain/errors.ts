import type { ErrorDetail } from '../../contracts/errors.js';

/**
 * Every error code the mock answers with. The HTTP layer maps each to a status in one place
 * (`server/http/error-status.ts`); the README lists them.
 */
export const ERROR_CODES = [
  'INVALID_DEFINITION',
  'INVALID_MULTIPART',
  'MISSING_PART',
  'FILE_TOO_LARGE',
  'UNKNOWN_ENTITY',
  'UNKNOWN_TABLE',
  'UNKNOWN_EXECUTION',
  'UNKNOWN_IMPORT',
  'RECORD_EVICTED',
  'UNKNOWN_ETL',
  'UNKNOWN_SUBSCRIPTION',
  'UNKNOWN_PROFILE',
  'UNKNOWN_RECORD',
  'INVALID_RECORD',
  'PROFILE_ALREADY_EXISTS',
  'INVALID_SUBSCRIPTION',
  'INVALID_PARAMETER',
  'EXECUTION_NOT_FINISHED',
  'IMPORT_NOT_FINISHED',
  'OUTPUT_FILES_NOT_REQUESTED',
  'RESULT_FILE_NOT_REQUESTED',
  'UNAUTHORIZED',
  'NOT_ACCEPTABLE',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'TOO_MANY_REQUESTS',
  'QUOTA_EXCEEDED',
  'V4_REMOVED',
  'INVALID_CONTROL_REQUEST',
  'INJECTED_FAULT',
  'MOCK_RESET',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure the client can act on; `details` point at the part, field or line at fault. */
export class ActitoError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ActitoError';
  }
}
