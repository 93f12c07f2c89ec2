import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Map<string, string>;
  body: Uint8Array;
}

/**
 * Writes `bytes` to the server at `url` as they are (no client library normalises them) and reads
 * one HTTP/1.1 answer, sized by Content-Length or chunked, then closes the connection.
 */
export function sendRawHttp(url: string, bytes: Uint8Array): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(10_000, () => fail(new Error(`no complete answer from ${url}`)));
    socket.on('error', fail);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const response = parseResponse(received);
      if (!response) return;
      socket.destroy();
      resolve(response);
    });
    socket.on('end', () => fail(new Error(`the connection closed before a complete answer: ${received}`)));
    socket.write(bytes);
  });
}

/** The answer, once `data` holds all of it; undefined while bytes are missing. */
function parseResponse(data: Buffer): RawResponse | undefined {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine = '', ...lines] = data.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const rest = data.subarray(headEnd + 4);
  if (headers.get('transfer-encoding') === 'chunked') {
    const body = dechunk(rest);
    return body && { status, headers, body };
  }
  const length = Number(headers.get('content-length') ?? 0);
  return rest.byteLength < length
    ? undefined
    : { status, headers, body: new Uint8Array(rest.subarray(0, length)) };
}

function dechunk(data: Buffer): Uint8Array | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (size === 0)
      return data.indexOf('\r\n', lineEnd + 2) < 0 ? undefined : new Uint8Array(Buffer.concat(parts));
    if (data.byteLength < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
