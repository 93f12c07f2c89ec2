/** The first bytes of a stream, and the whole stream again (those bytes included). */
export interface Peeked {
  head: Uint8Array;
  all: AsyncGenerator<Uint8Array>;
}

/**
 * Reads chunks until `count` bytes are known (or the stream ends), so a decision can be made on
 * the first bytes (magic numbers, BOM) without losing them. Chunks may be as small as one byte.
 */
export async function peekBytes(source: AsyncIterator<Uint8Array>, count: number): Promise<Peeked> {
  const taken: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < count) {
    const step = await source.next();
    if (step.done) {
      ended = true;
      break;
    }
    taken.push(step.value);
    length += step.value.byteLength;
  }
  return { head: concatBytes(taken).subarray(0, count), all: replay(taken, ended ? null : source) };
}

async function* replay(
  taken: Uint8Array[],
  rest: AsyncIterator<Uint8Array> | null,
): AsyncGenerator<Uint8Array> {
  for (const chunk of taken) if (chunk.byteLength > 0) yield chunk;
  if (!rest) return;
  for (;;) {
    const step = await rest.next();
    if (step.done) return;
    yield step.value;
  }
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
