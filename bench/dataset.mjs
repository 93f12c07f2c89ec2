import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { GENERATOR_VERSION, profilesCsv } from './profiles-csv.mjs';
import { writeZips } from './write-zips.mjs';

/**
 * The bench's input: the generated profiles CSV zipped twice (data descriptor / sized), cached
 * under `.bench/` (gitignored) and reused while the generator and row count are the same.
 */
export async function ensureDataset(directory, rows, log) {
  mkdirSync(directory, { recursive: true });
  const base = `${directory}/profiles-${rows}-v${GENERATOR_VERSION}`;
  const paths = { descriptor: `${base}-descriptor.zip`, sized: `${base}-sized.zip` };
  const manifestPath = `${base}.json`;
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (sizesMatch(manifest, paths)) return manifest;
  }
  log(`generating ${rows} rows and zipping them to ${base}-*.zip (cached for later runs)...`);
  const started = performance.now();
  const stats = {};
  const partial = { descriptor: `${paths.descriptor}.partial`, sized: `${paths.sized}.partial` };
  const totals = await writeZips(partial, 'profiles.csv', profilesCsv(rows, stats));
  renameSync(partial.descriptor, paths.descriptor);
  renameSync(partial.sized, paths.sized);
  const manifest = {
    rows: stats.rows,
    invalidRows: stats.invalidRows,
    csvBytes: stats.bytes,
    compressedBytes: totals.compressedSize,
    zips: paths,
    zipBytes: { descriptor: statSync(paths.descriptor).size, sized: statSync(paths.sized).size },
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return manifest;
}

function sizesMatch(manifest, paths) {
  return Object.entries(paths).every(
    ([layout, path]) => existsSync(path) && statSync(path).size === manifest.zipBytes?.[layout],
  );
}
