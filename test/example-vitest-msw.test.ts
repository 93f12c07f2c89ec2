import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExampleProject } from './helpers/example-project.js';
import { installExample } from './helpers/example-project.js';

/** examples/vitest-msw, installed from the packed package like a user's project, runs its own tests. */
let example: ExampleProject;
beforeAll(async () => {
  example = await installExample('vitest-msw');
}, 120_000);
afterAll(() => example?.remove());

it('passes its own npm test (strict tsc, then vitest) against the packed package', async () => {
  const { code, output } = await example.run('npm', ['test']);
  expect(output).toMatch(/Tests +\d+ passed/);
  expect(code, output).toBe(0);
}, 120_000);
