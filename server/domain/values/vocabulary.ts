import { COUNTRY_CODES, LANGUAGE_CODES } from './iso-codes.js';

/**
 * Case-insensitive closed vocabularies (BOOLEAN, LANGUAGE, COUNTRY, SEX). Every upper/lower-case
 * spelling of every accepted word is a key of one Map built at load time, so checking a value is a
 * single lookup with no per-value `toUpperCase` string.
 */
export type Vocabulary = ReadonlyMap<string, string>;

/** Every spelling of `word` that differs only in letter case ('ab' -> ab, aB, Ab, AB). */
function caseVariants(word: string): string[] {
  let variants = [''];
  for (const char of word) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    variants = variants.flatMap((prefix) =>
      lower === upper ? [prefix + char] : [prefix + lower, prefix + upper],
    );
  }
  return variants;
}

/** `entries` maps each accepted word to its canonical stored form. */
export function vocabulary(entries: Iterable<readonly [word: string, canonical: string]>): Vocabulary {
  const map = new Map<string, string>();
  for (const [word, canonical] of entries) {
    for (const variant of caseVariants(word)) map.set(variant, canonical);
  }
  return map;
}

const identity = (codes: Iterable<string>) => [...codes].map((code) => [code, code] as const);

export const BOOLEAN_WORDS: Vocabulary = vocabulary([
  ['TRUE', 'TRUE'],
  ['1', 'TRUE'],
  ['Y', 'TRUE'],
  ['FALSE', 'FALSE'],
  ['0', 'FALSE'],
  ['N', 'FALSE'],
]);
export const LANGUAGE_WORDS: Vocabulary = vocabulary(identity(LANGUAGE_CODES));
export const COUNTRY_WORDS: Vocabulary = vocabulary(identity(COUNTRY_CODES));
export const SEX_WORDS: Vocabulary = vocabulary(identity(['M', 'F']));
