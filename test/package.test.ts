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

  it('ships dist, the fixture and the README, and no sources or tests', () => {
    const files = execFileSync('tar', ['tzf', join(project, readdir(project))], { encoding: 'utf8' }).split(
      '\n',
    );
    expect(files).toContain('package/dist/server/index.js');
    expect(files).toContain('package/dist/server/index.d.ts');
    expect(files).toContain('package/dist/server/adapters/msw.d.ts');
    expect(files).toContain('package/dist/contracts/index.d.ts');
    expect(files).toContain('package/fixtures/default.json');
    expect(
      files.some((file) => file.endsWith('.test.js') || (file.endsWith('.ts') && !file.endsWith('.d.ts'))),
    ).toBe(false);
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
});

function readdir(folder: string): string {
  const listing = execFileSync('ls', [folder], { encoding: 'utf8' }).split('\n');
  return listing.find((name) => name.endsWith('.tgz')) as string;
}
