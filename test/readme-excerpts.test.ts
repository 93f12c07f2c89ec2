import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/server-process.js';

/**
 * A README code block marked `<!-- excerpt of <file> -->` is a verbatim part of that file, which
 * its own test compiles and runs (the examples are run against the packed package).
 */
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const excerpts = [...readme.matchAll(/<!-- excerpt of (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map(
  ([, file, code]) => [file as string, code as string] as const,
);

it('marks its code excerpts', () => {
  expect(excerpts.length).toBeGreaterThanOrEqual(3);
});

it.each(excerpts)('quotes %s verbatim', (file, code) => {
  expect(readFileSync(`${ROOT}${file}`, 'utf8')).toContain(code);
});
