/** The data file of an upload, as a stream of bytes, whatever transport brought it. */
export interface DataSource {
  /** File name given by the client (or the remote file's name); null when none was sent. */
  name: string | null;
  chunks: AsyncIterable<Uint8Array>;
}

export function bytesSource(name: string | null, bytes: Uint8Array): DataSource {
  return {
    name,
    chunks: (async function* () {
      yield bytes;
    })(),
  };
}
