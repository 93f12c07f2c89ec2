import type { ImportMode } from '../../../contracts/format.js';
import type { ProfileSearchQuery } from '../../../contracts/table-records.js';
import { ProfileInput, V5ProfileUpsert } from '../../../contracts/table-records.js';
import type { PageInfo, PageQuery } from '../../../contracts/v5-etls.js';
import { ActitoError } from '../errors.js';
import { pageOf } from '../paging.js';
import { parseRecordBody } from '../records/record-body.js';
import { findEqual, invalidParameter, searchColumn, storedForm } from '../records/search.js';
import { refusedWrite } from '../records/write-refusal.js';
import type { RowPatch, Table } from '../tables/table.js';
import { matchByKeys, type RecordMatch, writeRecord } from '../tables/write-record.js';
import type { Entity, Tenant } from '../tenant.js';
import { SUBSCRIPTION_PREFIX } from '../values/index.js';
import type { ProfilePatch } from './profile-patch.js';
import { profilePatch, v4ProfileParts } from './profile-patch.js';
import { v5ProfileParts } from './v5-profile-parts.js';

/** One profile of one table. */
export interface ProfileRef {
  table: Table;
  row: number;
}

/** What a write did, and what it ignored (technical attributes a client sent). */
export interface ProfileWrite extends ProfileRef {
  created: boolean;
  ignored: string[];
}

/** POST .../table/{table}/profile[?allowUpdate=true]: creates, or with allowUpdate updates the profile a unique attribute matches. */
export function createProfile(
  tenant: Tenant,
  entityName: string,
  tableName: string,
  body: string,
  allowUpdate: boolean,
): ProfileWrite {
  const { entity, table } = profileTable(tenant, entityName, tableName);
  const input = parseRecordBody(body, ProfileInput);
  const changes = profilePatch(table, v4ProfileParts(input));
  const match = matchByKeys(table, changes.patch);
  const mode: ImportMode = allowUpdate ? 'CREATE_UPDATE' : 'CREATE_ONLY';
  return write(tenant, entity, table, mode, changes, match, (name) => `body.attributes.${name}`);
}

/** GET .../profile/{ref}: by id, or by a unique attribute (`emailAddress=ann@example.com`). */
export function findProfile(tenant: Tenant, entityName: string, tableName: string, ref: string): ProfileRef {
  const { table } = profileTable(tenant, entityName, tableName);
  return { table, row: locate(table, ref) };
}

/** PUT .../profile/{ref}: writes only what the body names. */
export function updateProfile(
  tenant: Tenant,
  entityName: string,
  tableName: string,
  ref: string,
  body: string,
): ProfileWrite {
  const { entity, table } = profileTable(tenant, entityName, tableName);
  const row = locate(table, ref);
  const input = parseRecordBody(body, ProfileInput);
  const changes = profilePatch(table, v4ProfileParts(input));
  return write(
    tenant,
    entity,
    table,
    'UPDATE_ONLY',
    changes,
    { row, column: undefined },
    (name) => `body.attributes.${name}`,
  );
}

/** DELETE .../profile/{ref}: gone for good; its unique values are free, its id is never given again. */
export function deleteProfile(tenant: Tenant, entityName: string, tableName: string, ref: string): void {
  const { entity, table } = profileTable(tenant, entityName, tableName);
  const row = locate(table, ref);
  const record = table.row(row);
  table.delete(row);
  const listener = tenant.recordListener(entity, table);
  listener?.deleted(row, record);
  listener?.flush();
}

/** GET .../table/{table}/profile?search=attr%3Dvalue&number=N */
export function searchProfiles(
  tenant: Tenant,
  entityName: string,
  tableName: string,
  query: ProfileSearchQuery,
): ProfileRef[] {
  const { table } = profileTable(tenant, entityName, tableName);
  if (query.dateFilter !== undefined) {
    throw invalidParameter('query.dateFilter', 'dateFilter is not emulated; search on one attribute instead');
  }
  if (query.search === undefined) return [...firstRows(table, query.number)].map((row) => ({ table, row }));
  const equals = query.search.indexOf('=');
  if (equals <= 0) {
    throw invalidParameter(
      'query.search',
      `"${query.search}" is not one attribute=value equality (URL-encode the = as %3D)`,
    );
  }
  const name = query.search.slice(0, equals);
  const value = query.search.slice(equals + 1);
  if (name === 'profileId') {
    const row = table.findProfile(Number(value));
    return row === undefined || !/^\d+$/.test(value) ? [] : [{ table, row }];
  }
  const column = searchColumn(table, name, 'query.search');
  const stored = storedForm(table, column, value, 'query.search');
  return findEqual(table, column, stored, query.number).map((row) => ({ table, row }));
}

/** POST or DELETE .../profile/{ref}/subscription/{name}: subscribes or unsubscribes. */
export function setSubscription(
  tenant: Tenant,
  entityName: string,
  tableName: string,
  ref: string,
  subscription: string,
  subscribe: boolean,
): ProfileRef {
  const { entity, table } = profileTable(tenant, entityName, tableName);
  const row = locate(table, ref);
  const column = table.columnIndex(`${SUBSCRIPTION_PREFIX}${subscription}`);
  if (column === undefined) {
    const known = table.columns
      .filter((c) => c.rule?.kind === 'SUBSCRIPTION')
      .map((c) => c.name.slice(SUBSCRIPTION_PREFIX.length));
    throw invalidParameter(
      'path.subscription',
      `table ${table.name} has no subscription "${subscription}"; its subscriptions are ${known.join(', ') || 'none'}`,
    );
  }
  const patch: RowPatch = new Array(table.columns.length);
  patch[column] = subscribe ? 'TRUE' : 'FALSE';
  write(
    tenant,
    entity,
    table,
    'UPDATE_ONLY',
    { patch, removals: [], ignored: [] },
    { row, column: undefined },
    () => '',
  );
  return { table, row };
}

/** PUT /v5/.../profile-tables/{table}/profiles: upserts on the one unique attribute of `key`. */
export function upsertV5Profile(
  tenant: Tenant,
  entityName: string,
  tableName: string,
  body: string,
): ProfileWrite {
  const { entity, table } = profileTable(tenant, entityName, tableName);
  const input = parseRecordBody(body, V5ProfileUpsert);
  const parts = v5ProfileParts(table, input);
  const changes = profilePatch(table, parts.parts);
  const column = parts.keyColumn;
  const key = changes.patch[column];
  if (typeof key !== 'string') {
    throw new ActitoError('INVALID_RECORD', 'The key has no value: give the value to match the profile on.', [
      { path: `body.key.${table.columns[column]?.name}`, message: 'a value is needed' },
    ]);
  }
  const match: RecordMatch = { row: table.find(column, key), column };
  return write(tenant, entity, table, 'CREATE_UPDATE', changes, match, parts.parts.attributePath);
}

/** GET /v5/.../profile-tables/{table}/profiles?page=&size= */
export function listV5Profiles(
  tenant: Tenant,
  entityName: string,
  tableName: string,
  query: PageQuery,
): { refs: ProfileRef[]; page: PageInfo } {
  const { table } = profileTable(tenant, entityName, tableName);
  const { items, page } = pageOf([...table.rowNumbers()], query);
  return { refs: items.map((row) => ({ table, row })), page };
}

function profileTable(
  tenant: Tenant,
  entityName: string,
  tableName: string,
): { entity: Entity; table: Table } {
  const entity = tenant.entity(entityName);
  return { entity, table: entity.tableByNameOrId('PROFILE_TABLE', tableName) };
}

/** Writes through the step imports take; `belongs: false` categories go after, then the data webhooks. */
function write(
  tenant: Tenant,
  entity: Entity,
  table: Table,
  mode: ImportMode,
  changes: ProfilePatch,
  match: RecordMatch,
  pathOf: (attribute: string) => string,
): ProfileWrite {
  const now = tenant.clock.now();
  const listener = tenant.recordListener(entity, table);
  const { patch } = changes;
  const result = writeRecord(table, mode, patch, now, match, listener?.needsPrevious);
  if (result.status === 'REFUSED') throw refusedWrite(table, result, pathOf);
  if (result.status === 'SKIPPED') throw alreadyExists(table, patch, match);
  for (const { column, category } of changes.removals) {
    table.removeCategory(result.row, column, category, now);
    // Shown to the data webhooks as written, like the values the body gave.
    patch[column] ??= table.value(result.row, column);
  }
  listener?.written(result, patch);
  listener?.flush();
  return { table, row: result.row, created: result.status === 'CREATED', ignored: changes.ignored };
}

function alreadyExists(table: Table, patch: RowPatch, match: RecordMatch): ActitoError {
  const name = table.columns[match.column as number]?.name as string;
  const value = patch[match.column as number];
  const id = table.value(match.row as number, table.columnIndex('profileId') as number);
  return new ActitoError(
    'PROFILE_ALREADY_EXISTS',
    `Profile ${id} already has ${name} "${value}" (${name} is unique): add ?allowUpdate=true to update it, or PUT .../profile/${id}.`,
    [{ path: `body.attributes.${name}`, message: `profile ${id} already has this ${name}` }],
  );
}

/** A profile by id (`7`) or by a unique attribute (`emailAddress=ann@example.com`); 404 when none. */
function locate(table: Table, ref: string): number {
  const equals = ref.indexOf('=');
  const name = equals < 0 ? 'profileId' : ref.slice(0, equals);
  const value = equals < 0 ? ref : ref.slice(equals + 1);
  let row: number | undefined;
  if (name === 'profileId') {
    if (!/^\d+$/.test(value)) {
      throw invalidParameter(
        'path.profile',
        `"${ref}" is neither a profile id nor attribute=value; address a profile by its id or by one of the unique attributes of table ${table.name}: ${uniqueNames(table)}`,
      );
    }
    row = table.findProfile(Number(value));
  } else {
    const column = table.columnIndex(name);
    if (column === undefined || !table.isUnique(column)) {
      throw invalidParameter(
        'path.profile',
        `${name} is not a unique attribute of table ${table.name}; address a profile by its id or by one of its unique attributes: ${uniqueNames(table)}`,
      );
    }
    const rule = table.columns[column]?.rule;
    const stored = rule ? storedOrNull(table, column, value) : value;
    row = stored === null ? undefined : table.find(column, stored);
  }
  if (row === undefined) {
    throw new ActitoError(
      'UNKNOWN_PROFILE',
      `Table ${table.name} has no profile ${equals < 0 ? ref : `with ${name} "${value}"`}.`,
    );
  }
  return row;
}

/** A lookup value as stored; null when the attribute could not hold it (so no profile has it). */
function storedOrNull(table: Table, column: number, value: string): string | null {
  try {
    return storedForm(table, column, value, 'path.profile');
  } catch {
    return null;
  }
}

function uniqueNames(table: Table): string {
  return table.keyColumns.map((c) => table.columns[c]?.name).join(', ');
}

function* firstRows(table: Table, limit: number): Generator<number> {
  let count = 0;
  for (const row of table.rowNumbers()) {
    if (count++ >= limit) return;
    yield row;
  }
}
