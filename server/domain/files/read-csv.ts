import { assertReadFormat } from './assert-read-format.js';
import { applyBomPolicy } from './bom-policy.js';
import { limitBytes } from './byte-limit.js';
import { CsvChunkParser, type CsvRecord } from './csv-chunk-parser.js';
import { FileLevelError } from './file-level-error.js';
import { gunzipBytes } from './gunzip-bytes.js';
import { peekBytes } from './peek-bytes.js';
import { type Compression, resolveCompression, SNIFF_BYTES, sniffCompression } from './sniff-compression.js';
import { guardSource, SourceFailure } from './source-failure.js';
import { createChunkDecoder, InvalidBytesError } from './text-decoder.js';
import { unzipSingleEntry } from './unzip-single-entry.js';

export type { CsvRecord } from './csv-chunk-parser.js';

export interface ReadFormat {
  /** undefined = detect from the first bytes (PK\x03\x04 zip, 1f 8b gzip, else plain). */
  compression?: Compression;
  encoding: 'UTF-8' | 'ISO-8859-1';
  /** One character each. */
  separator: string;
  enclosing: string;
  escaping: string;
  /** undefined = detect from the first record. */
  endOfLine?: '\n' | '\r\n' | '\r';
  /** V5 rejects a UTF-8/UTF-16 BOM (FILE_BOM), V4 strips a UTF-8 BOM. */
  bom: 'reject' | 'strip';
  /** Limit on the decompressed size; exceeded -> FILE_TOO_LARGE. */
  maxBytes?: number;
}

export interface DataFileInfo {
  compression: Compression;
  entryName: string | null;
  compressedBytes: number;
  bytes: number;
}

/**
 * Streams a data file's records in batches (one per input chunk, sliced to 256 KiB at most, to
 * keep per-row overhead low). Stages: source bytes -> compression sniffed and checked -> unzip or gunzip -> size limit -> BOM policy ->
 * decoding -> CSV parsing. Memory stays bounded by a few chunks and one record; nothing is read
 * ahead of the consumer beyond a few chunks. Ragged rows are yielded as they are.
 *
 * Content problems are thrown as FileLevelError, possibly after some batches were yielded (an
 * invalid byte far down, a second file in a ZIP): the caller must then fail the whole file. An
 * error raised by `source` itself is rethrown untouched; a `format` this reader cannot honour
 * (a separator of two characters...) is a RangeError. `info` is filled in as the file is read.
 */
export async function* readCsvBatches(
  source: AsyncIterable<Uint8Array>,
  format: ReadFormat,
  info: DataFileInfo = { compression: 'NONE', entryName: null, compressedBytes: 0, bytes: 0 },
  onFileBytes?: (chunk: Uint8Array) => void,
): AsyncGenerator<CsvRecord[]> {
  assertReadFormat(format);
  Object.assign(info, {
    compression: format.compression ?? 'NONE',
    entryName: null,
    compressedBytes: 0,
    bytes: 0,
  });
  const input = source[Symbol.asyncIterator]();
  try {
    const bytes = await fileBytes(input, format, info);
    yield* parseBatches(onFileBytes ? tapped(bytes, onFileBytes) : bytes, format, info);
  } catch (error) {
    throw toFileLevelError(error);
  } finally {
    closeQuietly(input);
  }
}

/**
 * The data file's bytes as the CSV reader decodes them (decompressed, size-checked, BOM policy
 * applied), read again from its source: what result files are cut from, by the byte offsets seen
 * on the first read (`readCsvBatches`'s `onFileBytes`).
 */
export async function* readFileBytes(
  source: AsyncIterable<Uint8Array>,
  format: ReadFormat,
): AsyncGenerator<Uint8Array> {
  const input = source[Symbol.asyncIterator]();
  try {
    yield* await fileBytes(input, format, newInfo(format));
  } catch (error) {
    throw toFileLevelError(error);
  } finally {
    closeQuietly(input);
  }
}

function newInfo(format: ReadFormat): DataFileInfo {
  return { compression: format.compression ?? 'NONE', entryName: null, compressedBytes: 0, bytes: 0 };
}

async function* tapped(
  bytes: AsyncIterable<Uint8Array>,
  observe: (chunk: Uint8Array) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of bytes) {
    observe(chunk);
    yield chunk;
  }
}

/** The decompressed, size-checked, BOM-checked bytes of the data file. */
async function fileBytes(
  input: AsyncIterator<Uint8Array>,
  format: ReadFormat,
  info: DataFileInfo,
): Promise<AsyncGenerator<Uint8Array>> {
  const counted = guardSource(input, (bytes) => {
    info.compressedBytes += bytes;
  });
  const { head, all } = await peekBytes(counted, SNIFF_BYTES);
  if (head.byteLength === 0) throw emptyFileError();
  info.compression = resolveCompression(format.compression, head);
  const decompressed =
    info.compression === 'ZIP'
      ? unzipSingleEntry(all, (name) => {
          info.entryName = name;
        })
      : info.compression === 'GZIP'
        ? gunzipBytes(all)
        : all;
  const limited = limitBytes(decompressed, format.maxBytes, (bytes) => {
    info.bytes += bytes;
  });
  const content = info.compression === 'NONE' ? limited : await refuseNestedArchive(limited, info);
  return applyBomPolicy(content, format.bom);
}

/**
 * An archive inside the archive (a zipped zip, a gzipped zip) is not read: say so, rather than
 * let its bytes fail the decoding as if the CSV were in another encoding.
 */
async function refuseNestedArchive(
  bytes: AsyncGenerator<Uint8Array>,
  info: DataFileInfo,
): Promise<AsyncGenerator<Uint8Array>> {
  const { head, all } = await peekBytes(bytes, SNIFF_BYTES);
  const inner = sniffCompression(head);
  if (inner === 'NONE') return all;
  const what =
    info.compression === 'ZIP'
      ? `the ZIP entry '${info.entryName}' is itself a ${inner} archive`
      : `the GZIP file holds a ${inner} archive`;
  throw new FileLevelError(
    'FILE_ARCHIVE_ENTRIES',
    `${what}, not a CSV file; compress the CSV file itself (an archive inside an archive is not read)`,
  );
}

/**
 * Bytes decoded and parsed per batch at most: a caller handing over one huge chunk still gets
 * batches of bounded size (the decoder carries characters split between slices).
 */
const PARSE_SLICE = 256 * 1024;

async function* parseBatches(
  bytes: AsyncGenerator<Uint8Array>,
  format: ReadFormat,
  info: DataFileInfo,
): AsyncGenerator<CsvRecord[]> {
  const decoder = createChunkDecoder(format.encoding);
  const parser = new CsvChunkParser(format);
  let anyRecord = false;
  for (let step = await bytes.next(); !step.done; step = await bytes.next()) {
    const chunk = step.value;
    for (let at = 0; at < chunk.byteLength; at += PARSE_SLICE) {
      const slice = chunk.subarray(at, at + PARSE_SLICE);
      let records: CsvRecord[];
      try {
        records = parser.push(decode(parser, () => decoder.decode(slice)));
      } catch (error) {
        throw info.compression === 'NONE' ? error : ((await archiveFaultAhead(bytes)) ?? error);
      }
      anyRecord ||= records.length > 0;
      if (records.length > 0) yield records;
    }
  }
  const last = parser.end(decode(parser, () => decoder.end()));
  anyRecord ||= last.length > 0;
  if (last.length > 0) yield last;
  if (!anyRecord) throw emptyFileError();
}

/**
 * How far past a content error an archive is read on, looking for a fault of its own: enough for
 * a truncated archive or a header that lies about a size to show, bounded so a real content error
 * in a large file costs little.
 */
const ARCHIVE_LOOKAHEAD_BYTES = 4 * 1024 * 1024;

/**
 * Reads the archive on (without parsing) after the CSV failed: when the archive is damaged or
 * truncated, garbage content is only its consequence, and the archive's fault is the reason to give.
 */
async function archiveFaultAhead(bytes: AsyncGenerator<Uint8Array>): Promise<FileLevelError | null> {
  let read = 0;
  try {
    for (
      let step = await bytes.next();
      !step.done && read < ARCHIVE_LOOKAHEAD_BYTES;
      step = await bytes.next()
    ) {
      read += step.value.byteLength;
    }
  } catch (error) {
    if (error instanceof FileLevelError && error.code === 'FILE_CORRUPTED_ARCHIVE') return error;
  }
  return null;
}

/** Runs one decoding step, turning undecodable bytes into an error that names their line. */
function decode(parser: CsvChunkParser, step: () => string): string {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof InvalidBytesError)) throw error;
    throw new FileLevelError(
      'FILE_ENCODING',
      `line ${parser.lineAt(error.validText)}: bytes are not valid UTF-8; declare format.encoding ISO-8859-1 or re-save the file as UTF-8`,
    );
  }
}

function emptyFileError(): FileLevelError {
  return new FileLevelError(
    'FILE_EMPTY',
    'the file is empty (no header line, only blank lines or no bytes at all); upload a CSV whose first line is the header',
  );
}

/** Keeps the promise that the generator only throws FileLevelError for what the file holds. */
function toFileLevelError(error: unknown): unknown {
  if (error instanceof FileLevelError) return error;
  if (error instanceof SourceFailure) return error.cause;
  const reason = error instanceof Error ? error.message : String(error);
  return new FileLevelError(
    'FILE_MALFORMED_CSV',
    `the file could not be read (${reason}); check that it is a CSV file matching the declared format`,
  );
}

/**
 * Stops the source when the consumer stops early or the file fails. Not awaited: an async
 * generator busy in `next()` queues `return()` behind it, and cleanup must not hold the caller.
 */
function closeQuietly(input: AsyncIterator<Uint8Array>): void {
  try {
    input.return?.()?.catch(() => {});
  } catch {
    // A source that cannot be closed has nothing more to release.
  }
}
