import type { Context } from 'hono';
import type { z } from 'zod';
import type { ErrorDetail } from '../../contracts/errors.js';
import { ActitoError } from '../domain/errors.js';
import { zodDetails } from '../domain/imports/zod-details.js';
import { jsonDepthFault } from '../domain/json-depth.js';
import { jsonBodyText, MAX_CONTROL_BODY_BYTES } from './body.js';

/**
 * A JSON request body checked against its contract; faults name the field. An empty body reads as
 * `{}`; one past MAX_CONTROL_BODY_BYTES is refused (it was read whole, past what a string can hold).
 */
export async function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  code: 'INVALID_CONTROL_REQUEST',
): Promise<z.output<S>> {
  const text = await jsonBodyText(c.req.raw, code, MAX_CONTROL_BODY_BYTES);
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
    } catch (error) {
      throw new ActitoError(code, `The request body is not valid JSON: ${(error as Error).message}.`, [
        { path: 'body', message: 'not valid JSON' },
      ]);
    }
  }
  const tooDeep = jsonDepthFault(raw, 'body');
  if (tooDeep) throw invalidBody(code, [tooDeep]);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidBody(code, zodDetails('body', parsed.error));
  return parsed.data;
}

function invalidBody(code: 'INVALID_CONTROL_REQUEST', details: ErrorDetail[]): ActitoError {
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return new ActitoError(code, `Invalid request body: ${summary}.`, details);
}
