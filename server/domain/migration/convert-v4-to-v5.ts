import type { TableType } from '../../../contracts/tables.js';
import type { V4ImportParameters } from '../../../contracts/v4.js';
import type { EtlDefinitionInput } from '../../../contracts/v5.js';
import { ActitoError } from '../errors.js';
import { checkV4Parameters } from '../v4-imports/parameters.js';

export interface ConvertV4Input {
  /** The V4 `parameters` part: parsed JSON, or its text. */
  parameters: unknown;
  /** `PROFILE_TABLE` for `.../table/{table}/import`, `CUSTOM_TABLE` for `.../customTable/{table}/import`. */
  tableType: TableType;
  /** The `{table}` of the V4 URL. */
  table: string;
}

/**
 * Something the user must look at: a V4 key with no V5 counterpart (`unmapped`), a behaviour that
 * differs between the two APIs (`changed`), or what V5 offers beyond V4 (`new-in-v5`).
 */
export interface MigrationNote {
  kind: 'unmapped' | 'changed' | 'new-in-v5';
  path: string;
  message: string;
}

export interface ConvertV4Result {
  /** A V5 one-shot ETL definition: the `definition` part of `POST .../etl-executions`. */
  definition: EtlDefinitionInput;
  notes: MigrationNote[];
}

const V4_KEYS = new Set(['mode', 'encoding', 'format', 'generateResultFile', 'attributesMapping']);
const V4_FORMAT_KEYS = new Set(['separator', 'endOfLine', 'enclosing', 'escaping']);
const TABLE_TYPES: readonly TableType[] = ['PROFILE_TABLE', 'CUSTOM_TABLE'];

/**
 * Converts a V4 import's parameters and URL table into the equivalent V5 one-shot ETL definition
 * (contract section 8), reporting what does not carry over. Invalid parameters throw
 * INVALID_DEFINITION naming the field, as the V4 route would answer.
 */
export function convertV4ImportToV5(input: ConvertV4Input): ConvertV4Result {
  const table = checkTable(input);
  const raw = typeof input.parameters === 'string' ? parseJson(input.parameters) : input.parameters;
  const parameters = checkV4Parameters(raw);
  return {
    definition: definitionOf(parameters, input.tableType, table),
    notes: [...unmappedKeys(raw as Record<string, unknown>), ...behaviourNotes(parameters, table)],
  };
}

function definitionOf(parameters: V4ImportParameters, type: TableType, table: string): EtlDefinitionInput {
  const { separator, enclosing, escaping, endOfLine } = parameters.format;
  return {
    table: { type, name: table },
    mode: parameters.mode,
    format: {
      separator,
      enclosing,
      escaping,
      ...(endOfLine !== undefined ? { endOfLine } : {}),
      encoding: parameters.encoding,
    },
    attributesMapping: parameters.attributesMapping.map(({ headerColumn, attributeName }) => ({
      headerColumn,
      attributeName,
    })),
    // V4 served the error file of every import: keep it reachable in V5.
    outputFiles: { generateResultFile: parameters.generateResultFile, generateErrorFile: true },
  };
}

function unmappedKeys(raw: Record<string, unknown>): MigrationNote[] {
  const notes: MigrationNote[] = [];
  for (const key of Object.keys(raw)) {
    if (V4_KEYS.has(key)) continue;
    notes.push({
      kind: 'unmapped',
      path: `parameters.${key}`,
      message: `"${key}" is not a V4 parameter (V4 ignored it) and has no V5 counterpart; it was left out`,
    });
  }
  const format = raw.format as Record<string, unknown>;
  for (const key of Object.keys(format)) {
    if (V4_FORMAT_KEYS.has(key)) continue;
    const message =
      key === 'encoding'
        ? `V4 reads the encoding from the top-level "encoding" and ignored format.encoding; the V5 format.encoding is the top-level one ("${String(raw.encoding ?? 'UTF-8')}"): check which one your files use`
        : `"format.${key}" is not a V4 format key (V4 ignored it) and has no V5 counterpart; it was left out`;
    notes.push({ kind: 'unmapped', path: `parameters.format.${key}`, message });
  }
  return notes;
}

function behaviourNotes(parameters: V4ImportParameters, table: string): MigrationNote[] {
  const notes: MigrationNote[] = [
    {
      kind: 'changed',
      path: 'inputFile',
      message:
        'V4 stripped a UTF-8 byte order mark (BOM) at the start of the file; V5 refuses such a file (execution ERROR): save the file as UTF-8 without BOM',
    },
    {
      kind: 'changed',
      path: 'outputFiles.generateErrorFile',
      message:
        'V4 served GET .../import/{id}/errors for every import; V5 serves errors.csv in GET .../etl-executions/{id}/output-files only when outputFiles.generateErrorFile is true, so it is set to true',
    },
    {
      kind: 'changed',
      path: 'status',
      message:
        "V4's final status FINISHED (with or without row errors) is SUCCESS or WITH_ERROR in V5; ERROR (a refused file) stays ERROR",
    },
    {
      kind: 'new-in-v5',
      path: 'definition',
      message:
        'V5 also offers transformations (TRIM, UPPERCASE, LOWERCASE, VALUE_MAPPING, DATE_FORMAT, DEFAULT_VALUE), remoteLocation, reportRecipients and file.compression / file.fileNamePattern',
    },
  ];
  if (parameters.generateResultFile) {
    notes.splice(1, 0, {
      kind: 'changed',
      path: 'outputFiles.generateResultFile',
      message:
        'V4 served the result file alone, GET .../import/{id}/result-file (a zip holding result.csv); V5 serves the same result.csv inside GET .../etl-executions/{id}/output-files, next to errors.csv',
    });
  }
  if (parameters.attributesMapping.length === 0) {
    notes.unshift({
      kind: 'changed',
      path: 'attributesMapping',
      message:
        'no attributesMapping: the mock maps header columns to attributes of the same name in V4 and V5 alike (modelled); list the mapping explicitly so Actito does not have to guess',
    });
  }
  if (/^\d+$/.test(table)) {
    notes.unshift({
      kind: 'changed',
      path: 'table.name',
      message: `"${table}" looks like a table id: if it is one, write "table": {"type": ..., "id": "${table}"} instead of "name"`,
    });
  }
  return notes;
}

function checkTable(input: ConvertV4Input): string {
  if (!TABLE_TYPES.includes(input.tableType)) {
    throw new ActitoError(
      'INVALID_DEFINITION',
      `tableType must be PROFILE_TABLE or CUSTOM_TABLE; got ${JSON.stringify(input.tableType)}.`,
      [{ path: 'tableType', message: 'expected PROFILE_TABLE or CUSTOM_TABLE' }],
    );
  }
  const table = typeof input.table === 'string' ? input.table.trim() : '';
  if (table === '') {
    throw new ActitoError(
      'INVALID_DEFINITION',
      'The table is missing: give the {table} of the V4 URL (its name, or its id).',
      [{ path: 'table', message: 'missing' }],
    );
  }
  return table;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ActitoError(
      'INVALID_DEFINITION',
      `The parameters are not valid JSON: ${(error as Error).message}.`,
      [{ path: 'parameters', message: 'not valid JSON' }],
    );
  }
}
