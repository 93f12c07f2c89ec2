import { Buffer } from 'node:buffer';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileLevelError } from './file-level-error.js';
import { readZipEntries } from './read-zip-entries.js';

/** A streamed archive (sizes in data descriptors after each entry), as Java or `zip -` write it. */
function streamedZip(files: Record<string, string>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    parts.push(data);
  });
  for (const [name, text] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  zip.end();
  return new Uint8Array(Buffer.concat(parts));
}

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const pieces: Uint8Array[] = [];
  for await (const piece of chunks) pieces.push(piece);
  return Buffer.concat(pieces).toString('utf8');
}

const files = {
  'export/profiles.csv': 'mail\na@example.com\n'.repeat(2000),
  '__MACOSX/export/._profiles.csv': 'metadata',
  'export/': '',
  'orders.csv': 'orderId\nO-1\n',
  'readme.txt': 'not data',
};

describe('readZipEntries', () => {
  it.each([
    [
      'sized (fflate zipSync)',
      () => zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)]))),
    ],
    ['streamed (data descriptors)', () => streamedZip(files)],
  ])('yields every data file of a %s archive in order, whatever the chunking', async (_, build) => {
    for (const chunk of [7, 1024, 1 << 20]) {
      const seen: [string, string][] = [];
      for await (const entry of readZipEntries(chunked(build(), chunk))) {
        seen.push([entry.name, await text(entry.chunks)]);
      }
      expect(seen).toEqual([
        ['export/profiles.csv', files['export/profiles.csv']],
        ['orders.csv', 'orderId\nO-1\n'],
        ['readme.txt', 'not data'],
      ]);
    }
  });

  it('passes over entries left unread or read in part, then goes on', async () => {
    const names: string[] = [];
    let last = '';
    for await (const entry of readZipEntries(chunked(streamedZip(files), 100))) {
      names.push(entry.name);
      if (entry.name === 'export/profiles.csv') {
        for await (const _piece of entry.chunks) break;
      }
      if (entry.name === 'readme.txt') last = await text(entry.chunks);
    }
    expect(names).toEqual(['export/profiles.csv', 'orders.csv', 'readme.txt']);
    expect(last).toBe('not data');
  });

  it('counts every entry it walked, folders included', async () => {
    const walk = { entryCount: 0 };
    for await (const _entry of readZipEntries(chunked(zipSync({ 'a/': new Uint8Array(0) }), 64), walk));
    expect(walk.entryCount).toBe(1);
  });

  it('fails the walk when an entry it streamed turns out damaged', async () => {
    const zip = zipSync({ 'a.csv': strToU8('id\n1\n'.repeat(50)), 'b.csv': strToU8('id\n2\n') });
    // The CRC-32 of the first local header (offset 14) no longer matches its content.
    zip[14] = (zip[14] as number) ^ 0xff;
    const walked: string[] = [];
    const walking = (async () => {
      for await (const entry of readZipEntries(chunked(zip, 16))) {
        walked.push(entry.name);
        await text(entry.chunks).catch(() => '');
      }
    })();
    await expect(walking).rejects.toThrowError(FileLevelError);
    await expect(walking).rejects.toThrow(/'a\.csv' cannot be decompressed \(its CRC-32 does not match\)/);
    expect(walked).toEqual(['a.csv']);
  });

  it('reports a truncated archive after the entries that were complete', async () => {
    const zip = streamedZip({ 'a.csv': 'id\n1\n', 'b.csv': 'id\n2\n'.repeat(500) });
    const walked: string[] = [];
    const walking = (async () => {
      for await (const entry of readZipEntries(chunked(zip.subarray(0, zip.byteLength - 200), 64))) {
        walked.push(`${entry.name}:${(await text(entry.chunks)).length}`);
      }
    })();
    await expect(walking).rejects.toThrow(/truncated/);
    expect(walked[0]).toBe('a.csv:5');
  });
});
