import { FileLevelError } from './file-level-error.js';
import { PUSH_SLICE, readZipEntries, type ZipWalk } from './read-zip-entries.js';

/**
 * Streams the one data file of a ZIP archive (see readZipEntries for how it is walked). Entries
 * are only known as their headers go by, so a second data file, a damaged checksum or a truncated
 * archive can only be reported once the first file has been streamed: callers must treat a late
 * FileLevelError as failing the whole file.
 */
export async function* unzipSingleEntry(
  source: AsyncIterable<Uint8Array>,
  onEntry: (name: string) => void,
  pushSlice = PUSH_SLICE,
): AsyncGenerator<Uint8Array> {
  const walk: ZipWalk = { entryCount: 0 };
  let dataEntry: string | null = null;
  const extraEntries: string[] = [];
  for await (const entry of readZipEntries(source, walk, pushSlice)) {
    if (dataEntry !== null) {
      extraEntries.push(entry.name);
      continue;
    }
    dataEntry = entry.name;
    onEntry(entry.name);
    yield* entry.chunks;
  }
  assertOneDataFile(walk, dataEntry, extraEntries);
}

function assertOneDataFile(walk: ZipWalk, dataEntry: string | null, extraEntries: string[]): void {
  if (walk.entryCount === 0) {
    throw new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      'the file is not a readable ZIP archive (no entry found in it); upload a ZIP that holds one CSV file',
    );
  }
  if (dataEntry === null) {
    throw new FileLevelError(
      'FILE_ARCHIVE_ENTRIES',
      'the ZIP archive holds no data file (only folders); put exactly one CSV file in it',
    );
  }
  if (extraEntries.length > 0) {
    const names = [dataEntry, ...extraEntries].map((name) => `'${name}'`).join(', ');
    throw new FileLevelError(
      'FILE_ARCHIVE_ENTRIES',
      `the ZIP archive holds ${extraEntries.length + 1} files (${names}); it must hold exactly one CSV file`,
    );
  }
}
