import { PassThrough } from 'node:stream';
import busboy from 'busboy';
import { describe, expect, it } from 'vitest';
import { DEFINITION_TEXT_LIMIT, ReceivedParts } from './received-parts.js';

const BOUNDARY = 'received-parts-test';

function partHead(name: string, fileName?: string, type?: string): string {
  const file = fileName === undefined ? '' : `; filename="${fileName}"`;
  const contentType = type === undefined ? '' : `Content-Type: ${type}\r\n`;
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file}\r\n${contentType}\r\n`;
}

/** A busboy parser watched by a ReceivedParts; the test writes the body and reads the file parts. */
function watchedParser() {
  const received = new ReceivedParts(['definition']);
  const parser = busboy({ headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
  received.watch(parser);
  const body = new PassThrough();
  body.pipe(parser);
  return { received, parser, body };
}

describe('ReceivedParts', () => {
  it('records each part with its size while the upload reads the paused file streams', async () => {
    const { received, parser, body } = watchedParser();
    const read: Record<string, string> = {};
    const readers: Promise<void>[] = [];
    parser.on('file', (name, stream) => {
      readers.push(
        (async () => {
          let text = '';
          for await (const chunk of stream) text += chunk.toString();
          read[name] = text;
        })(),
      );
    });
    const closed = new Promise((resolve) => parser.on('close', resolve));
    body.end(
      `${partHead('definition', 'definition.json', 'application/json')}{"mode":"X"}\r\n` +
        `${partHead('note')}hello\r\n` +
        `${partHead('inputFile', 'data.csv', 'text/csv')}mail\na@example.com\n\r\n--${BOUNDARY}--\r\n`,
    );
    await closed;
    await Promise.all(readers);
    expect(read).toEqual({ definition: '{"mode":"X"}', inputFile: 'mail\na@example.com\n' });
    expect(received.snapshot(true)).toEqual({
      parts: [
        { name: 'definition', fileName: 'definition.json', contentType: 'application/json', size: 12 },
        { name: 'note', fileName: null, contentType: 'text/plain', size: 5 },
        { name: 'inputFile', fileName: 'data.csv', contentType: 'text/csv', size: 19 },
      ],
      complete: true,
      definition: '{"mode":"X"}',
      definitionTruncated: false,
    });
    expect(received.snapshot(false).definition).toBeNull();
  });

  it('keeps the first 64 KiB of the definition, and settles within its budget on a body that goes on', async () => {
    const { received, parser, body } = watchedParser();
    parser.on('file', (_name, stream) => stream.resume());
    const long = `{"comment":"${'x'.repeat(DEFINITION_TEXT_LIMIT)}"}`;
    body.write(`${partHead('definition')}${long}\r\n${partHead('inputFile', 'big.csv')}`);
    body.write('a'.repeat(1000));
    await new Promise((resolve) => setImmediate(resolve));
    const settled = received.settled(4096);
    let done = false;
    void settled.then(() => {
      done = true;
    });
    body.write('b'.repeat(1000));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    body.write('c'.repeat(5000));
    await settled;
    const record = received.snapshot(true);
    expect(record).toMatchObject({ complete: false, definitionTruncated: true });
    expect(record.definition).toBe(long.slice(0, DEFINITION_TEXT_LIMIT));
    expect(record.parts[1]?.size).toBeGreaterThanOrEqual(2000);
    body.destroy();
  });

  it('settles at once when no part arrived or the body has ended', async () => {
    await new ReceivedParts(['definition']).settled();
    const { received, parser, body } = watchedParser();
    const closed = new Promise((resolve) => parser.on('close', resolve));
    body.end(`${partHead('definition')}{}\r\n--${BOUNDARY}--\r\n`);
    await closed;
    await received.settled();
    expect(received.snapshot(true)).toMatchObject({ complete: true, definition: '{}' });
  });
});
