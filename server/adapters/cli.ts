#!/usr/bin/env node

/**
 * `actito-mock [command]`: the bin, `npm start` and the Docker image's command. Each command is
 * loaded only when used, so `healthcheck` and `convert-v4` do not pay for loading the server.
 */
const out = (text: string) => console.log(text);
const err = (text: string) => console.error(text);

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  serve: async () => {
    const { serveCommand } = await import('../cli/serve.js');
    await serveCommand(process.env, out);
    return -1;
  },
  healthcheck: async () => (await import('../cli/healthcheck.js')).healthcheckCommand(process.env, out),
  'convert-v4': async (args) => (await import('../cli/convert-v4.js')).convertV4Command(args),
  validate: async (args) => (await import('../cli/validate.js')).validateCommand(args, out, err),
};

async function main([command = 'serve', ...args]: string[]): Promise<number> {
  const run = COMMANDS[command];
  if (run) return run(args);
  err(
    `actito-mock: unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(', ')} (serve is the default)`,
  );
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    err(`actito-mock: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
