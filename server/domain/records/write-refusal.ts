import type { ActitoError } from '../errors.js';
import type { Table } from '../tables/table.js';
import type { RecordWrite } from '../tables/write-record.js';
import { uniqueTakenMessage } from '../tables/write-record.js';
import { invalidRecord } from './record-body.js';

/**
 * What a refused single-record write answers: the rule (MANDATORY_VALUE_MISSING,
 * UNIQUE_VALUE_TAKEN) and the attribute, at the place of the body that holds it.
 */
export function refusedWrite(
  table: Table,
  refusal: Extract<RecordWrite, { status: 'REFUSED' }>,
  pathOf: (attribute: string) => string,
): ActitoError {
  const name = table.columns[refusal.column]?.name as string;
  const message =
    refusal.code === 'MANDATORY_VALUE_MISSING'
      ? `attribute ${name} is mandatory to create a record; give it a value`
      : uniqueTakenMessage(table, refusal.column, refusal.value);
  return invalidRecord(table, [{ path: pathOf(name), message: `${refusal.code}: ${message}` }]);
}
