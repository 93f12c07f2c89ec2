import type { TableType } from '../../../contracts/tables.js';
import type { V4ImportParameters, V4ImportStatusValue } from '../../../contracts/v4.js';
import type { ImportRun, RunFinal } from '../imports/import-run.js';
import type { Table } from '../tables/table.js';

/** A V4 bulk import: its parameters and the import run behind it. */
export interface V4Import {
  /** Numeric on the wire (`{"id": 1000123}`); kept as text like every other id. */
  id: string;
  entity: string;
  parameters: V4ImportParameters;
  table: Table;
  run: ImportRun;
  dataFile: { name: string | null };
}

/** Which URL created the import: `table/{table}` (profile table) or `customTable/{table}`. */
export const V4_TABLE_TYPES = {
  table: 'PROFILE_TABLE',
  customTable: 'CUSTOM_TABLE',
} as const satisfies Record<string, TableType>;

/** V4 shows one FINISHED for the two V5 outcomes (with or without row errors); ERROR stays. */
export function v4Status(status: 'PENDING' | 'RUNNING' | RunFinal): V4ImportStatusValue {
  return status === 'SUCCESS' || status === 'WITH_ERROR' ? 'FINISHED' : status;
}
