/** Reads and discards a request body nobody consumed, so the client can finish sending before it reads our answer. */
export async function drainUnreadBody(request: Request, limitBytes: number): Promise<void> {
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
