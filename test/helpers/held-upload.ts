import type { ActitoTestClient } from './actito-client.js';

const BOUNDARY = 'actito-mock-held-upload';
const encoder = new TextEncoder();

/**
 * A V4 upload whose body the test controls: the parameters and the start of the data file are
 * sent at once, the rest only on `release()`, so the request stays in flight on the mock for as
 * long as the test wants, without any sleep.
 */
export interface HeldUpload {
  release(): Promise<Response>;
}

/** The boundary of held uploads, for callers writing their own parts with `holdUpload`. */
export const HELD_BOUNDARY = BOUNDARY;

/**
 * A multipart upload to `path` whose body the test controls: `sent` goes at once, `held` only on
 * `release()`. `send` must deliver the body as it streams: the server transport's fetch does, but
 * MSW buffers request bodies (msw 3 before calling any handler), so in-process tests pass
 * `harness.send`.
 */
export function holdUpload(
  client: ActitoTestClient,
  path: string,
  send: (request: Request) => Promise<Response>,
  { sent, held }: { sent: string; held: string },
): HeldUpload {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  controller.enqueue(encoder.encode(sent));
  const response = send(
    new Request(`${client.baseUrl}${path}`, {
      method: 'POST',
      body,
      headers: client.headers({ 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }),
      duplex: 'half',
    } as RequestInit),
  );
  return {
    release() {
      controller.enqueue(encoder.encode(held));
      controller.close();
      return response;
    },
  };
}

/** A held V4 upload: the parameters and the start of the data file at once, its last row on release. */
export function holdV4Upload(
  client: ActitoTestClient,
  parameters: unknown,
  path: string,
  send: (request: Request) => Promise<Response>,
): HeldUpload {
  return holdUpload(client, path, send, {
    sent:
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="parameters"; filename="parameters.json"\r\n` +
      `Content-Type: application/json\r\n\r\n${JSON.stringify(parameters)}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="inputFile"; filename="data.csv"\r\n` +
      'Content-Type: text/csv\r\n\r\nmail;first\n',
    held: `held@example.com;Held\n\r\n--${BOUNDARY}--\r\n`,
  });
}
