import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocPage, RunnableBlock } from './docs-blocks.js';
import { checkOutputs } from './run-doc-shell.js';
import { ROOT } from './server-process.js';

export interface TypescriptBlock {
  block: RunnableBlock;
  /** Its path in the project, under ts/<page>/. */
  source: string;
  /** A script (no `file=`), run with node once compiled. */
  script: boolean;
}

export interface TypescriptPages {
  blocks: TypescriptBlock[];
  /** The page folders holding `*.test.ts` blocks, which vitest runs. */
  vitestPages: { page: string; dir: string }[];
}

/** The strict settings a user's project would have (those of the examples). */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    rootDir: 'ts',
    outDir: 'out',
  },
  include: ['ts'],
};

/** Writes every TypeScript block of the pages into the project: ts/<page>/<file or block-N.ts>. */
export function writeTypescriptBlocks(projectDir: string, pages: DocPage[]): TypescriptPages {
  writeFileSync(join(projectDir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  const blocks: TypescriptBlock[] = [];
  const vitestPages: TypescriptPages['vitestPages'] = [];
  for (const page of pages) {
    const slug = page.page.replace(/[^a-z0-9]+/gi, '-');
    const typescript = page.runnable.filter((block) => block.kind === 'typescript');
    typescript.forEach((block, i) => {
      const source = join('ts', slug, block.file ?? `block-${i}.ts`);
      mkdirSync(dirname(join(projectDir, source)), { recursive: true });
      writeFileSync(join(projectDir, source), `${block.code}\n`);
      blocks.push({ block, source, script: block.file === undefined });
    });
    if (typescript.some((block) => block.file?.endsWith('.test.ts'))) {
      vitestPages.push({ page: page.page, dir: join(projectDir, 'ts', slug) });
    }
  }
  return { blocks, vitestPages };
}

/** Runs strict tsc over the project; tsc's messages name the page and line of the block. */
export async function typecheck(projectDir: string, blocks: TypescriptBlock[]): Promise<string> {
  const { output } = await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], projectDir);
  return output.replace(/^(ts\/\S+?\.ts)\((\d+),(\d+)\)/gm, (whole, source: string, line: string) => {
    const block = blocks.find((candidate) => candidate.source === source)?.block;
    return block ? `${block.page}:${block.line + Number(line)} (${whole})` : whole;
  });
}

/** Runs a compiled script block with node in an empty folder and checks what it prints. */
export async function runScript(projectDir: string, { block, source }: TypescriptBlock): Promise<void> {
  const compiled = join(projectDir, source.replace(/^ts\//, 'out/').replace(/\.ts$/, '.js'));
  const cwd = mkdtempSync(join(projectDir, 'script-'));
  const { code, stdout, stderr } = await run(process.execPath, [compiled], cwd);
  if (code !== 0)
    throw new Error(`${block.page}:${block.line}: the script exited with ${code}\n${stdout}${stderr}`);
  checkOutputs(block, stdout, stderr);
}

/** Runs vitest in a page's folder (with the page's vitest.config.ts when it has one). */
export async function runVitest(
  projectDir: string,
  dir: string,
): Promise<{ code: number | null; output: string }> {
  return run(process.execPath, [join(projectDir, 'node_modules/vitest/vitest.mjs'), 'run'], dir);
}

function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output });
    });
  });
}
