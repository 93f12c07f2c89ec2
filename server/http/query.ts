import type { Context } from 'hono';
import type { z } from 'zod';
import { ActitoError } from '../domain/errors.js';
import { zodDetails } from '../domain/imports/zod-details.js';

/** The query parameters of an Actito route, checked against their contract; faults name the parameter. */
export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const details = zodDetails('query', parsed.error);
  throw new ActitoError(
    'INVALID_PARAMETER',
    `Invalid query parameter: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}.`,
    details,
  );
}
