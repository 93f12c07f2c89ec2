#!/usr/bin/env node

import { runCli } from '../cli/run-cli.js';

/** `actito-mock [command]`: the bin, `npm start` and the Docker image's command. */
runCli(process.argv.slice(2), process.env).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    console.error('actito-mock: unexpected error', error);
    process.exitCode = 1;
  },
);
