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

/**
 * `send` must deliver the body as it streams: the server transport's fetch does, but MSW buffers
 * request bodies (msw 3 before calling any handler), so in-process tests pass `harness.send`.
 */
export function holdV4Upload(
  client: ActitoTestClient,
  parameters: unknown,
  path: string,
  send: (request: Request) => Promise<Response>,
): HeldUpload {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  controller.enqueue(
    encoder.encode(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="parameters"; filename="parameters.json"\r\n` +
        `Content-Type: application/json\r\n\r\n${JSON.stringify(parameters)}\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="inputFile"; filename="data.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\nmail;first\n',
    ),
  );
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
      controller.enqueue(encoder.encode(`held@example.com;Held\n\r\n--${BOUNDARY}--\r\n`));
      controller.close();
      return response;
    },
  };
}
