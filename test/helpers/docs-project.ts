import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './server-process.js';

export interface DocsProject {
  /** The project's folder: package.json and node_modules with actito-mock installed. */
  dir: string;
  remove(): void;
}

/**
 * A user's project with actito-mock installed from `npm pack`'s tarball: unpacked into
 * node_modules (with its bin linked, so `npx actito-mock` finds it), its dependencies and the test
 * tools linked from the repository's node_modules. Linking rather than installing keeps it offline
 * and makes it follow the lane: msw 2 and vitest 4 on Node 20, msw 3 and vitest 5 on Node 24.
 */
export function createDocsProject(): DocsProject {
  const dir = mkdtempSync(join(tmpdir(), 'actito-docs-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as { filename: string }[];
  const installed = join(dir, 'node_modules', 'actito-mock');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', [
    'xzf',
    join(dir, (packed as { filename: string }).filename),
    '-C',
    installed,
    '--strip-components=1',
  ]);
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    bin: Record<string, string>;
  };
  for (const dependency of [...Object.keys(pkg.dependencies), 'msw', 'vitest', '@types/node']) {
    const link = join(dir, 'node_modules', dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dependency), link, 'dir');
  }
  mkdirSync(join(dir, 'node_modules', '.bin'));
  for (const [name, target] of Object.entries(pkg.bin)) {
    chmodSync(join(installed, target), 0o755);
    symlinkSync(join('..', 'actito-mock', target), join(dir, 'node_modules', '.bin', name));
  }
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'docs-blocks', private: true, type: 'module' }, null, 2)}\n`,
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
