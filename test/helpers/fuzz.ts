import type { Parameters } from 'fast-check';

/**
 * fast-check parameters for the property tests: a fixed number of runs in `npm test` (CI), more
 * from `npm run fuzz` (FUZZ_RUNS), and a failure replayed from the seed (and path) fast-check
 * prints with it: FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run <file>.
 */
export function fuzzParameters<T>(ciRuns: number): Parameters<T> {
  const { FUZZ_RUNS, FUZZ_SEED, FUZZ_PATH } = process.env;
  return {
    numRuns: FUZZ_RUNS ? Number(FUZZ_RUNS) : ciRuns,
    ...(FUZZ_SEED ? { seed: Number(FUZZ_SEED) } : {}),
    ...(FUZZ_PATH ? { path: FUZZ_PATH } : {}),
  };
}

/** A property test's timeout: generous for CI's fixed runs, none for a long fuzzing session. */
export const FUZZ_TIMEOUT_MS = process.env.FUZZ_RUNS ? 0 : 60_000;
