import { describe, expect, it } from 'vitest';
import { ErrorEnvelope } from '../contracts/errors.js';
import { ERROR_CODES } from '../server/domain/errors.js';
import type { Json, Probe } from './helpers/route-walk/bad-inputs.js';
import { probesFor } from './helpers/route-walk/bad-inputs.js';
import type { Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

/** Path parameters that name things the default fixture has, so probes reach the route's own checks. */
const VALID: Record<string, string> = { entity: 'demo', table: 'Profiles', id: '1000001', import: '1000123' };

/** What went wrong with one probe, or null. */
async function check(session: Session, method: string, probe: Probe): Promise<string | null> {
  const url = new URL(`${session.baseUrl}${probe.path}`);
  for (const [name, value] of Object.entries(probe.query)) url.searchParams.set(name, value);
  const headers: Record<string, string> = {
    'x-mock-tenant': session.client.tenant as string,
    ...probe.headers,
  };
  const response = await fetch(url, {
    method: method.toUpperCase(),
    headers,
    ...(probe.body ? { body: probe.body as BodyInit } : {}),
  });
  const text = await response.text();
  const what = `${method.toUpperCase()} ${probe.path.slice(0, 80)} (${probe.name}): ${response.status}`;
  if (response.status >= 500) return `${what} ${text.slice(0, 300)}`;
  if (probe.invalid && response.status < 400) return `${what}, a bad input accepted`;
  if (response.status < 400) return null;
  let envelope: ErrorEnvelope;
  try {
    envelope = ErrorEnvelope.parse(JSON.parse(text));
  } catch {
    return `${what}, not an error envelope: ${text.slice(0, 200)}`;
  }
  if (envelope.status !== response.status || !(ERROR_CODES as readonly string[]).includes(envelope.code))
    return `${what}, envelope ${JSON.stringify(envelope).slice(0, 200)}`;
  return null;
}

/**
 * Walks every route of the OpenAPI document the mock serves with generated bad input (wrong
 * types, huge and deep values, missing and extra fields, broken path and query values, broken
 * multipart bodies): no answer is a 5xx, every refusal is the error envelope, and surely invalid
 * input is refused with a 4xx. Each operation gets a tenant of its own (probes may reset or arm).
 */
describe.each(TRANSPORTS)('a walk of every route of the OpenAPI document (%s)', (transport) => {
  const harness = useTransport(transport);

  it('answers every generated bad input with a 4xx envelope or a success, never a 5xx', async () => {
    const first = await harness.session({ login: false });
    const document = (await (await fetch(`${first.baseUrl}/openapi.json`)).json()) as Json;
    const resolve = (value: unknown): Json => {
      let node = value as Json;
      while (typeof node?.$ref === 'string') {
        node = (node.$ref as string)
          .replace(/^#\//, '')
          .split('/')
          .reduce<unknown>((at, key) => (at as Json)[key], document) as Json;
      }
      return node;
    };
    const failures: string[] = [];
    let probes = 0;
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const session = await harness.session();
        const security = JSON.stringify(operation.security ?? []);
        const auth: Record<string, string> = security.includes('bearerToken')
          ? { authorization: `Bearer ${session.client.accessToken}` }
          : security.includes('apiKey')
            ? { authorization: 'mock-api-key' }
            : {};
        for (const probe of probesFor({ method, path, operation, resolve }, VALID, auth)) {
          probes += 1;
          const failure = await check(session, method, probe);
          if (failure) failures.push(failure);
        }
        const health = await session.control.health().catch((error: unknown) => String(error));
        if (typeof health === 'string')
          failures.push(`${method} ${path}: the mock stopped answering: ${health}`);
      }
    }
    expect(failures).toEqual([]);
    expect(probes).toBeGreaterThan(500);
    expect(harness.server()?.process.exitCode ?? null).toBeNull();
  }, 120_000);
});
