import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

export interface UploadPart {
  name: string;
  content: string | Uint8Array;
  /** Sent as a file part when set, else as a plain text field. */
  fileName?: string;
  type?: string;
}

/**
 * A small Actito client for tests: what a real integration does over HTTP, with the transport's
 * fetch (MSW-intercepted or real) and base URL.
 */
export class ActitoTestClient {
  accessToken: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly tenant: string | undefined = undefined,
  ) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (this.tenant) headers['x-mock-tenant'] = this.tenant;
    if (this.accessToken && !('authorization' in extra)) headers.authorization = `Bearer ${this.accessToken}`;
    return headers;
  }

  async login(apiKey = 'mock-api-key'): Promise<string> {
    const response = await fetch(`${this.baseUrl}/auth/token`, {
      headers: { ...this.headers(), authorization: apiKey },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accessToken: string };
    this.accessToken = body.accessToken;
    return body.accessToken;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { headers: this.headers(headers) });
  }

  async getJson<T = Record<string, unknown>>(path: string, status = 200): Promise<T> {
    const response = await this.get(path);
    const body = await response.json();
    expect({ status: response.status, body }).toMatchObject({ status });
    return body as T;
  }

  upload(path: string, parts: UploadPart[], headers: Record<string, string> = {}): Promise<Response> {
    const form = new FormData();
    for (const part of parts) {
      if (part.fileName === undefined && typeof part.content === 'string')
        form.append(part.name, part.content);
      else
        form.append(
          part.name,
          new Blob([part.content as BlobPart], { type: part.type ?? 'application/octet-stream' }),
          part.fileName ?? part.name,
        );
    }
    return fetch(`${this.baseUrl}${path}`, { method: 'POST', body: form, headers: this.headers(headers) });
  }

  /** POST a V5 execution: the definition as a JSON file part, then the data file. */
  uploadEtl(
    entity: string,
    definition: unknown,
    data: string | Uint8Array | null,
    fileName = 'data.csv',
  ): Promise<Response> {
    const parts: UploadPart[] = [definitionPart(definition)];
    if (data !== null) parts.push({ name: 'inputFile', content: data, fileName, type: 'text/csv' });
    return this.upload(`/mass-imports/v5/entities/${entity}/etl-executions`, parts);
  }
}

export function definitionPart(definition: unknown, name = 'definition'): UploadPart {
  const content = typeof definition === 'string' ? definition : JSON.stringify(definition);
  return { name, content, fileName: `${name}.json`, type: 'application/json' };
}

/** The files of a zip response, as text. */
export async function zipEntries(response: Response): Promise<Record<string, string>> {
  const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}
