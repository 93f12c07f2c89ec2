import { Buffer } from 'node:buffer';
import { ActitoError } from '../domain/errors.js';

/** The names of an upload's parts, as messages give them. */
export interface PartNames {
  /** Accepted names of the JSON definition part; the first is the one messages name. None: the upload has no definition part. */
  definition: readonly string[];
  data: readonly [string, ...string[]];
}

/** `parts "definition" (JSON) and "inputFile" (the data file)`: what every refusal of the body names. */
export function expectedParts(parts: PartNames): string {
  return parts.definition[0]
    ? `parts "${parts.definition[0]}" (JSON) and "${parts.data[0]}" (the data file)`
    : `part "${parts.data[0]}" (the data file)`;
}

/** The boundary parameter of a multipart Content-Type, quoted or not; null when there is none. */
export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? '') : null;
}

/**
 * Watches the body as it streams, for what busboy's errors do not say: how many bytes came, and
 * whether the boundary of the Content-Type occurs at all (searched until first seen).
 */
export class BodyWatch {
  bytes = 0;
  boundarySeen = false;
  #tail: Buffer = Buffer.alloc(0);
  readonly #delimiter: Buffer | null;

  constructor(readonly boundary: string | null) {
    this.#delimiter = boundary ? Buffer.from(`--${boundary}`) : null;
  }

  see(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    if (this.boundarySeen || !this.#delimiter) return;
    const window = Buffer.concat([this.#tail, chunk]);
    this.boundarySeen = window.includes(this.#delimiter);
    this.#tail = window.subarray(Math.max(0, window.byteLength - this.#delimiter.byteLength + 1));
  }
}

/** A Content-Type busboy cannot parse a multipart body with. */
export function contentTypeError(contentType: string, error: unknown, parts: PartNames): ActitoError {
  const missing = boundaryOf(contentType) === null || /boundary not found/i.test(String(error));
  const reason = missing ? 'has no boundary parameter' : `cannot be read (${(error as Error).message})`;
  return new ActitoError(
    'INVALID_MULTIPART',
    `The Content-Type header "${contentType}" ${reason}; send multipart/form-data; boundary=<a string that does not occur in the parts> with ${expectedParts(parts)}.`,
  );
}

/** busboy's terse errors, reworded with what the body really held. */
export function multipartError(error: unknown, watch: BodyWatch, parts: PartNames): ActitoError {
  const message = (error as Error).message;
  const expected = expectedParts(parts);
  let reason: string;
  if (message === 'Unexpected end of form') {
    if (watch.bytes === 0) reason = `The multipart body is empty; send ${expected}.`;
    else if (!watch.boundarySeen)
      reason = `The multipart body never contains the boundary "${watch.boundary}" given in its Content-Type header (each part must start with "--${watch.boundary}"); send ${expected}, delimited by that boundary.`;
    else
      reason = `The multipart body ends before its closing delimiter "--${watch.boundary}--": it was cut short, and its last part is incomplete; send the whole body, with ${expected}.`;
  } else if (message === 'Malformed part header') {
    reason = `The multipart body cannot be read: a part header is malformed; each part starts with headers such as 'Content-Disposition: form-data; name="${parts.definition[0] ?? parts.data[0]}"' (80 KB at most), then an empty line.`;
  } else {
    reason = `The multipart body cannot be read: ${message}.`;
  }
  return new ActitoError('INVALID_MULTIPART', reason);
}

/** The request body itself failed: the client went away, or the connection broke. */
export function bodyBrokeOff(error: unknown): ActitoError {
  return new ActitoError(
    'INVALID_MULTIPART',
    `The request body broke off before it ended (${(error as Error).message}); nothing was registered: send the upload again.`,
  );
}

/** More parts than the reader takes: busboy would drop the rest unseen. */
export function tooManyParts(limit: string, parts: PartNames): ActitoError {
  return new ActitoError(
    'INVALID_MULTIPART',
    `The multipart body holds more than ${limit}, more than an upload needs; send only ${expectedParts(parts)}.`,
  );
}
