import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocPage, RunnableBlock } from './docs-blocks.js';
import { DEFAULT_BASE_URL, outputDifference } from './docs-blocks.js';
import { startServerProcess } from './server-process.js';

export interface ShellPageRun {
  /** One entry per shell block run, in order. */
  blocks: { block: RunnableBlock; stdout: string; stderr: string }[];
}

/**
 * Runs a page's shell blocks as a reader pastes them: in order, in one bash (`set -euo pipefail`,
 * so variables carry from block to block), in an empty folder of `projectDir` (where `npx
 * actito-mock` finds the installed package), against a fresh server started with `npm start`'s
 * command. Only the default base URL is rewritten, to the server's port. Throws naming the block
 * that failed, or the first output that differs from the page's.
 */
export async function runShellPage(page: DocPage, projectDir: string): Promise<ShellPageRun> {
  const blocks = page.runnable.filter((block) => block.kind === 'shell');
  const slug = page.page.replace(/[^a-z0-9]+/gi, '-');
  const cwd = join(projectDir, 'shell', slug);
  const driver = join(projectDir, 'shell-driver', slug);
  mkdirSync(cwd, { recursive: true });
  mkdirSync(driver, { recursive: true });

  const server = await startServerProcess();
  try {
    const script = ['set -euo pipefail'];
    blocks.forEach((block, i) => {
      writeFileSync(join(driver, `${i}.sh`), block.code.replaceAll(DEFAULT_BASE_URL, server.url));
      script.push(`echo ${i} > '${driver}/progress'`);
      script.push(`source '${driver}/${i}.sh' > '${driver}/${i}.out' 2> '${driver}/${i}.err'`);
    });
    const { code, output } = await bash(script.join('\n'), cwd);
    const read = (i: number, stream: 'out' | 'err') => {
      const file = join(driver, `${i}.${stream}`);
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    };
    if (code !== 0) {
      const failed = Number(readFileSync(join(driver, 'progress'), 'utf8'));
      const block = blocks[failed] as RunnableBlock;
      throw new Error(
        `${block.page}:${block.line}: the shell block exited with ${code}\n--- stdout\n${read(failed, 'out')}\n--- stderr\n${read(failed, 'err')}${output}\n--- server\n${server.output().slice(-3000)}`,
      );
    }
    const run: ShellPageRun = {
      blocks: blocks.map((block, i) => ({ block, stdout: read(i, 'out'), stderr: read(i, 'err') })),
    };
    for (const { block, stdout, stderr } of run.blocks) checkOutputs(block, stdout, stderr, server.url);
    return run;
  } finally {
    await server.stop();
  }
}

/** Compares a block's output with the page's output blocks; stderr must be empty unless shown. */
export function checkOutputs(block: RunnableBlock, stdout: string, stderr: string, baseUrl?: string): void {
  const restore = (text: string) => (baseUrl ? text.replaceAll(baseUrl, DEFAULT_BASE_URL) : text);
  const where = `${block.page}:${block.line}`;
  if (block.expected.stdout) {
    const difference = outputDifference(block.expected.stdout, restore(stdout));
    if (difference)
      throw new Error(
        `${where}: stdout differs from the output shown at line ${block.expected.stdout.line}: ${difference}`,
      );
  }
  if (block.expected.stderr) {
    const difference = outputDifference(block.expected.stderr, restore(stderr));
    if (difference)
      throw new Error(
        `${where}: stderr differs from the output shown at line ${block.expected.stderr.line}: ${difference}`,
      );
  } else if (stderr !== '') {
    throw new Error(`${where}: the block wrote to stderr, and the page shows no stderr block:\n${stderr}`);
  }
}

function bash(script: string, cwd: string): Promise<{ code: number | null; output: string }> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of Object.keys(env))
    if (name.startsWith('ACTITO_MOCK_') || name === 'PORT' || name === 'HOST') delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output ? `\n--- bash\n${output}` : '' });
    });
  });
}
