import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm start`'s command, read from package.json: the tests start exactly what users and the image run. */
export function startCommand(): string[] {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(' ');
}

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the mock as a real process on a free port and waits for the line that gives its URL. */
export function startServerProcess(
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<ServerProcess> {
  const [command, ...commandArgs] = startCommand();
  const entry = commandArgs[0];
  if (entry && !existsSync(`${ROOT}${entry}`)) {
    throw new Error(`${entry} is missing: run "npm run build" first (npm test does it).`);
  }
  const child = spawn(command as string, [...commandArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The text banner and the JSON one (`"message":"actito-mock listening on http://..."`) alike.
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1] as string,
        process: child,
        output: () => output,
        stop: () => stopProcess(child),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm start`'s command with these arguments, as users run the bin, and collects its output;
 * async, so several run side by side. A process still running after 15 s (a server that should not
 * have started) is killed.
 */
export function runBin(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<BinRun> {
  const [command, ...commandArgs] = startCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, [...commandArgs, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
