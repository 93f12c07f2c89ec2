const EMPTY = 0;
const DELETED = -1;
const MIN_CAPACITY = 16;

/**
 * The rows of a unique column by value: an open-addressing hash table of row numbers (and each
 * value's hash), the values themselves staying in the column. A million keys cost 16 MB, against
 * about 28 MB in a `Map` (which also holds every key a second time in its entries), and a lookup
 * is one hash over the value's characters plus, almost always, one string comparison.
 */
export class UniqueIndex {
  /** Per slot: row + 1, EMPTY, or DELETED (a removed entry probing must step over). */
  #slots = new Int32Array(MIN_CAPACITY);
  #hashes = new Int32Array(MIN_CAPACITY);
  #size = 0;
  /** Slots not EMPTY (live and deleted). */
  #used = 0;

  /** `columnValue(row)` reads the value the column holds for `row`. */
  constructor(private readonly columnValue: (row: number) => string | null) {}

  get size(): number {
    return this.#size;
  }

  get(key: string): number | undefined {
    const slot = this.#find(key, hashOf(key));
    return slot < 0 ? undefined : (this.#slots[slot] as number) - 1;
  }

  /** Makes `key` point at `row`. The column must already hold `key` for `row`, or do so before the next lookup. */
  set(key: string, row: number): void {
    const hash = hashOf(key);
    const found = this.#find(key, hash);
    if (found >= 0) {
      this.#slots[found] = row + 1;
      return;
    }
    if ((this.#used + 1) * 2 > this.#slots.length) this.#rehash();
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    while ((this.#slots[slot] as number) > EMPTY) slot = (slot + 1) & mask;
    if (this.#slots[slot] === EMPTY) this.#used += 1;
    this.#slots[slot] = row + 1;
    this.#hashes[slot] = hash;
    this.#size += 1;
  }

  delete(key: string): void {
    const slot = this.#find(key, hashOf(key));
    if (slot < 0) return;
    this.#slots[slot] = DELETED;
    this.#size -= 1;
  }

  /** The slot holding `key`, or -1. */
  #find(key: string, hash: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] as number;
      if (entry === EMPTY) return -1;
      if (entry !== DELETED && this.#hashes[slot] === hash && this.columnValue(entry - 1) === key)
        return slot;
    }
  }

  /** Twice the room when half full of live entries; the same room, without the deleted ones, otherwise. */
  #rehash(): void {
    const oldSlots = this.#slots;
    const oldHashes = this.#hashes;
    const capacity = Math.max(
      MIN_CAPACITY,
      this.#size * 2 >= oldSlots.length / 2 ? oldSlots.length * 2 : oldSlots.length,
    );
    this.#slots = new Int32Array(capacity);
    this.#hashes = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < oldSlots.length; old += 1) {
      const entry = oldSlots[old] as number;
      if (entry <= EMPTY) continue;
      const hash = oldHashes[old] as number;
      let slot = hash & mask;
      while (this.#slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.#slots[slot] = entry;
      this.#hashes[slot] = hash;
    }
    this.#used = this.#size;
  }
}

/** FNV-1a over UTF-16 code units, mixed at the end so nearby keys spread over the table. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at += 1) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}
