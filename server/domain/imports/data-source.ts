/** The data file of an upload, as a stream of bytes, whatever transport brought it. */
export interface DataSource {
  /** File name given by the client (or the remote file's name); null when none was sent. */
  name: string | null;
  chunks: AsyncIterable<Uint8Array>;
}

/** A data file already in memory (a buffered part, a remote location's file), as a stream. */
export function chunksSource(name: string | null, chunks: readonly Uint8Array[]): DataSource {
  return {
    name,
    chunks: (async function* () {
      yield* chunks;
    })(),
  };
}
