import type { ActitoMockServer } from '../adapters/node.js';
import { MOCK_VERSION } from '../http/version.js';
import type { CommandIo } from './command-io.js';
import { processIo } from './command-io.js';

interface Command {
  summary: string;
  help(): Promise<string>;
  /** The exit code, or the server `serve` keeps running. */
  run(args: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number | ActitoMockServer>;
}

// Each command is loaded only when used: `healthcheck` and `convert-v4` do not load the server.
const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'serve the mock over HTTP (the default: "actito-mock --port 0" serves too)',
    help: async () => (await import('./serve.js')).serveHelp(),
    run: async (args, env, io) => (await import('./serve.js')).serveCommand(args, env, io),
  },
  validate: {
    summary: 'check an upload offline: would it be accepted, and what would each row give?',
    help: async () => (await import('./validate.js')).VALIDATE_HELP,
    run: async (args, _env, io) =>
      (await import('./validate.js')).validateCommand(args, io.stdout, io.stderr),
  },
  'convert-v4': {
    summary: 'turn the parameters of a V4 import into a V5 ETL definition',
    help: async () => (await import('./convert-v4.js')).CONVERT_V4_USAGE,
    run: async (args, _env, io) => (await import('./convert-v4.js')).convertV4Command(args, io),
  },
  healthcheck: {
    summary: 'exit 0 when a mock answers on 127.0.0.1:PORT (the Docker HEALTHCHECK)',
    help: async () => (await import('./healthcheck.js')).HEALTHCHECK_HELP,
    run: async (args, env, io) => (await import('./healthcheck.js')).healthcheckCommand(args, env, io),
  },
};

const HELP_FLAGS = new Set(['-h', '--help']);
const VERSION_FLAGS = new Set(['-v', '--version']);

/**
 * `actito-mock [command] [options]`: help and version at the top, `help <command>`, and a command;
 * flags with no command go to `serve`. Resolves to the exit code, or null while `serve` serves.
 */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo = processIo,
): Promise<number | null> {
  const [first, ...rest] = argv;
  if (first !== undefined && HELP_FLAGS.has(first)) return print(io, await topHelp());
  if (first !== undefined && VERSION_FLAGS.has(first)) return print(io, MOCK_VERSION);
  if (first === 'help') return helpOf(rest, io);
  const [name, args] = first === undefined || first.startsWith('-') ? ['serve', argv] : [first, rest];
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(
      `actito-mock: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}.\nRun "actito-mock --help" for more.`,
    );
    return 2;
  }
  const result = await command.run(args, env, io);
  if (typeof result === 'number') return result;
  stopOnSignals(result);
  return null;
}

function print(io: CommandIo, text: string): number {
  io.stdout(text);
  return 0;
}

async function helpOf([name, ...extra]: string[], io: CommandIo): Promise<number> {
  if (name === undefined) return print(io, await topHelp());
  const command = COMMANDS[name];
  if (!command || extra.length > 0) {
    io.stderr(
      `actito-mock help: ${command ? `one command at a time; got also ${extra.join(' ')}` : `unknown command "${name}"`}; commands: ${Object.keys(COMMANDS).join(', ')}.`,
    );
    return 2;
  }
  return print(io, await command.help());
}

async function topHelp(): Promise<string> {
  const { SERVE_SETTINGS } = await import('./serve-settings.js');
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((name) => name.length), 'help [command]'.length);
  const envWidth = Math.max(...SERVE_SETTINGS.map((s) => s.env.length));
  const flagWidth = Math.max(...SERVE_SETTINGS.map((s) => s.flag.length + 2));
  return [
    `actito-mock ${MOCK_VERSION}: a local Actito for tests (V5 one-shot and persistent ETLs, webhooks, V4 bulk imports, single-record APIs)`,
    '',
    'usage: actito-mock [command] [options]',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(width)}  ${(COMMANDS[name] as Command).summary}`),
    `  ${'help [command]'.padEnd(width)}  this help, or a command's (the same as actito-mock <command> --help)`,
    '',
    'Options:',
    '  -h, --help     this help',
    '  -v, --version  the version',
    '',
    'Environment variables of serve (each has a flag, which wins over it):',
    ...SERVE_SETTINGS.map(
      (s) => `  ${s.env.padEnd(envWidth)}  ${`--${s.flag}`.padEnd(flagWidth)}  ${s.value}`,
    ),
    'What each one does: actito-mock serve --help.',
    '',
    'Start with "actito-mock serve", then:',
    "  curl -H 'Authorization: mock-api-key' http://127.0.0.1:8080/auth/token",
  ].join('\n');
}

function stopOnSignals(server: ActitoMockServer): void {
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
