import type { Readable } from 'node:stream';
import type { JournalReceived, JournalReceivedPart } from '../../contracts/control.js';
import type { PartEvents, PartObserver } from './multipart.js';

/** How much of a JSON part's text the journal keeps for a refused upload. */
export const DEFINITION_TEXT_LIMIT = 64 * 1024;

/**
 * How much more of a refused upload is read before answering, so the record names its later parts:
 * all of a usual upload, a bounded part of a huge one (then `complete` is false).
 */
export const SETTLE_BUDGET_BYTES = 1024 * 1024;

/**
 * What a multipart upload carried, as busboy met it: each part's name, file name, content type and
 * size, and the first 64 KiB of the JSON part, so the journal can show why an upload was refused.
 */
export class ReceivedParts implements PartObserver {
  readonly #parts: JournalReceivedPart[] = [];
  readonly #definitionChunks: Uint8Array[] = [];
  #definitionBytes = 0;
  #definitionSeen = false;
  #truncated = false;
  #bytes = 0;
  #ended = false;
  #settleAt = Number.POSITIVE_INFINITY;
  #settled: (() => void) | null = null;

  constructor(private readonly definitionNames: readonly string[]) {}

  watch(parser: PartEvents): void {
    parser.on('field', (name, value, info) => this.#field(name, value, info.mimeType));
    parser.on('file', (name, stream, info) => this.#file(name, stream, info.filename ?? null, info.mimeType));
    parser.on('close', () => this.ended());
    parser.on('error', () => this.ended());
  }

  ended(): void {
    this.#ended = true;
    this.#settle();
  }

  /**
   * Resolves once the body has ended, or once `budget` more bytes of it were read: the route has
   * refused the upload, and the record should still name the parts that follow.
   */
  settled(budget: number = SETTLE_BUDGET_BYTES): Promise<void> {
    if (this.#ended || this.#parts.length === 0) return Promise.resolve();
    this.#settleAt = this.#bytes + budget;
    return new Promise((resolve) => {
      this.#settled = resolve;
    });
  }

  /** The record for the journal; the JSON part's text only when the upload was refused. */
  snapshot(refused: boolean): JournalReceived {
    const parts = this.#parts.map((part) => ({ ...part }));
    const complete = this.#ended;
    if (!refused || !this.#definitionSeen)
      return { parts, complete, definition: null, definitionTruncated: false };
    const definition = Buffer.concat(this.#definitionChunks).toString('utf8');
    return { parts, complete, definition, definitionTruncated: this.#truncated };
  }

  #field(name: string, value: string, contentType: string): void {
    const bytes = Buffer.from(value);
    this.#parts.push({ name, fileName: null, contentType, size: bytes.byteLength });
    if (this.#isFirstDefinition(name)) this.#keep(bytes);
    this.#count(bytes.byteLength);
  }

  /**
   * Counts the part's bytes as they are read. The stream is paused first: a 'data' listener then
   * sees every chunk its reader takes (`read()` emits 'data') without switching it to flowing mode.
   */
  #file(name: string, stream: Readable, fileName: string | null, contentType: string): void {
    const part: JournalReceivedPart = { name, fileName, contentType, size: 0 };
    this.#parts.push(part);
    const keep = this.#isFirstDefinition(name);
    stream.pause();
    stream.on('data', (chunk: Uint8Array) => {
      part.size += chunk.byteLength;
      if (keep) this.#keep(chunk);
      this.#count(chunk.byteLength);
    });
  }

  #count(bytes: number): void {
    this.#bytes += bytes;
    if (this.#bytes >= this.#settleAt) this.#settle();
  }

  #settle(): void {
    const settled = this.#settled;
    this.#settled = null;
    settled?.();
  }

  #isFirstDefinition(name: string): boolean {
    if (this.#definitionSeen || !this.definitionNames.includes(name)) return false;
    this.#definitionSeen = true;
    return true;
  }

  #keep(bytes: Uint8Array): void {
    const room = DEFINITION_TEXT_LIMIT - this.#definitionBytes;
    if (bytes.byteLength > room) this.#truncated = true;
    if (room <= 0) return;
    const kept = bytes.byteLength > room ? bytes.subarray(0, room) : bytes;
    this.#definitionChunks.push(kept);
    this.#definitionBytes += kept.byteLength;
  }
}
