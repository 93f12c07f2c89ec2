import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { FileLevelError } from './file-level-error.js';
import { type CsvRecord, type DataFileInfo, type ReadFormat, readCsvBatches } from './read-csv.js';

const V5: ReadFormat = { encoding: 'UTF-8', separator: ',', enclosing: '"', escaping: '"', bom: 'reject' };

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Feeds `bytes` in chunks of `size` bytes, as an upload would arrive. */
async function* chunked(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

async function batches(
  bytes: Uint8Array,
  format: Partial<ReadFormat> = {},
  size?: number,
): Promise<CsvRecord[][]> {
  const out: CsvRecord[][] = [];
  for await (const batch of readCsvBatches(chunked(bytes, size), { ...V5, ...format })) out.push(batch);
  return out;
}

async function records(
  bytes: Uint8Array,
  format: Partial<ReadFormat> = {},
  size?: number,
): Promise<CsvRecord[]> {
  return (await batches(bytes, format, size)).flat();
}

async function failure(
  bytes: Uint8Array,
  format: Partial<ReadFormat> = {},
  size?: number,
): Promise<FileLevelError> {
  try {
    await records(bytes, format, size);
  } catch (error) {
    if (error instanceof FileLevelError) return error;
    throw error;
  }
  throw new Error('expected a FileLevelError');
}

const lines = (found: CsvRecord[]) => found.map((record) => record.line);
const fields = (found: CsvRecord[]) => found.map((record) => record.fields);

describe('plain CSV', () => {
  it('reads records with the physical line they start on, header on line 1', async () => {
    const found = await records(utf8('id,name\n1,Ann\n2,Bob\n'));
    expect(found).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Ann'] },
      { line: 3, fields: ['2', 'Bob'] },
    ]);
  });

  it('reads a last line without end-of-line', async () => {
    expect(fields(await records(utf8('id,name\n1,Ann')))).toEqual([
      ['id', 'name'],
      ['1', 'Ann'],
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('detects %s line ends', async (_name, eol) => {
    const found = await records(utf8(['a,b', '1,2', '3,4', ''].join(eol)), {}, 3);
    expect(fields(found)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(lines(found)).toEqual([1, 2, 3]);
  });

  it.each([1, 2, 3, 5, 64])(
    'reads LF and CRLF record ends alike when endOfLine is not declared (chunks of %i bytes)',
    async (size) => {
      const crlfHeader = await records(utf8('mail,first\r\nann,Ann\nbob,Bob\n'), {}, size);
      expect(crlfHeader).toEqual([
        { line: 1, fields: ['mail', 'first'] },
        { line: 2, fields: ['ann', 'Ann'] },
        { line: 3, fields: ['bob', 'Bob'] },
      ]);
      const lfHeader = await records(utf8('a,b\n1,D\r\n2,E\n3,F\rG,H'), {}, size);
      expect(lfHeader).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', 'D'] },
        { line: 3, fields: ['2', 'E'] },
        { line: 4, fields: ['3', 'F'] },
        { line: 5, fields: ['G', 'H'] },
      ]);
    },
  );

  it.each([
    ['\n', 'a,b\n1,2\n3,4\r\n5,6\n', 'line 3 ends with CRLF (\\r\\n), but format.endOfLine is LF (\\n)'],
    ['\r\n', 'a,b\r\n1,x\ny\r\n', 'line 2 ends with LF (\\n), but format.endOfLine is CRLF (\\r\\n)'],
    ['\r\n', 'a,b\r\n1,2\r', 'line 2 ends with CR (\\r), but format.endOfLine is CRLF (\\r\\n)'],
    ['\r', 'a,b\r1,2\r\n', 'line 2 ends with CRLF (\\r\\n), but format.endOfLine is CR (\\r)'],
  ] as const)(
    'fails a line that contradicts the declared endOfLine %j, naming both',
    async (endOfLine, text, message) => {
      for (const size of [2, 64]) {
        const error = await failure(utf8(text), { endOfLine }, size);
        expect(error.code).toBe('FILE_MALFORMED_CSV');
        expect(error.message).toMatch(new RegExp(`^${message.replace(/[()\\]/g, '\\$&')}; `));
      }
    },
  );

  it('keeps line breaks of every kind inside quoted values, declared or not, and counts them', async () => {
    const declared = await records(utf8('a,b\n1,"x\r\ny"\n2,"z\r"\n'), { endOfLine: '\n' });
    expect(declared).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\r\ny'] },
      { line: 4, fields: ['2', 'z\r'] },
    ]);
    const mixed = await records(utf8('a,b\r\n1,"x\r"\r\n2,"y\n"\n3,z'), {}, 3);
    expect(mixed).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\r'] },
      { line: 4, fields: ['2', 'y\n'] },
      { line: 6, fields: ['3', 'z'] },
    ]);
  });

  it('skips blank lines but counts them', async () => {
    const found = await records(utf8('a,b\n\n1,2\n   \n\r\n3,4\n\n'));
    expect(found).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  it('reads quoted separators, enclosing characters and line breaks, with the right lines', async () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,"three\r\nlines\nhere"\n5,last\n';
    const found = await records(utf8(text));
    expect(found).toEqual([
      { line: 1, fields: ['id', 'note'] },
      { line: 2, fields: ['1', 'a, b'] },
      { line: 3, fields: ['2', 'say "hi"'] },
      { line: 4, fields: ['3', 'two\nlines'] },
      { line: 6, fields: ['4', 'three\r\nlines\nhere'] },
      { line: 9, fields: ['5', 'last'] },
    ]);
  });

  it('counts Excel-style LF breaks inside quoted cells of a CRLF file', async () => {
    const found = await records(utf8('a,b\r\n1,"x\ny"\r\n2,z\r\n'));
    expect(lines(found)).toEqual([1, 2, 4]);
  });

  it('reads ; | and tab separators, a quote enclosing and a backslash escaping', async () => {
    expect(fields(await records(utf8('a;b\n"x;y";2\n'), { separator: ';' }))[1]).toEqual(['x;y', '2']);
    expect(fields(await records(utf8('a|b\n1|2\n'), { separator: '|' }))[1]).toEqual(['1', '2']);
    expect(fields(await records(utf8('a\tb\n1\t2\n'), { separator: '\t' }))[1]).toEqual(['1', '2']);
    const backslash = { enclosing: "'", escaping: '\\' };
    expect(fields(await records(utf8("a,b\n'it\\'s, ok',2\n"), backslash))[1]).toEqual(["it's, ok", '2']);
  });

  it('yields ragged rows as they are', async () => {
    expect(fields(await records(utf8('a,b,c\n1,2\n1,2,3,4\n')))).toEqual([
      ['a', 'b', 'c'],
      ['1', '2'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    const text =
      'id;note;x\r\n\r\n1;"a;\r\nb";"q""\r\n"\r\n2;plain;"é€"\r\n  \r\n3;"""";""\r\n4;"x\ny";z\r\n5;end;\r\n';
    const reference = await records(utf8(text), { separator: ';' });
    expect(lines(reference)).toEqual([1, 3, 6, 8, 9, 11]);
    for (let size = 1; size <= 20; size += 1) {
      expect(await records(utf8(text), { separator: ';' }, size)).toEqual(reference);
    }
  });
});

describe('malformed CSV', () => {
  it('names the line of an unterminated quote', async () => {
    const error = await failure(utf8('a,b\n1,2\n3,"open\nstill open\n'), {}, 5);
    expect(error.code).toBe('FILE_MALFORMED_CSV');
    expect(error.message).toMatch(/^line 3: a quoted field is never closed/);
  });

  it('names the line of text after a closing enclosing character', async () => {
    const error = await failure(utf8('a,b\n1,2\n3,"x"y,"z"\n4,5\n'));
    expect(error.code).toBe('FILE_MALFORMED_CSV');
    expect(error.message).toMatch(/^line 3: a quoted field has text after its closing/);
  });

  it('stops at a quoted field of over a million characters instead of buffering the rest', async () => {
    const text = `a,b\n1,2\n1,"${'x'.repeat(1_100_000)}\n2,3\n`;
    const error = await failure(utf8(text));
    expect(error.code).toBe('FILE_MALFORMED_CSV');
    expect(error.message).toBe(
      `line 3: a quoted field starting here is not closed within 1048576 characters (1 MiB), the most one record may hold; check format.enclosing ('"') and escape the enclosing characters inside values as '""'`,
    );
  });

  it('names the record limit, and no quote, for a line of over a million characters', async () => {
    const error = await failure(utf8(`a,b\n${'x'.repeat(1_100_000)}\n2,3\n`));
    expect(error.message).toBe(
      'line 2: the record starting here is longer than 1048576 characters (1 MiB), the most one record may hold; split the line, or check that the file is a CSV',
    );
  });

  it('names the line a quoted field opens on, lines into its record', async () => {
    const error = await failure(utf8(`a,b\n1,"x\ny"\n2,"${'x\n'.repeat(600_000)}`));
    expect(error.message).toMatch(/^line 4: a quoted field starting here is not closed/);
  });
});

describe('empty files', () => {
  it.each([
    ['no bytes', new Uint8Array(0)],
    ['blank lines', utf8('\n\r\n  \n\t\n')],
    ['an empty gzip', new Uint8Array(gzipSync(Buffer.alloc(0)))],
    ['a zip of an empty file', zipSync({ 'data.csv': new Uint8Array(0) })],
  ])('rejects %s as FILE_EMPTY', async (_name, bytes) => {
    expect((await failure(bytes)).code).toBe('FILE_EMPTY');
  });
});

describe('compression', () => {
  const csv = utf8('id,name\n1,Ann\n2,Bob\n');
  const expected = [
    ['id', 'name'],
    ['1', 'Ann'],
    ['2', 'Bob'],
  ];

  it.each([
    ['NONE', csv],
    ['ZIP', zipSync({ 'export 2024.csv': csv })],
    ['GZIP', new Uint8Array(gzipSync(csv))],
  ] as const)('detects %s from the first bytes and fills in the info', async (compression, bytes) => {
    const info: DataFileInfo = { compression: 'NONE', entryName: null, compressedBytes: 0, bytes: 0 };
    const out: CsvRecord[] = [];
    for await (const batch of readCsvBatches(chunked(bytes, 7), V5, info)) out.push(...batch);
    expect(fields(out)).toEqual(expected);
    expect(info).toEqual({
      compression,
      entryName: compression === 'ZIP' ? 'export 2024.csv' : null,
      compressedBytes: bytes.byteLength,
      bytes: csv.byteLength,
    });
  });

  it('accepts a declared compression that matches', async () => {
    expect(fields(await records(zipSync({ 'a.csv': csv }), { compression: 'ZIP' }))).toEqual(expected);
    expect(fields(await records(new Uint8Array(gzipSync(csv)), { compression: 'GZIP' }))).toEqual(expected);
  });

  it.each([
    ['NONE', zipSync({ 'a.csv': csv }), /compression is NONE but the file is a ZIP archive/],
    ['ZIP', new Uint8Array(gzipSync(csv)), /compression is ZIP but the file is a GZIP archive/],
    ['GZIP', zipSync({ 'a.csv': csv }), /compression is GZIP but the file is a ZIP archive/],
  ] as const)('rejects a file declared %s that is another archive', async (declared, bytes, message) => {
    const error = await failure(bytes, { compression: declared });
    expect(error.code).toBe('FILE_COMPRESSION_MISMATCH');
    expect(error.message).toMatch(message);
  });

  it('rejects random bytes declared as ZIP or GZIP as a corrupted archive', async () => {
    const random = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 251);
    for (const compression of ['ZIP', 'GZIP'] as const) {
      const error = await failure(random, { compression });
      expect(error.code).toBe('FILE_CORRUPTED_ARCHIVE');
      expect(error.message).toContain(`does not start like a ${compression} archive`);
    }
  });
});

describe('ZIP archives', () => {
  const csv = utf8('id\n1\n');

  it('skips folders and __MACOSX entries', async () => {
    const zip = zipSync({
      'out/': new Uint8Array(0),
      'out/data.csv': csv,
      '__MACOSX/out/._data.csv': utf8('junk'),
    });
    expect(fields(await records(zip))).toEqual([['id'], ['1']]);
  });

  it('reads a stored (not deflated) entry', async () => {
    expect(fields(await records(zipSync({ 'a.csv': csv }, { level: 0 })))).toEqual([['id'], ['1']]);
  });

  it('rejects several data files, naming them', async () => {
    const error = await failure(zipSync({ 'a.csv': csv, 'b.csv': csv, 'c.txt': csv }));
    expect(error.code).toBe('FILE_ARCHIVE_ENTRIES');
    expect(error.message).toContain("holds 3 files ('a.csv', 'b.csv', 'c.txt')");
  });

  it('says an entry is itself an archive, rather than blaming its encoding', async () => {
    const inner = zipSync({ 'data.csv': csv });
    const zipped = await failure(zipSync({ 'inner.zip': inner }));
    expect(zipped).toMatchObject({
      code: 'FILE_ARCHIVE_ENTRIES',
      message: expect.stringMatching(/^the ZIP entry 'inner.zip' is itself a ZIP archive, not a CSV file;/),
    });
    const gzipped = await failure(new Uint8Array(gzipSync(inner)));
    expect(gzipped.message).toMatch(/^the GZIP file holds a ZIP archive, not a CSV file;/);
  });

  it("gives the archive's own fault, not the garbage it led the CSV reader into", async () => {
    // A stored Zip64 entry claiming 2^40 bytes in a 185-byte archive: its central directory
    // follows the two CSV lines, and would read as invalid UTF-8 on line 3.
    const archive = Buffer.from(
      '504b03042d00000000000000000000000000ffffffffffffffff08001400646174612e637376010010000000000000010000000000000001' +
        '00006d61696c3b66697273740a616e6e406578616d706c652e636f6d3b416e6e0a504b01022d002d0000000000000000000000000' +
        '0ffffffffffffffff080014000000000000000000000000000000646174612e637376010010000000000000010000000000000001' +
        '0000504b050600000000010001004a000000590000000000',
      'hex',
    );
    expect(await failure(new Uint8Array(archive), {}, 7)).toMatchObject({
      code: 'FILE_CORRUPTED_ARCHIVE',
      message:
        "the ZIP archive is truncated or its header is wrong: the stored entry 'data.csv' claims 1099511627776 bytes, but the archive ends after 127 of them; re-create the ZIP and upload it again",
    });
  });

  it('keeps a content error when the archive itself is sound', async () => {
    const error = await failure(zipSync({ 'a.csv': Buffer.from('id,name\n1,\xff\n', 'latin1') }));
    expect(error).toMatchObject({ code: 'FILE_ENCODING', message: expect.stringMatching(/^line 2: /) });
  });

  it('rejects an archive with no file at all, or only folders', async () => {
    expect((await failure(zipSync({}))).code).toBe('FILE_CORRUPTED_ARCHIVE');
    expect((await failure(zipSync({ 'dir/': new Uint8Array(0) }))).code).toBe('FILE_ARCHIVE_ENTRIES');
  });

  it('rejects a truncated archive, wherever it is cut', async () => {
    const zip = zipSync({ 'a.csv': utf8('id,name\n'.repeat(2000)) });
    for (const keep of [40, Math.floor(zip.byteLength / 2), zip.byteLength - 10]) {
      const error = await failure(zip.subarray(0, keep), {}, 100);
      expect(error.code).toBe('FILE_CORRUPTED_ARCHIVE');
    }
  });

  it('rejects damaged deflate data', async () => {
    const zip = zipSync({ 'a.csv': utf8('id,name\n'.repeat(2000)) });
    const damaged = zip.slice();
    damaged.fill(0xff, 40, 60);
    const error = await failure(damaged);
    expect(error.code).toBe('FILE_CORRUPTED_ARCHIVE');
    expect(error.message).toContain("'a.csv'");
  });
});

describe('GZIP files', () => {
  const gz = new Uint8Array(gzipSync(utf8('id,name\n'.repeat(2000))));

  it('rejects a truncated file', async () => {
    const error = await failure(gz.subarray(0, gz.byteLength - 20));
    expect(error.code).toBe('FILE_CORRUPTED_ARCHIVE');
    expect(error.message).toContain('truncated');
  });

  it('rejects corrupted data', async () => {
    const damaged = gz.slice();
    damaged.fill(0x55, 12, 40);
    expect((await failure(damaged)).code).toBe('FILE_CORRUPTED_ARCHIVE');
  });
});

describe('byte order marks', () => {
  const withBom = (bom: number[]) => new Uint8Array([...bom, ...utf8('id,name\n1,Ann\n')]);

  it('rejects a UTF-8 BOM under V5', async () => {
    const error = await failure(withBom([0xef, 0xbb, 0xbf]), {}, 1);
    expect(error.code).toBe('FILE_BOM');
    expect(error.message).toMatch(/^line 1: the file starts with a UTF-8 byte order mark/);
  });

  it('strips a UTF-8 BOM under V4, even split across chunks', async () => {
    for (const size of [1, 2, 1024]) {
      const found = await records(withBom([0xef, 0xbb, 0xbf]), { bom: 'strip' }, size);
      expect(found[0]).toEqual({ line: 1, fields: ['id', 'name'] });
    }
  });

  it.each([
    ['FE FF', [0xfe, 0xff]],
    ['FF FE', [0xff, 0xfe]],
  ])('rejects a UTF-16 BOM (%s) under both policies', async (_name, bom) => {
    for (const policy of ['reject', 'strip'] as const) {
      expect((await failure(withBom(bom), { bom: policy })).code).toBe('FILE_BOM');
    }
  });

  it('applies the policy to the file inside a ZIP', async () => {
    expect((await failure(zipSync({ 'a.csv': withBom([0xef, 0xbb, 0xbf]) }))).code).toBe('FILE_BOM');
  });
});

describe('encodings', () => {
  it('reads ISO-8859-1 as real latin1 (0x80-0x9f are C1 controls, not windows-1252)', async () => {
    const bytes = new Uint8Array([...utf8('name,code\nJos'), 0xe9, ...utf8(',x'), 0x80, 0x0a]);
    const found = await records(bytes, { encoding: 'ISO-8859-1' });
    expect(found[1]?.fields).toEqual(['José', 'x\u0080']);
  });

  it('decodes UTF-8 characters split across chunks', async () => {
    const text = 'name\nJosé\n日本\n😀\n';
    expect(fields(await records(utf8(text), {}, 1))).toEqual([['name'], ['José'], ['日本'], ['😀']]);
  });

  it('names the line of invalid UTF-8, whatever the chunking', async () => {
    const bytes = new Uint8Array([...utf8('a,b\n1,"x\ny"\n\n2,'), 0xe9, ...utf8('t\n3,4\n')]);
    for (const size of [1, 3, 1024]) {
      const error = await failure(bytes, {}, size);
      expect(error.code).toBe('FILE_ENCODING');
      expect(error.message).toBe(
        'line 5: bytes are not valid UTF-8; declare format.encoding ISO-8859-1 or re-save the file as UTF-8',
      );
    }
  });

  it('names the last line when the file ends inside a character', async () => {
    const bytes = new Uint8Array([...utf8('a\nb\nc'), 0xe2, 0x82]);
    const error = await failure(bytes);
    expect(error.code).toBe('FILE_ENCODING');
    expect(error.message).toMatch(/^line 3: /);
  });
});

describe('limits', () => {
  it('rejects a file over maxBytes once decompressed, ZIP or not', async () => {
    const csv = utf8('id\n'.repeat(10_000));
    for (const bytes of [csv, zipSync({ 'a.csv': csv })]) {
      const error = await failure(bytes, { maxBytes: 20_000 }, 1024);
      expect(error.code).toBe('FILE_TOO_LARGE');
      expect(error.message).toContain('20000 bytes');
    }
    expect(await records(csv, { maxBytes: csv.byteLength })).toHaveLength(10_000);
  });
});

describe('streaming', () => {
  const generated = (rows: number) => {
    const parts = ['id,email,name,score'];
    for (let row = 1; row <= rows; row += 1)
      parts.push(`${row},user${row}@example.com,"Name, ${row}",${row % 97}`);
    return utf8(`${parts.join('\n')}\n`);
  };

  it('streams ~50k rows in small chunks, in many batches, with consecutive lines', async () => {
    const bytes = generated(50_000);
    const found = await batches(bytes, {}, 4096);
    const all = found.flat();
    expect(all).toHaveLength(50_001);
    expect(found.length).toBeGreaterThan(100);
    expect(Math.max(...found.map((batch) => batch.length))).toBeLessThan(200);
    expect(all.every((record, index) => record.line === index + 1)).toBe(true);
    expect(all[50_000]).toEqual({
      line: 50_001,
      fields: ['50000', 'user50000@example.com', 'Name, 50000', '45'],
    });
  });

  it('parses a huge single chunk in bounded batches', async () => {
    const found = await batches(generated(30_000), {}, Number.POSITIVE_INFINITY);
    expect(found.length).toBeGreaterThan(4);
    expect(found.flat()).toHaveLength(30_001);
  });

  it.each([
    ['NONE', (bytes: Uint8Array) => bytes, 2],
    ['ZIP', (bytes: Uint8Array) => zipSync({ 'a.csv': bytes }), 2],
    // zlib reads ahead up to its 16 KiB writable buffer: 16 chunks of 1 KiB, then backpressure.
    ['GZIP', (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)), 20],
  ] as const)(
    'yields the first %s batch after a few chunks, not after the whole input',
    async (_name, pack, most) => {
      const packed = pack(generated(20_000));
      let pulled = 0;
      async function* counting() {
        for await (const chunk of chunked(packed, 1024)) {
          pulled += 1;
          yield chunk;
        }
      }
      const total = Math.ceil(packed.byteLength / 1024);
      expect(total).toBeGreaterThan(50);
      for await (const batch of readCsvBatches(counting(), V5)) {
        expect(batch.length).toBeGreaterThan(0);
        break;
      }
      expect(pulled).toBeLessThanOrEqual(most);
    },
  );

  const packings = {
    NONE: (bytes: Uint8Array) => bytes,
    ZIP: (bytes: Uint8Array) => zipSync({ 'a.csv': bytes }),
    GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)),
  };

  it.each(['NONE', 'ZIP', 'GZIP'] as const)(
    'closes the %s source when the consumer stops early',
    async (packing) => {
      let closed = false;
      async function* source() {
        try {
          yield* chunked(packings[packing](generated(5000)), 1024);
        } finally {
          closed = true;
        }
      }
      for await (const _batch of readCsvBatches(source(), V5)) break;
      await vi.waitFor(() => expect(closed).toBe(true));
    },
  );

  it.each(['NONE', 'ZIP', 'GZIP'] as const)(
    'rethrows an error of the %s source untouched',
    async (packing) => {
      const broken = new Error('connection reset');
      const payload = packings[packing](generated(5000));
      async function* source() {
        yield payload.subarray(0, 2048);
        throw broken;
      }
      await expect(async () => {
        for await (const _batch of readCsvBatches(source(), V5));
      }).rejects.toBe(broken);
    },
  );
});

describe('format checks', () => {
  it.each([
    [{ separator: ';;' }, /format.separator must be exactly one character/],
    [{ enclosing: '' }, /format.enclosing must be exactly one character/],
    [{ separator: '\n' }, /format.separator must be exactly one character other than CR or LF/],
    [{ separator: '"' }, /format.separator and format.enclosing must differ/],
  ])('rejects %o with a RangeError', async (change, message) => {
    await expect(records(utf8('a\n'), change)).rejects.toThrow(message);
    await expect(records(utf8('a\n'), change)).rejects.toBeInstanceOf(RangeError);
  });
});
