import type { z } from 'zod';
import {
  V4ErrorFile,
  V4ImportCreated,
  V4ImportPath,
  V4ImportResult,
  V4ImportStatus,
  V4ImportUpload,
  V4ResultFileZip,
  V4TablePath,
} from '../v4.js';
import { BEARER_ERRORS, DOWNLOAD_ERRORS, errorResponse } from './error-responses.js';
import type { Operation } from './operation.js';

/** Actito served the V4 imports under both prefixes; the mock does too. */
const V4_PREFIXES = ['/v4/entity', '/mass-imports/v4/entity'] as const;
const v4Paths = (suffix: string) => V4_PREFIXES.map((prefix) => `${prefix}/{entity}${suffix}`);
const TAGS = ['V4 imports (removed by Actito after June 2025)'];

const V4_REMOVED = errorResponse(
  'V4_REMOVED: the mock V4 setting is `removed`; the message names the V5 route that replaces this call.',
);
const V4_ERRORS = {
  ...BEARER_ERRORS,
  410: V4_REMOVED,
  429: errorResponse(
    'TOO_MANY_REQUESTS: the licence already has the most requests in flight (5 by default); QUOTA_EXCEEDED (creation only): the table already had its 12 V4 import creations of the day (Retry-After says when the quota resets).',
  ),
};
const V4_DOWNLOAD_ERRORS = { ...DOWNLOAD_ERRORS, 410: V4_REMOVED };
const SUNSET_NOTE =
  'With the mock V4 setting `deprecated`, every V4 answer carries `Deprecation`, `Sunset: Tue, 01 Jul 2025 00:00:00 GMT` and `Link: <V5 route>; rel="successor-version"`.';
const unknownImport = errorResponse(
  'UNKNOWN_ENTITY or UNKNOWN_IMPORT: the entity or the import does not exist.',
);
const notFinished = errorResponse(
  'IMPORT_NOT_FINISHED: the import is not FINISHED or ERROR yet; poll its status first.',
);

function createImport(id: string, segment: string, table: string): Operation {
  return {
    id,
    method: 'post',
    paths: v4Paths(`/${segment}/{table}/import`),
    summary: `Import a data file into a ${table} (V4 bulk import)`,
    description: `The parameters are checked before any data byte is read: bad parameters answer 400 and register nothing; a file that then fails at file level ends the import in ERROR. A UTF-8 byte order mark is stripped (modelled). ${SUNSET_NOTE}`,
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: {
      params: V4TablePath,
      multipart: V4ImportUpload,
      encoding: {
        parameters: 'application/json',
        inputFile: 'text/csv, application/zip, application/gzip, application/octet-stream',
      },
    },
    responses: {
      201: {
        description: 'The import is registered (PENDING).',
        json: V4ImportCreated,
        headers: { Location: 'URL of the new import: .../{entity}/import/{id}.' },
      },
      400: errorResponse(
        'INVALID_MULTIPART, MISSING_PART, INVALID_DEFINITION (errors name each field, e.g. `parameters.format.separator`) or FILE_TOO_LARGE.',
      ),
      ...V4_ERRORS,
      404: errorResponse(
        `UNKNOWN_ENTITY or UNKNOWN_TABLE: no such entity, or no such ${table} (by name or id).`,
      ),
    },
  };
}

interface DownloadedFile {
  description: string;
  contentType: string;
  schema: z.ZodType;
}

/** A file download: the file whatever Accept says (no 406); its errors as JSON. */
function fileRead(
  id: string,
  suffix: string,
  summary: string,
  file: DownloadedFile,
  notFound: string,
): Operation {
  return {
    id,
    method: 'get',
    paths: v4Paths(`/import/{import}/${suffix}`),
    summary,
    description: `Answers the file whatever the Accept header says (clients send application/json on every call); its errors are JSON. ${SUNSET_NOTE}`,
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: V4ImportPath },
    responses: {
      200: file,
      ...V4_DOWNLOAD_ERRORS,
      404: errorResponse(notFound),
      409: notFinished,
    },
  };
}

export const v4Operations: Operation[] = [
  createImport('createProfileTableImport', 'table', 'profile table'),
  createImport('createCustomTableImport', 'customTable', 'custom table'),
  {
    id: 'getImportStatus',
    method: 'get',
    paths: v4Paths('/import/{import}/status'),
    summary: 'Read the status of a V4 import',
    description: `Each read may move the import on (PENDING, RUNNING, then FINISHED, or ERROR for a refused file), as the progression policy \`v4.import\` says. ${SUNSET_NOTE}`,
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: { params: V4ImportPath },
    responses: {
      200: { description: 'The import status.', json: V4ImportStatus },
      ...V4_ERRORS,
      404: unknownImport,
    },
  },
  {
    id: 'getImportResult',
    method: 'get',
    paths: v4Paths('/import/{import}/result'),
    summary: 'Read the row counts of a finished V4 import',
    description: SUNSET_NOTE,
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: { params: V4ImportPath },
    responses: {
      200: { description: 'withErrors, rowsInError and the other counts.', json: V4ImportResult },
      ...V4_ERRORS,
      404: unknownImport,
      409: notFinished,
    },
  },
  fileRead(
    'getImportErrors',
    'errors',
    'Download the error file of a finished V4 import (the header line only when no value was wrong)',
    {
      description: 'The error file, as text/csv in the import own separator and encoding.',
      contentType: 'text/csv',
      schema: V4ErrorFile,
    },
    'UNKNOWN_ENTITY or UNKNOWN_IMPORT.',
  ),
  fileRead(
    'getImportResultFile',
    'result-file',
    'Download the result file of a finished V4 import, zipped',
    {
      description:
        'A zip holding result.csv, in the import own separator and encoding (a public client saves it as result_file.zip).',
      contentType: 'application/zip',
      schema: V4ResultFileZip,
    },
    'UNKNOWN_ENTITY, UNKNOWN_IMPORT, or RESULT_FILE_NOT_REQUESTED: the parameters did not set generateResultFile to true.',
  ),
];
