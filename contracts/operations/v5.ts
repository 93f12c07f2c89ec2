import { EntityPath } from '../paths.js';
import {
  EtlExecutionCreated,
  EtlExecutionPath,
  EtlExecutionUpload,
  EtlOutputFilesZip,
  IntegrationResults,
} from '../v5.js';
import { AnyEtlExecution } from '../v5-etls.js';
import { BEARER_ERRORS, DOWNLOAD_ERRORS, errorResponse } from './error-responses.js';
import type { Operation } from './operation.js';

/** Current docs use the first prefix, older ones the second; the mock serves both. */
const V5_PREFIXES = ['/mass-imports/v5', '/v5'] as const;
export const v5Paths = (suffix: string) =>
  V5_PREFIXES.map((prefix) => `${prefix}/entities/{entity}${suffix}`);
const TAGS = ['V5 ETL executions'];

const unknownExecution = errorResponse(
  'UNKNOWN_ENTITY or UNKNOWN_EXECUTION: the entity or the execution does not exist.',
);
const notFinished = errorResponse(
  'EXECUTION_NOT_FINISHED: the execution has not reached SUCCESS, WITH_ERROR or ERROR yet; poll it first.',
);

export const v5Operations: Operation[] = [
  {
    id: 'createEtlExecution',
    method: 'post',
    paths: v5Paths('/etl-executions'),
    summary: 'Start a one-shot ETL execution: upload a definition and a data file',
    description:
      'The definition is checked before any data byte is read: a bad definition answers 400 and registers nothing. A valid definition registers the execution even when the data file then fails at file level (the execution ends in ERROR with a reason).',
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: {
      params: EntityPath,
      multipart: EtlExecutionUpload,
      encoding: {
        definition: 'application/json',
        inputFile: 'text/csv, application/zip, application/gzip, application/octet-stream',
      },
    },
    responses: {
      201: {
        description: 'The execution is registered (PENDING).',
        json: EtlExecutionCreated,
        headers: { Location: 'URL of the new execution.' },
      },
      400: errorResponse(
        'INVALID_MULTIPART, MISSING_PART, INVALID_DEFINITION (errors name each field, e.g. `definition.format.separator`) or FILE_TOO_LARGE.',
      ),
      ...BEARER_ERRORS,
      404: errorResponse('UNKNOWN_ENTITY: the entity does not exist.'),
    },
  },
  {
    id: 'getEtlExecution',
    method: 'get',
    paths: v5Paths('/etl-executions/{id}'),
    summary: 'Read an execution: its status and definition',
    description:
      'Each read may move the execution on (PENDING, RUNNING, then SUCCESS, WITH_ERROR or ERROR), as the progression policy of the control plane says.',
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: { params: EtlExecutionPath },
    responses: {
      200: {
        description:
          'The execution; one of a persistent ETL also carries `etlId`, the ETL definition it ran, what started it and the files no table entry took.',
        json: AnyEtlExecution,
      },
      ...BEARER_ERRORS,
      404: unknownExecution,
    },
  },
  {
    id: 'getEtlExecutionIntegrationResults',
    method: 'get',
    paths: v5Paths('/etl-executions/{id}/integration-results'),
    summary: 'Read the row counts of a finished execution',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: EtlExecutionPath },
    responses: {
      200: {
        description:
          'Counts per destination table: one for a one-shot execution, one per table entry (with `fileName`) for a persistent ETL.',
        json: IntegrationResults,
      },
      ...BEARER_ERRORS,
      404: unknownExecution,
      409: notFinished,
    },
  },
  {
    id: 'getEtlExecutionOutputFiles',
    method: 'get',
    paths: v5Paths('/etl-executions/{id}/output-files'),
    summary: 'Download the result file and the error file of a finished execution at once',
    description:
      'Answers the zip whatever the Accept header says (clients send application/json on every call); its errors are JSON.',
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: { params: EtlExecutionPath },
    responses: {
      200: {
        description:
          'A zip with result.csv and/or errors.csv, as `outputFiles` in the definition asked; for an execution of a persistent ETL, the same files in one folder per table (`Orders/result.csv`), none for an absent optional file.',
        contentType: 'application/zip',
        schema: EtlOutputFilesZip,
        headers: { 'Content-Disposition': 'attachment; filename="etl-execution-<id>-output-files.zip"' },
      },
      ...DOWNLOAD_ERRORS,
      404: errorResponse(
        'UNKNOWN_ENTITY, UNKNOWN_EXECUTION, or OUTPUT_FILES_NOT_REQUESTED: the definition asked for no output file.',
      ),
      409: notFinished,
    },
  },
];
