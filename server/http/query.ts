import type { Context } from 'hono';
import type { z } from 'zod';
import type { ErrorCode } from '../domain/errors.js';
import { ActitoError } from '../domain/errors.js';
import { zodDetails } from '../domain/imports/zod-details.js';

/** The query parameters of a route, checked against their contract; faults name the parameter. */
export function queryOf<S extends z.ZodType>(
  c: Context,
  schema: S,
  code: ErrorCode = 'INVALID_PARAMETER',
): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const details = zodDetails('query', parsed.error);
  throw new ActitoError(
    code,
    `Invalid query parameter: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}.`,
    details,
  );
}
