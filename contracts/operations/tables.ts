import { EntityPath } from '../paths.js';
import {
  CustomTableList,
  CustomTableStructure,
  ProfileTableList,
  ProfileTableStructure,
  TableStructurePath,
} from '../tables.js';
import { BEARER_ERRORS, errorResponse } from './error-responses.js';
import type { Operation } from './operation.js';

const TAGS = ['Table structures'];
const unknownEntity = errorResponse('UNKNOWN_ENTITY: the entity does not exist.');
const unknownTable = errorResponse(
  'UNKNOWN_ENTITY or UNKNOWN_TABLE: no such entity, or no such table in it.',
);

export const tableOperations: Operation[] = [
  {
    id: 'getProfileTables',
    method: 'get',
    paths: ['/profile-table-structure/v5/entities/{entity}/profile-tables'],
    summary: 'List the profile tables of an entity',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: EntityPath },
    responses: {
      200: { description: 'The profile table structures.', json: ProfileTableList },
      ...BEARER_ERRORS,
      404: unknownEntity,
    },
  },
  {
    id: 'getProfileTable',
    method: 'get',
    paths: ['/profile-table-structure/v5/entities/{entity}/profile-tables/{table}'],
    summary: 'Read the structure of a profile table',
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: { params: TableStructurePath },
    responses: {
      200: { description: 'The profile table structure.', json: ProfileTableStructure },
      ...BEARER_ERRORS,
      404: unknownTable,
    },
  },
  {
    id: 'getCustomTables',
    method: 'get',
    paths: ['/custom-table-structure/v5/entities/{entity}/custom-tables'],
    summary: 'List the custom tables of an entity',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: EntityPath },
    responses: {
      200: { description: 'The custom table structures.', json: CustomTableList },
      ...BEARER_ERRORS,
      404: unknownEntity,
    },
  },
  {
    id: 'getCustomTable',
    method: 'get',
    paths: ['/custom-table-structure/v5/entities/{entity}/custom-tables/{table}'],
    summary: 'Read the structure of a custom table',
    description: 'The structure itself is confirmed; this path to read it is modelled.',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: TableStructurePath },
    responses: {
      200: { description: 'The custom table structure.', json: CustomTableStructure },
      ...BEARER_ERRORS,
      404: unknownTable,
    },
  },
];
