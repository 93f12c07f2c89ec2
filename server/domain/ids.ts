/** Growing numeric ids, as strings (V5 execution ids are numeric strings). */
export interface IdGenerator {
  next(): string;
}

export function createIdGenerator(first: number): IdGenerator {
  let value = first;
  return {
    next: () => String(value++),
  };
}

/** Random-looking but reproducible UUIDs when seeded, so snapshots stay stable in tests. */
export function createUuidGenerator(random: () => number = Math.random): IdGenerator {
  const hex = () => Math.floor(random() * 16).toString(16);
  const part = (length: number) => Array.from({ length }, hex).join('');
  return {
    next: () => `${part(8)}-${part(4)}-4${part(3)}-${'89ab'[Math.floor(random() * 4)]}${part(3)}-${part(12)}`,
  };
}

/** Small deterministic PRNG (mulberry32) for seeded ids and tokens. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
