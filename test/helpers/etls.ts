import { strToU8, zipSync } from 'fflate';
import { expect } from 'vitest';
import { expectContract } from './contract.js';
import { csv } from './files.js';
import type { Session } from './transports.js';

export const ETL_ENTITY = 'demo';
export const V5 = `/mass-imports/v5/entities/${ETL_ENTITY}`;

/** A two-table ETL of the default fixture (Profiles and Orders), one file of the day per table. */
export const twoTableEtl = {
  name: 'Nightly shop export',
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  tables: [
    {
      table: { type: 'PROFILE_TABLE', name: 'Profiles' },
      fileNamePattern: 'profiles_$yyyyMMdd.csv',
      attributesMapping: [
        { headerColumn: 'mail', attributeName: 'emailAddress' },
        { headerColumn: 'id', attributeName: 'customerId' },
      ],
    },
    {
      table: { type: 'CUSTOM_TABLE', name: 'Orders' },
      fileNamePattern: 'orders_$yyyyMMdd.csv',
      attributesMapping: [
        { headerColumn: 'order', attributeName: 'orderId' },
        { headerColumn: 'customer', attributeName: 'customerId' },
        { headerColumn: 'amount', attributeName: 'amount' },
      ],
    },
  ],
  outputFiles: { generateResultFile: true, generateErrorFile: true },
};

export const profilesCsv = csv([
  ['mail', 'id'],
  ['ann@example.com', 'C1'],
  ['bob@example.com', 'C2'],
]);
export const ordersCsv = csv([
  ['order', 'customer', 'amount'],
  ['O-1', 'C1', '12.50'],
  ['O-2', 'C2', 'lots'],
]);

/** The two files of the day (the test clock says 2026-03-02), in folders, with a stray file. */
export function shopExport(): Uint8Array {
  return zipSync({
    'export/profiles_20260302.csv': strToU8(profilesCsv),
    'export/orders_20260302.csv': strToU8(ordersCsv),
    'export/readme.txt': strToU8('not data'),
  });
}

export async function sendJson(
  session: Session,
  method: string,
  path: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${session.client.baseUrl}${path}`, {
    method,
    headers: session.client.headers({ 'content-type': 'application/json' }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function createEtl(session: Session, definition: unknown = twoTableEtl): Promise<string> {
  const response = await sendJson(session, 'POST', `${V5}/etls`, definition);
  const body = (await expectContract(response, 'createEtl')) as { id: string };
  expect(response.status).toBe(201);
  return body.id;
}

export async function trigger(
  session: Session,
  etlId: string,
  data: Uint8Array | string,
  fileName = 'export.zip',
): Promise<string> {
  const response = await session.client.upload(`${V5}/etls/${etlId}/trigger-execution`, [
    { name: 'inputFile', content: data, fileName, type: 'application/zip' },
  ]);
  const body = (await expectContract(response, 'triggerEtlExecution')) as { id: string };
  expect(response.status).toBe(201);
  expect(response.headers.get('location')).toBe(`${session.client.baseUrl}${V5}/etl-executions/${body.id}`);
  return body.id;
}
