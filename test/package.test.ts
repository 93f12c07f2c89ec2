import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/server-process.js';

/**
 * What a consumer gets from `npm pack`: the tarball is unpacked into a scratch project whose
 * dependencies are linked from ours (no network), then imported by plain Node with no TS loader.
 */
describe('the packed package', () => {
  let project = '';

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'actito-mock-consumer-'));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as { filename: string }[];
    const target = join(project, 'node_modules', 'actito-mock');
    mkdirSync(target, { recursive: true });
    execFileSync('tar', [
      'xzf',
      join(project, (packed[0] as { filename: string }).filename),
      '-C',
      target,
      '--strip-components=1',
    ]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const dependency of [...Object.keys(pkg.dependencies), 'msw']) {
      const link = join(project, 'node_modules', dependency);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', dependency), link, 'dir');
    }
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('ships dist, the fixture, the README, the licence and the changelog, and no sources or tests', () => {
    const files = execFileSync('tar', ['tzf', join(project, readdir(project))], { encoding: 'utf8' }).split(
      '\n',
    );
    expect(files).toContain('package/dist/server/index.js');
    expect(files).toContain('package/dist/server/index.d.ts');
    expect(files).toContain('package/dist/server/adapters/msw.d.ts');
    expect(files).toContain('package/dist/contracts/index.d.ts');
    expect(files).toContain('package/fixtures/default.json');
    expect(files).toEqual(
      expect.arrayContaining(['package/LICENSE', 'package/CHANGELOG.md', 'package/README.md']),
    );
    expect(
      files.some((file) => file.endsWith('.test.js') || (file.endsWith('.ts') && !file.endsWith('.d.ts'))),
    ).toBe(false);
  });

  it('ships source maps that resolve: every source they name is inlined', () => {
    const maps = execFileSync('find', ['.', '-name', '*.js.map'], {
      cwd: join(project, 'node_modules', 'actito-mock'),
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(maps.length).toBeGreaterThan(50);
    const unresolved = maps.flatMap((map) => {
      const { sources, sourcesContent = [] } = JSON.parse(
        readFileSync(join(project, 'node_modules', 'actito-mock', map), 'utf8'),
      ) as { sources: string[]; sourcesContent?: (string | null)[] };
      return sources
        .filter((_, i) => typeof sourcesContent[i] !== 'string')
        .map((source) => `${map}: ${source}`);
    });
    expect(unresolved).toEqual([]);
  });

  it('imports all three entry points under plain Node and serves a token', () => {
    writeFileSync(
      join(project, 'consumer.mjs'),
      `import { createActitoMock } from 'actito-mock';
import { createActitoHandlers } from 'actito-mock/msw';
import { EtlDefinition, TokenResponse } from 'actito-mock/contracts';
const mock = createActitoMock();
const response = await mock.fetch(new Request('https://api.actito.com/auth/token', { headers: { authorization: 'mock-api-key' } }));
const token = TokenResponse.parse(await response.json());
const definition = EtlDefinition.parse({ table: { type: 'PROFILE_TABLE', name: 'Profiles' }, mode: 'CREATE_UPDATE' });
console.log(JSON.stringify({ handlers: createActitoHandlers().length, tokenType: token.tokenType, separator: definition.format.separator }));
`,
    );
    const run = spawnSync(process.execPath, ['consumer.mjs'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ handlers: 4, tokenType: 'bearer', separator: ';' });
  });

  it('starts a server from the package, as a vitest globalSetup would, and exports the error types', () => {
    writeFileSync(
      join(project, 'server.mjs'),
      `import { ActitoError, ERROR_CODES, startServer } from 'actito-mock';
const server = await startServer({ progression: 'immediate' });
const health = await (await fetch(server.url + '/__mock/health')).json();
await server.close();
const error = new ActitoError('UNKNOWN_ENTITY', 'no such entity');
console.log(JSON.stringify({ status: health.status, local: server.url.startsWith('http://127.0.0.1:'), code: error.code, known: ERROR_CODES.includes(error.code) }));
`,
    );
    const run = spawnSync(process.execPath, ['server.mjs'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      status: 'ok',
      local: true,
      code: 'UNKNOWN_ENTITY',
      known: true,
    });
  });
  it('type-checks in a strict consumer project without skipLibCheck, with only its dependencies installed', () => {
    // A consumer has @types/node (the package is for Node) but none of our other @types packages:
    // a declaration that imports one (busboy's did) fails their tsc with TS7016.
    const types = join(project, 'node_modules', '@types', 'node');
    mkdirSync(dirname(types), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), types, 'dir');
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: ['node'],
        },
        files: ['consumer-types.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer-types.ts'),
      `import { type ActitoMock, createActitoMock, startServer } from 'actito-mock';
import { createActitoHandlers } from 'actito-mock/msw';
import { EtlDefinition } from 'actito-mock/contracts';
const mock: ActitoMock = createActitoMock();
export const handlers = createActitoHandlers({ mock });
export const definition = EtlDefinition.parse({ table: { type: 'PROFILE_TABLE', name: 'Profiles' }, mode: 'CREATE_UPDATE' });
export const started = startServer;
`,
    );
    const tsc = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project],
      {
        cwd: project,
        encoding: 'utf8',
      },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

function readdir(folder: string): string {
  const listing = execFileSync('ls', [folder], { encoding: 'utf8' }).split('\n');
  return listing.find((name) => name.endsWith('.tgz')) as string;
}
