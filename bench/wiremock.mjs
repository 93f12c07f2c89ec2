import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname } from 'node:path';

/** The standalone jar that the `wiremock` npm package ships, or null when it is not installed. */
export function wiremockJar() {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('wiremock/package.json'));
    const jar = readdirSync(`${root}/build`).find((name) => name.endsWith('.jar'));
    return jar ? `${root}/build/${jar}` : null;
  } catch {
    return null;
  }
}

export function hasJava() {
  return spawnSync('java', ['-version'], { encoding: 'utf8' }).error === undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts WireMock (its request journal on, as by default) on 127.0.0.1 and stubs GET `path` with
 * the JSON `body`. Resolves once the stub answers.
 */
export async function startWiremock(jar, path, body) {
  const port = await freePort();
  const child = spawn(
    'java',
    ['-jar', jar, '--port', String(port), '--bind-address', '127.0.0.1', '--disable-banner'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WireMock exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`WireMock did not start:\n${output}`);
    const ok = await fetch(`${url}/__admin/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const stub = {
    request: { method: 'GET', urlPath: path },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  };
  const created = await fetch(`${url}/__admin/mappings`, { method: 'POST', body: JSON.stringify(stub) });
  if (created.status !== 201) throw new Error(`WireMock stub: ${created.status} ${await created.text()}`);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
