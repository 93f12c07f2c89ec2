import type { ErrorCode } from '../domain/errors.js';
import { ActitoError } from '../domain/errors.js';
import { createChunkDecoder, InvalidBytesError } from '../domain/files/text-decoder.js';

/**
 * How much of an unread body is drained before giving up: past the 100 MB upload limit with room
 * to spare, bounded so a client streaming forever cannot keep the mock reading.
 */
const DRAIN_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * Reads and discards a request body nobody consumed, so the client can finish sending before it
 * reads our answer; an upload route passes its upload limit, drained twice over if that is more.
 */
export async function drainUnreadBody(
  request: Request,
  uploadLimitBytes: number | null = null,
): Promise<void> {
  const limitBytes = Math.max(DRAIN_LIMIT_BYTES, (uploadLimitBytes ?? 0) * 2);
  const body = request.body;
  if (!body || body.locked) return;
  let read = 0;
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      read += chunk.byteLength;
      if (read > limitBytes) break;
    }
  } catch {
    // The client went away: nothing left to drain.
  }
}

/** The absolute URL of a resource created under the request's path. */
export function locationOf(request: Request, path: string, id: string): string {
  return new URL(`${path}/${id}`, request.url).toString();
}

/** A JSON body bigger than this is refused: an ETL or a subscription is a few kilobytes. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** A control-plane body bigger than this is refused: room for seeding rows, but bounded. */
export const MAX_CONTROL_BODY_BYTES = 64 * 1024 * 1024;

/**
 * A JSON request body as text, refused with `code` past MAX_JSON_BODY_BYTES. The rest is read
 * and discarded (up to the drain limit) rather than cancelled, so the client can finish sending
 * before it reads the answer (MSW waits for the whole body too).
 */
export async function jsonBodyText(
  request: Request,
  code: ErrorCode,
  maxBytes: number = MAX_JSON_BODY_BYTES,
): Promise<string> {
  const body = request.body;
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size <= maxBytes) chunks.push(chunk);
    else if (size > DRAIN_LIMIT_BYTES) break;
  }
  if (size > maxBytes) {
    const mb = Math.round(maxBytes / (1024 * 1024));
    throw new ActitoError(code, `The request body exceeds ${mb} MB; send the JSON document alone.`, [
      { path: 'body', message: 'too large' },
    ]);
  }
  const bytes = Buffer.concat(chunks);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // JSON is UTF-8 (RFC 8259): decoding with replacement characters would store altered values.
    throw new ActitoError(
      code,
      `The request body is not valid UTF-8 (the first bad byte follows character ${validCharacters(bytes)}); send the JSON encoded as UTF-8.`,
      [{ path: 'body', message: 'not valid UTF-8' }],
    );
  }
}

/** How many characters decode before the first bad byte of `bytes`. */
function validCharacters(bytes: Uint8Array): number {
  const decoder = createChunkDecoder('UTF-8');
  try {
    return decoder.decode(bytes).length + decoder.end().length;
  } catch (error) {
    return error instanceof InvalidBytesError ? error.validText.length : 0;
  }
}
