import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../server/cli/run-cli.js';
import { SERVE_SETTINGS } from '../server/cli/serve-settings.js';
import { connectActitoMock } from '../server/index.js';
import { ActitoTestClient } from './helpers/actito-client.js';
import type { BinRun, ServerProcess } from './helpers/server-process.js';
import { ROOT, runBin, startServerProcess } from './helpers/server-process.js';

const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

type Run = BinRun;

/** The bin, on a free port if it serves. */
const run = (args: string[], env: Record<string, string> = {}) =>
  runBin(args, { env: { PORT: '0', ...env } });

/** Runs the CLI in this process, as the bin does, with its output captured (nothing may start). */
async function runHere(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text: string) => {
      stdout += `${text}\n`;
    },
    stderr: (text: string) => {
      stderr += `${text}\n`;
    },
  };
  const code = await runCli(args, { PORT: '0', ...env }, io);
  return { code, stdout, stderr };
}

describe('the command line', () => {
  it('explains itself with --help, -h and help: commands, options and every environment variable', async () => {
    const [bin, ...others] = await Promise.all([run(['--help']), runHere(['-h']), runHere(['help'])]);
    for (const { code, stdout, stderr } of [bin, ...others]) {
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toBe(bin?.stdout);
    }
    const help = bin?.stdout ?? '';
    expect(help).toMatch(/^actito-mock \d+\.\d+\.\d+: /);
    expect(help).toContain('usage: actito-mock [command] [options]');
    for (const command of ['serve', 'validate', 'convert-v4', 'healthcheck', 'help [command]'])
      expect(help).toMatch(new RegExp(`^  ${command.replace(/[[\]]/g, '\\$&')} +\\S`, 'm'));
    for (const setting of SERVE_SETTINGS)
      expect(help).toMatch(new RegExp(`^  ${setting.env} +--${setting.flag} +\\S`, 'm'));
  });

  it("prints each command's help, through --help and through help <command>, without starting anything", async () => {
    for (const command of ['serve', 'validate', 'convert-v4', 'healthcheck']) {
      const viaFlag = await runHere([command, '--help']);
      expect(viaFlag).toMatchObject({ code: 0, stderr: '' });
      expect(viaFlag.stdout).toMatch(new RegExp(`^usage: actito-mock (\\[serve\\]|${command})`));
      expect((await runHere(['help', command])).stdout).toBe(viaFlag.stdout);
      expect((await runHere([command, '-h'])).stdout).toBe(viaFlag.stdout);
    }
    const serveHelp = (await run(['serve', '--help'])).stdout;
    for (const setting of SERVE_SETTINGS)
      expect(serveHelp).toMatch(new RegExp(`^  --${setting.flag} \\S+ +${setting.env}$`, 'm'));
    expect(serveHelp).toContain('-q, --quiet');
    expect(serveHelp).not.toContain('listening on');
  });

  it('prints its version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect((await runHere(['-v'])).stdout).toBe(`${VERSION}\n`);
  });

  it('exits 2 naming every unknown flag, for each command, and starts no server', async () => {
    const bin = await run(['serve', '--port', '18292', '--bogus']);
    expect(bin).toEqual({
      code: 2,
      stdout: '',
      stderr: 'actito-mock serve: unknown option --bogus\nRun "actito-mock serve --help" for the flags.\n',
    });
    const cases: [string[], string][] = [
      [['--port', '18292', '--bogus', '-x'], 'actito-mock serve: unknown options --bogus, -x\n'],
      [['serve', '--port'], 'actito-mock serve: --port needs a value\n'],
      [['serve', 'now'], 'actito-mock serve: unexpected argument "now"\n'],
      [
        ['validate', '--definiton', 'd.json'],
        'actito-mock validate: unknown option --definiton; unexpected argument "d.json"\n',
      ],
      [['convert-v4', 'p.json', '--tabel', 'T'], 'actito-mock convert-v4: unknown option --tabel\n'],
      [['healthcheck', '--bogus'], 'actito-mock healthcheck: unknown option --bogus\n'],
      [
        ['bogus'],
        'actito-mock: unknown command "bogus"; commands: serve, validate, convert-v4, healthcheck.\n',
      ],
      [['help', 'bogus'], 'actito-mock help: unknown command "bogus"'],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runHere(args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(stderr.startsWith(message), `${args.join(' ')}: ${stderr}`).toBe(true);
    }
  });

  it('exits 2 naming the flag or the variable of a bad setting, and starts no server', async () => {
    const bin = await run(['--progression', 'sometimes']);
    expect(bin).toMatchObject({ code: 2, stdout: '' });
    expect(bin.stderr).toMatch(
      /^actito-mock serve: --progression: invalid progression "sometimes": expected immediate/,
    );
    const cases: [string[], Record<string, string>, string][] = [
      [[], { ACTITO_MOCK_V4: 'gone' }, 'ACTITO_MOCK_V4: invalid V4 setting "gone"'],
      [['--clock', 'sundial'], {}, '--clock: expected system or manual[:<ISO start>]; got "sundial"'],
      [['--fixtures', '/no/such/place'], {}, '--fixtures: /no/such/place: no such file or folder'],
      [['--quiet', '--log', 'json'], {}, '--quiet contradicts --log json'],
      [[], { PORT: 'http' }, 'PORT: expected a whole number from 0 to 65535; got "http"'],
    ];
    for (const [args, env, message] of cases) {
      const { code, stdout, stderr } = await runHere(args, env);
      expect({ args, env, code, stdout }).toEqual({ args, env, code: 2, stdout: '' });
      expect(stderr.startsWith(`actito-mock serve: ${message}`), stderr).toBe(true);
      expect(stderr).toContain('Run "actito-mock serve --help" for the flags.');
    }
  });

  it('exits 1 when the address is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    const result = await run(['--port', String(port)]);
    blocker.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^actito-mock serve: cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`),
    );
  });

  it('serves with flags over the environment', async () => {
    const server = await startServerProcess({ PORT: 'not-a-port', ACTITO_MOCK_PROGRESSION: 'manual' }, [
      '--port',
      '0',
      '--progression',
      'immediate',
      '--v4',
      'removed',
      '--limits',
      'maxConcurrentRequests=9',
    ]);
    try {
      const control = connectActitoMock(server.url, { tenant: 'cli-flags' });
      expect(await control.getProgression()).toEqual({
        'v5.etlExecution': { type: 'immediate' },
        'v4.import': { type: 'immediate' },
      });
      expect(await control.getSettings()).toMatchObject({
        v4Sunset: 'removed',
        limits: { maxConcurrentRequests: 9, maxImportsPerTablePerDay: 12 },
      });
      expect(server.output()).toContain('V4 imports: removed');
    } finally {
      await server.stop();
    }
  });
});

describe('the request log', () => {
  async function exercise(url: string): Promise<void> {
    const client = new ActitoTestClient(url, 'log-1');
    await client.login();
    await client.get('/mass-imports/v5/entities/demo/etl-executions/42?view=full');
    await fetch(`${url}/__mock/health`, { headers: { 'x-mock-tenant': 'no good' } });
  }

  /** The lines after the line `after` matches (all lines when null), once `count` of them arrived. */
  function requestLines(server: ServerProcess, count: number, after: RegExp | null): Promise<string[]> {
    const logged = () => {
      const lines = server.output().split('\n');
      return lines.slice(after ? lines.findIndex((line) => after.test(line)) + 1 : 0).filter(Boolean);
    };
    return new Promise((resolve, reject) => {
      const check = () => {
        if (logged().length < count) return;
        clearTimeout(timer);
        server.process.stdout?.off('data', check);
        resolve(logged());
      };
      const timer = setTimeout(
        () => reject(new Error(`fewer than ${count} lines in:\n${server.output()}`)),
        5000,
      );
      server.process.stdout?.on('data', check);
      check();
    });
  }

  it('prints one line per request: time, tenant, method, path, status, error code, duration', async () => {
    const server = await startServerProcess();
    try {
      await exercise(server.url);
      const lines = await requestLines(server, 3, /one line per request below/);
      const time = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
      expect(lines[0]).toMatch(new RegExp(`^${time} log-1 GET /auth/token 200 - [\\d.]+ms$`));
      expect(lines[1]).toMatch(
        new RegExp(
          `^${time} log-1 GET /mass-imports/v5/entities/demo/etl-executions/42\\?view=full 404 UNKNOWN_EXECUTION [\\d.]+ms$`,
        ),
      );
      expect(lines[2]).toMatch(
        new RegExp(`^${time} - GET /__mock/health 400 INVALID_CONTROL_REQUEST [\\d.]+ms$`),
      );
    } finally {
      await server.stop();
    }
  });

  it('prints one JSON object per line with --log json, the banner included', async () => {
    const server = await startServerProcess({}, ['--log', 'json']);
    try {
      await exercise(server.url);
      const lines = await requestLines(server, 4, null);
      const [banner, ...requests] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(banner).toMatchObject({
        event: 'listening',
        url: server.url,
        apiKeys: ['mock-api-key'],
        entities: [expect.objectContaining({ name: 'demo' })],
        progression: { type: 'afterPolls', polls: 1 },
      });
      expect(requests[1]).toEqual({
        event: 'request',
        time: expect.any(String),
        tenant: 'log-1',
        method: 'GET',
        path: '/mass-imports/v5/entities/demo/etl-executions/42?view=full',
        status: 404,
        errorCode: 'UNKNOWN_EXECUTION',
        errorMessage: expect.stringContaining('42'),
        durationMs: expect.any(Number),
      });
      expect(requests[2]).toMatchObject({ tenant: null, status: 400, errorCode: 'INVALID_CONTROL_REQUEST' });
    } finally {
      await server.stop();
    }
  });

  it('prints no request line with --quiet (nor with ACTITO_MOCK_LOG=off)', async () => {
    for (const [env, args] of [
      [{}, ['--quiet']],
      [{ ACTITO_MOCK_LOG: 'off' }, []],
    ] as const) {
      const server = await startServerProcess(env, [...args]);
      try {
        await exercise(server.url);
        await connectActitoMock(server.url, { tenant: 'log-1' }).verify({ path: '/mass-imports/**' }, 1);
        const lines = server.output().trimEnd().split('\n');
        expect(lines.at(-1)).toBe('  request log off');
      } finally {
        await server.stop();
      }
    }
  });
});
