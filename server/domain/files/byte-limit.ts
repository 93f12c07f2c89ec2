import { FileLevelError } from './file-level-error.js';

/**
 * Counts the decompressed bytes as they stream and stops at `maxBytes`: the check runs on
 * each chunk before it is passed on, so an oversized file (or a zip bomb) fails early instead
 * of being read to the end.
 */
export async function* limitBytes(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number | undefined,
  onChunk: (byteLength: number) => void,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    onChunk(chunk.byteLength);
    if (maxBytes !== undefined && total > maxBytes) {
      throw new FileLevelError(
        'FILE_TOO_LARGE',
        `the file is larger than ${maxBytes} bytes once decompressed, the limit; split it into smaller files`,
      );
    }
    yield chunk;
  }
}
