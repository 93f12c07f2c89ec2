import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { MockFixture } from '../../../contracts/fixture.js';
import defaultFixture from '../../../fixtures/default.json' with { type: 'json' };
import { createManualClock } from '../clock.js';
import { EntityState } from '../entity.js';
import { createCsvLineEncoder, readCsvBatches } from '../files/index.js';
import { seededRandom } from '../ids.js';
import type { Table } from '../tables/table.js';
import { ImportRun } from './import-run.js';
import type { ImportSpec } from './import-spec.js';
import { planImport } from './plan.js';
import { RESULT_FILE_COLUMNS, resultFileChunks } from './result-file.js';
import { stageFile } from './stage.js';

const fixture = MockFixture.parse(defaultFixture);

function spec(format: Partial<ImportSpec['format']>): ImportSpec {
  return {
    mode: 'CREATE_UPDATE',
    format: {
      separator: ';',
      enclosing: '"',
      escaping: '"',
      endOfLine: undefined,
      encoding: 'UTF-8',
      ...format,
    },
    compression: undefined,
    bom: 'strip',
    attributesMapping: [],
    transformations: [],
    pathPrefix: 'definition.',
    generateResultFile: true,
    generateErrorFile: true,
  };
}

/** What the result file was before it was cut from the file: every row's parsed fields, encoded. */
async function reference(bytes: Uint8Array, importSpec: ImportSpec, run: ImportRun): Promise<string> {
  const plan = planImport(run.options.table as Table, importSpec, 0);
  const encode = createCsvLineEncoder({
    ...importSpec.format,
    endOfLine: importSpec.format.endOfLine ?? '\n',
  });
  const lines: Uint8Array[] = [];
  let row = -1;
  for await (const batch of readCsvBatches(chunks(bytes), plan.read)) {
    for (const record of batch) {
      const outcome = run.outcome;
      if (row === -1) lines.push(encode([...record.fields, ...RESULT_FILE_COLUMNS]));
      else if (outcome) {
        const status = ['CREATED', 'UPDATED', 'SKIPPED', 'ERROR'][outcome.statuses[row] as number] as string;
        lines.push(encode([...record.fields, status, outcome.messages.get(row) ?? '']));
      }
      row += 1;
    }
  }
  return Buffer.concat(lines).toString('latin1');
}

async function* chunks(bytes: Uint8Array, size = 7) {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

async function resultOf(
  bytes: Uint8Array,
  importSpec: ImportSpec,
): Promise<{ actual: string; expected: string }> {
  const clock = createManualClock('2026-05-01T10:00:00Z');
  const entity = new EntityState('demo', fixture.entities[0] as (typeof fixture.entities)[0], clock.now());
  const table = entity.tableByNameOrId('PROFILE_TABLE', 'Profiles') as Table;
  const staged = await stageFile(planImport(table, importSpec, clock.now()), chunks(bytes));
  expect(staged.fileError).toBeNull();
  const run = new ImportRun({
    kind: 'v5.etlExecution',
    table,
    spec: importSpec,
    staged,
    clock,
    policy: () => ({ type: 'immediate' }),
  });
  const parts: Uint8Array[] = [];
  for await (const chunk of resultFileChunks(importSpec, run.staged, run.outcome)) parts.push(chunk);
  return {
    actual: Buffer.concat(parts).toString('latin1'),
    expected: await reference(bytes, importSpec, run),
  };
}

const VALUES = [
  'a@x.com',
  ' spaced',
  'trail ',
  'semi;colon',
  'quo"te',
  'multi\nline',
  'é',
  '',
  'plain',
  'x y',
];

function quoted(value: string, separator: string, random: () => number): string {
  const needs = /[;,"\r\n]/.test(value) || value.includes(separator);
  if (!needs && random() < 0.7) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

describe('the result file, cut from the uploaded file', () => {
  it('is what encoding every parsed row writes, whatever the quoting, spaces, line breaks and blank lines', async () => {
    const random = seededRandom(42);
    for (const [index, endOfLine] of (['\n', '\r\n', '\r'] as const).entries()) {
      for (const encoding of ['UTF-8', 'ISO-8859-1'] as const) {
        const lines = ['emailAddress;firstName;lastName'];
        for (let row = 0; row < 60; row += 1) {
          const fields = [
            `r${index}${row}@x.com`,
            ...[0, 1].map(() => VALUES[Math.floor(random() * VALUES.length)] as string),
          ];
          lines.push(fields.map((value) => quoted(value, ';', random)).join(';'));
          if (random() < 0.1) lines.push('');
          if (random() < 0.05) lines.push('   ');
        }
        const text = lines.join(endOfLine) + (random() < 0.5 ? endOfLine : '');
        const bytes = Buffer.from(text, encoding === 'UTF-8' ? 'utf8' : 'latin1');
        const { actual, expected } = await resultOf(bytes, spec({ encoding }));
        expect(actual).toBe(expected);
      }
    }
  });

  it('copies rows of a declared end-of-line, a UTF-8 BOM and a tab separator alike', async () => {
    const text = '\ufeffemailAddress\tfirstName\r\na@x.com\tAnn\r\n"b@x.com"\t Bob\r\nc@x.com\tCé\r\n';
    const { actual, expected } = await resultOf(
      Buffer.from(text, 'utf8'),
      spec({ separator: '\t', endOfLine: '\r\n' }),
    );
    expect(actual).toBe(expected);
    expect(actual).toContain('a@x.com\tAnn\tCREATED\t\r\n');
  });
});
