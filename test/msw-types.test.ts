import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/server-process.js';

const MSW_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/msw/package.json'), 'utf8')) as { version: string }
).version;

it(`types the MSW setup helper under the installed msw (${MSW_VERSION}) with strict tsc`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'actito-msw-types-'));
  try {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.json'),
        compilerOptions: { noEmit: true, typeRoots: [join(ROOT, 'node_modules/@types')] },
        include: [],
        files: [join(ROOT, 'test/typecheck/msw-setup.ts'), join(ROOT, 'test/helpers/transports.ts')],
      }),
    );
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
