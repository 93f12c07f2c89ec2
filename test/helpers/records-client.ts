import { expect } from 'vitest';
import { expectContract } from './contract.js';
import type { Session } from './transports.js';

export const PROFILES = '/v4/entity/demo/table/Profiles/profile';
export const ORDERS = '/v4/entity/demo/customTable/Orders/record';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * One single-record call as a client makes it, its answer checked against the contract of
 * `operationId`: JSON in and out, the session's bearer token unless `authorization` says otherwise.
 */
export async function call<T = Record<string, unknown>>(
  session: Session,
  operationId: string,
  method: string,
  path: string,
  body?: unknown,
  authorization?: string,
): Promise<Answer<T>> {
  const headers = session.client.headers(authorization === undefined ? {} : { authorization });
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${session.client.baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const answered = response.status === 204 ? {} : await expectContract(response.clone(), operationId);
  return { status: response.status, body: answered as T, headers: response.headers };
}

/** HTTP Basic as Actito's SDK sends it: `<licence>/<user>` and the API key. */
export function basic(login = 'demo/WebService_user', password = 'mock-api-key'): string {
  return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
}

/** A profile's attributes as an object, as clients read them (`propertiesToObject`). */
export function attributesOf(profile: {
  attributes: { name: string; value: unknown }[];
}): Record<string, unknown> {
  return Object.fromEntries(profile.attributes.map(({ name, value }) => [name, value]));
}

export function expectStatus(answer: Answer, status: number): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
}
