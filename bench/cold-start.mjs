import { spawn } from 'node:child_process';
import { startArgs } from './server-process.mjs';

/**
 * Spawn to first 200: starts a node process on port 0 (no preload, no flag), waits for the URL it
 * prints, then for `GET /__mock/health` to answer 200. Returns the milliseconds from spawn.
 */
export async function coldStartMs(root, side) {
  const args =
    side === 'mock' ? startArgs(root) : [`${root}bench/bare-hono.mjs`, JSON.stringify({ status: 'SUCCESS' })];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`${side} exited with ${code}: ${output}`)));
    });
    for (;;) {
      const ok = await fetch(`${url}/__mock/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
    }
  } finally {
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}
