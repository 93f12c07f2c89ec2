import { pipeline, Readable } from 'node:stream';
import type { ZlibOptions } from 'node:zlib';
import { createGunzip } from 'node:zlib';
import { FileLevelError } from './file-level-error.js';
import { SourceFailure } from './source-failure.js';

const GUNZIP_BUFFER_BYTES = 16 * 1024;

/**
 * Streams a GZIP file through node:zlib. Async iteration of the gunzip stream gives backpressure
 * (zlib only reads ahead by its small buffers), and `pipeline` owns error propagation and teardown,
 * so a corrupt stream or an early stop by the consumer never leaves an 'error' event unhandled.
 */
export async function* gunzipBytes(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  // An explicit buffer size: Node 22 raised the default from 16 to 64 KiB, and read-ahead (memory
  // held per upload) should not depend on the Node version.
  // zlib hands its options to the Transform constructor, but @types/node does not list highWaterMark.
  const gunzip = createGunzip({ highWaterMark: GUNZIP_BUFFER_BYTES } as ZlibOptions);
  // The callback only exists so pipeline never rethrows: errors reach us through the iteration below.
  pipeline(Readable.from(source, { highWaterMark: 1 }), gunzip, () => {});
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    if (error instanceof SourceFailure || error instanceof FileLevelError) throw error;
    throw gzipError(error);
  }
}

function gzipError(error: unknown): FileLevelError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/unexpected end of file/i.test(reason)) {
    return new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      'the GZIP file is truncated (it ends before its end marker); upload the complete file again',
    );
  }
  return new FileLevelError(
    'FILE_CORRUPTED_ARCHIVE',
    `the GZIP file is corrupted (${reason}); re-create it with gzip and upload it again`,
  );
}
