import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from './server-process.js';

export interface ExampleProject {
  dir: string;
  /** Runs a command in the example's folder; resolves with its exit code and output. */
  run(command: string, args: string[]): Promise<{ code: number | null; output: string }>;
  remove(): void;
}

/**
 * A copy of `examples/<name>` in a temp folder with actito-mock installed from `npm pack`'s tarball,
 * as a user's project would have it. Installed offline from npm's cache: the lockfile given to npm
 * is the repository's own (the examples pin the same versions), so npm needs no registry metadata.
 */
export async function installExample(name: string): Promise<ExampleProject> {
  const dir = mkdtempSync(join(tmpdir(), `actito-example-${name}-`));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as { filename: string }[];
  const project = join(dir, name);
  cpSync(join(ROOT, 'examples', name), project, {
    recursive: true,
    filter: (source) => !source.includes('node_modules'),
  });
  const pkgPath = join(project, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    name: string;
    devDependencies: Record<string, string>;
  };
  pkg.devDependencies['actito-mock'] = `file:../${(packed as { filename: string }).filename}`;
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lockFor(pkg), null, 2));

  const example: ExampleProject = {
    dir: project,
    run: (command, args) => runIn(project, command, args),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  const install = await example.run('npm', [
    'install',
    '--offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
  ]);
  if (install.code !== 0) {
    example.remove();
    throw new Error(`npm install of examples/${name} failed (${install.code}):\n${install.output}`);
  }
  return example;
}

/** The repository's lockfile with the example as its root: every version the example pins is in it. */
function lockFor(pkg: { name: string; devDependencies: Record<string, string> }): object {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  const packages = { ...lock.packages, '': { name: pkg.name, devDependencies: pkg.devDependencies } };
  return { name: pkg.name, lockfileVersion: 3, requires: true, packages };
}

function runIn(
  cwd: string,
  command: string,
  args: string[],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** The test of examples/<name>: installed from the packed package like a user's project, it passes its own tests. */
export function testExample(name: string): void {
  let example: ExampleProject | undefined;
  beforeAll(async () => {
    example = await installExample(name);
  }, 120_000);
  afterAll(() => example?.remove());

  it('passes its own npm test (strict tsc, then vitest) against the packed package', async () => {
    const { code, output } = await (example as ExampleProject).run('npm', ['test']);
    expect(output).toMatch(/Tests +\d+ passed/);
    expect(code, output).toBe(0);
  }, 120_000);
}
