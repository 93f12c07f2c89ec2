import type { TableType } from '../../../contracts/tables.js';
import { ActitoError } from '../errors.js';

/**
 * Actito removed the V4 imports at the end of June 2025. The mock dates the deprecation a year
 * earlier (modelled: Actito publishes no deprecation date); clients usually test only presence.
 */
export const V4_SUNSET = new Date('2025-07-01T00:00:00Z');
export const V4_DEPRECATED_SINCE = new Date('2024-07-01T00:00:00Z');

/** A request to a V4 route, as far as its V5 replacement depends on it. */
export type V4Call =
  | { kind: 'createImport'; entity: string; tableType: TableType; table: string }
  | { kind: 'status' | 'result' | 'errors' | 'result-file'; entity: string; importId: string }
  | { kind: 'other'; entity: string | null };

/** The V5 call that replaces a V4 one: the route, and what changes in the call. */
export interface V5Successor {
  route: string;
  /** The V5 resource a `Link: rel="successor-version"` points at (no placeholder in it). */
  linkPath: string;
  how: string;
}

export function v5SuccessorOf(call: V4Call): V5Successor {
  const entity = call.entity ?? '{entity}';
  const executions = `/mass-imports/v5/entities/${entity}/etl-executions`;
  switch (call.kind) {
    case 'createImport':
      return {
        route: `POST ${executions}`,
        linkPath: executions,
        how: `send the parameters as multipart part "definition" with "table": {"type": "${call.tableType}", "name": "${call.table}"} and the data file as "inputFile" (npx actito-mock convert-v4 converts the parameters)`,
      };
    case 'status':
      return {
        route: `GET ${executions}/{executionId}`,
        linkPath: executions,
        how: 'its status ends in SUCCESS or WITH_ERROR where V4 said FINISHED',
      };
    case 'result':
      return {
        route: `GET ${executions}/{executionId}/integration-results`,
        linkPath: executions,
        how: 'the counts are per table in "results"',
      };
    case 'errors':
      return {
        route: `GET ${executions}/{executionId}/output-files`,
        linkPath: executions,
        how: 'errors.csv in the zip, when the definition set outputFiles.generateErrorFile to true',
      };
    case 'result-file':
      return {
        route: `GET ${executions}/{executionId}/output-files`,
        linkPath: executions,
        how: 'result.csv in the zip, when the definition set outputFiles.generateResultFile to true',
      };
    default:
      return {
        route: `POST ${executions}`,
        linkPath: executions,
        how: 'one-shot ETL executions replace V4 imports',
      };
  }
}

/** The 410 of a removed V4 route, naming its exact V5 replacement. */
export function v4Removed(method: string, path: string, call: V4Call): ActitoError {
  const successor = v5SuccessorOf(call);
  return new ActitoError(
    'V4_REMOVED',
    `The V4 mass imports were removed from Actito after June 2025 (this mock's V4 setting is "removed"). Replace ${method} ${path} with ${successor.route}: ${successor.how}.`,
  );
}
