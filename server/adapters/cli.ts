#!/usr/bin/env node
import { healthcheckCommand } from '../cli/healthcheck.js';
import { serveCommand } from '../cli/serve.js';

/** `actito-mock [command]`: the bin, `npm start` and the Docker image's command. */
async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === 'serve') {
    await serveCommand(process.env, (line) => console.log(line));
    return -1;
  }
  if (command === 'healthcheck') return healthcheckCommand(process.env, (line) => console.log(line));
  console.error(`actito-mock: unknown command "${command}"; commands: serve (default), healthcheck`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`actito-mock: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
