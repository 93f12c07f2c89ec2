import { describe, expect, it } from 'vitest';
import { ActitoError } from '../domain/errors.js';
import type { DataSource } from '../domain/imports/data-source.js';
import { readImportUpload } from './multipart.js';

const BOUNDARY = 'unit-boundary';
const PARTS = { definition: ['definition'], data: ['inputFile'], maxFileBytes: 1024 } as const;
const encoder = new TextEncoder();

function body(definition: string, data: string): Uint8Array {
  return encoder.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="definition"\r\n\r\n${definition}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="inputFile"; filename="d.csv"\r\n\r\n${data}\r\n` +
      `--${BOUNDARY}--\r\n`,
  );
}

/** A request whose body the test ends (or breaks) when it likes. */
function openRequest(bytes: Uint8Array) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(bytes);
    },
  });
  const request = new Request('http://mock.local/upload', {
    method: 'POST',
    body: stream,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    duplex: 'half',
  } as RequestInit);
  return { request, end: () => controller.close(), breakOff: () => controller.error(new Error('gone')) };
}

/** Handlers that read the data part whole and say when they have, and count registrations. */
function recordingHandlers() {
  let staged!: () => void;
  const dataRead = new Promise<void>((resolve) => {
    staged = resolve;
  });
  const registered: string[] = [];
  return {
    dataRead,
    registered,
    handlers: {
      onDefinition: (json: string) => json,
      async onData(plan: string, data: DataSource | null) {
        let text = '';
        for await (const chunk of data?.chunks ?? []) text += new TextDecoder().decode(chunk);
        staged();
        return () => {
          registered.push(`${plan}:${text}`);
          return text;
        };
      },
    },
  };
}

describe('readImportUpload', () => {
  it('ends the data part for its reader when the body breaks off in the middle of it', async () => {
    const whole = body('{}', 'a;b\n'.repeat(100));
    const { request, breakOff } = openRequest(whole.subarray(0, whole.byteLength - 60));
    let readerEnded!: () => void;
    const ended = new Promise<void>((resolve) => {
      readerEnded = resolve;
    });
    let started!: () => void;
    const reading = new Promise<void>((resolve) => {
      started = resolve;
    });
    const result = readImportUpload(request, PARTS, {
      onDefinition: (json) => json,
      async onData(_plan, data) {
        try {
          for await (const _chunk of data?.chunks ?? []) started();
        } finally {
          readerEnded();
        }
        return () => 'registered';
      },
    });
    await reading;
    breakOff();
    await expect(result).rejects.toMatchObject({
      code: 'INVALID_MULTIPART',
      message: expect.stringMatching(/^The request body broke off before it ended/),
    });
    await ended;
  });

  it('registers the upload only once the request body has ended', async () => {
    const { request, end } = openRequest(body('{}', 'a;b\n'));
    const { dataRead, registered, handlers } = recordingHandlers();
    let settled = false;
    const result = readImportUpload(request, PARTS, handlers).finally(() => {
      settled = true;
    });
    await dataRead;
    // Every part is in, the closing delimiter too; the body has not ended: nothing may register.
    await new Promise((resolve) => setImmediate(resolve));
    expect({ settled, registered }).toEqual({ settled: false, registered: [] });
    end();
    expect(await result).toBe('a;b\n');
    expect(registered).toEqual(['{}:a;b\n']);
  });

  it('registers nothing when the body breaks off after its last part', async () => {
    const { request, breakOff } = openRequest(body('{}', 'a;b\n'));
    const { dataRead, registered, handlers } = recordingHandlers();
    const result = readImportUpload(request, PARTS, handlers);
    await dataRead;
    breakOff();
    await expect(result).rejects.toMatchObject({ code: 'INVALID_MULTIPART' });
    await expect(result).rejects.toBeInstanceOf(ActitoError);
    expect(registered).toEqual([]);
  });
});
