import { ActitoError } from '../errors.js';
import type { Tenant } from '../tenant.js';

/** 404 RECORD_EVICTED: a finished record that retention dropped, and how to keep more. */
export function recordEvicted(tenant: Tenant, what: string): ActitoError {
  const { maxFinishedRecords, maxStoredFileBytes } = tenant.settings.retention;
  const bytes = maxStoredFileBytes === null ? 'no byte budget' : `${maxStoredFileBytes} bytes of their files`;
  return new ActitoError(
    'RECORD_EVICTED',
    `${what} was evicted: mock tenant "${tenant.name}" keeps its newest ${maxFinishedRecords ?? 'unlimited'} finished imports and executions and ${bytes}. ` +
      'Read results before that many newer ones finish, or keep more with PUT /__mock/settings {"retention": {"maxFinishedRecords": ..., "maxStoredFileBytes": ...}} (null keeps everything) or ACTITO_MOCK_RETENTION.',
  );
}
