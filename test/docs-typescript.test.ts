import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDocPages } from './helpers/docs-blocks.js';
import type { DocsProject } from './helpers/docs-project.js';
import { createDocsProject } from './helpers/docs-project.js';
import type { TypescriptPages } from './helpers/run-doc-typescript.js';
import { runScript, runVitest, typecheck, writeTypescriptBlocks } from './helpers/run-doc-typescript.js';
import { ROOT } from './helpers/server-process.js';

/**
 * Every TypeScript block of README.md and docs/*.md, in a project that installed the packed
 * package (with the lane's msw and vitest): all of them type-check under strict tsc, each script
 * runs with node and prints what the page shows, each page's test files pass under vitest.
 */
const pages = readDocPages();
const msw = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/msw/package.json'), 'utf8')) as { version: string }
).version;

let project: DocsProject | undefined;
let written: TypescriptPages = { blocks: [], vitestPages: [] };
let tscOutput = '';
beforeAll(async () => {
  project = createDocsProject();
  written = writeTypescriptBlocks(project.dir, pages);
  tscOutput = await typecheck(project.dir, written.blocks); // compiles the scripts the tests below run
}, 60_000);
afterAll(() => project?.remove());

const dir = () => (project as DocsProject).dir;

it(`type-checks every TypeScript block under strict tsc against the packed package (msw ${msw}, Node ${process.version})`, () => {
  expect(written.blocks.length).toBeGreaterThan(0);
  expect(tscOutput).toBe('');
});

const scripts = pages.flatMap((page) =>
  page.runnable
    .filter((block) => block.kind === 'typescript' && block.file === undefined)
    .map((block) => [`${block.page}:${block.line}`, block] as const),
);
it.each(scripts)(
  'runs the script at %s with node',
  async (where) => {
    const script = written.blocks.find(({ block }) => `${block.page}:${block.line}` === where);
    expect(script).toBeDefined();
    await runScript(dir(), script as (typeof written.blocks)[number]);
  },
  60_000,
);

const testPages = pages
  .filter((page) => page.runnable.some((block) => block.file?.endsWith('.test.ts')))
  .map((page) => page.page);
it.each(testPages)(
  'passes the vitest test files of %s',
  async (page) => {
    const folder = written.vitestPages.find((candidate) => candidate.page === page);
    const { code, output } = await runVitest(dir(), (folder as { dir: string }).dir);
    expect(output).toMatch(/Tests +\d+ passed/);
    expect(output).not.toMatch(/failed/);
    expect(code, output).toBe(0);
  },
  90_000,
);
