import type { ErrorDetail } from '../../../contracts/errors.js';
import type { ImportMode } from '../../../contracts/format.js';
import type { CustomRecordSearchQuery } from '../../../contracts/table-records.js';
import { CustomRecordInput } from '../../../contracts/table-records.js';
import { ActitoError } from '../errors.js';
import { invalidRecord, parseRecordBody } from '../records/record-body.js';
import { findEqual, invalidParameter, searchColumn, sortRows, storedForm } from '../records/search.js';
import { refusedWrite } from '../records/write-refusal.js';
import { compileRecordChecker } from '../tables/add-rows.js';
import type { RowPatch, Table } from '../tables/table.js';
import type { RecordMatch } from '../tables/write-record.js';
import { matchByKeys, writeRecord } from '../tables/write-record.js';
import type { Entity, Tenant } from '../tenant.js';

/** Custom tables have no `id` column in the mock: a client sending one has it ignored, like the moments. */
const IGNORED = ['id'];

export interface RecordRef {
  table: Table;
  row: number;
}

export interface RecordWriteResult extends RecordRef {
  created: boolean;
  ignored: string[];
  /** The primary key value of the record written. */
  businessKey: string;
}

/** POST .../customTable/{table}/record: creates the record, or updates the one with that primary key. */
export function saveRecord(
  tenant: Tenant,
  entityName: string,
  tableName: string,
  body: string,
): RecordWriteResult {
  const { entity, table } = customTable(tenant, entityName, tableName);
  const { patch, ignored } = recordPatch(table, body);
  return write(tenant, entity, table, 'CREATE_UPDATE', patch, matchByKeys(table, patch), ignored);
}

/** GET .../record/{key} */
export function findRecord(tenant: Tenant, entityName: string, tableName: string, key: string): RecordRef {
  const { table } = customTable(tenant, entityName, tableName);
  return { table, row: locate(table, key) };
}

/** PUT .../record/{key}: writes only what the body names. */
export function updateRecord(
  tenant: Tenant,
  entityName: string,
  tableName: string,
  key: string,
  body: string,
): RecordWriteResult {
  const { entity, table } = customTable(tenant, entityName, tableName);
  const row = locate(table, key);
  const { patch, ignored } = recordPatch(table, body);
  return write(tenant, entity, table, 'UPDATE_ONLY', patch, { row, column: undefined }, ignored);
}

/** DELETE .../record/{key} */
export function deleteRecord(tenant: Tenant, entityName: string, tableName: string, key: string): void {
  const { entity, table } = customTable(tenant, entityName, tableName);
  const row = locate(table, key);
  const record = table.row(row);
  table.delete(row);
  const listener = tenant.recordListener(entity, table);
  listener?.deleted(row, record);
  listener?.flush();
}

/** GET .../record?searchField=&searchValue=&sortedField=&ascending=&number= */
export function searchRecords(
  tenant: Tenant,
  entityName: string,
  tableName: string,
  query: CustomRecordSearchQuery,
): RecordRef[] {
  const { table } = customTable(tenant, entityName, tableName);
  if ((query.searchField === undefined) !== (query.searchValue === undefined)) {
    const missing = query.searchField === undefined ? 'searchField' : 'searchValue';
    throw invalidParameter(
      `query.${missing}`,
      'searchField and searchValue go together: give both, or neither',
    );
  }
  const sortColumn =
    query.sortedField === undefined ? undefined : searchColumn(table, query.sortedField, 'query.sortedField');
  let rows: number[];
  if (query.searchField !== undefined) {
    const column = searchColumn(table, query.searchField, 'query.searchField');
    const value = storedForm(table, column, query.searchValue as string, 'query.searchValue');
    // Sorted, every match counts before the limit; else the first `number` found.
    rows = findEqual(
      table,
      column,
      value,
      sortColumn === undefined ? query.number : Number.POSITIVE_INFINITY,
    );
  } else {
    rows = [...table.rowNumbers()];
  }
  if (sortColumn !== undefined) rows = sortRows(table, rows, sortColumn, query.ascending ?? true);
  return rows.slice(0, query.number).map((row) => ({ table, row }));
}

function customTable(
  tenant: Tenant,
  entityName: string,
  tableName: string,
): { entity: Entity; table: Table } {
  const entity = tenant.entity(entityName);
  return { entity, table: entity.tableByNameOrId('CUSTOM_TABLE', tableName) };
}

/** The body's properties checked by the table's own checkers (those an import applies to its cells). */
function recordPatch(table: Table, body: string): { patch: RowPatch; ignored: string[] } {
  const input = parseRecordBody(body, CustomRecordInput);
  const faults: ErrorDetail[] = [];
  const record: Record<string, string | number | boolean | null> = {};
  const seen = new Set<string>();
  input.properties.forEach((property, index) => {
    if (seen.has(property.name)) {
      faults.push({
        path: `body.properties[${index}].name`,
        message: `${property.name} is named twice; name each once`,
      });
      return;
    }
    seen.add(property.name);
    Object.defineProperty(record, property.name, { value: property.value ?? null, enumerable: true });
  });
  const checked = compileRecordChecker(table, IGNORED)(record, 'body.properties');
  for (const fault of checked.faults) {
    faults.push(fault);
  }
  if (faults.length > 0) throw invalidRecord(table, faults);
  return { patch: checked.patch, ignored: checked.ignored };
}

function write(
  tenant: Tenant,
  entity: Entity,
  table: Table,
  mode: ImportMode,
  patch: RowPatch,
  match: RecordMatch,
  ignored: string[],
): RecordWriteResult {
  const listener = tenant.recordListener(entity, table);
  const result = writeRecord(table, mode, patch, tenant.clock.now(), match, listener?.needsPrevious);
  if (result.status === 'REFUSED') throw refusedWrite(table, result, (name) => `body.properties.${name}`);
  // CREATE_UPDATE and UPDATE_ONLY with a located record never skip.
  if (result.status === 'SKIPPED') throw new ActitoError('INTERNAL_ERROR', 'a record write was skipped');
  listener?.written(result, patch);
  listener?.flush();
  const businessKey = table.value(result.row, table.keyColumns[0] as number) ?? '';
  return { table, row: result.row, created: result.status === 'CREATED', ignored, businessKey };
}

/** A record by its primary key value; 404 when none. */
function locate(table: Table, key: string): number {
  const column = table.keyColumns[0] as number;
  let stored: string | null = key;
  try {
    stored = storedForm(table, column, key, 'path.key');
  } catch {
    stored = null;
  }
  const row = stored === null ? undefined : table.find(column, stored);
  if (row === undefined) {
    const name = table.columns[column]?.name;
    throw new ActitoError(
      'UNKNOWN_RECORD',
      `Custom table ${table.name} has no record with ${name} "${key}".`,
    );
  }
  return row;
}
