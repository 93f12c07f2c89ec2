import type { MockRetention } from '../../contracts/settings.js';
import type { RecordKind } from './lifecycle/progression.js';

/**
 * What a tenant keeps by default: the newest 500 finished records, and 256 MiB of what their files
 * are made from (room for the result file of a 100 MB upload).
 */
export const DEFAULT_RETENTION: MockRetention = {
  maxFinishedRecords: 500,
  maxStoredFileBytes: 256 * 1024 * 1024,
};

/** Evicted ids remembered (to answer RECORD_EVICTED rather than UNKNOWN_*); older ones are forgotten. */
const EVICTED_IDS_REMEMBERED = 100_000;

const SEPARATOR = '\u0000';

/** A registered import or execution, as retention sees it. */
export interface RetainedRecord {
  kind: RecordKind;
  entity: string;
  id: string;
  /** Whether the record has reached its final status (only finished records are evicted). */
  isFinal: () => boolean;
  /** Bytes kept for its result and error files, once final. */
  storedBytes: () => number;
  /** Forgets the record: its entity no longer lists it. */
  remove: () => void;
}

/**
 * Bounds what a long-running mock keeps: per tenant, at most `maxFinishedRecords` finished imports
 * and executions and `maxStoredFileBytes` of their files; the oldest finished ones (in the order
 * they finished) are evicted first. Records not yet final are never evicted, and tables keep all
 * their rows. An evicted id is remembered so that reading it says why it is gone.
 */
export class Retention {
  /** Registered records not yet final. */
  readonly #pending = new Set<RetainedRecord>();
  /** Finished records in the order they were seen final, with the bytes they hold. */
  readonly #finished = new Map<RetainedRecord, number>();
  readonly #evicted = new Set<string>();
  #storedBytes = 0;

  /** Registers a record just stored in its entity. */
  keep(record: RetainedRecord, limits: MockRetention): void {
    this.#pending.add(record);
    this.enforce(limits);
  }

  /** Moves newly finished records to the finished list and evicts the oldest past the limits. */
  enforce(limits: MockRetention): void {
    for (const record of this.#pending) {
      if (!record.isFinal()) continue;
      this.#pending.delete(record);
      const bytes = record.storedBytes();
      this.#finished.set(record, bytes);
      this.#storedBytes += bytes;
    }
    const maxRecords = limits.maxFinishedRecords ?? Number.POSITIVE_INFINITY;
    const maxBytes = limits.maxStoredFileBytes ?? Number.POSITIVE_INFINITY;
    for (const [record, bytes] of this.#finished) {
      if (this.#finished.size <= maxRecords && this.#storedBytes <= maxBytes) break;
      this.#finished.delete(record);
      this.#storedBytes -= bytes;
      record.remove();
      this.#remember(keyOf(record.kind, record.entity, record.id));
    }
  }

  /** Whether this record was evicted (as far as the last EVICTED_IDS_REMEMBERED evictions go). */
  wasEvicted(kind: RecordKind, entity: string, id: string): boolean {
    return this.#evicted.has(keyOf(kind, entity, id));
  }

  /** What is kept now: finished records and the bytes of their files. */
  usage(): { finishedRecords: number; storedFileBytes: number } {
    return { finishedRecords: this.#finished.size, storedFileBytes: this.#storedBytes };
  }

  /** An entity was reset or seeded again: its records are gone, and so are their evicted ids. */
  forgetEntity(entity: string): void {
    for (const record of this.#pending) if (record.entity === entity) this.#pending.delete(record);
    for (const [record, bytes] of this.#finished) {
      if (record.entity !== entity) continue;
      this.#finished.delete(record);
      this.#storedBytes -= bytes;
    }
    for (const key of this.#evicted) if (key.split(SEPARATOR)[1] === entity) this.#evicted.delete(key);
  }

  #remember(key: string): void {
    this.#evicted.add(key);
    if (this.#evicted.size <= EVICTED_IDS_REMEMBERED) return;
    const oldest = this.#evicted.values().next().value;
    if (oldest !== undefined) this.#evicted.delete(oldest);
  }
}

function keyOf(kind: RecordKind, entity: string, id: string): string {
  return [kind, entity, id].join(SEPARATOR);
}
