import { readFile } from 'node:fs/promises';
import { ActitoError } from '../domain/errors.js';
import { convertV4ImportToV5 } from '../domain/migration/convert-v4-to-v5.js';
import type { CommandIo } from './command-io.js';
import { processIo } from './command-io.js';
import { parseCommandLine } from './command-line.js';

export interface ConvertV4Io extends CommandIo {
  /** Reads the parameters file; `-` is stdin. */
  readText(path: string): Promise<string>;
}

export const CONVERT_V4_USAGE = `usage: actito-mock convert-v4 <parameters.json> --table <name> [--custom-table]

Converts the parameters of a V4 import (POST .../table/{table}/import, or with --custom-table
POST .../customTable/{table}/import) into a V5 one-shot ETL definition for
POST /mass-imports/v5/entities/{entity}/etl-executions. Prints the definition JSON on stdout and
notes on what does not carry over on stderr. <parameters.json> may be - for stdin.

Options:
  --table <name>  the {table} of the V4 import URL (its name or id)
  --custom-table  the V4 import was a custom table's
  -h, --help      this help

Example:
  actito-mock convert-v4 parameters.json --table Profiles > definition.json

Exit codes: 0 converted, 2 invalid input.`;

/** `actito-mock convert-v4 ...`: 0 when converted, 2 for invalid input (with a message saying what to fix). */
export async function convertV4Command(args: string[], output: CommandIo = processIo): Promise<number> {
  const io: ConvertV4Io = { ...output, readText };
  const fail = (message: string) => {
    io.stderr(`actito-mock convert-v4: ${message}`);
    return 2;
  };
  let parsed: ReturnType<typeof parseCommandLineOf>;
  try {
    parsed = parseCommandLineOf(args);
  } catch (error) {
    return fail(`${(error as Error).message}\n${CONVERT_V4_USAGE}`);
  }
  if (parsed.values.help) {
    io.stdout(CONVERT_V4_USAGE);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return fail(`name the V4 parameters file\n${CONVERT_V4_USAGE}`);
  if (extra.length > 0) return fail(`one parameters file only; got also ${extra.join(' ')}`);
  const table = parsed.values.table;
  if (table === undefined || table.trim() === '') {
    return fail('--table <name> is missing: give the {table} of the V4 import URL (its name or id)');
  }
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const tableType = parsed.values['custom-table'] ? 'CUSTOM_TABLE' : 'PROFILE_TABLE';
    const { definition, notes } = convertV4ImportToV5({ parameters: text, tableType, table });
    io.stdout(JSON.stringify(definition, null, 2));
    for (const note of notes) io.stderr(`note (${note.kind}) ${note.path}: ${note.message}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ActitoError)) throw error;
    const details = error.details.map((d) => `\n  ${d.path}: ${d.message}`).join('');
    return fail(`${file}: ${error.message}${details}`);
  }
}

function parseCommandLineOf(args: string[]) {
  return parseCommandLine(
    args,
    {
      table: { type: 'string' },
      'custom-table': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    Number.POSITIVE_INFINITY,
  );
}

function readText(path: string): Promise<string> {
  return path === '-' ? readStdin() : readFile(path, 'utf8');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
