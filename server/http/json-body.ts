import type { Context } from 'hono';
import type { z } from 'zod';
import { ActitoError } from '../domain/errors.js';
import { zodDetails } from '../domain/imports/zod-details.js';

/** A JSON request body checked against its contract; faults name the field. An empty body reads as `{}`. */
export async function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  code: 'INVALID_CONTROL_REQUEST',
): Promise<z.output<S>> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new ActitoError(code, `The request body is not valid JSON: ${(error as Error).message}.`, [
        { path: 'body', message: 'not valid JSON' },
      ]);
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = zodDetails('body', parsed.error);
    throw new ActitoError(
      code,
      `Invalid request body: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}.`,
      details,
    );
  }
  return parsed.data;
}
