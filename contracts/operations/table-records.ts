import {
  CustomRecord,
  CustomRecordInput,
  CustomRecordList,
  CustomRecordPath,
  CustomRecordSearchQuery,
  CustomRecordWritten,
  CustomTablePath,
  Profile,
  ProfileCreateQuery,
  ProfileInput,
  ProfileList,
  ProfilePath,
  ProfileSearchQuery,
  ProfileSubscriptionList,
  ProfileSubscriptionPath,
  ProfileTablePath,
  ProfileWritten,
  V5ProfileList,
  V5ProfileUpsert,
} from '../table-records.js';
import { PageQuery } from '../v5-etls.js';
import { BEARER_ERRORS, errorResponse } from './error-responses.js';
import type { Operation } from './operation.js';

/** Served under every root clients call them on (contract section 11). */
const PROFILE_ROOTS = ['/v4/entity', '/profiles/v4/entity', '/ActitoWebServices/ws/v4/entity'];
const RECORD_ROOTS = ['/v4/entity', '/custom-data/v4/entity', '/ActitoWebServices/ws/v4/entity'];
const V5_ROOTS = ['/v5/entities', '/profiles/v5/entities'];
const profilePaths = (suffix: string) =>
  PROFILE_ROOTS.map((root) => `${root}/{entity}/table/{table}/profile${suffix}`);
const recordPaths = (suffix: string) =>
  RECORD_ROOTS.map((root) => `${root}/{entity}/customTable/{table}/record${suffix}`);

const PROFILE_TAGS = ['Profiles'];
const RECORD_TAGS = ['Custom records'];
const ONE_STORE =
  'Works on the table the imports write: values are checked by the rules of import rows, a refused write changes nothing, and writes raise the data webhooks of the table.';

const ERRORS = {
  ...BEARER_ERRORS,
  401: errorResponse(
    'UNAUTHORIZED: no Authorization, an unknown or expired bearer token, or HTTP Basic whose password is not the API key.',
  ),
};
const invalidRecord = errorResponse(
  'INVALID_RECORD: the body breaks its contract or the table’s rules (a value, MANDATORY_VALUE_MISSING, UNIQUE_VALUE_TAKEN, an unknown attribute or subscription); errors name each attribute and rule. Nothing is written.',
);
const badRef = errorResponse(
  'INVALID_PARAMETER: the profile is addressed by an attribute that is not unique (the message lists the unique ones), or by neither an id nor attribute=value.',
);
const unknownProfile = errorResponse(
  'UNKNOWN_ENTITY, UNKNOWN_TABLE or UNKNOWN_PROFILE: no such entity, table or profile.',
);
const unknownRecord = errorResponse(
  'UNKNOWN_ENTITY, UNKNOWN_TABLE or UNKNOWN_RECORD: no such entity, table or record.',
);
const unknownTable = errorResponse('UNKNOWN_ENTITY or UNKNOWN_TABLE: no such entity or table.');

function profileOperation(operation: Omit<Operation, 'tags' | 'auth'>): Operation {
  return { ...operation, tags: PROFILE_TAGS, auth: 'bearerOrBasic' };
}
function recordOperation(operation: Omit<Operation, 'tags' | 'auth'>): Operation {
  return { ...operation, tags: RECORD_TAGS, auth: 'bearerOrBasic' };
}

/** POST or DELETE .../profile/{ref}/subscription/{name}: the same call but for its verb. */
function subscriptionOperation(id: string, method: 'post' | 'delete', summary: string): Operation {
  return profileOperation({
    id,
    method,
    paths: profilePaths('/{profile}/subscription/{subscription}'),
    summary,
    fidelity: 'observed',
    request: { params: ProfileSubscriptionPath },
    responses: {
      200: { description: 'The subscriptions as they are now.', json: ProfileSubscriptionList },
      400: errorResponse(
        'INVALID_PARAMETER: the table has no such subscription (the message lists them), or a bad reference.',
      ),
      ...ERRORS,
      404: unknownProfile,
    },
  });
}

export const tableRecordOperations: Operation[] = [
  profileOperation({
    id: 'createProfile',
    method: 'post',
    paths: profilePaths(''),
    summary: 'Create a profile; with allowUpdate=true, update the one a unique attribute matches',
    description: `The profile matches an existing one on the first unique attribute of the body, in the table’s order (as an import row does). ${ONE_STORE}`,
    fidelity: 'confirmed',
    request: { params: ProfileTablePath, query: ProfileCreateQuery, json: ProfileInput },
    responses: {
      200: { description: 'Updated (allowUpdate=true).', json: ProfileWritten },
      201: {
        description: 'Created.',
        json: ProfileWritten,
        headers: { Location: 'URL of the new profile.' },
      },
      400: errorResponse(
        'PROFILE_ALREADY_EXISTS: without allowUpdate, a unique attribute of the body belongs to a profile (named); INVALID_RECORD: see the errors.',
      ),
      ...ERRORS,
      404: unknownTable,
    },
  }),
  profileOperation({
    id: 'searchProfiles',
    method: 'get',
    paths: profilePaths(''),
    summary: 'Search profiles on one attribute (search=attribute%3Dvalue), at most number of them',
    description:
      'One equality on any attribute (a unique one is one lookup, another a linear scan); without search, the first profiles. `dateFilter` is not emulated (400).',
    fidelity: 'observed',
    request: { params: ProfileTablePath, query: ProfileSearchQuery },
    responses: {
      200: { description: 'The profiles found, in creation order.', json: ProfileList },
      400: errorResponse(
        'INVALID_PARAMETER: a malformed search, an unknown attribute, a value it cannot hold, number out of 1..1000, or dateFilter.',
      ),
      ...ERRORS,
      404: unknownTable,
    },
  }),
  profileOperation({
    id: 'getProfile',
    method: 'get',
    paths: profilePaths('/{profile}'),
    summary: 'Read a profile by id or by a unique attribute (emailAddress=ann@example.com)',
    fidelity: 'observed',
    request: { params: ProfilePath },
    responses: {
      200: { description: 'The profile.', json: Profile },
      400: badRef,
      ...ERRORS,
      404: unknownProfile,
    },
  }),
  profileOperation({
    id: 'updateProfile',
    method: 'put',
    paths: profilePaths('/{profile}'),
    summary: 'Update a profile: only what the body names changes',
    description: ONE_STORE,
    fidelity: 'observed',
    request: { params: ProfilePath, json: ProfileInput },
    responses: {
      200: { description: 'Updated.', json: ProfileWritten },
      400: errorResponse('INVALID_RECORD (see the errors) or INVALID_PARAMETER (the reference).'),
      ...ERRORS,
      404: unknownProfile,
    },
  }),
  profileOperation({
    id: 'deleteProfile',
    method: 'delete',
    paths: profilePaths('/{profile}'),
    summary: 'Delete a profile; its unique values are free again, its id is never reused',
    fidelity: 'observed',
    request: { params: ProfilePath },
    responses: { 204: { description: 'Deleted.' }, 400: badRef, ...ERRORS, 404: unknownProfile },
  }),
  profileOperation({
    id: 'getProfileSubscriptions',
    method: 'get',
    paths: profilePaths('/{profile}/subscription'),
    summary: 'List the subscriptions of a profile',
    fidelity: 'observed',
    request: { params: ProfilePath },
    responses: {
      200: {
        description: 'Every subscription of the table, subscribed or not.',
        json: ProfileSubscriptionList,
      },
      400: badRef,
      ...ERRORS,
      404: unknownProfile,
    },
  }),
  subscriptionOperation('addProfileSubscription', 'post', 'Subscribe a profile (no body)'),
  subscriptionOperation('removeProfileSubscription', 'delete', 'Unsubscribe a profile (no body)'),
  recordOperation({
    id: 'saveCustomRecord',
    method: 'post',
    paths: recordPaths(''),
    summary: 'Create a custom record, or update the one with that primary key',
    description: ONE_STORE,
    fidelity: 'observed',
    request: { params: CustomTablePath, json: CustomRecordInput },
    responses: {
      200: { description: 'Updated.', json: CustomRecordWritten },
      201: {
        description: 'Created.',
        json: CustomRecordWritten,
        headers: { Location: 'URL of the new record.' },
      },
      400: invalidRecord,
      ...ERRORS,
      404: unknownTable,
    },
  }),
  recordOperation({
    id: 'searchCustomRecords',
    method: 'get',
    paths: recordPaths(''),
    summary:
      'Search (searchField, searchValue) and sort (sortedField, ascending) custom records, at most number of them',
    description: 'One equality, one sort key (typed: numbers as numbers, empty values last); a linear scan.',
    fidelity: 'observed',
    request: { params: CustomTablePath, query: CustomRecordSearchQuery },
    responses: {
      200: { description: 'The records found.', json: CustomRecordList },
      400: errorResponse(
        'INVALID_PARAMETER: an unknown attribute, searchField without searchValue, a value it cannot hold, number out of 1..1000.',
      ),
      ...ERRORS,
      404: unknownTable,
    },
  }),
  recordOperation({
    id: 'getCustomRecord',
    method: 'get',
    paths: recordPaths('/{key}'),
    summary: 'Read a custom record by its primary key value',
    fidelity: 'observed',
    request: { params: CustomRecordPath },
    responses: { 200: { description: 'The record.', json: CustomRecord }, ...ERRORS, 404: unknownRecord },
  }),
  recordOperation({
    id: 'updateCustomRecord',
    method: 'put',
    paths: recordPaths('/{key}'),
    summary: 'Update a custom record: only what the body names changes',
    description: ONE_STORE,
    fidelity: 'observed',
    request: { params: CustomRecordPath, json: CustomRecordInput },
    responses: {
      200: { description: 'Updated.', json: CustomRecordWritten },
      400: invalidRecord,
      ...ERRORS,
      404: unknownRecord,
    },
  }),
  recordOperation({
    id: 'deleteCustomRecord',
    method: 'delete',
    paths: recordPaths('/{key}'),
    summary: 'Delete a custom record',
    fidelity: 'observed',
    request: { params: CustomRecordPath },
    responses: { 204: { description: 'Deleted.' }, ...ERRORS, 404: unknownRecord },
  }),
  profileOperation({
    id: 'upsertV5Profile',
    method: 'put',
    paths: V5_ROOTS.map((root) => `${root}/{entity}/profile-tables/{table}/profiles`),
    summary: 'Create or update the profile the one unique attribute of key matches (V5, modelled)',
    description: ONE_STORE,
    fidelity: 'modelled',
    request: { params: ProfileTablePath, json: V5ProfileUpsert },
    responses: {
      200: { description: 'Updated.', json: ProfileWritten },
      201: { description: 'Created.', json: ProfileWritten },
      400: errorResponse(
        'INVALID_RECORD: the key names no single unique attribute, or the body breaks the table’s rules.',
      ),
      ...ERRORS,
      404: unknownTable,
    },
  }),
  profileOperation({
    id: 'getV5Profiles',
    method: 'get',
    paths: V5_ROOTS.map((root) => `${root}/{entity}/profile-tables/{table}/profiles`),
    summary: 'List the profiles of a table, one page at a time (V5, modelled)',
    fidelity: 'modelled',
    request: { params: ProfileTablePath, query: PageQuery },
    responses: {
      200: { description: 'One page of profiles, in creation order.', json: V5ProfileList },
      400: errorResponse('INVALID_PARAMETER: page or size out of range.'),
      ...ERRORS,
      404: unknownTable,
    },
  }),
];
