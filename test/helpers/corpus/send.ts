import net from 'node:net';
import type { Harness, Session } from '../transports.js';
import type { CorpusCase, CorpusRequest } from './case.js';
import type { NamedValues } from './content.js';
import { buildContent } from './content.js';
import { multipartBody } from './multipart-body.js';

/** What one copy of a case's request got back; `null` status when the client got no answer. */
export interface Answer {
  status: number | null;
  text: string;
}

export interface BuiltRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

export function buildRequest(request: CorpusRequest, session: Session, values: NamedValues): BuiltRequest {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session.client.tenant) headers['x-mock-tenant'] = session.client.tenant;
  if (request.auth === 'bearer') headers.authorization = `Bearer ${session.client.accessToken}`;
  else if (request.auth !== 'none') headers.authorization = request.auth;
  let body: Uint8Array | null = null;
  if (request.body && 'multipart' in request.body) {
    const { multipart } = request.body;
    headers['content-type'] = `multipart/form-data; boundary=${multipart.boundary}`;
    body = multipartBody(multipart, values);
  } else if (request.body) {
    body = buildContent(request.body.content, values);
  }
  Object.assign(headers, request.headers);
  return { url: `${session.baseUrl}${request.path}`, method: request.method, headers, body };
}

/** Sends it whole, with the transport's fetch (MSW-intercepted, or over HTTP). */
export async function fetchAnswer(request: BuiltRequest): Promise<Answer> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body as BodyInit } : {}),
  });
  return { status: response.status, text: await response.text() };
}

/**
 * Sends the whole body but never ends it, lets `whileOpen` look at the mock meanwhile, then goes
 * away. Over HTTP, with a raw socket: a Content-Length larger than the body, or chunked without
 * the final zero-length chunk. In-process (MSW buffers bodies, so `harness.send`): a body stream
 * that stays open, then errors.
 */
export async function sendIncomplete(
  request: BuiltRequest,
  harness: Harness,
  framing: CorpusCase['framing'],
  whileOpen: () => Promise<void>,
): Promise<Answer> {
  const body = request.body ?? new Uint8Array(0);
  if (!harness.server()) {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
        c.enqueue(body);
      },
    });
    const response = harness
      .send(
        new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: stream,
          duplex: 'half',
        } as RequestInit),
      )
      .then(async (r): Promise<Answer> => ({ status: r.status, text: await r.text() }))
      .catch((): Answer => ({ status: null, text: '' }));
    try {
      await whileOpen();
    } finally {
      controller.error(new Error('the client went away'));
    }
    return response;
  }
  const url = new URL(request.url);
  const socket = net.connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
  });
  socket.on('error', () => {});
  const lines = [`${request.method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  lines.push(
    framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.byteLength + 1000}`,
  );
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  if (framing === 'chunked') socket.write(`${body.byteLength.toString(16)}\r\n`);
  socket.write(body);
  if (framing === 'chunked') socket.write('\r\n');
  try {
    await whileOpen();
  } finally {
    socket.destroy();
  }
  const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
  return { status: status ? Number(status[1]) : null, text: received };
}
