import { Buffer } from 'node:buffer';

/**
 * The ZIP records a sequential reader meets (APPNOTE.TXT 6.3, sections 4.3.7 to 4.3.9 and 4.5.3),
 * decoded from bytes. All integers are little-endian.
 */

export const SIGNATURE = {
  localFileHeader: 0x04034b50,
  dataDescriptor: 0x08074b50,
  centralDirectoryHeader: 0x02014b50,
  zip64EndRecord: 0x06064b50,
  endRecord: 0x06054b50,
  archiveExtraData: 0x08064b50,
} as const;

/** Fixed part of a local file header, before the name and the extra field. */
export const LOCAL_HEADER_BYTES = 30;
/** The longest data descriptor (signature, CRC, two 8-byte Zip64 sizes) plus the next record's signature. */
export const DATA_DESCRIPTOR_LOOKAHEAD = 28;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8_NAME = 0x0800;
const ZIP64_EXTRA_ID = 0x0001;
const SIZE_IN_ZIP64_EXTRA = 0xffffffff;

export interface LocalFileHeader {
  name: string;
  method: number;
  encrypted: boolean;
  /** Bit 3: the CRC and sizes are in a data descriptor after the data (streamed archives). */
  hasDataDescriptor: boolean;
  /** A Zip64 extra field is present: sizes may be 8 bytes wide, in the data descriptor too. */
  zip64: boolean;
  crc: number;
  compressedSize: number;
  size: number;
}

export function readUint32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) +
    (bytes[at + 3] as number) * 0x1000000
  );
}

function readUint16(bytes: Uint8Array, at: number): number {
  return (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
}

function readUint64(bytes: Uint8Array, at: number): number {
  return readUint32(bytes, at) + readUint32(bytes, at + 4) * 0x100000000;
}

/** Length of the name and extra field that follow the fixed part of a local header. */
export function localHeaderTail(fixed: Uint8Array): number {
  return readUint16(fixed, 26) + readUint16(fixed, 28);
}

/** Decodes a whole local file header (fixed part, name, extra field). */
export function parseLocalHeader(bytes: Uint8Array): LocalFileHeader {
  const flags = readUint16(bytes, 6);
  const nameEnd = LOCAL_HEADER_BYTES + readUint16(bytes, 26);
  const extra = bytes.subarray(nameEnd, nameEnd + readUint16(bytes, 28));
  const header: LocalFileHeader = {
    name: decodeName(bytes.subarray(LOCAL_HEADER_BYTES, nameEnd), (flags & FLAG_UTF8_NAME) !== 0),
    method: readUint16(bytes, 8),
    encrypted: (flags & FLAG_ENCRYPTED) !== 0,
    hasDataDescriptor: (flags & FLAG_DATA_DESCRIPTOR) !== 0,
    zip64: false,
    crc: readUint32(bytes, 14),
    compressedSize: readUint32(bytes, 18),
    size: readUint32(bytes, 22),
  };
  applyZip64Extra(header, extra);
  return header;
}

/**
 * A Zip64 extra field holds, in this order, the sizes whose 4-byte header field is 0xFFFFFFFF
 * (section 4.5.3; in a local header both should be there, but writers differ, so take what is marked).
 */
function applyZip64Extra(header: LocalFileHeader, extra: Uint8Array): void {
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const id = readUint16(extra, at);
    const length = readUint16(extra, at + 2);
    const data = extra.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    if (id !== ZIP64_EXTRA_ID) continue;
    header.zip64 = true;
    let field = 0;
    if (header.size === SIZE_IN_ZIP64_EXTRA && field + 8 <= data.byteLength) {
      header.size = readUint64(data, field);
      field += 8;
    }
    if (header.compressedSize === SIZE_IN_ZIP64_EXTRA && field + 8 <= data.byteLength) {
      header.compressedSize = readUint64(data, field);
    }
  }
}

/**
 * Names are UTF-8 when flag bit 11 says so. Without it the standard says CP437, but most tools
 * today write UTF-8 anyway (macOS, Windows 10+): take valid UTF-8 as such, anything else byte by byte.
 */
function decodeName(bytes: Uint8Array, utf8: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return utf8 ? new TextDecoder('utf-8').decode(bytes) : Buffer.from(bytes).toString('latin1');
  }
}

export interface EntryTotals {
  crc: number;
  compressedSize: number;
  size: number;
}

/**
 * Length of the data descriptor at the start of `bytes`, which must describe `entry` exactly, or
 * 0 when none does. Its signature is optional and its sizes are 4 or 8 bytes wide (8 for Zip64,
 * but not every writer adds a Zip64 extra field first), so each layout is tried against the CRC
 * and sizes actually read, and must be followed by a record signature (or the end of the bytes):
 * a wrong guess cannot pass both checks.
 */
export function matchDataDescriptor(bytes: Uint8Array, entry: EntryTotals, zip64: boolean): number {
  const signed = bytes.byteLength >= 4 && readUint32(bytes, 0) === SIGNATURE.dataDescriptor;
  const widths = zip64 ? [8, 4] : [4, 8];
  for (const start of signed ? [4, 0] : [0]) {
    for (const width of widths) {
      const end = start + 4 + 2 * width;
      if (end > bytes.byteLength) continue;
      const read = width === 8 ? readUint64 : readUint32;
      if (readUint32(bytes, start) !== entry.crc) continue;
      if (read(bytes, start + 4) !== entry.compressedSize) continue;
      if (read(bytes, start + 4 + width) !== entry.size) continue;
      if (end + 4 <= bytes.byteLength && !isRecordAfterEntry(readUint32(bytes, end))) continue;
      return end;
    }
  }
  return 0;
}

/** What may follow an entry: another entry, or the records after the last one. */
export function isRecordAfterEntry(signature: number): boolean {
  return (
    signature === SIGNATURE.localFileHeader ||
    signature === SIGNATURE.centralDirectoryHeader ||
    signature === SIGNATURE.zip64EndRecord ||
    signature === SIGNATURE.endRecord ||
    signature === SIGNATURE.archiveExtraData
  );
}
