import type { CommandIo } from './command-io.js';
import { parseCommandLine, UsageError } from './command-line.js';

export const HEALTHCHECK_HELP = `usage: actito-mock healthcheck [--port <port>]

Exits 0 when a mock answers GET /__mock/health on 127.0.0.1 within 2 seconds, 1 otherwise
(the Docker image's HEALTHCHECK). Prints the URL and the answer.

Options:
  --port <port>  the mock's port (default: PORT, else 8080)
  -h, --help     this help`;

const OPTIONS = { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** `actito-mock healthcheck`: 0 when the mock answers, 1 when not, 2 for bad arguments. */
export async function healthcheckCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  let port: string;
  try {
    const { values } = parseCommandLine(args, OPTIONS);
    if (values.help) {
      io.stdout(HEALTHCHECK_HELP);
      return 0;
    }
    port = values.port ?? (env.PORT || '8080');
    if (!/^\d{1,5}$/.test(port)) throw new UsageError(`--port must be a port number; got "${port}"`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(
      `actito-mock healthcheck: ${error.message}\nRun "actito-mock healthcheck --help" for the flags.`,
    );
    return 2;
  }
  const url = `http://127.0.0.1:${port}/__mock/health`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    io.stdout(`${url}: ${response.status}`);
    return response.ok ? 0 : 1;
  } catch (error) {
    io.stdout(`${url}: ${(error as Error).message}`);
    return 1;
  }
}
