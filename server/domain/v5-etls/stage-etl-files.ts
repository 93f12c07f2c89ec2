import type { IgnoredFile, PersistentEtlDefinition } from '../../../contracts/v5-etls.js';
import type { DataFileInfo } from '../files/index.js';
import { FileLevelError } from '../files/index.js';
import { peekBytes } from '../files/peek-bytes.js';
import { readZipEntries, type ZipWalk } from '../files/read-zip-entries.js';
import { resolveCompression, SNIFF_BYTES } from '../files/sniff-compression.js';
import type { DataSource } from '../imports/data-source.js';
import type { ImportPartInput } from '../imports/import-part.js';
import { stageFile } from '../imports/stage.js';
import type { StagedFile } from '../imports/staged-file.js';
import { emptyStagedFile, failedStagedFile, newDataFileInfo } from '../imports/staged-file.js';
import { expandFileNamePattern } from '../v5-etl-executions/remote-location.js';
import type { PlannedEntry } from './plan-etl.js';

/** The upload of a persistent ETL run, read: one part per table entry, and what no entry took. */
export interface StagedEtlFiles {
  parts: ImportPartInput[];
  ignoredFiles: IgnoredFile[];
  /** The upload as a whole could not be read (empty, a damaged archive): the run fails with it. */
  failure: FileLevelError | null;
  /** The upload itself: its compression and size as sent. */
  info: DataFileInfo;
}

/** A table entry waiting for its file. */
interface Slot {
  planned: PlannedEntry;
  /** The file name its pattern names today; null for the one entry of an ETL without a pattern. */
  expected: string | null;
  fileName: string | null;
  staged: StagedFile | null;
}

/**
 * Reads the file pushed to (or dropped for) a persistent ETL and gives each table entry its
 * file, still streaming: a ZIP's entries in archive order, each matched by its name (folders
 * left out) to the entry whose fileNamePattern, expanded on the mock clock, names it; a plain or
 * gzipped CSV goes to the only table entry, or to the one whose pattern names it. A file no entry
 * takes is reported and skipped; a required entry left without a file fails the run, naming its
 * pattern; an optional one is absent.
 */
export async function stageEtlFiles(
  entries: PlannedEntry[],
  definition: PersistentEtlDefinition,
  upload: DataSource,
  now: number,
): Promise<StagedEtlFiles> {
  const info = newDataFileInfo();
  const slots: Slot[] = entries.map((planned) => ({
    planned,
    expected:
      planned.entry.fileNamePattern === undefined
        ? null
        : expandFileNamePattern(planned.entry.fileNamePattern, now),
    fileName: null,
    staged: null,
  }));
  const ignoredFiles = new IgnoredFiles();
  const seen: string[] = [];
  let failure: FileLevelError | null = null;
  const source = counted(upload.chunks, info);
  try {
    const { head, all } = await peekBytes(source, SNIFF_BYTES);
    if (head.byteLength === 0) throw emptyUpload();
    info.compression = resolveCompression(definition.file?.compression, head);
    if (info.compression === 'ZIP') {
      await stageArchive(all, slots, ignoredFiles, seen);
    } else {
      const name = upload.name ?? 'inputFile';
      seen.push(name);
      const slot = slots.length === 1 ? slots[0] : slots.find((s) => namesMatch(s.expected, name));
      if (slot) await stage(slot, name, all);
      else ignoredFiles.push({ name, reason: unmatchedReason(slots) });
    }
  } catch (error) {
    if (!(error instanceof FileLevelError)) throw error;
    failure = error;
  } finally {
    // Left unread (a compression mismatch, a damaged archive), the upload must be let go, or the
    // multipart reader cannot drain its rest and the request never ends (in-process, under MSW).
    closeQuietly(source);
  }
  return {
    parts: slots.map((slot) => partOf(slot, failure, seen, now)),
    ignoredFiles: ignoredFiles.list(),
    failure,
    info,
  };
}

async function stageArchive(
  archive: AsyncIterable<Uint8Array>,
  slots: Slot[],
  ignoredFiles: IgnoredFiles,
  seen: string[],
): Promise<void> {
  const walk: ZipWalk = { entryCount: 0 };
  for await (const entry of readZipEntries(archive, walk)) {
    seen.push(entry.name);
    const slot = slots.find((s) => s.expected === null || namesMatch(s.expected, entry.name));
    if (!slot) {
      ignoredFiles.push({ name: entry.name, reason: unmatchedReason(slots) });
    } else if (slot.staged) {
      ignoredFiles.push({
        name: entry.name,
        reason: `${slot.planned.label} already took '${slot.fileName}'; one file per table`,
      });
    } else {
      await stage(slot, entry.name, entry.chunks);
    }
  }
  if (walk.entryCount === 0) {
    throw new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      'the file is not a readable ZIP archive (no entry found in it); upload a ZIP that holds the CSV file of each table',
    );
  }
}

async function stage(slot: Slot, fileName: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  slot.fileName = fileName;
  slot.staged = await stageFile(slot.planned.plan, chunks);
}

function partOf(slot: Slot, failure: FileLevelError | null, seen: string[], now: number): ImportPartInput {
  const { planned } = slot;
  const part = {
    table: planned.table,
    spec: planned.plan.spec,
    label: planned.label,
    fileName: slot.fileName,
  };
  if (slot.staged === null && !planned.entry.required) {
    return { ...part, staged: emptyStagedFile(newDataFileInfo()), absent: true };
  }
  if (failure) return { ...part, staged: failedStagedFile(slot.staged?.info ?? newDataFileInfo(), failure) };
  return {
    ...part,
    staged: slot.staged ?? failedStagedFile(newDataFileInfo(), missingFile(slot, seen, now)),
  };
}

function missingFile(slot: Slot, seen: string[], now: number): FileLevelError {
  const pattern = slot.planned.entry.fileNamePattern;
  const held = seen.length
    ? `the upload holds ${seen
        .slice(0, MAX_NAMES_HELD)
        .map((name) => `'${name}'`)
        .join(', ')}${seen.length > MAX_NAMES_HELD ? ` and ${seen.length - MAX_NAMES_HELD} more files` : ''}`
    : 'the upload holds no data file';
  if (pattern === undefined)
    return new FileLevelError('FILE_NOT_FOUND', `no data file for this table; ${held}`);
  const today = expandFileNamePattern(pattern, now);
  const expanded = today === pattern ? '' : ` (on the mock clock: "${today}")`;
  return new FileLevelError(
    'FILE_NOT_FOUND',
    `no file matches the required fileNamePattern "${pattern}"${expanded}; ${held}`,
  );
}

/** Of the files an upload holds, an error message names this many. */
const MAX_NAMES_HELD = 20;

/** An execution lists this many ignored files, then one entry that says how many more there were. */
export const MAX_IGNORED_FILES = 100;

/** The ignored files of an upload, bounded: a ZIP of thousands of entries is not kept name by name. */
class IgnoredFiles {
  readonly #files: IgnoredFile[] = [];
  #omitted = 0;

  push(file: IgnoredFile): void {
    if (this.#files.length < MAX_IGNORED_FILES) this.#files.push(file);
    else this.#omitted += 1;
  }

  list(): IgnoredFile[] {
    if (this.#omitted === 0) return this.#files;
    const reason = `${this.#omitted} more files were ignored; the list keeps the first ${MAX_IGNORED_FILES}`;
    return [...this.#files, { name: '…', reason }];
  }
}

function unmatchedReason(slots: Slot[]): string {
  const names = slots.map((slot) => `"${slot.expected}"`).join(', ');
  return `matches no fileNamePattern of the ETL (today ${names}); skipped`;
}

/** A pushed file matches by its name, a gzipped one also without its `.gz`. */
function namesMatch(expected: string | null, name: string): boolean {
  const base = baseName(name);
  return expected !== null && (expected === base || `${expected}.gz` === base);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function emptyUpload(): FileLevelError {
  return new FileLevelError(
    'FILE_EMPTY',
    'the file is empty (no bytes at all); upload the CSV or ZIP file of the ETL',
  );
}

/** Stops the upload's iterator; not awaited, as a generator busy in `next()` queues `return()`. */
function closeQuietly(source: AsyncIterator<Uint8Array>): void {
  source.return?.(undefined)?.catch(() => {});
}

/** The upload's chunks, counting the bytes as sent. */
function counted(chunks: AsyncIterable<Uint8Array>, info: DataFileInfo): AsyncGenerator<Uint8Array> {
  return (async function* () {
    for await (const chunk of chunks) {
      info.compressedBytes += chunk.byteLength;
      yield chunk;
    }
  })();
}
