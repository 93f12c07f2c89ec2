import { crc32 } from 'node:zlib';
import type { ByteReader } from './byte-reader.js';
import { inflateEntry } from './inflate-entry.js';
import { zipErrors } from './zip-errors.js';
import {
  DATA_DESCRIPTOR_LOOKAHEAD,
  type EntryTotals,
  type LocalFileHeader,
  matchDataDescriptor,
} from './zip-records.js';

const STORED = 0;
const DEFLATED = 8;

/**
 * Streams the content of the entry whose local header was just read, then checks it against its
 * CRC-32 and sizes (from the header, or from the data descriptor that follows, which is consumed),
 * leaving the reader on the next record. A mismatch is thrown after the content was yielded: the
 * caller fails the whole file then.
 */
export async function* readEntry(
  reader: ByteReader,
  header: LocalFileHeader,
  slice: number,
): AsyncGenerator<Uint8Array> {
  if (header.encrypted) throw zipErrors.encrypted(header.name);
  let totals: EntryTotals;
  if (header.method === DEFLATED) {
    const compressedSize = header.hasDataDescriptor ? undefined : header.compressedSize;
    totals = yield* inflateEntry(reader, header.name, { slice, compressedSize });
  } else if (header.method === STORED) {
    totals = yield* copyStored(reader, header.name, await storedSize(reader, header));
  } else {
    throw zipErrors.unsupportedMethod(header.name, header.method);
  }
  await checkTotals(reader, header, totals);
}

/** Passes over an entry without its content: by its size when the header gives it, else by reading it. */
export async function skipEntry(reader: ByteReader, header: LocalFileHeader, slice: number): Promise<void> {
  if (!header.hasDataDescriptor) {
    if (!(await reader.skip(header.compressedSize))) throw zipErrors.truncated();
    return;
  }
  for await (const _piece of readEntry(reader, header, slice));
}

/**
 * A stored entry's length must be known before its data: its bytes are the content, so nothing
 * marks their end. Streaming writers that put it only in the data descriptor are refused, except
 * for an empty entry, whose descriptor comes right away.
 */
async function storedSize(reader: ByteReader, header: LocalFileHeader): Promise<number> {
  if (!header.hasDataDescriptor || header.compressedSize > 0) return header.compressedSize;
  await reader.fill(DATA_DESCRIPTOR_LOOKAHEAD);
  const empty = { crc: 0, compressedSize: 0, size: 0 };
  if (matchDataDescriptor(reader.peek(DATA_DESCRIPTOR_LOOKAHEAD), empty, header.zip64) > 0) return 0;
  throw zipErrors.storedWithoutSize(header.name);
}

async function* copyStored(
  reader: ByteReader,
  name: string,
  size: number,
): AsyncGenerator<Uint8Array, EntryTotals> {
  const totals: EntryTotals = { crc: 0, compressedSize: size, size };
  for (let left = size; left > 0; ) {
    const bytes = await reader.next(left);
    if (!bytes) throw zipErrors.storedTruncated(name, size, size - left);
    left -= bytes.byteLength;
    totals.crc = crc32(bytes, totals.crc);
    yield bytes;
  }
  return totals;
}

async function checkTotals(reader: ByteReader, header: LocalFileHeader, totals: EntryTotals): Promise<void> {
  if (!header.hasDataDescriptor) {
    if (totals.size !== header.size) {
      throw zipErrors.entryDamaged(
        header.name,
        `it holds ${totals.size} bytes where its header says ${header.size}`,
      );
    }
    if (totals.crc !== header.crc) throw zipErrors.entryDamaged(header.name, 'its CRC-32 does not match');
    return;
  }
  const complete = await reader.fill(DATA_DESCRIPTOR_LOOKAHEAD);
  const length = matchDataDescriptor(reader.peek(DATA_DESCRIPTOR_LOOKAHEAD), totals, header.zip64);
  if (length === 0) {
    // A complete archive always has more than the lookahead after a descriptor (at least its end record).
    if (!complete) throw zipErrors.truncated();
    throw zipErrors.entryDamaged(
      header.name,
      'its data descriptor does not match its content: CRC-32 or sizes differ',
    );
  }
  await reader.skip(length);
}
