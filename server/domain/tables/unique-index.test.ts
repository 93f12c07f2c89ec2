import { describe, expect, it } from 'vitest';
import { seededRandom } from '../ids.js';
import { UniqueIndex } from './unique-index.js';

describe('UniqueIndex', () => {
  it('finds, moves and forgets keys as a Map would, through growth and deletions', () => {
    const values: (string | null)[] = [];
    const index = new UniqueIndex((row) => values[row] ?? null);
    const reference = new Map<string, number>();
    const random = seededRandom(9);
    for (let step = 0; step < 20_000; step += 1) {
      const key = `k${Math.floor(random() * 3000)}`;
      const action = random();
      if (action < 0.6) {
        const existing = reference.get(key);
        if (existing === undefined) {
          values.push(key);
          index.set(key, values.length - 1);
          reference.set(key, values.length - 1);
        }
      } else if (action < 0.8) {
        const row = reference.get(key);
        if (row !== undefined) {
          // The row takes a new, free value: the index moves it (before the column changes, as Table does).
          const next = `m${step}`;
          index.delete(key);
          index.set(next, row);
          values[row] = next;
          reference.delete(key);
          reference.set(next, row);
        }
      } else {
        const row = reference.get(key);
        index.delete(key);
        reference.delete(key);
        if (row !== undefined) values[row] = null;
      }
      expect(index.get(key)).toBe(reference.get(key));
    }
    expect(index.size).toBe(reference.size);
    for (const [key, row] of reference) expect(index.get(key)).toBe(row);
    expect(index.get('never')).toBeUndefined();
  });
});
