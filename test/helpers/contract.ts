import { expect } from 'vitest';
import type { z } from 'zod';
import { allOperations, ErrorEnvelope } from '../../contracts/index.js';

/** The documented answer of an operation for a status; an undocumented error falls to the envelope, as `default` says. */
function documentedResponse(operationId: string, status: number) {
  const operation = allOperations.find((candidate) => candidate.id === operationId);
  if (!operation) throw new Error(`No operation ${operationId} in contracts/operations.`);
  const response = operation.responses[status];
  if (response) return response;
  expect(status, `${operationId} documents no ${status} answer`).toBeGreaterThanOrEqual(400);
  return { description: 'default', json: ErrorEnvelope };
}

/**
 * Checks a live answer of the mock against the contract of its operation: content type, the
 * documented headers, and a body that parses with the schema and loses nothing in parsing (so a
 * field the contract does not name fails too). Returns the body.
 */
export async function expectContract(response: Response, operationId: string): Promise<unknown> {
  const documented = documentedResponse(operationId, response.status);
  const schema = (documented.json ?? documented.schema) as z.ZodType | undefined;
  const contentType = documented.json ? 'application/json' : documented.contentType;
  expect(response.headers.get('content-type') ?? '').toContain(contentType ?? '');
  for (const header of Object.keys(documented.headers ?? {})) {
    expect(
      response.headers.get(header),
      `${operationId} ${response.status}: header ${header}`,
    ).not.toBeNull();
  }
  const body = documented.json ? await response.json() : new Uint8Array(await response.arrayBuffer());
  if (!schema) return body;
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? [], `${operationId} ${response.status} against its contract`).toEqual([]);
  expect(parsed.data).toEqual(body);
  return body;
}
