import { describe, expect, it } from 'vitest';
import { MockFixture } from '../../../contracts/fixture.js';
import defaultFixture from '../../../fixtures/default.json' with { type: 'json' };
import { createManualClock } from '../clock.js';
import { EntityState } from '../entity.js';
import { FileLevelError } from '../files/index.js';
import type { Table } from '../tables/table.js';
import type { ImportPart, ImportPartInput } from './import-part.js';
import { ImportRun } from './import-run.js';
import type { ImportSpec } from './import-spec.js';
import { errorFileChunks, resultFileChunks } from './output-files.js';
import { planImport } from './plan.js';
import { stageFile } from './stage.js';
import { emptyStagedFile, failedStagedFile, newDataFileInfo } from './staged-file.js';

const fixture = MockFixture.parse(defaultFixture);

function spec(attributesMapping: ImportSpec['attributesMapping']): ImportSpec {
  return {
    mode: 'CREATE_UPDATE',
    format: { separator: ';', enclosing: '"', escaping: '"', endOfLine: undefined, encoding: 'UTF-8' },
    compression: undefined,
    bom: 'reject',
    attributesMapping,
    transformations: [],
    pathPrefix: 'body.',
    generateResultFile: true,
    generateErrorFile: true,
  };
}

async function* chunksOf(text: string) {
  yield new TextEncoder().encode(text);
}

function tables() {
  const state = new EntityState('demo', fixture.entities[0] as (typeof fixture.entities)[0], 0);
  return {
    profiles: state.tableByNameOrId('PROFILE_TABLE', 'Profiles') as Table,
    orders: state.tableByNameOrId('CUSTOM_TABLE', 'Orders') as Table,
  };
}

async function part(
  table: Table,
  importSpec: ImportSpec,
  text: string,
  label: string,
): Promise<ImportPartInput> {
  const staged = await stageFile(planImport(table, importSpec, 0), chunksOf(text));
  return { table, spec: importSpec, staged, label };
}

const profileSpec = spec([{ headerColumn: 'mail', attributeName: 'emailAddress' }]);
const orderSpec = spec([
  { headerColumn: 'id', attributeName: 'orderId' },
  { headerColumn: 'customer', attributeName: 'customerId' },
  { headerColumn: 'amount', attributeName: 'amount' },
]);
const decode = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks]).toString('utf8');
async function decodeAll(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

const second = (execution: ImportRun) => execution.parts[1] as ImportPart;

function run(parts: ImportPartInput[]) {
  return new ImportRun({
    kind: 'v5.etlExecution',
    parts,
    clock: createManualClock('2026-05-01T10:00:00Z'),
    policy: () => ({ type: 'manual' }),
  });
}

describe('an ImportRun of several parts', () => {
  it('has one status and writes every part, in order, only on its final status', async () => {
    const { profiles, orders } = tables();
    const execution = run([
      await part(profiles, profileSpec, 'mail\na@x.com\nb@x.com\n', 'tables[0] (Profiles)'),
      await part(orders, orderSpec, 'id;customer;amount\nO-1;C1;12\nO-2;C2;lots\n', 'tables[1] (Orders)'),
    ]);
    execution.status.advance();
    expect(execution.status.status).toBe('RUNNING');
    expect([profiles.rows.length, orders.rows.length]).toEqual([0, 0]);
    execution.status.advance();
    expect(execution.status.status).toBe('WITH_ERROR');
    expect(execution.parts.map((p) => [p.table.name, p.counts.createdRows, p.counts.rowsInError])).toEqual([
      ['Profiles', 2, 0],
      ['Orders', 1, 1],
    ]);
    expect(execution.parts.map((p) => p.withErrors)).toEqual([false, true]);
    expect(execution.counts).toMatchObject({ totalRows: 4, createdRows: 3, rowsInError: 1 });
    expect([profiles.rows.length, orders.rows.length]).toEqual([2, 1]);
    expect(await decodeAll(resultFileChunks(second(execution)))).toMatch(
      /^id;customer;amount;status;errorMessage\n/,
    );
    expect(decode(errorFileChunks(second(execution)))).toMatch(/\n3;amount;lots;INVALID_NUMBER;/);
  });

  it('fails as a whole, naming the part, when one part has a file-level failure; nothing is written', async () => {
    const { profiles, orders } = tables();
    const missing = new FileLevelError(
      'FILE_NOT_FOUND',
      'no file matches fileNamePattern "orders_$yyyyMMdd.csv"',
    );
    const execution = run([
      await part(profiles, profileSpec, 'mail\na@x.com\n', 'tables[0] (Profiles)'),
      {
        table: orders,
        spec: orderSpec,
        staged: failedStagedFile(newDataFileInfo(), missing),
        label: 'tables[1] (Orders)',
      },
    ]);
    execution.status.advance();
    execution.status.advance();
    expect(execution.status.status).toBe('ERROR');
    expect(execution.errorMessage).toBe(
      'tables[1] (Orders): no file matches fileNamePattern "orders_$yyyyMMdd.csv"',
    );
    expect(execution.parts.map((p) => p.errorMessage)).toEqual([
      'not imported: tables[1] (Orders): no file matches fileNamePattern "orders_$yyyyMMdd.csv"',
      'no file matches fileNamePattern "orders_$yyyyMMdd.csv"',
    ]);
    expect([profiles.rows.length, orders.rows.length]).toEqual([0, 0]);
    expect(decode(errorFileChunks(second(execution))).split('\n')[1]).toBe(
      ';;;FILE_NOT_FOUND;"no file matches fileNamePattern ""orders_$yyyyMMdd.csv"""',
    );
  });

  it('leaves an absent optional part out: it writes nothing and fails nothing', async () => {
    const { profiles, orders } = tables();
    const execution = run([
      await part(profiles, profileSpec, 'mail\na@x.com\n', 'tables[0] (Profiles)'),
      { table: orders, spec: orderSpec, staged: emptyStagedFile(newDataFileInfo()), absent: true },
    ]);
    execution.status.advance();
    execution.status.advance();
    expect(execution.status.status).toBe('SUCCESS');
    expect(execution.parts[1]?.outcome).toBeNull();
    expect(execution.parts[1]?.withErrors).toBe(false);
    expect(execution.counts.createdRows).toBe(1);
  });

  it('refuses to be built without a part', () => {
    expect(() => run([])).toThrow(/at least one part/);
  });
});
