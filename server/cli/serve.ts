import type { ActitoMockServer } from '../adapters/node.js';
import { startServer } from '../adapters/node.js';
import { watchDropFolder } from '../drop-folder/watch-drop-folder.js';
import type { RequestListener } from '../http/request-log.js';
import { createActitoMock } from '../mock.js';
import type { CommandIo } from './command-io.js';
import type { OptionSpec } from './command-line.js';
import { parseCommandLine, UsageError } from './command-line.js';
import { lineBuffer } from './line-buffer.js';
import {
  listeningJsonLine,
  listeningSummary,
  listeningTextLines,
  requestJsonLine,
  requestTextLine,
} from './log-lines.js';
import type { LogFormat } from './serve-settings.js';
import { SERVE_SETTINGS, serveConfig } from './serve-settings.js';

const SERVE_OPTIONS: Record<string, OptionSpec> = {
  ...Object.fromEntries(SERVE_SETTINGS.map((setting) => [setting.flag, { type: 'string' } as const])),
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

/** `actito-mock serve --help`: every flag with the variable it mirrors. */
export function serveHelp(): string {
  const rows = SERVE_SETTINGS.map((s) => [`--${s.flag} ${s.value}`, s.env, s.help]);
  rows.push(['-q, --quiet', '', 'no request log (the same as --log off)'], ['-h, --help', '', 'this help']);
  const width = Math.max(...rows.map((row) => (row[0] as string).length));
  const table = rows.flatMap(([flag, env, help]) => [
    `  ${(flag as string).padEnd(width)}  ${env}`.trimEnd(),
    ...wrap(help as string, 92).map((line) => `      ${line}`),
  ]);
  return [
    'usage: actito-mock [serve] [options]',
    '',
    'Serves the mock over HTTP until stopped (Ctrl+C, SIGTERM): the Actito V5 and V4 routes, /auth/token,',
    'the control plane under /__mock and the OpenAPI document at /openapi.json. Prints the URL, the API',
    'key and the entities served, then one line per request.',
    '',
    'Options, each with the environment variable it mirrors (a flag wins over its variable):',
    ...table,
    '',
    'Examples:',
    '  actito-mock serve --port 0 --progression immediate',
    '  actito-mock serve --clock manual:2026-03-02T09:00:00Z --log json',
    '  PORT=9000 ACTITO_MOCK_FIXTURES=./fixtures actito-mock',
    '',
    'Exit codes: 2 for a bad flag or setting (nothing is started), 1 when the address is taken.',
  ].join('\n');
}

/**
 * `actito-mock serve`: checks every argument and setting first (a bad one starts nothing), then
 * serves until a signal. Returns the exit code of a failed start, or the running server.
 */
export async function serveCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number | ActitoMockServer> {
  let flags: ReturnType<typeof parseCommandLine<typeof SERVE_OPTIONS>>['values'];
  let config: ReturnType<typeof serveConfig>;
  try {
    flags = parseCommandLine(args, SERVE_OPTIONS).values;
    if (flags.help) {
      io.stdout(serveHelp());
      return 0;
    }
    if (flags.quiet && flags.log !== undefined && flags.log !== 'off')
      throw new UsageError(`--quiet contradicts --log ${flags.log}; give one of them`);
    config = serveConfig(flags as Record<string, string | undefined>, env);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof TypeError)) throw error;
    io.stderr(`actito-mock serve: ${error.message}\nRun "actito-mock serve --help" for the flags.`);
    return 2;
  }
  const log: LogFormat = flags.quiet ? 'off' : config.log;
  const lines = lineBuffer(io.stdout);
  const onRequest = requestLogger(log, lines.line);
  const mock = createActitoMock({ ...config.mock, ...(onRequest ? { onRequest } : {}) });
  let server: ActitoMockServer;
  try {
    // The CLI owns its process: it takes @hono/node-server's fast path (global Request/Response).
    server = await startServer({ mock, port: config.port, host: config.host, overrideGlobalObjects: true });
  } catch (error) {
    io.stderr(
      `actito-mock serve: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`,
    );
    return 1;
  }
  const { dir, stableMs } = config.drop;
  const dropFolder = dir === null ? null : { dir, stableMs };
  const watcher = dropFolder
    ? await watchDropFolder(mock, dropFolder.dir, { stableMs, log: lines.line })
    : null;
  const summary = listeningSummary(server, mock, dropFolder);
  if (log === 'json') io.stdout(listeningJsonLine(summary));
  else for (const line of listeningTextLines(summary, log === 'text')) io.stdout(line);
  return {
    ...server,
    close: async () => {
      await Promise.all([server.close(), watcher?.close()]);
      lines.flush();
    },
  };
}

function requestLogger(log: LogFormat, print: (line: string) => void): RequestListener | null {
  if (log === 'text') return (entry) => print(requestTextLine(entry));
  if (log === 'json') return (entry) => print(requestJsonLine(entry));
  return null;
}

/** Words on lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
