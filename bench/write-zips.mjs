import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * Zips one entry from a stream of chunks into two archives at once, in one Deflate pass (level 6,
 * what zip tools default to), so both hold the very same compressed bytes:
 * - `descriptor`: flag bit 3, sizes and CRC in a data descriptor after the data, as Java's
 *   ZipOutputStream and other streaming zippers write (the layout a scanning reader can misread);
 * - `sized`: CRC and sizes in the local header (patched in once known), as `zip` on a file writes.
 * Memory stays at a chunk and the Deflate window. Sizes must stay under 4 GiB (no Zip64 here).
 */
export async function writeZips(paths, entryName, chunks) {
  const name = Buffer.from(entryName, 'utf8');
  const files = { descriptor: await open(paths.descriptor, 'w'), sized: await open(paths.sized, 'w') };
  try {
    const totals = { crc: 0, size: 0, compressedSize: 0 };
    await files.descriptor.write(localHeader(name, 0x0808, null));
    await files.sized.write(localHeader(name, 0x0800, null));
    const counted = Readable.from(countInput(chunks, totals));
    for await (const compressed of counted.pipe(createDeflateRaw({ level: 6 }))) {
      totals.compressedSize += compressed.byteLength;
      await files.descriptor.write(compressed);
      await files.sized.write(compressed);
    }
    const dataStart = 30 + name.length;
    await files.descriptor.write(
      Buffer.concat([u32(0x08074b50), u32(totals.crc), u32(totals.compressedSize), u32(totals.size)]),
    );
    await files.descriptor.write(
      centralDirectory(name, 0x0808, totals, dataStart + totals.compressedSize + 16),
    );
    await files.sized.write(centralDirectory(name, 0x0800, totals, dataStart + totals.compressedSize));
    await files.sized.write(localHeader(name, 0x0800, totals), 0, 30, 0);
    return totals;
  } finally {
    await files.descriptor.close();
    await files.sized.close();
  }
}

async function* countInput(chunks, totals) {
  for await (const chunk of chunks) {
    totals.crc = crc32(chunk, totals.crc);
    totals.size += chunk.byteLength;
    yield chunk;
  }
}

const u16 = (value) => Buffer.from([value & 0xff, value >>> 8]);
const u32 = (value) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value >>> 0);
  return bytes;
};

/** Flags: bit 3 = data descriptor, bit 11 = UTF-8 name. `totals` null = not known yet (zeros). */
function localHeader(name, flags, totals) {
  return Buffer.concat([
    u32(0x04034b50),
    u16(20),
    u16(flags),
    u16(8),
    u16(0),
    u16(0x5821),
    u32(totals?.crc ?? 0),
    u32(totals?.compressedSize ?? 0),
    u32(totals?.size ?? 0),
    u16(name.length),
    u16(0),
    name,
  ]);
}

function centralDirectory(name, flags, totals, directoryOffset) {
  const header = Buffer.concat([
    u32(0x02014b50),
    u16(20),
    u16(20),
    u16(flags),
    u16(8),
    u16(0),
    u16(0x5821),
    u32(totals.crc),
    u32(totals.compressedSize),
    u32(totals.size),
    u16(name.length),
    u16(0),
    u16(0),
    u16(0),
    u16(0),
    u32(0),
    u32(0),
    name,
  ]);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(1),
    u16(1),
    u32(header.length),
    u32(directoryOffset),
    u16(0),
  ]);
  return Buffer.concat([header, end]);
}
