import type { z } from 'zod';
import {
  ControlExecutionPath,
  ControlImportPath,
  RecordsQuery,
  RecordsResponse,
  TenantsResponse,
} from '../control-records.js';
import { V4ErrorFile, V4ResultFileZip } from '../v4.js';
import { EtlOutputFilesZip } from '../v5.js';
import { errorResponse } from './error-responses.js';
import type { Operation, OperationResponse } from './operation.js';

const TAGS = ['Mock control'];
const LOOK_NOTE =
  'A look, not a client read: no status read is counted (records never move because of it), nothing is journaled or counted in coverage; records are settled as of now.';

interface ControlDownload {
  id: string;
  path: string;
  params: z.ZodObject;
  summary: string;
  /** The Actito operation whose answer this one repeats. */
  actito: string;
  file: OperationResponse;
  notFound: string;
  notFinished: string;
}

function controlDownload(download: ControlDownload): Operation {
  return {
    id: download.id,
    method: 'get',
    paths: [download.path],
    summary: download.summary,
    description: `The same bytes and headers as \`${download.actito}\`, without a token (the control plane is the mock's own). ${LOOK_NOTE}`,
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'none',
    request: { params: download.params },
    responses: {
      200: download.file,
      404: errorResponse(download.notFound),
      409: errorResponse(download.notFinished),
    },
  };
}

/** What the dashboard reads: tenants, records with their timeline and files, and the files themselves. */
export const recordOperations: Operation[] = [
  {
    id: 'getMockTenants',
    method: 'get',
    paths: ['/__mock/tenants'],
    summary: 'List the tenants the mock knows, with how many imports and executions each holds',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'none',
    responses: { 200: { description: 'The tenants, in order of first use.', json: TenantsResponse } },
  },
  {
    id: 'getMockRecords',
    method: 'get',
    paths: ['/__mock/records'],
    summary:
      "List the tenant's V5 executions and V4 imports: status timeline, counts, definition, data file and output files",
    description: LOOK_NOTE,
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'none',
    request: { query: RecordsQuery },
    responses: {
      200: { description: 'The records, newest first.', json: RecordsResponse },
      400: errorResponse('INVALID_CONTROL_REQUEST: a filter is malformed; errors name it.'),
    },
  },
  controlDownload({
    id: 'getMockEtlOutputFiles',
    path: '/__mock/entities/{entity}/etl-executions/{id}/output-files',
    params: ControlExecutionPath,
    summary:
      'Download the output files of a finished execution, as GET .../etl-executions/{id}/output-files does',
    actito: 'getEtlExecutionOutputFiles',
    file: {
      description: 'A zip with result.csv and/or errors.csv, as `outputFiles` in the definition asked.',
      contentType: 'application/zip',
      schema: EtlOutputFilesZip,
    },
    notFound: 'UNKNOWN_ENTITY, UNKNOWN_EXECUTION, or OUTPUT_FILES_NOT_REQUESTED.',
    notFinished: 'EXECUTION_NOT_FINISHED: the execution is not final yet.',
  }),
  controlDownload({
    id: 'getMockImportErrors',
    path: '/__mock/entities/{entity}/imports/{import}/errors',
    params: ControlImportPath,
    summary: 'Download the error file of a finished V4 import, as GET .../import/{import}/errors does',
    actito: 'getImportErrors',
    file: {
      description: 'The error file, as text/csv in the import own separator and encoding.',
      contentType: 'text/csv',
      schema: V4ErrorFile,
    },
    notFound: 'UNKNOWN_ENTITY or UNKNOWN_IMPORT.',
    notFinished: 'IMPORT_NOT_FINISHED: the import is not FINISHED or ERROR yet.',
  }),
  controlDownload({
    id: 'getMockImportResultFile',
    path: '/__mock/entities/{entity}/imports/{import}/result-file',
    params: ControlImportPath,
    summary:
      'Download the zipped result file of a finished V4 import, as GET .../import/{import}/result-file does',
    actito: 'getImportResultFile',
    file: {
      description: 'A zip holding result.csv, in the import own separator and encoding.',
      contentType: 'application/zip',
      schema: V4ResultFileZip,
    },
    notFound: 'UNKNOWN_ENTITY, UNKNOWN_IMPORT, or RESULT_FILE_NOT_REQUESTED.',
    notFinished: 'IMPORT_NOT_FINISHED: the import is not FINISHED or ERROR yet.',
  }),
];
