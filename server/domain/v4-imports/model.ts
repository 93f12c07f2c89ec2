import type { V4ImportParameters } from '../../../contracts/v4.js';
import type { ImportRun } from '../imports/import-run.js';
import type { Table } from '../tables/table.js';

/** A V4 bulk import: its parameters and the import run behind it. */
export interface V4Import {
  id: string;
  entity: string;
  parameters: V4ImportParameters;
  table: Table;
  run: ImportRun;
  dataFile: { name: string | null };
}
