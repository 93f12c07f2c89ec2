import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { pipeline } from 'node:stream/promises';

const FINAL = new Set(['SUCCESS', 'WITH_ERROR', 'ERROR']);

/** What the bench does with the mock over HTTP, as an integration would. */
export class ActitoClient {
  constructor(baseUrl, entity, extraHeaders = {}) {
    this.baseUrl = baseUrl;
    this.extraHeaders = extraHeaders;
    this.executions = `${baseUrl}/mass-imports/v5/entities/${entity}/etl-executions`;
    this.token = null;
  }

  async login(apiKey) {
    const response = await fetch(`${this.baseUrl}/auth/token`, {
      headers: { ...this.extraHeaders, authorization: apiKey },
    });
    if (response.status !== 200)
      throw new Error(`GET /auth/token: ${response.status} ${await response.text()}`);
    this.token = (await response.json()).accessToken;
  }

  /**
   * POSTs a V5 execution: the definition part, then the file streamed from disk as the data part.
   * The multipart body is written by hand around the file stream, so the upload never holds the
   * file in memory (FormData + Blob would), and has a Content-Length like a browser's.
   */
  uploadEtl(definition, filePath, fileName) {
    const boundary = `----actito-bench-${randomBytes(8).toString('hex')}`;
    const head = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="definition"; filename="definition.json"',
        'Content-Type: application/json',
        '',
        JSON.stringify(definition),
        `--${boundary}`,
        `Content-Disposition: form-data; name="inputFile"; filename="${fileName}"`,
        'Content-Type: application/zip',
        '',
        '',
      ].join('\r\n'),
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const length = head.byteLength + statSync(filePath).size + tail.byteLength;
    return new Promise((resolve, reject) => {
      const req = request(this.executions, {
        method: 'POST',
        headers: {
          ...this.headers(),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': length,
        },
      });
      req.once('response', (response) => resolve(readJson(response)));
      req.once('error', reject);
      const body = async function* () {
        yield head;
        yield* createReadStream(filePath, { highWaterMark: 64 * 1024 });
        yield tail;
      };
      pipeline(body, req).catch(reject);
    });
  }

  /** Polls the execution until a final status; returns the last body and how many polls it took. */
  async pollFinal(id) {
    for (let polls = 1; ; polls += 1) {
      const body = await this.getJson(`${this.executions}/${id}`);
      if (FINAL.has(body.status)) return { body, polls };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async getJson(url) {
    const response = await fetch(url, { headers: this.headers() });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  /** Streams a response body to nowhere; resolves with its length. */
  async download(url, accept) {
    const response = await fetch(url, { headers: { ...this.headers(), accept } });
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.byteLength;
    return bytes;
  }

  headers() {
    return { ...this.extraHeaders, accept: 'application/json', authorization: `Bearer ${this.token}` };
  }
}

async function readJson(response) {
  let text = '';
  for await (const chunk of response) text += chunk;
  return { status: response.statusCode, body: JSON.parse(text) };
}
