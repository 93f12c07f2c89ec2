/**
 * Marks an error raised by the caller's byte source (an aborted upload, a disk error). Such errors
 * are not about the file's content, so the pipeline hands them back untouched instead of turning
 * them into a FileLevelError; the marker survives the trip through node streams, which rethrow
 * the very same error object.
 */
export class SourceFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('the data source failed');
  }
}

/** Re-yields the source's chunks, wrapping any error it raises in a SourceFailure. */
export async function* guardSource(
  source: AsyncIterator<Uint8Array>,
  onChunk: (byteLength: number) => void,
): AsyncGenerator<Uint8Array> {
  for (;;) {
    let step: IteratorResult<Uint8Array>;
    try {
      step = await source.next();
    } catch (error) {
      throw new SourceFailure(error);
    }
    if (step.done) return;
    onChunk(step.value.byteLength);
    yield step.value;
  }
}
