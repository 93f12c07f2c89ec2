import type { z } from 'zod';
import type { ErrorDetail } from '../../../contracts/errors.js';
import { ActitoError } from '../errors.js';
import { parseJsonBody } from '../imports/json-part.js';
import { zodDetails } from '../imports/zod-details.js';
import { jsonDepthFault } from '../json-depth.js';
import type { Table } from '../tables/table.js';

/** A single-record request body, parsed and checked against its contract; faults name the field. */
export function parseRecordBody<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  const raw =
    text.trim() === ''
      ? {}
      : parseJsonBody(text.startsWith('\ufeff') ? text.slice(1) : text, 'INVALID_RECORD');
  const tooDeep = jsonDepthFault(raw, 'body');
  if (tooDeep) throw invalidBody([tooDeep]);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidBody(zodDetails('body', parsed.error));
  return parsed.data;
}

function invalidBody(details: ErrorDetail[]): ActitoError {
  const shown = details.slice(0, 5).map((d) => `${d.path}: ${d.message}`);
  return new ActitoError('INVALID_RECORD', `Invalid request body: ${shown.join('; ')}.`, details);
}

/** A record the table's rules refused: every fault named (attribute and rule); nothing was written. */
export function invalidRecord(table: Table, faults: ErrorDetail[]): ActitoError {
  const shown = faults.slice(0, 5).map((f) => `${f.path}: ${f.message}`);
  const more = faults.length > shown.length ? ` (and ${faults.length - shown.length} more)` : '';
  return new ActitoError(
    'INVALID_RECORD',
    `The record was refused by table ${table.name}, nothing was written: ${shown.join('; ')}${more}.`,
    faults,
  );
}
