import { describe, expect, it } from 'vitest';
import { expectContract } from './helpers/contract.js';
import { csv } from './helpers/files.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

const BASE = '/mass-imports/v5/entities/demo/etl-executions';
const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'points', attributeName: 'loyaltyPoints' },
  ],
  outputFiles: { generateResultFile: true, generateErrorFile: true },
};
const file = csv([
  ['mail', 'points'],
  ['ann@example.com', '10'],
  ['bob@example', 'many'],
]);

// The mock checked against its own published contracts: every answer of a V5 lifecycle parses
// with the schema its operation documents, so the contracts cannot drift from what is served.
describe.each(TRANSPORTS)('V5 answers match their published contracts (%s)', (transport) => {
  const harness = useTransport(transport);

  it('token, upload, status polls, results, output files', async () => {
    const { client } = await harness.session({ login: false });
    const token = await fetch(`${client.baseUrl}/auth/token`, {
      headers: client.headers({ authorization: 'mock-api-key' }),
    });
    client.accessToken = (
      (await expectContract(token, 'getAccessToken')) as { accessToken: string }
    ).accessToken;

    const created = await client.uploadEtl('demo', definition, file, 'points.csv');
    expect(created.status).toBe(201);
    const { id } = (await expectContract(created, 'createEtlExecution')) as { id: string };

    const early = await client.get(`${BASE}/${id}/integration-results`);
    expect(early.status).toBe(409);
    await expectContract(early, 'getEtlExecutionIntegrationResults');

    // The default progression shows each intermediate status to one poll.
    const statuses: string[] = [];
    for (let poll = 0; poll < 3; poll++) {
      const execution = await client.get(`${BASE}/${id}`);
      statuses.push(((await expectContract(execution, 'getEtlExecution')) as { status: string }).status);
    }
    expect(statuses).toEqual(['PENDING', 'RUNNING', 'WITH_ERROR']);

    const results = await client.get(`${BASE}/${id}/integration-results`);
    expect(results.status).toBe(200);
    await expectContract(results, 'getEtlExecutionIntegrationResults');

    const files = await client.get(`${BASE}/${id}/output-files`, { accept: 'application/zip' });
    expect(files.status).toBe(200);
    await expectContract(files, 'getEtlExecutionOutputFiles');
  });

  it('error answers: bad token, bad definition, unknown execution, unacceptable Accept', async () => {
    const { client } = await harness.session();
    const cases: [Response, string, number][] = [
      [await client.get(`${BASE}/1`, { authorization: 'Bearer nope' }), 'getEtlExecution', 401],
      [await client.uploadEtl('demo', { ...definition, mode: 'SOMETIMES' }, file), 'createEtlExecution', 400],
      [await client.get(`${BASE}/999999`), 'getEtlExecution', 404],
      [await client.get(`${BASE}/999999`, { accept: 'text/csv' }), 'getEtlExecution', 406],
    ];
    for (const [response, operationId, status] of cases) {
      expect(response.status).toBe(status);
      const body = (await expectContract(response, operationId)) as { status: number };
      expect(body.status).toBe(status);
    }
  });
});
