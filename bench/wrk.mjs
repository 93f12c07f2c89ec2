import { spawn, spawnSync } from 'node:child_process';

/** Whether wrk is on the PATH (Debian/Ubuntu: `apt-get install wrk`; macOS: `brew install wrk`). */
export function hasWrk() {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}

export const WRK_HINT =
  'wrk is not on the PATH: install it (apt-get install wrk, brew install wrk) to measure polls';

/**
 * Runs `wrk -t<threads> -c<connections> -d<seconds>s --latency` against one URL and returns
 * requests/s, the 99th percentile latency in ms and the count of non-2xx answers.
 */
export function runWrk(url, { headers = {}, threads = 1, connections = 16, seconds = 5 } = {}) {
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
      const p99 = /\s99%\s+([\d.]+)(us|ms|s)\b/.exec(out);
      if (code !== 0 || !Number.isFinite(rps) || !p99) {
        reject(new Error(`wrk ${args.join(' ')} exited with ${code}:\n${out}`));
        return;
      }
      const scale = { us: 0.001, ms: 1, s: 1000 }[p99[2]];
      const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
      const errors = /Socket errors:[^\n]*/.exec(out)?.[0] ?? null;
      resolve({ rps, p99Ms: Number(p99[1]) * scale, non2xx, errors });
    });
  });
}
