import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { FileLevelError } from './file-level-error.js';
import { unzipSingleEntry } from './unzip-single-entry.js';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

it('inflates a highly compressed entry in bounded pieces, even from one big input chunk', async () => {
  const size = 8 * 1024 * 1024;
  const zip = zipSync({ 'zeros.csv': new Uint8Array(size) });
  expect(zip.byteLength).toBeLessThan(16 * 1024);
  let pieces = 0;
  let largest = 0;
  let total = 0;
  // 1 KiB slices of deflated zeros: each inflates to about 1 MiB.
  for await (const piece of unzipSingleEntry(once(zip), () => {}, 1024)) {
    pieces += 1;
    largest = Math.max(largest, piece.byteLength);
    total += piece.byteLength;
  }
  expect(total).toBe(size);
  expect(pieces).toBeGreaterThanOrEqual(7);
  expect(largest).toBeLessThanOrEqual(1.1 * 1024 * 1024);
});

it('reports the entry name as soon as its header is read', async () => {
  const names: string[] = [];
  const pieces = unzipSingleEntry(
    once(zipSync({ 'dir/': new Uint8Array(0), 'dir/a.csv': new Uint8Array(5) })),
    (name) => names.push(name),
  );
  await pieces.next();
  expect(names).toEqual(['dir/a.csv']);
});

it('names every data file of an archive that holds several', async () => {
  const one = new Uint8Array([0x61]);
  const pieces = unzipSingleEntry(
    once(zipSync({ 'a.csv': one, '__MACOSX/._a.csv': one, 'b.csv': one })),
    () => {},
  );
  await expect(async () => {
    for await (const _piece of pieces);
  }).rejects.toThrowError(
    new FileLevelError(
      'FILE_ARCHIVE_ENTRIES',
      "the ZIP archive holds 2 files ('a.csv', 'b.csv'); it must hold exactly one CSV file",
    ),
  );
});
