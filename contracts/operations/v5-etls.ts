import { EntityPath } from '../paths.js';
import { EtlExecutionCreated } from '../v5.js';
import {
  EtlExecutionList,
  EtlExecutionListQuery,
  EtlPath,
  EtlTriggerUpload,
  FileDropPath,
  FileDropResponse,
  FileDropUpload,
  PageQuery,
  PersistentEtl,
  PersistentEtlDefinition,
  PersistentEtlList,
} from '../v5-etls.js';
import { BEARER_ERRORS, errorResponse } from './error-responses.js';
import type { Operation } from './operation.js';
import { v5Paths } from './v5.js';

const TAGS = ['V5 persistent ETLs'];
const MODELLED_KEYS =
  'Actito publishes no key of a persistent ETL: the shape (modelled) follows the one-shot definition, with one entry per destination table in `tables`.';
const invalidEtl = errorResponse(
  'INVALID_DEFINITION: the body is not valid JSON, breaks the contract, or does not fit the tables (errors name each field, e.g. `body.tables[1].attributesMapping[0].attributeName`).',
);
const unknownEtl = errorResponse('UNKNOWN_ENTITY or UNKNOWN_ETL: the entity or the ETL does not exist.');

export const v5EtlOperations: Operation[] = [
  {
    id: 'createEtl',
    method: 'post',
    paths: v5Paths('/etls'),
    summary: 'Store a persistent ETL: format, mode, output files and one entry per destination table',
    description: `Checked against the tables as strictly as a one-shot definition; every fault is listed at once. ${MODELLED_KEYS}`,
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: EntityPath, json: PersistentEtlDefinition },
    responses: {
      201: {
        description: 'The stored ETL, with its id.',
        json: PersistentEtl,
        headers: { Location: 'URL of the new ETL.' },
      },
      400: invalidEtl,
      ...BEARER_ERRORS,
      404: errorResponse('UNKNOWN_ENTITY: the entity does not exist.'),
    },
  },
  {
    id: 'getEtls',
    method: 'get',
    paths: v5Paths('/etls'),
    summary: 'List the persistent ETLs of an entity, one page at a time',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: EntityPath, query: PageQuery },
    responses: {
      200: { description: 'One page of ETLs, oldest first.', json: PersistentEtlList },
      400: errorResponse('INVALID_PARAMETER: `page` or `size` is not a number in range.'),
      ...BEARER_ERRORS,
      404: errorResponse('UNKNOWN_ENTITY: the entity does not exist.'),
    },
  },
  {
    id: 'getEtl',
    method: 'get',
    paths: v5Paths('/etls/{etlId}'),
    summary: 'Read a persistent ETL',
    tags: TAGS,
    fidelity: 'confirmed',
    description: `The path is confirmed; the body is modelled. ${MODELLED_KEYS}`,
    auth: 'bearer',
    request: { params: EtlPath },
    responses: {
      200: { description: 'The ETL.', json: PersistentEtl },
      ...BEARER_ERRORS,
      404: unknownEtl,
    },
  },
  {
    id: 'replaceEtl',
    method: 'put',
    paths: v5Paths('/etls/{etlId}'),
    summary: 'Replace the definition of a persistent ETL',
    description: 'Executions already started keep the definition they started with.',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: EtlPath, json: PersistentEtlDefinition },
    responses: {
      200: { description: 'The ETL as replaced.', json: PersistentEtl },
      400: invalidEtl,
      ...BEARER_ERRORS,
      404: unknownEtl,
    },
  },
  {
    id: 'deleteEtl',
    method: 'delete',
    paths: v5Paths('/etls/{etlId}'),
    summary: 'Delete a persistent ETL; its executions stay readable',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: EtlPath },
    responses: { 204: { description: 'Deleted.' }, ...BEARER_ERRORS, 404: unknownEtl },
  },
  {
    id: 'triggerEtlExecution',
    method: 'post',
    paths: v5Paths('/etls/{etlId}/trigger-execution'),
    summary:
      'Run a persistent ETL now: push only its data file (a CSV, a GZIP, or a ZIP of one CSV per table)',
    description:
      "A ZIP's files are matched to the table entries by name (folders left out) against each `fileNamePattern`, expanded on the mock clock; a plain or gzipped CSV goes to the only table entry, or to the one its name matches. A file no entry takes is listed in the execution's `ignoredFiles` and skipped; a required table left without a file ends the execution in ERROR naming its pattern; an optional one is absent (zero counts). Any file-level failure fails the whole execution and nothing is written.",
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: {
      params: EtlPath,
      multipart: EtlTriggerUpload,
      encoding: { inputFile: 'text/csv, application/zip, application/gzip, application/octet-stream' },
    },
    responses: {
      201: {
        description: 'The execution is registered (PENDING); read it under `.../etl-executions/{id}`.',
        json: EtlExecutionCreated,
        headers: { Location: 'URL of the new execution: .../etl-executions/{id}.' },
      },
      400: errorResponse('INVALID_MULTIPART, MISSING_PART (no `inputFile`) or FILE_TOO_LARGE.'),
      ...BEARER_ERRORS,
      404: unknownEtl,
    },
  },
  {
    id: 'getEtlExecutions',
    method: 'get',
    paths: v5Paths('/etl-executions'),
    summary: 'List the executions of an entity, or of one ETL (`etlId`), newest first, one page at a time',
    description:
      '`etlId` is confirmed; the paging (`page` from 0, `size` 1 to 100, default 20) and the body are modelled. A list read counts as a status read of each execution it shows.',
    tags: ['V5 ETL executions'],
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: EntityPath, query: EtlExecutionListQuery },
    responses: {
      200: { description: 'One page of executions.', json: EtlExecutionList },
      400: errorResponse('INVALID_PARAMETER: `etlId`, `page` or `size` is malformed or out of range.'),
      ...BEARER_ERRORS,
      404: errorResponse('UNKNOWN_ENTITY, or UNKNOWN_ETL: `etlId` names no ETL and no execution carries it.'),
    },
  },
  {
    id: 'dropMockFile',
    method: 'post',
    paths: ['/__mock/locations/{locationId}/files'],
    summary:
      'Drop a file in a file transfer location: the ETLs of the tenant watching it and taking its name run on it',
    description:
      'What the folder watcher of the server process (ACTITO_MOCK_DROP_DIR/<locationId>/) does for a real folder, for in-process tests. A file starts an ETL whose `fileTransferLocation.locationId` is the location and whose `file.fileNamePattern` (else a table entry’s) names it, on the mock clock.',
    tags: ['Mock control'],
    fidelity: 'modelled',
    auth: 'none',
    request: {
      params: FileDropPath,
      multipart: FileDropUpload,
      encoding: { file: 'text/csv, application/zip, application/gzip, application/octet-stream' },
    },
    responses: {
      200: { description: 'The executions the file started.', json: FileDropResponse },
      400: errorResponse(
        'INVALID_CONTROL_REQUEST (a bad location id or file name), INVALID_MULTIPART, MISSING_PART or FILE_TOO_LARGE.',
      ),
    },
  },
];
