import type { JournalEntry, JournalQuery, JournalResponse } from '../../../contracts/control.js';
import { compilePathGlob } from './path-glob.js';

/** Enough for a test file's requests; older entries are dropped so memory stays bounded. */
export const JOURNAL_CAPACITY = 1000;

/**
 * An entry as recorded; `headers` may be given as a function, called only when the journal is read,
 * so requests nobody inspects pay nothing for the copy.
 */
export type NewJournalEntry = Omit<JournalEntry, 'seq' | 'headers'> & {
  headers: JournalEntry['headers'] | (() => JournalEntry['headers']);
};

type StoredEntry = Omit<JournalEntry, 'headers'> & { headers: NewJournalEntry['headers'] };

/**
 * The requests one tenant received (control requests excluded), oldest first, in a bounded
 * ring: the newest `capacity` entries are kept and the others counted as dropped.
 */
export class Journal {
  #entries: StoredEntry[] = [];
  #start = 0;
  #nextSeq = 1;
  #dropped = 0;
  #inFlight = 0;

  constructor(readonly capacity: number = JOURNAL_CAPACITY) {}

  /** A request arrived; call `finished()` once it is answered. */
  started(): void {
    this.#inFlight += 1;
  }

  finished(entry: NewJournalEntry): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    this.record(entry);
  }

  /** Records an exchange the mock started itself (a webhook POST): nothing was in flight for it. */
  record(entry: NewJournalEntry): void {
    const recorded: StoredEntry = { seq: this.#nextSeq++, ...entry };
    if (this.#entries.length < this.capacity) {
      this.#entries.push(recorded);
    } else {
      this.#entries[this.#start] = recorded;
      this.#start = (this.#start + 1) % this.capacity;
      this.#dropped += 1;
    }
  }

  entries(): JournalEntry[] {
    const ordered = [...this.#entries.slice(this.#start), ...this.#entries.slice(0, this.#start)];
    for (const entry of ordered) if (typeof entry.headers === 'function') entry.headers = entry.headers();
    return ordered as JournalEntry[];
  }

  query(filter: JournalQuery = {}): JournalResponse {
    const keep = journalFilter(filter);
    return {
      entries: this.entries().filter(keep),
      inFlight: this.#inFlight,
      dropped: this.#dropped,
      capacity: this.capacity,
      lastSeq: this.#nextSeq - 1,
    };
  }

  clear(): number {
    const cleared = this.#entries.length;
    this.#entries = [];
    this.#start = 0;
    this.#dropped = 0;
    return cleared;
  }
}

function journalFilter(filter: JournalQuery): (entry: JournalEntry) => boolean {
  const method = filter.method?.toUpperCase();
  const path = filter.path ? compilePathGlob(filter.path) : null;
  const status = filter.status;
  const since = filter.since ? new Date(filter.since).getTime() : null;
  const after = filter.after === undefined ? null : Number(filter.after);
  return (entry) =>
    (method === undefined || entry.method === method) &&
    (path === null || path(entry.path)) &&
    (status === undefined || statusMatches(status, entry.status)) &&
    (since === null || new Date(entry.time).getTime() >= since) &&
    (after === null || entry.seq > after);
}

/** `201` matches exactly; `4xx` matches a class. */
function statusMatches(filter: string, status: number): boolean {
  if (filter.endsWith('xx')) return Math.floor(status / 100) === Number(filter[0]);
  return Number(filter) === status;
}
