import { createReadStream } from 'node:fs';
import { unzipSingleEntry } from '../dist/server/domain/files/unzip-single-entry.js';
import { fflateUnzip } from './fflate-unzip.mjs';
import { memoryOf } from './proc-stats.mjs';

/**
 * One timed unzip of `zip` with one reader, in a fresh process so its peak RSS is its own:
 * `node bench/unzip-worker.mjs <zlib|fflate> <zip>`; prints one JSON line.
 */
const [reader, zip] = process.argv.slice(2);
const readers = {
  zlib: (source) => unzipSingleEntry(source, () => {}),
  fflate: (source) => fflateUnzip(source),
};
const started = performance.now();
let bytes = 0;
let error = null;
try {
  for await (const piece of readers[reader](createReadStream(zip, { highWaterMark: 64 * 1024 }))) {
    bytes += piece.byteLength;
  }
} catch (failure) {
  error = failure instanceof Error ? failure.message : String(failure);
}
const ms = performance.now() - started;
console.log(JSON.stringify({ reader, bytes, ms, error, ...memoryOf() }));
