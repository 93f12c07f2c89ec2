import { describe, expect, it } from 'vitest';
import { VerifyResponse } from '../contracts/control.js';
import { MockControlError, VerificationError } from '../server/index.js';
import { csv } from './helpers/files.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4 } from './helpers/v4-client.js';

const BASE = '/mass-imports/v5/entities/demo/etl-executions';
const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
};
const file = csv([['mail'], ['ann@example.com']]);

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe.each(TRANSPORTS)('verifying requests (%s)', (transport) => {
  const harness = useTransport(transport);

  it('verifies an operation by id, method and path, status, headers and definition fields', async () => {
    const { client, control } = await harness.session();
    const created = await client.uploadEtl('demo', definition, file, 'profiles.csv');
    const { id } = (await created.json()) as { id: string };
    await client.getJson(`${BASE}/${id}?view=full`);

    const verdict = await control.verify(
      { operation: 'createEtlExecution', status: 201, definition: { mode: 'CREATE_UPDATE' } },
      1,
    );
    expect(VerifyResponse.parse(verdict)).toEqual(verdict);
    expect(verdict).toMatchObject({ ok: true, count: 1, matched: [2], expected: 'exactly 1' });
    await control.verify({
      method: 'post',
      path: '/mass-imports/v5/entities/*/etl-executions',
      headers: {
        Authorization: { matches: '^Bearer ' },
        'content-type': { contains: 'multipart/form-data' },
        'x-mock-tenant': client.tenant as string,
      },
      definition: { table: { name: 'Profiles' }, attributesMapping: [{ headerColumn: 'mail' }] },
      dataFile: { name: 'profiles.csv', rowCount: 1 },
    });
    await control.verify(
      { operation: 'getEtlExecution', query: { view: 'full' } },
      { atLeast: 1, atMost: 1 },
    );
    await control.verify({ status: '4xx' }, 0);

    const entries = await control.findRequests({ path: `${BASE}/**` });
    expect(entries.map((entry) => [entry.seq, entry.operation])).toEqual([
      [2, 'createEtlExecution'],
      [3, 'getEtlExecution'],
    ]);
  });

  it('throws a VerificationError naming the closest requests and how they differ', async () => {
    const { client, control } = await harness.session();
    await client.uploadEtl('demo', definition, file);
    await client.uploadEtl('demo', { ...definition, mode: 'UPSERT' }, file);

    const error = await failure(
      control.verify({ operation: 'createEtlExecution', status: 201, definition: { mode: 'CREATE_ONLY' } }),
    );
    expect(error).toBeInstanceOf(VerificationError);
    const { result, message } = error as VerificationError;
    expect(result).toMatchObject({ ok: false, count: 0, considered: 3 });
    expect(result.nearMisses.map((miss) => miss.seq)).toEqual([2, 3, 1]);
    const lines = message.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Expected at least 1 request matching {"operation":"createEtlExecution","status":201,"definition":{"mode":"CREATE_ONLY"}}, but 0 matched (3 journaled).',
      'Closest requests:',
      `  #2 POST ${BASE} (createEtlExecution) -> 201`,
      '    definition.mode: expected "CREATE_ONLY", got "CREATE_UPDATE"',
    ]);
    expect(lines[4]).toMatch(
      new RegExp(`^ {2}#3 POST ${BASE} \\(createEtlExecution\\) -> 400 INVALID_DEFINITION: .*mode`),
    );
    expect(lines.slice(5, 7)).toEqual([
      '    status: expected 201, got 400 INVALID_DEFINITION',
      '    definition.mode: expected "CREATE_ONLY", got "UPSERT"',
    ]);

    // The refused upload is verifiable by what it sent.
    await control.verify({ errorCode: 'INVALID_DEFINITION', definition: { mode: 'UPSERT' } }, 1);
    const tooMany = (await failure(control.verify({ operation: 'createEtlExecution' }, 1))) as Error;
    expect(tooMany.message).toContain('but 2 matched (3 journaled).\nMatching requests:\n  #2 POST');
  });

  it('verifies that no V4 call was made, and names the ones that were', async () => {
    const { client, control } = await harness.session();
    await client.uploadEtl('demo', definition, file);
    expect(await control.verifyNoV4Calls()).toMatchObject({ ok: true, count: 0, expected: 'no' });

    const parameters = {
      mode: 'CREATE_UPDATE',
      format: { separator: ';' },
      attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
    };
    const id = await createV4(client, { parameters, data: 'mail\na@example.com\n' });
    await client.get(`/mass-imports/v4/entity/demo/import/${id}/status`);
    const error = (await failure(control.verifyNoV4Calls())) as VerificationError;
    expect(error).toBeInstanceOf(VerificationError);
    expect(error.message.split('\n')).toEqual([
      'Expected no requests matching {"path":["/v4/**","/mass-imports/v4/**"]}, but 2 matched (4 journaled).',
      'Matching requests:',
      '  #3 POST /v4/entity/demo/table/Profiles/import (createProfileTableImport) -> 201',
      `  #4 GET /mass-imports/v4/entity/demo/import/${id}/status (getImportStatus) -> 200`,
    ]);
  });

  it('refuses a malformed pattern, naming the field: unknown keys, operations, regular expressions, counts', async () => {
    const { control } = await harness.session();
    const refusal = async (call: Promise<unknown>) => {
      const error = await failure(call);
      expect(error).toBeInstanceOf(MockControlError);
      return (error as MockControlError).envelope;
    };
    expect(await refusal(control.verify({ stauts: 201 } as never))).toMatchObject({
      status: 400,
      code: 'INVALID_CONTROL_REQUEST',
      errors: [{ path: 'body.pattern', message: expect.stringContaining('stauts') }],
    });
    const unknown = await refusal(control.verify({ operation: 'createEtlExecutions' }));
    expect(unknown.errors).toEqual([
      {
        path: 'body.pattern.operation',
        message: expect.stringMatching(
          /^"createEtlExecutions" is not an operation of the mock; use one of .*createEtlExecution,/,
        ),
      },
    ]);
    expect(await refusal(control.findRequests({ headers: { a: { matches: '[' } } }))).toMatchObject({
      errors: [{ path: 'body.pattern.headers.a.matches', message: 'not a valid regular expression' }],
    });
    expect(await refusal(control.verify({}, { exactly: 1, atLeast: 1 }))).toMatchObject({
      errors: [{ path: 'body.count.exactly', message: 'exactly excludes atLeast and atMost' }],
    });
  });
});
