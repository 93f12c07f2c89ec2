import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Starts the mock as `npm start` does (the command read from package.json, PORT=0), with
 * `--expose-gc --import bench/server-probe.mjs` put before the script for the memory probe and
 * any extra node flags (e.g. --cpu-prof). Resolves once it prints the URL it listens on.
 */
export function startServer(root, { env = {}, nodeFlags = [] } = {}) {
  return startProcess(root, 'mock', { env, nodeFlags });
}

/** `npm start`'s script and arguments, read from package.json. */
export function startArgs(root) {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const [command, ...args] = pkg.scripts.start.split(' ');
  if (command !== 'node') throw new Error(`npm start runs "${command}", the bench expects node`);
  return args;
}

/**
 * Starts a node process (the mock as `npm start` runs it, or `script` with `args`) with the memory
 * probe preloaded, and resolves once it prints the URL it listens on.
 */
export function startProcess(root, name, { script, args = [], env = {}, nodeFlags = [] } = {}) {
  const scriptArgs = script ? [`${root}${script}`, ...args] : [...startArgs(root), ...args];
  const probe = ['--expose-gc', '--import', `${root}bench/server-probe.mjs`];
  const child = spawn(process.execPath, [...probe, ...nodeFlags, ...scriptArgs], {
    cwd: root,
    // The request log (one stdout line per request) is off: the bench measures serving, not printing.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ACTITO_MOCK_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = new ServerProcess(child, name);
  return server.started();
}

class ServerProcess {
  output = '';
  probes = [];
  waiting = null;

  constructor(child, name) {
    this.child = child;
    this.name = name;
    this.pid = child.pid;
    child.stdout.on('data', (chunk) => {
      this.output += chunk;
    });
    let pending = '';
    child.stderr.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) this.onStderrLine(line);
    });
  }

  started() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not start:\n${this.output}`)),
        15_000,
      );
      const check = () => {
        const match = /listening on (http:\/\/\S+)/.exec(this.output);
        if (!match) return;
        clearTimeout(timer);
        this.child.stdout.off('data', check);
        this.url = match[1];
        resolve(this);
      };
      this.child.stdout.on('data', check);
      this.child.once('exit', (code) =>
        reject(new Error(`${this.name} exited with ${code}:\n${this.output}`)),
      );
    });
  }

  onStderrLine(line) {
    if (line.startsWith('BENCH-PROBE ')) {
      const memory = JSON.parse(line.slice('BENCH-PROBE '.length));
      this.waiting?.(memory);
      this.waiting = null;
    } else if (line.trim()) {
      this.output += `${line}\n`;
    }
  }

  /** Heap figures (bytes) after a full GC in the server. */
  probe() {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.child.kill('SIGUSR2');
    });
  }

  stop() {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
