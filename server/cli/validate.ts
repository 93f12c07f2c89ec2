import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { MockFixture } from '../../contracts/fixture.js';
import { MockFixture as MockFixtureSchema } from '../../contracts/fixture.js';
import defaultFixture from '../../fixtures/default.json' with { type: 'json' };
import type { UploadVerdict } from '../domain/validation/validate-upload.js';
import { isClean, validateEtlUpload, validateV4Upload } from '../domain/validation/validate-upload.js';
import { parseCommandLine } from './command-line.js';
import { loadFixtureFiles } from './load-fixtures.js';

const USAGE =
  'usage: actito-mock validate --definition <definition.json> --file <data> [--api v5|v4] [--table <name>] [--custom-table] [--entity <name>] [--fixtures <file or dir>] [--json]';

export const VALIDATE_HELP = `${USAGE}

Says, without a server, what an upload would give: refused (and why), failed at file level, or each
row's outcome, with the code the server runs, on a throwaway copy of the fixture.

Options:
  --definition <file>  the V5 ETL definition (or with --api v4, the V4 import parameters)
  --file <file>        the data file as it would be uploaded: CSV, zip or gzip
  --api <v5|v4>        which upload to check (default v5)
  --table <name>       V4 only: the {table} of the import URL
  --custom-table       V4 only: the import is a custom table's
  --entity <name>      the entity (default: the fixture's first)
  --fixtures <path>    a fixture file or folder, as ACTITO_MOCK_FIXTURES (default: the bundled one)
  --json               the verdict as JSON
  -h, --help           this help

Exit codes: 0 accepted with every row imported, 1 refused, failed or rows in error, 2 bad arguments.`;

/**
 * `actito-mock validate`: says, without a server, what an upload would give, with the code the
 * server runs. Exit 0 when it would be accepted and every row imported, 1 otherwise, 2 for usage.
 */
export async function validateCommand(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(VALIDATE_HELP);
    return 0;
  }
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    err(`actito-mock validate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const verdict = await judge(args);
  out(args.json ? JSON.stringify({ ok: isClean(verdict), ...verdict }, null, 2) : report(verdict, args));
  return isClean(verdict) ? 0 : 1;
}

function parse(argv: string[]) {
  const { values: given } = parseCommandLine(argv, {
    definition: { type: 'string' },
    file: { type: 'string' },
    api: { type: 'string' },
    table: { type: 'string' },
    'custom-table': { type: 'boolean' },
    entity: { type: 'string' },
    fixtures: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const values = { ...given, api: given.api ?? 'v5' };
  if (!values.definition) throw new Error('--definition is required');
  if (!values.file) throw new Error('--file is required');
  if (values.api !== 'v5' && values.api !== 'v4')
    throw new Error(`--api must be v5 or v4; got "${values.api}"`);
  if (values.api === 'v4' && !values.table)
    throw new Error('--table is required with --api v4 (V4 names the table in the URL)');
  const fixture = values.fixtures
    ? loadFixtureFiles(values.fixtures)
    : MockFixtureSchema.parse(defaultFixture);
  if (!existsSync(values.file)) throw new Error(`cannot read ${values.file}: no such file`);
  return { ...values, definitionJson: readText(values.definition), fixture, dataPath: values.file };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function judge(args: ReturnType<typeof parse>): Promise<UploadVerdict> {
  const data = {
    name: basename(args.dataPath),
    chunks: createReadStream(args.dataPath) as AsyncIterable<Uint8Array>,
  };
  const common = {
    fixture: args.fixture as MockFixture,
    definitionJson: args.definitionJson,
    data,
    now: Date.now(),
  };
  const withEntity = args.entity ? { ...common, entity: args.entity } : common;
  if (args.api === 'v4') {
    const tableType = args['custom-table'] ? 'CUSTOM_TABLE' : 'PROFILE_TABLE';
    return validateV4Upload({ ...withEntity, tableType, table: args.table as string });
  }
  return validateEtlUpload(withEntity);
}

function report(verdict: UploadVerdict, args: ReturnType<typeof parse>): string {
  const subject = `${args.dataPath} with ${args.definition} (${args.api})`;
  if (verdict.outcome === 'REFUSED') {
    const details = (verdict.error.errors ?? []).map((d) => `  ${d.path}: ${d.message}`);
    return [
      `REFUSED ${subject}: the upload would be answered ${verdict.error.code}`,
      `  ${verdict.error.message}`,
      ...details,
    ].join('\n');
  }
  if (verdict.outcome === 'FILE_FAILED') {
    return `FAILED ${subject}: the import would end in ${verdict.status} (${verdict.code})\n  ${verdict.message}`;
  }
  const { counts } = verdict;
  const head = `${verdict.status} ${subject}: ${counts.totalRows} rows, ${counts.createdRows} created, ${counts.updatedRows} updated, ${counts.skippedRows} skipped, ${counts.rowsInError} in error`;
  const lines = verdict.faults.map(
    (fault) =>
      `  line ${fault.line}${fault.column ? `, column ${fault.column}` : ''}: ${fault.message} (${fault.code})`,
  );
  return [head, ...lines].join('\n');
}
