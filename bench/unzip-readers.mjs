import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDataset } from './dataset.mjs';
import { runJsonChild } from './run-child.mjs';
import { fixed, median } from './stats.mjs';

/**
 * The mock's ZIP reader (zlib, server/domain/files/unzip-single-entry.ts) against fflate's
 * streaming `Unzip` (what it used before), on the bench's ~100 MB CSV zipped both ways (sizes in
 * the header / in a data descriptor). Each run is a fresh process; readers alternate.
 * `npm run build && node bench/unzip-readers.mjs [--runs 5] [--rows 1000000]`
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, rows: { type: 'string', default: '1000000' } },
});
if (!existsSync(`${ROOT}dist/server/domain/files/unzip-single-entry.js`)) {
  throw new Error('dist/ is missing: run "npm run build" first');
}
const dataset = await ensureDataset(`${ROOT}.bench`, Number(values.rows), console.log);
console.log(
  `input: ${(dataset.csvBytes / 1e6).toFixed(1)} MB of CSV in a ${(dataset.compressedBytes / 1e6).toFixed(1)} MB zip`,
);
const results = [];
for (let run = 0; run < Number(values.runs); run += 1) {
  for (const layout of ['sized', 'descriptor']) {
    const readers = run % 2 ? ['fflate', 'zlib'] : ['zlib', 'fflate'];
    for (const reader of readers) {
      const result = await runJsonChild([`${ROOT}bench/unzip-worker.mjs`, reader, dataset.zips[layout]]);
      results.push({ layout, ...result });
      const outcome = result.error
        ? `FAILED: ${result.error}`
        : `${fixed(result.bytes / 1e3 / result.ms)} MB/s`;
      console.log(
        `run ${run + 1} ${layout.padEnd(10)} ${reader.padEnd(6)} ${fixed(result.ms)} ms  ${outcome}  peak RSS ${fixed(result.peakRssMb)} MB`,
      );
    }
  }
}
console.log('\nmedians (MB/s of CSV out; peak RSS of the whole process):');
for (const layout of ['sized', 'descriptor']) {
  const line = ['zlib', 'fflate'].map((reader) => {
    const runs = results.filter((r) => r.layout === layout && r.reader === reader && !r.error);
    const failed = results.filter((r) => r.layout === layout && r.reader === reader && r.error).length;
    const speed = median(runs.map((r) => r.bytes / 1e3 / r.ms));
    return `${reader} ${fixed(speed)} MB/s, ${fixed(median(runs.map((r) => r.peakRssMb)))} MB${failed ? `, ${failed} failed` : ''}`;
  });
  console.log(`  ${layout.padEnd(10)} ${line.join(' | ')}`);
}
