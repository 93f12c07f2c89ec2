import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { FileLevelError } from './file-level-error.js';
import { concatBytes } from './peek-bytes.js';

/**
 * Compressed bytes are pushed into fflate in slices of this size: inflating is synchronous and
 * emits all output of one push at once, so a small slice bounds what one push can produce
 * (about 1 000 times the slice for a zip bomb) however large the caller's chunks are.
 */
export const PUSH_SLICE = 16 * 1024;

/** An end-of-central-directory record plus the longest comment: where the archive's end must lie. */
const END_RECORD_WINDOW = 22 + 0xffff;

/** State shared with fflate's synchronous callbacks. */
interface UnzipState {
  output: Uint8Array[];
  dataEntry: string | null;
  dataEntryDone: boolean;
  extraEntries: string[];
  entryCount: number;
  failure: FileLevelError | null;
}

/**
 * Streams the one data file of a ZIP archive, with fflate's streaming `Unzip`. Folders and macOS
 * `__MACOSX/` metadata are skipped. Entries are only known as their local headers go by, so a
 * second data file, a truncated archive or a missing end record can only be reported once the
 * first file has been streamed: callers must treat a late FileLevelError as failing the whole file.
 * fflate finds the end of an entry without sizes in its header (streamed ZIPs, data descriptors)
 * by scanning for ZIP signatures, so such entries are slower, and compressed bytes that happen to
 * spell a signature read as a damaged archive (odds about 7e-10 per compressed byte).
 */
export async function* unzipSingleEntry(
  source: AsyncIterable<Uint8Array>,
  onEntry: (name: string) => void,
  pushSlice = PUSH_SLICE,
): AsyncGenerator<Uint8Array> {
  const state: UnzipState = {
    output: [],
    dataEntry: null,
    dataEntryDone: false,
    extraEntries: [],
    entryCount: 0,
    failure: null,
  };
  const unzip = new Unzip((file) => onFile(file, state, onEntry));
  unzip.register(UnzipInflate);
  const tail = new TailWindow(END_RECORD_WINDOW);
  for await (const chunk of source) {
    tail.add(chunk);
    for (let at = 0; at < chunk.byteLength; at += pushSlice) {
      push(unzip, chunk.subarray(at, at + pushSlice), false, state);
      yield* drain(state);
    }
  }
  push(unzip, new Uint8Array(0), true, state);
  yield* drain(state);
  assertComplete(state, tail.hasEndRecord());
}

function onFile(file: UnzipFile, state: UnzipState, onEntry: (name: string) => void): void {
  state.entryCount += 1;
  if (isSkipped(file.name) || state.dataEntry !== null) {
    if (!isSkipped(file.name)) state.extraEntries.push(file.name);
    // Every entry must be started: fflate keeps the compressed bytes of an unstarted entry in memory.
    // Their content is discarded, and so are their errors: only the data file's bytes matter.
    start(
      file,
      () => {},
      () => {},
    );
    return;
  }
  state.dataEntry = file.name;
  onEntry(file.name);
  start(
    file,
    (data, final) => {
      if (data.byteLength > 0) state.output.push(data);
      if (final) state.dataEntryDone = true;
    },
    (error) => fail(state, error),
  );
}

function isSkipped(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/');
}

function start(
  file: UnzipFile,
  onData: (data: Uint8Array, final: boolean) => void,
  onError: (error: FileLevelError) => void,
): void {
  file.ondata = (error, data, final) => {
    if (error) onError(entryError(file, error));
    else onData(data, final);
  };
  try {
    file.start();
  } catch (error) {
    // An unknown compression method reports through ondata, then fflate throws a TypeError.
    onError(entryError(file, error));
  }
}

function entryError(file: UnzipFile, error: unknown): FileLevelError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/unknown compression type/.test(reason)) {
    return new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      `the ZIP entry '${file.name}' uses compression method ${file.compression}, which is not supported; re-create the ZIP with the standard Deflate method`,
    );
  }
  return new FileLevelError(
    'FILE_CORRUPTED_ARCHIVE',
    `the ZIP entry '${file.name}' cannot be decompressed (${reason}); the archive is damaged, re-create it and upload it again`,
  );
}

function fail(state: UnzipState, error: FileLevelError): void {
  state.failure ??= error;
}

function push(unzip: Unzip, bytes: Uint8Array, final: boolean, state: UnzipState): void {
  try {
    unzip.push(bytes, final);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(
      state,
      new FileLevelError(
        'FILE_CORRUPTED_ARCHIVE',
        `the ZIP archive is damaged or truncated (${reason}); re-create it and upload it again`,
      ),
    );
  }
}

function* drain(state: UnzipState): Generator<Uint8Array> {
  if (state.failure) throw state.failure;
  while (state.output.length > 0) {
    const next = state.output.shift();
    if (next) yield next;
  }
}

function assertComplete(state: UnzipState, hasEndRecord: boolean): void {
  if (state.entryCount === 0) {
    throw new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      'the file is not a readable ZIP archive (no entry found in it); upload a ZIP that holds one CSV file',
    );
  }
  if (state.dataEntry === null) {
    throw new FileLevelError(
      'FILE_ARCHIVE_ENTRIES',
      'the ZIP archive holds no data file (only folders); put exactly one CSV file in it',
    );
  }
  if (!state.dataEntryDone || !hasEndRecord) {
    throw new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      'the ZIP archive is truncated (its end is missing); upload the complete file again',
    );
  }
  if (state.extraEntries.length > 0) {
    const names = [state.dataEntry, ...state.extraEntries].map((name) => `'${name}'`).join(', ');
    throw new FileLevelError(
      'FILE_ARCHIVE_ENTRIES',
      `the ZIP archive holds ${state.extraEntries.length + 1} files (${names}); it must hold exactly one CSV file`,
    );
  }
}

/** Keeps the last `size` bytes seen, to look for the archive's end record once the input ends. */
class TailWindow {
  private chunks: Uint8Array[] = [];
  private length = 0;

  constructor(private readonly size: number) {}

  add(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.byteLength;
    while (this.chunks.length > 1 && this.length - (this.chunks[0]?.byteLength ?? 0) >= this.size) {
      this.length -= this.chunks.shift()?.byteLength ?? 0;
    }
  }

  hasEndRecord(): boolean {
    const bytes = concatBytes(this.chunks).subarray(-this.size);
    for (let at = bytes.byteLength - 22; at >= 0; at -= 1) {
      if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
        return true;
      }
    }
    return false;
  }
}
