const BOUNDARY = '----actito-mock-streaming-test';

/** An upload whose body the test writes piece by piece: it stays open until `finish()`. */
export interface StreamingUpload {
  request: Request;
  write(text: string): void;
  finish(): void;
}

/**
 * A V5 upload request (definition part, then the data part) whose data part is still arriving:
 * `firstRows` are sent at once, the rest when the test calls `write`, the end with `finish`.
 */
export function streamingEtlUpload(
  url: string,
  headers: Record<string, string>,
  definition: unknown,
  firstRows: string,
): StreamingUpload {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const send = (text: string) => controller?.enqueue(encoder.encode(text));
  send(
    [
      `--${BOUNDARY}`,
      'Content-Disposition: form-data; name="definition"; filename="definition.json"',
      'Content-Type: application/json',
      '',
      JSON.stringify(definition),
      `--${BOUNDARY}`,
      'Content-Disposition: form-data; name="inputFile"; filename="streamed.csv"',
      'Content-Type: text/csv',
      '',
      firstRows,
    ].join('\r\n'),
  );
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: 'half',
  };
  return {
    request: new Request(url, init),
    write: send,
    finish() {
      send(`\r\n--${BOUNDARY}--\r\n`);
      controller?.close();
    },
  };
}

/** Waits for an asynchronous condition (a request reaching the server), checking every few ms, for at most ~5 s. */
export async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting until ${what}`);
}
