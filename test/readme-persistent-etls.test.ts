import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from './helpers/server-process.js';
import { ROOT, startServerProcess } from './helpers/server-process.js';

/** The shell block of the README's "With curl" walk-through of persistent ETLs, and what it prints. */
function walkThrough(): { script: string; printed: string } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Persistent ETLs and webhooks'));
  const curl = section.slice(section.indexOf('### With curl'));
  const [, script, printed] = /```sh\n([\s\S]*?)```[\s\S]*?```\n([\s\S]*?)```/.exec(curl) ?? [];
  return { script: script as string, printed: printed as string };
}

describe('the README walk-through of persistent ETLs', () => {
  let server: ServerProcess;
  const cwd = mkdtempSync(join(tmpdir(), 'actito-mock-readme-'));
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('runs as pasted against a fresh npm start and prints what the README says', () => {
    const { script, printed } = walkThrough();
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
      cwd,
      env: { ...process.env, BASE: server.url },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    const expected = printed.replaceAll('<today>', today).trim().split('\n');
    const lines = run.stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(expected.slice(0, -1));
    expect(JSON.parse(lines.at(-1) as string)).toEqual({
      settled: true,
      inFlight: 0,
      scheduled: 1,
      nextAttemptAt: expect.any(String),
      delivered: 0,
      failed: 0,
    });
  });
});
