import type { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import { ActitoError } from '../errors.js';
import { jsonDepthFault } from '../json-depth.js';
import { invalidDefinition } from './plan.js';
import { zodDetails } from './zod-details.js';

/** The JSON text of a definition part (V5 `definition`, V4 `parameters`), checked against its contract; faults name the part and field. */
export function parseJsonPart<S extends z.ZodType>(json: string, part: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    // RFC 8259 lets a parser ignore a byte order mark, which Windows editors write.
    raw = JSON.parse(json.startsWith('\ufeff') ? json.slice(1) : json);
  } catch (error) {
    throw new ActitoError(
      'INVALID_DEFINITION',
      `The ${part} part is not valid JSON: ${(error as Error).message}.`,
      [{ path: part, message: 'not valid JSON' }],
    );
  }
  return checkJsonPart(raw, part, schema);
}

/** Already-parsed JSON checked against its contract. */
export function checkJsonPart<S extends z.ZodType>(raw: unknown, part: string, schema: S): z.output<S> {
  // Unknown keys are kept and echoed (GET .../etl-executions/{id}, the journal): bound them first.
  const tooDeep = jsonDepthFault(raw, part);
  if (tooDeep) throw invalidDefinition([tooDeep]);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidDefinition(zodDetails(part, parsed.error));
  return parsed.data;
}

/** A JSON request body (an ETL, a subscription), parsed; `code` is the route's refusal code. */
export function parseJsonBody(text: string, code: ErrorCode): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ActitoError(code, `The request body is not valid JSON: ${(error as Error).message}.`, [
      { path: 'body', message: 'not valid JSON' },
    ]);
  }
}
