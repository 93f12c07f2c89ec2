import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { ActitoError } from '../domain/errors.js';
import type { DataSource } from '../domain/imports/data-source.js';
import { chunksSource } from '../domain/imports/data-source.js';
import type { PartNames } from './multipart-errors.js';
import {
  BodyWatch,
  bodyBrokeOff,
  boundaryOf,
  contentTypeError,
  expectedParts,
  multipartError,
  tooManyParts,
} from './multipart-errors.js';

export interface UploadParts extends PartNames {
  maxFileBytes: number;
  /** Watches the parts as busboy meets them, before anything reads them (the journal's record). */
  observer?: PartObserver;
}

/**
 * The events of the multipart parser (busboy) an observer hears. Declared here rather than taken
 * from @types/busboy, so the package's own declarations need no @types package of its consumers.
 */
export interface PartEvents {
  on(event: 'field', listener: (name: string, value: string, info: { mimeType: string }) => void): this;
  on(
    event: 'file',
    listener: (
      name: string,
      stream: Readable,
      info: { filename?: string | undefined; mimeType: string },
    ) => void,
  ): this;
  on(event: 'close' | 'error', listener: () => void): this;
}

export interface PartObserver {
  /** Called before the upload's own listeners are added, so the observer's run first. */
  watch(parser: PartEvents): void;
  /** The request body broke: busboy will not close. */
  ended(): void;
}

export interface UploadHandlers<Plan, Result> {
  /** Checks the definition as soon as it arrives; throwing stops the upload (the rest is drained). */
  onDefinition?(json: string, partName: string): Plan;
  /** The plan of an upload without a definition part (trigger-execution: the ETL is stored). */
  plan?: Plan;
  /**
   * Consumes the data file while it is still arriving; `null` when no data part was sent.
   * Resolves to the function that registers the upload, which is called only once the whole
   * request body has ended cleanly: a body cut short, or never finished, registers nothing.
   * `signal` aborts when the upload fails elsewhere (a second data part, a broken body).
   */
  onData(plan: Plan, data: DataSource | null, signal: AbortSignal): Promise<() => Result>;
}

const MAX_DEFINITION_BYTES = 1024 * 1024;
/** Far more parts than an upload needs (a definition and a data file). */
const MAX_FILE_PARTS = 8;
const MAX_FIELDS = 16;

/**
 * Reads an import upload with busboy from the Fetch request stream (the same code under the Node
 * server, MSW and `app.request()`), handing the data part on while it streams when the definition
 * came first. A data part sent before the definition is buffered, within the size limit.
 */
export function readImportUpload<Plan, Result>(
  request: Request,
  parts: UploadParts,
  handlers: UploadHandlers<Plan, Result>,
): Promise<Result> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType) || !request.body) {
    throw new ActitoError(
      'INVALID_MULTIPART',
      `Expected a multipart/form-data body with ${expectedParts(parts)}; got ${contentType || 'no Content-Type'}.`,
    );
  }
  return new Promise<Result>((resolve, reject) => {
    const watch = new BodyWatch(boundaryOf(contentType));
    const readError = (error: unknown) => multipartError(error, watch, parts);
    const upload = new UploadState(parts, handlers, readError, resolve, reject);
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: {
          fileSize: parts.maxFileBytes,
          fieldSize: MAX_DEFINITION_BYTES,
          files: MAX_FILE_PARTS,
          fields: MAX_FIELDS,
        },
      });
    } catch (error) {
      reject(contentTypeError(contentType, error, parts));
      return;
    }
    parts.observer?.watch(parser);
    parser.on('field', (name, value, info) => upload.field(name, value, info.valueTruncated));
    parser.on('file', (name, stream, info) => upload.file(name, stream, info.filename ?? null));
    parser.on('error', (error) => upload.fail(readError(error)));
    // Past these, busboy drops parts without a word: a definition among them would seem missing.
    parser.on('filesLimit', () => upload.fail(tooManyParts(`${MAX_FILE_PARTS} file parts`, parts)));
    parser.on('fieldsLimit', () => upload.fail(tooManyParts(`${MAX_FIELDS} fields`, parts)));
    parser.on('close', () => void upload.bodyEnded());
    const body = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
    body.on('data', (chunk: Uint8Array) => watch.see(chunk));
    body.on('error', (error) => {
      parts.observer?.ended();
      upload.bodyBrokeOff(error);
    });
    body.pipe(parser);
  });
}

type FileStream = Readable & { truncated?: boolean };

/** The state of one upload while busboy walks its parts. */
class UploadState<Plan, Result> {
  #plan: { value: Plan } | null;
  #dataSeen = false;
  #buffered: { name: string | null; chunks: Uint8Array[]; size: number } | null = null;
  #processing: Promise<() => Result> | null = null;
  #failure: unknown = null;
  #settled = false;
  /** Part readers still running when busboy closes (a definition file, a buffered data part). */
  readonly #readers: Promise<void>[] = [];
  /** Part streams not yet ended: destroyed when the body breaks off, so their readers end too. */
  readonly #open = new Set<FileStream>();
  readonly #abort = new AbortController();

  constructor(
    private readonly parts: UploadParts,
    private readonly handlers: UploadHandlers<Plan, Result>,
    /** What a failed read of a part stream says (busboy's error, reworded). */
    private readonly readError: (error: unknown) => ActitoError,
    private readonly resolve: (result: Result) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.#plan = handlers.onDefinition ? null : { value: handlers.plan as Plan };
  }

  field(name: string, value: string, truncated: boolean): void {
    if (!this.parts.definition.includes(name) || this.#failure) return;
    if (truncated)
      this.fail(
        new ActitoError('INVALID_DEFINITION', `The ${name} part exceeds 1 MB.`, [
          { path: name, message: 'too large' },
        ]),
      );
    else this.#definition(value, name);
  }

  file(name: string, stream: FileStream, fileName: string | null): void {
    this.#open.add(stream);
    stream.once('close', () => this.#open.delete(stream));
    // busboy fails the part's stream when the body ends inside it; a part nobody reads (skipped,
    // refused) would otherwise emit 'error' unheard, and an unheard 'error' crashes the process.
    // Readers get the failure through their own iteration, the upload through busboy's 'error'.
    stream.on('error', () => {});
    if (this.#failure) {
      stream.resume();
    } else if (this.parts.definition.includes(name)) {
      this.#readers.push(this.#readDefinitionFile(name, stream));
    } else if (this.parts.data.includes(name)) {
      this.#data(name, stream, fileName);
    } else {
      stream.resume();
    }
  }

  fail(error: unknown): void {
    if (this.#failure) return;
    this.#failure = error;
    this.#abort.abort();
    this.#finish();
  }

  /** The request body failed (the client went away): nothing more will come for any part. */
  bodyBrokeOff(error: unknown): void {
    this.fail(bodyBrokeOff(error));
    for (const stream of this.#open) stream.destroy();
  }

  async bodyEnded(): Promise<void> {
    await Promise.all(this.#readers);
    if (this.#failure) return this.#finish();
    if (!this.#plan) {
      const names = this.parts.definition.map((n) => `"${n}"`).join(' or ');
      return this.fail(
        new ActitoError(
          'MISSING_PART',
          `The definition part is missing: send the JSON definition as multipart part ${names}.`,
          [{ path: this.parts.definition[0] ?? 'definition', message: 'missing' }],
        ),
      );
    }
    if (!this.#processing) this.#start(this.#bufferedSource());
    this.#finish();
  }

  #definition(json: string, name: string): void {
    if (this.#plan) {
      this.fail(
        new ActitoError('INVALID_MULTIPART', `The definition was sent twice (part "${name}"); send it once.`),
      );
      return;
    }
    try {
      this.#plan = {
        value: (this.handlers.onDefinition as (json: string, name: string) => Plan)(json, name),
      };
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.#buffered && !this.#processing) this.#start(this.#bufferedSource());
  }

  async #readDefinitionFile(name: string, stream: FileStream): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        if (size <= MAX_DEFINITION_BYTES) chunks.push(chunk as Buffer);
      }
    } catch (error) {
      this.fail(this.readError(error));
      return;
    }
    if (size > MAX_DEFINITION_BYTES) {
      this.fail(
        new ActitoError('INVALID_DEFINITION', `The ${name} part exceeds 1 MB.`, [
          { path: name, message: 'too large' },
        ]),
      );
    } else if (!this.#failure) {
      this.#definition(Buffer.concat(chunks).toString('utf8'), name);
    }
  }

  #data(name: string, stream: FileStream, fileName: string | null): void {
    if (this.#dataSeen) {
      stream.resume();
      this.fail(
        new ActitoError(
          'INVALID_MULTIPART',
          `More than one data file part was sent (again "${name}"); send exactly one.`,
        ),
      );
      return;
    }
    this.#dataSeen = true;
    const tooLarge = new Promise<never>((_, rejectLimit) => {
      stream.once('limit', () => rejectLimit(this.#tooLarge(name)));
    });
    tooLarge.catch(() => {});
    if (this.#plan) {
      this.#start({ name: fileName, chunks: limitedChunks(stream, tooLarge, this.readError) }, stream);
    } else {
      this.#readers.push(this.#buffer(stream, fileName, tooLarge));
    }
  }

  async #buffer(stream: FileStream, fileName: string | null, tooLarge: Promise<never>): Promise<void> {
    const buffered = { name: fileName, chunks: [] as Uint8Array[], size: 0 };
    try {
      for await (const chunk of limitedChunks(stream, tooLarge, this.readError)) buffered.chunks.push(chunk);
      this.#buffered = buffered;
      if (this.#plan && !this.#processing) this.#start(this.#bufferedSource());
    } catch (error) {
      this.fail(error);
    }
  }

  #bufferedSource(): DataSource | null {
    return this.#buffered ? chunksSource(this.#buffered.name, this.#buffered.chunks) : null;
  }

  #tooLarge(name: string): ActitoError {
    const mb = Math.round(this.parts.maxFileBytes / (1024 * 1024));
    return new ActitoError(
      'FILE_TOO_LARGE',
      `The data file part "${name}" exceeds the ${mb} MB upload limit.`,
      [{ path: name, message: `larger than ${this.parts.maxFileBytes} bytes` }],
    );
  }

  /** Hands the data on; once the handler is done, whatever it left unread is drained so busboy can finish. */
  #start(source: DataSource | null, stream?: FileStream): void {
    const plan = this.#plan as { value: Plan };
    this.#processing = this.handlers.onData(plan.value, source, this.#abort.signal);
    this.#processing.catch((error) => this.fail(error)).finally(() => stream?.resume());
  }

  #finish(): void {
    if (this.#settled) return;
    if (this.#failure) {
      this.#settled = true;
      this.reject(this.#failure);
      return;
    }
    const processing = this.#processing;
    if (!processing) return;
    this.#settled = true;
    // Only reached once busboy closed, i.e. the request body ended: now the upload may register.
    processing.then((register) => {
      if (this.#failure) return this.reject(this.#failure);
      try {
        this.resolve(register());
      } catch (error) {
        this.reject(error);
      }
    }, this.reject);
  }
}

/**
 * The file stream's chunks, failing with FILE_TOO_LARGE if busboy cut it at the size limit, and
 * with the reworded busboy error if the part could not be read to its end.
 */
async function* limitedChunks(
  stream: FileStream,
  tooLarge: Promise<never>,
  readError: (error: unknown) => ActitoError,
): AsyncGenerator<Uint8Array> {
  // A reader that stops early (a file-level failure) must not destroy busboy's part stream, which
  // would stall the multipart parser: the rest is drained instead (see #start).
  try {
    for await (const chunk of stream.iterator({ destroyOnReturn: false })) yield chunk as Uint8Array;
  } catch (error) {
    throw readError(error);
  }
  if (stream.truncated) await tooLarge;
}
