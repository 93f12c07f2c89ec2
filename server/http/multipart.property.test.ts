import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from '../../test/helpers/fuzz.js';
import { ActitoError } from '../domain/errors.js';
import type { DataSource } from '../domain/imports/data-source.js';
import { readImportUpload } from './multipart.js';

const PARTS = { definition: ['definition', 'etl'], data: ['inputFile', 'file'], maxFileBytes: 4096 } as const;

interface Upload {
  boundary: string;
  body: Uint8Array;
  definition: string;
  data: Uint8Array;
  /** The body was broken on purpose (cut short, closing delimiter dropped). */
  broken: boolean;
}

const encoder = new TextEncoder();
const concat = (parts: (string | Uint8Array)[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : part))),
  );

/** Bytes that look like the body's own syntax, mixed with any bytes. */
const tricky = fc.constantFrom(
  '\r\n',
  '\r\n--',
  '--',
  '\r\n\r\n',
  'Content-Disposition: form-data; name="x"',
  '"',
);
const bytes = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      tricky.map((text) => encoder.encode(text)),
    ),
    { maxLength: 12 },
  )
  .map(concat);

/** A multipart body of an upload, well formed or broken, with what it carries. */
const upload: fc.Arbitrary<Upload> = fc
  .record({
    boundary: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
    definition: fc.string({ maxLength: 200 }),
    data: bytes,
    definitionName: fc.constantFrom(...PARTS.definition),
    dataName: fc.constantFrom(...PARTS.data),
    definitionAsField: fc.boolean(),
    dataFirst: fc.boolean(),
    extraPart: fc.option(bytes, { nil: undefined }),
    preamble: fc.option(fc.constantFrom('preamble\r\n', '\r\n'), { nil: undefined }),
    epilogue: fc.option(fc.constantFrom('\r\nepilogue', 'junk'), { nil: undefined }),
    breakage: fc.option(
      fc.oneof(fc.constant('no closing' as const), fc.double({ min: 0, max: 1, noNaN: true })),
      {
        nil: undefined,
        freq: 3,
      },
    ),
  })
  .filter(({ boundary, definition, data, extraPart }) => {
    // A client picks a boundary that occurs in none of its parts.
    const delimiter = `--${boundary}`;
    return ![encoder.encode(definition), data, extraPart ?? new Uint8Array(0)].some((part) =>
      Buffer.from(part).includes(delimiter),
    );
  })
  .map((spec) => {
    const { boundary } = spec;
    const part = (name: string, content: string | Uint8Array, fileName: string | null) =>
      concat([
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"` : ''}\r\n\r\n`,
        content,
        '\r\n',
      ]);
    const definitionPart = part(
      spec.definitionName,
      spec.definition,
      spec.definitionAsField ? null : 'd.json',
    );
    const dataPart = part(spec.dataName, spec.data, 'data.csv');
    const parts = spec.dataFirst ? [dataPart, definitionPart] : [definitionPart, dataPart];
    if (spec.extraPart) parts.splice(1, 0, part('unknown', spec.extraPart, 'x.bin'));
    const closing = spec.breakage === 'no closing' ? '' : `--${boundary}--\r\n`;
    let body = concat([spec.preamble ?? '', ...parts, closing, spec.epilogue ?? '']);
    if (typeof spec.breakage === 'number')
      body = body.subarray(0, Math.floor(body.byteLength * spec.breakage));
    return {
      boundary,
      body,
      definition: spec.definition,
      data: spec.data,
      broken: spec.breakage !== undefined,
    };
  });

type Outcome = { definition: string; data: string } | { code: string; message: string };

/** Reads a body fed in the given chunks: what was registered, or the refusal. */
async function outcome(boundary: string, chunks: Uint8Array[]): Promise<Outcome> {
  const request = new Request('http://mock.local/upload', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }),
    duplex: 'half',
  } as RequestInit);
  try {
    return await readImportUpload(request, PARTS, {
      onDefinition: (json) => json,
      async onData(definition: string, data: DataSource | null) {
        const read: Uint8Array[] = [];
        for await (const chunk of data?.chunks ?? []) read.push(chunk);
        return () => ({ definition, data: Buffer.concat(read).toString('hex') });
      },
    });
  } catch (error) {
    if (!(error instanceof ActitoError)) throw error;
    return { code: error.code, message: error.message };
  }
}

function split(body: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((cut) => cut % (body.byteLength + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, index) => body.subarray(start, at[index] ?? body.byteLength));
}

it(
  'reads any multipart body the same however it is split into chunks, and gives back what a sound one carried',
  async () => {
    await fc.assert(
      fc.asyncProperty(upload, fc.array(fc.nat(), { maxLength: 8 }), async (sent, cuts) => {
        const whole = await outcome(sent.boundary, [sent.body]);
        expect(await outcome(sent.boundary, split(sent.body, cuts))).toEqual(whole);
        if (!sent.broken) {
          expect(whole).toEqual({
            definition: sent.definition,
            data: Buffer.from(sent.data).toString('hex'),
          });
        }
      }),
      fuzzParameters(200),
    );
  },
  FUZZ_TIMEOUT_MS,
);
