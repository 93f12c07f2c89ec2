import { Buffer } from 'node:buffer';
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
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

/** How one entry of a hand-built archive is written. */
interface EntrySpec {
  name: string;
  content: Uint8Array;
  /** 8 = Deflate (the default), 0 = stored, anything else an unsupported method. */
  method?: number;
  /** Deflate level; 0 writes stored blocks, which copy the content's bytes into the compressed data. */
  level?: number;
  /** Sizes after the data (flag bit 3), with or without the optional signature. */
  descriptor?: 'signed' | 'unsigned';
  /** A Zip64 extra field in the local header (sizes 0xFFFFFFFF there) and 8-byte descriptor sizes. */
  zip64?: boolean;
  /** 8-byte descriptor sizes without a Zip64 extra field (what Java writes past 4 GiB). */
  wideDescriptor?: boolean;
  flags?: number;
  crc?: number;
}

const u16 = (value: number) => Buffer.from([value & 0xff, value >>> 8]);
const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value >>> 0);
  return bytes;
};
const u64 = (value: number) => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt(value));
  return bytes;
};

/**
 * Writes a ZIP archive byte by byte as the standard lays it out (local headers, data, data
 * descriptors, central directory, Zip64 end records, end record), for the layouts fflate's
 * writer never produces: data descriptors, Zip64 fields, deflate data chosen by the test.
 */
function buildZip(entries: EntrySpec[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const data =
      method === 8 ? deflateRawSync(entry.content, { level: entry.level ?? 6 }) : Buffer.from(entry.content);
    const crc = entry.crc ?? crc32(entry.content);
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.flags ?? 0) | (entry.descriptor ? 0x0008 : 0) | 0x0800;
    const sized = !entry.descriptor;
    const zip64Extra = entry.zip64
      ? Buffer.concat([u16(1), u16(16), u64(sized ? entry.content.length : 0), u64(sized ? data.length : 0)])
      : Buffer.alloc(0);
    const headerSize = (value: number) => (entry.zip64 ? 0xffffffff : sized ? value : 0);
    const fields = [u16(entry.zip64 ? 45 : 20), u16(flags), u16(method), u16(0), u16(0x21)];
    const header = Buffer.concat([
      u32(0x04034b50),
      ...fields,
      u32(sized ? crc : 0),
      u32(headerSize(data.length)),
      u32(headerSize(entry.content.length)),
      u16(name.length),
      u16(zip64Extra.length),
      name,
      zip64Extra,
    ]);
    const wide = entry.zip64 || entry.wideDescriptor;
    const size = wide ? u64 : u32;
    const descriptor = entry.descriptor
      ? Buffer.concat([
          entry.descriptor === 'signed' ? u32(0x08074b50) : Buffer.alloc(0),
          u32(crc),
          size(data.length),
          size(entry.content.length),
        ])
      : Buffer.alloc(0);
    local.push(header, data, descriptor);
    const centralExtra = Buffer.concat([
      u16(1),
      u16(24),
      u64(entry.content.length),
      u64(data.length),
      u64(offset),
    ]);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(45),
        ...fields,
        u32(crc),
        u32(0xffffffff),
        u32(0xffffffff),
        u16(name.length),
        u16(centralExtra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(0xffffffff),
        name,
        centralExtra,
      ]),
    );
    offset += header.length + data.length + descriptor.length;
  }
  const directory = Buffer.concat(central);
  const count = entries.length;
  const zip64End = Buffer.concat([
    u32(0x06064b50),
    u64(44),
    u16(45),
    u16(45),
    u32(0),
    u32(0),
    u64(count),
    u64(count),
    u64(directory.length),
    u64(offset),
  ]);
  const locator = Buffer.concat([u32(0x07064b50), u32(0), u64(offset + directory.length), u32(1)]);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(count),
    u16(count),
    u32(directory.length),
    u32(0xffffffff),
    u16(0),
  ]);
  return new Uint8Array(Buffer.concat([...local, directory, zip64End, locator, end]));
}

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

/** The data file's content, as latin1 text: comparing strings is fast and shows a readable diff. */
async function unzipped(zip: Uint8Array, chunk = 64 * 1024, slice?: number): Promise<string> {
  const pieces: Uint8Array[] = [];
  for await (const piece of unzipSingleEntry(chunked(zip, chunk), () => {}, slice)) pieces.push(piece);
  return text(Buffer.concat(pieces));
}

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('latin1');

async function unzipError(zip: Uint8Array, chunk = 64 * 1024): Promise<FileLevelError> {
  try {
    await unzipped(zip, chunk);
  } catch (error) {
    if (error instanceof FileLevelError) return error;
    throw error;
  }
  throw new Error('expected a FileLevelError');
}

const contains = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

/** CSV text whose values spell every ZIP signature, so stored Deflate blocks carry them verbatim. */
const signatureCsv = new Uint8Array(
  Buffer.from(
    Array.from({ length: 3000 }, (_, row) => `${row},PK\x07\x08,PK\x03\x04,PK\x01\x02,PK\x05\x06\n`).join(''),
    'latin1',
  ),
);

describe('streamed archives (data descriptors)', () => {
  it.each(['signed', 'unsigned'] as const)(
    'reads an entry whose compressed bytes spell ZIP signatures (%s descriptor)',
    async (descriptor) => {
      const zip = buildZip([{ name: 'a.csv', content: signatureCsv, level: 0, descriptor }]);
      const compressed = zip.subarray(0, zip.byteLength - 200);
      expect(contains(compressed, 'PK\x07\x08')).toBe(true);
      expect(contains(compressed, 'PK\x03\x04')).toBe(true);
      expect(text(unzipSync(zip)['a.csv'])).toBe(text(signatureCsv));
      expect(await unzipped(zip)).toBe(text(signatureCsv));
      expect(await unzipped(zip, 1000, 777)).toBe(text(signatureCsv));
    },
  );

  it('finds the end of the Deflate data wherever chunks and slices cut it', async () => {
    const content = utf8Bytes('id,name\n'.repeat(300));
    const zip = buildZip([
      { name: 'a.csv', content, descriptor: 'signed' },
      { name: '__MACOSX/._a.csv', content: utf8Bytes('junk'), descriptor: 'signed' },
    ]);
    for (const [chunk, slice] of [
      [1, 1],
      [1, 16],
      [7, 3],
      [zip.byteLength, 1],
    ] as const) {
      expect(await unzipped(zip, chunk, slice)).toBe(text(content));
    }
  });

  it('reads Zip64 entries, sized or streamed, and 8-byte descriptors without a Zip64 field', async () => {
    const content = utf8Bytes('id\n1\n2\n');
    for (const spec of [
      { zip64: true },
      { zip64: true, descriptor: 'signed' },
      { zip64: true, descriptor: 'unsigned' },
      { wideDescriptor: true, descriptor: 'signed' },
      { method: 0, zip64: true },
    ] as const) {
      const zip = buildZip([{ name: 'a.csv', content, ...spec }]);
      expect(text(unzipSync(zip)['a.csv'])).toBe(text(content));
      expect(await unzipped(zip, 5)).toBe(text(content));
    }
  });

  it('skips folders and __MACOSX entries and names every data file', async () => {
    const one = utf8Bytes('a');
    const zip = buildZip([
      { name: 'out/', content: new Uint8Array(0), descriptor: 'signed' },
      { name: 'out/a.csv', content: signatureCsv, level: 0, descriptor: 'signed' },
      { name: '__MACOSX/out/._a.csv', content: one, descriptor: 'signed' },
      { name: 'out/b.csv', content: one, descriptor: 'unsigned' },
    ]);
    const error = await unzipError(zip);
    expect(error.code).toBe('FILE_ARCHIVE_ENTRIES');
    expect(error.message).toBe(
      "the ZIP archive holds 2 files ('out/a.csv', 'out/b.csv'); it must hold exactly one CSV file",
    );
  });

  it('rejects a truncated archive, wherever it is cut', async () => {
    const zip = buildZip([{ name: 'a.csv', content: signatureCsv, level: 0, descriptor: 'signed' }]);
    const dataEnd = zip.byteLength - 22 - 20 - 56 - (46 + 5 + 28) - 16;
    for (const keep of [
      20,
      40,
      Math.floor(zip.byteLength / 2),
      dataEnd,
      dataEnd + 8,
      dataEnd + 16,
      zip.byteLength - 10,
    ]) {
      const error = await unzipError(zip.subarray(0, keep), 100);
      expect(error.code).toBe('FILE_CORRUPTED_ARCHIVE');
      expect(error.message).toContain('truncated');
    }
  });

  it('rejects a descriptor that does not match the content', async () => {
    const zip = buildZip([{ name: 'a.csv', content: utf8Bytes('id\n1\n'), descriptor: 'signed', crc: 1234 }]);
    const error = await unzipError(zip);
    expect(error.code).toBe('FILE_CORRUPTED_ARCHIVE');
    expect(error.message).toContain(
      "the ZIP entry 'a.csv' cannot be decompressed (its data descriptor does not match",
    );
  });
});

describe('entry checks', () => {
  const content = utf8Bytes('id\n1\n');

  it('reads a stored entry of known size, even one that spells signatures', async () => {
    expect(await unzipped(buildZip([{ name: 'a.csv', content: signatureCsv, method: 0 }]), 999)).toBe(
      text(signatureCsv),
    );
  });

  it('refuses a stored entry whose size only follows its data, unless it is empty', async () => {
    const error = await unzipError(buildZip([{ name: 'a.csv', content, method: 0, descriptor: 'signed' }]));
    expect(error.message).toContain(
      "the ZIP entry 'a.csv' is stored uncompressed with its size written only after",
    );
    const empty = buildZip([{ name: 'a.csv', content: new Uint8Array(0), method: 0, descriptor: 'signed' }]);
    expect(await unzipped(empty)).toBe('');
  });

  it('rejects a CRC-32 that does not match', async () => {
    const error = await unzipError(buildZip([{ name: 'a.csv', content, crc: 1234 }]));
    expect(error.code).toBe('FILE_CORRUPTED_ARCHIVE');
    expect(error.message).toContain("'a.csv' cannot be decompressed (its CRC-32 does not match)");
  });

  it('names an unsupported compression method and encryption', async () => {
    const bzip2 = await unzipError(buildZip([{ name: 'a.csv', content, method: 12 }]));
    expect(bzip2.message).toContain(
      "the ZIP entry 'a.csv' uses compression method 12, which is not supported",
    );
    const encrypted = await unzipError(buildZip([{ name: 'a.csv', content, flags: 1 }]));
    expect(encrypted.message).toContain("the ZIP entry 'a.csv' is encrypted");
  });

  it('rejects bytes that are no ZIP record where an entry should start', async () => {
    const zip = buildZip([{ name: 'a.csv', content }]);
    const damaged = zip.slice();
    damaged.set([0x41, 0x42, 0x43, 0x44], 30 + 5 + deflateRawSync(content).length);
    expect((await unzipError(damaged)).message).toContain('the ZIP archive is damaged or truncated');
  });
});

function utf8Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
