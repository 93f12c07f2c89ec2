import { errorFileChunks } from '../domain/imports/output-files.js';
import type { V4Import } from '../domain/v4-imports/model.js';
import type { AnyEtlExecution } from '../domain/v5-etl-executions/model.js';
import { isPersistentExecution } from '../domain/v5-etl-executions/model.js';
import { requestedOutputFiles } from '../domain/v5-etl-executions/service.js';
import { csvBody, outputFilesZip } from './output-files.js';

/**
 * The download answers of a finished record, built in one place: the Actito routes and the
 * control plane's downloads (the dashboard's links) stream the same bytes with the same headers.
 * The caller has checked that the record is final.
 */
export function etlOutputFilesResponse(execution: AnyEtlExecution): Response {
  const wanted = requestedOutputFiles(execution);
  return new Response(outputFilesZip(execution.run, wanted, isPersistentExecution(execution)), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${etlOutputFilesName(execution)}"`,
    },
  });
}

/** V4 `.../errors`: the error file as CSV, in the import's own encoding. */
export function v4ErrorFileResponse(v4Import: V4Import): Response {
  return new Response(csvBody(errorFileChunks(v4Import.run)), {
    headers: {
      'content-type': `text/csv; charset=${v4Import.run.spec.format.encoding}`,
      'content-disposition': `attachment; filename="${v4ErrorFileName(v4Import)}"`,
    },
  });
}

/** V4 `.../result-file`: a zip holding result.csv. */
export function v4ResultFileResponse(v4Import: V4Import): Response {
  return new Response(outputFilesZip(v4Import.run, { result: true, errors: false }), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${v4ResultFileName(v4Import)}"`,
    },
  });
}

export const etlOutputFilesName = (execution: AnyEtlExecution) =>
  `etl-execution-${execution.id}-output-files.zip`;
export const v4ErrorFileName = (v4Import: V4Import) => `import-${v4Import.id}-errors.csv`;
export const v4ResultFileName = (v4Import: V4Import) => `import-${v4Import.id}-result.zip`;
