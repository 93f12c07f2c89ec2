import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDocPages } from './helpers/docs-blocks.js';
import type { DocsProject } from './helpers/docs-project.js';
import { createDocsProject } from './helpers/docs-project.js';
import { runShellPage } from './helpers/run-doc-shell.js';

/**
 * Every shell block of README.md and docs/*.md, run as a reader pastes them: per page, in order,
 * in an empty folder of a project that installed the packed package, against a fresh `npm start`;
 * each output the page shows is compared with what the block printed (helpers/docs-blocks.ts).
 */
const pages = readDocPages().filter((page) => page.runnable.some((block) => block.kind === 'shell'));

let project: DocsProject | undefined;
beforeAll(() => {
  project = createDocsProject();
}, 60_000);
afterAll(() => project?.remove());

it.each(pages.map((page) => [page.page, page] as const))(
  'runs the shell blocks of %s in order against a fresh npm start, printing what the page shows',
  async (_, page) => {
    const run = await runShellPage(page, (project as DocsProject).dir);
    expect(run.blocks.length).toBeGreaterThan(0);
  },
  120_000,
);
