import { Buffer } from 'node:buffer';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../ids.js';
import { readCsvBatches } from './read-csv.js';
import { zipStream } from './zip-writer.js';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('zipStream', () => {
  it('writes the entries in order, from sync and async chunk sources', async () => {
    const zip = await readAll(
      zipStream([
        { name: 'results.csv', chunks: () => [Buffer.from('id,status\n'), Buffer.from('1,CREATED\n')] },
        {
          name: 'errors/é.csv',
          chunks: async function* () {
            yield Buffer.from('lineNumber\n');
            yield Buffer.from('2\n');
          },
        },
        { name: 'empty.csv', chunks: () => [] },
      ]),
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['results.csv', 'errors/é.csv', 'empty.csv']);
    expect(text(files['results.csv'])).toBe('id,status\n1,CREATED\n');
    expect(text(files['errors/é.csv'])).toBe('lineNumber\n2\n');
    expect(text(files['empty.csv'])).toBe('');
  });

  it('stamps the given modification time, so the same entries always zip to the same bytes', async () => {
    const modified = new Date(2026, 2, 2, 9, 0, 0).getTime();
    const zipOnce = () =>
      readAll(zipStream([{ name: 'a.csv', chunks: () => [Buffer.from('x\n')], modified }]));
    const first = await zipOnce();
    expect(await zipOnce()).toEqual(first);
    // Local header: DOS time at offset 10, date at 12 (local time, as zip readers show it).
    const view = new DataView(first.buffer, first.byteOffset);
    expect(view.getUint16(10, true)).toBe(9 << 11);
    expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (3 << 5) | 2);
  });

  it('produces a streamed ZIP (data descriptors) that readCsvBatches reads back', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => `${index},"name, ${index}"\n`);
    const zip = await readAll(
      zipStream([{ name: 'big.csv', chunks: () => rows.map((row) => Buffer.from(row)) }]),
    );
    let count = 0;
    async function* source() {
      for (let at = 0; at < zip.byteLength; at += 1000) yield zip.subarray(at, at + 1000);
    }
    for await (const batch of readCsvBatches(source(), {
      encoding: 'UTF-8',
      separator: ',',
      enclosing: '"',
      escaping: '"',
      bom: 'reject',
    })) {
      count += batch.length;
    }
    expect(count).toBe(5000);
  });

  it('pulls entry chunks only as the reader asks for bytes', async () => {
    let pulled = 0;
    const next = seededRandom(7);
    const stream = zipStream([
      {
        name: 'a.csv',
        chunks: function* () {
          for (let index = 0; index < 10_000; index += 1) {
            pulled += 1;
            // Pseudo-random bytes: deflate cannot squeeze them, so output comes early.
            yield Buffer.from(Array.from({ length: 1024 }, () => Math.floor(next() * 256)));
          }
        },
      },
    ]);
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(50);
    await reader.cancel();
  });

  it('errors the stream when an entry source fails', async () => {
    const stream = zipStream([
      {
        name: 'a.csv',
        chunks: async function* () {
          yield Buffer.from('x');
          throw new Error('disk gone');
        },
      },
    ]);
    await expect(readAll(stream)).rejects.toThrow('disk gone');
  });

  it('closes the entry source when the reader cancels', async () => {
    let closed = false;
    const stream = zipStream([
      {
        name: 'a.csv',
        chunks: function* () {
          try {
            for (let index = 0; ; index += 1) yield Buffer.alloc(70_000, index % 256);
          } finally {
            closed = true;
          }
        },
      },
    ]);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });
});
