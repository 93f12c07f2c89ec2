import { unzipSync } from 'fflate';
import { expect } from 'vitest';
import type { ActitoTestClient, UploadPart } from './actito-client.js';

export const V4_PREFIXES = ['/v4/entity', '/mass-imports/v4/entity'] as const;

export interface V4Upload {
  entity?: string;
  /** `table` (profile table) or `customTable`. */
  kind?: 'table' | 'customTable';
  table?: string;
  prefix?: string;
  parameters: unknown;
  data: string | Uint8Array | null;
  fileName?: string;
  dataType?: string;
  /** `file`: a JSON file part (what the public PHP client sends); `field`: a plain text field. */
  parametersAs?: 'file' | 'field';
}

/** POST a V4 import: `parameters` then `inputFile` (the public PHP client sends `inputFile` first: see replay-myhappypet.test.ts). */
export function uploadV4(client: ActitoTestClient, upload: V4Upload): Promise<Response> {
  const entity = upload.entity ?? 'demo';
  const path = `${upload.prefix ?? V4_PREFIXES[0]}/${entity}/${upload.kind ?? 'table'}/${upload.table ?? 'Profiles'}/import`;
  const text = typeof upload.parameters === 'string' ? upload.parameters : JSON.stringify(upload.parameters);
  const parts: UploadPart[] = [
    upload.parametersAs === 'field'
      ? { name: 'parameters', content: text }
      : { name: 'parameters', content: text, fileName: 'parameters.json', type: 'application/json' },
  ];
  if (upload.data !== null) {
    parts.push({
      name: 'inputFile',
      content: upload.data,
      fileName: upload.fileName ?? 'data.csv',
      type: upload.dataType ?? 'text/csv',
    });
  }
  return client.upload(path, parts);
}

/** Uploads and expects 201 with a numeric id; returns the id. */
export async function createV4(client: ActitoTestClient, upload: V4Upload): Promise<number> {
  const response = await uploadV4(client, upload);
  const body = (await response.json()) as { id: number };
  expect({ status: response.status, body }).toMatchObject({ status: 201, body: { id: expect.any(Number) } });
  return body.id;
}

export function importPath(
  id: number,
  read: string,
  entity = 'demo',
  prefix: string = V4_PREFIXES[0],
): string {
  return `${prefix}/${entity}/import/${id}/${read}`;
}

/** Polls the status with the default progression (each of PENDING and RUNNING seen by one poll). */
export async function pollV4ToEnd(client: ActitoTestClient, id: number, entity = 'demo'): Promise<string> {
  for (const status of ['PENDING', 'RUNNING'])
    expect(await client.getJson(importPath(id, 'status', entity))).toMatchObject({ status });
  const final = await client.getJson<{ status: string }>(importPath(id, 'status', entity));
  return final.status;
}

/** A CSV download as text (decoded as latin1 when the charset says so). */
export async function csvText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const latin1 = /charset=ISO-8859-1/i.test(response.headers.get('content-type') ?? '');
  return new TextDecoder(latin1 ? 'latin1' : 'utf-8', { ignoreBOM: true }).decode(bytes);
}

/**
 * The result file of a V4 import, downloaded: a zip holding result.csv, returned as text in the
 * import's encoding (`latin1` for an ISO-8859-1 import).
 */
export async function resultFileText(
  response: Response,
  encoding: 'utf-8' | 'latin1' = 'utf-8',
): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
  expect(Object.keys(entries)).toEqual(['result.csv']);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(entries['result.csv']);
}
