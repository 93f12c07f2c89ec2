import type { z } from 'zod';
import type { Fidelity } from '../fidelity.js';

/** One response of an operation: a JSON body schema, or another content type (zip, CSV). */
export interface OperationResponse {
  description: string;
  json?: z.ZodType;
  /** For non-JSON bodies, e.g. `application/zip` or `text/csv`. */
  contentType?: string;
  /** Schema of a non-JSON body (with `contentType`), e.g. a binary with `contentMediaType` in its meta. */
  schema?: z.ZodType;
  /** Response headers worth documenting, e.g. Location. */
  headers?: Record<string, string>;
}

/**
 * One HTTP operation the mock serves, with the schemas of what goes in and out. The OpenAPI
 * document is generated from the list of these (never written by hand), and tests check that
 * every route the app serves is listed.
 */
export interface Operation {
  /** OpenAPI operationId, named after Actito's operation, e.g. `createEtlExecution`. */
  id: string;
  method: 'get' | 'post' | 'put' | 'delete';
  /** Every path the operation is served under (aliases included), OpenAPI style: `/v5/entities/{entity}/...`. */
  paths: readonly string[];
  summary: string;
  /** Longer explanation (Markdown), e.g. what is modelled about the operation. */
  description?: string;
  tags: readonly string[];
  /** Whether Actito's documentation confirms the operation, or this project modelled it. */
  fidelity: Fidelity;
  /**
   * `bearer`: Authorization: Bearer <token>; `bearerOrBasic`: that or HTTP Basic with the API key
   * as password; `apiKey`: the raw API key as Authorization; `none`.
   */
  auth: 'bearer' | 'bearerOrBasic' | 'apiKey' | 'none';
  request?: {
    /** Path parameters: one key per `{param}` of the paths (required by the OpenAPI generator). */
    params?: z.ZodObject;
    json?: z.ZodType;
    /** Schema of the multipart parts (an object whose keys are part names). */
    multipart?: z.ZodType;
    /** Content-Type of each multipart part, e.g. `{ inputFile: 'text/csv, application/zip' }`; JSON parts default to application/json. */
    encoding?: Readonly<Record<string, string>>;
    query?: z.ZodObject;
  };
  responses: Readonly<Record<number, OperationResponse>>;
}
