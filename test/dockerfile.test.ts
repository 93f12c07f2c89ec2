import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from './helpers/server-process.js';
import { ROOT, startCommand, startServerProcess } from './helpers/server-process.js';

const dockerfile = readFileSync(`${ROOT}Dockerfile`, 'utf8');

function instruction(name: string): string[] {
  const line = dockerfile
    .split('\n')
    .filter((l) => l.startsWith(`${name} `))
    .at(-1) as string;
  return JSON.parse(line.slice(line.indexOf('['))) as string[];
}

describe('the Docker image', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server.stop());

  it('runs the same command as npm start, which the server tests start', () => {
    expect(instruction('CMD')).toEqual(startCommand());
  });

  it('listens on 0.0.0.0:8080', () => {
    expect(dockerfile).toMatch(/ENV .*HOST=0\.0\.0\.0/);
    expect(dockerfile).toMatch(/ENV .*PORT=8080/);
    expect(dockerfile).toMatch(/EXPOSE 8080/);
  });

  it('has a HEALTHCHECK that passes against a running mock and fails without one', () => {
    const healthcheck = dockerfile.match(/HEALTHCHECK .*CMD (\[.*\])/)?.[1];
    const argv = JSON.parse(healthcheck as string) as string[];
    const port = new URL(server.url).port;
    const ok = spawnSync(argv[0] as string, argv.slice(1), {
      cwd: ROOT,
      env: { ...process.env, PORT: port },
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    const down = spawnSync(argv[0] as string, argv.slice(1), {
      cwd: ROOT,
      env: { ...process.env, PORT: '1' },
      encoding: 'utf8',
    });
    expect(down.status).toBe(1);
  });
});
