import { Zip, ZipDeflate } from 'fflate';

export interface ZipEntrySource {
  name: string;
  chunks: () => Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** The entry's modification time (ms), from the mock clock; fflate would stamp the wall clock. */
  modified?: number;
}

/**
 * Streams a ZIP archive of the entries, in order, with fflate's streaming `Zip` + `ZipDeflate`.
 * The archive is produced as the reader pulls: each entry's chunks are only requested when the
 * stream needs more bytes, so memory stays bounded by a chunk and the deflate window.
 */
export function zipStream(entries: ZipEntrySource[]): ReadableStream<Uint8Array> {
  const chunks = zipChunks(entries);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const step = await chunks.next();
        if (step.done) controller.close();
        else controller.enqueue(step.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** fflate's callbacks are synchronous: each push leaves its output in `output`, drained between pushes. */
async function* zipChunks(entries: ZipEntrySource[]): AsyncGenerator<Uint8Array> {
  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure ??= error;
    else if (data.byteLength > 0) output.push(data);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    yield* output.splice(0);
  };
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    if (entry.modified !== undefined) file.mtime = entry.modified;
    zip.add(file);
    for await (const chunk of entry.chunks()) {
      file.push(chunk, false);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
