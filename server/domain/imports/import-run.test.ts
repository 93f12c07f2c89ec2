import { describe, expect, it } from 'vitest';
import { MockFixture } from '../../../contracts/fixture.js';
import defaultFixture from '../../../fixtures/default.json' with { type: 'json' };
import { createManualClock } from '../clock.js';
import { EntityState } from '../entity.js';
import type { ProgressionPolicy } from '../lifecycle/progression.js';
import type { Table } from '../tables/table.js';
import { ImportRun, WRITE_SLICE_ROWS } from './import-run.js';
import type { ImportSpec } from './import-spec.js';
import { errorFileChunks, resultFileChunks } from './output-files.js';
import { planImport } from './plan.js';
import { stageFile } from './stage.js';

const fixture = MockFixture.parse(defaultFixture);

function spec(overrides: Partial<ImportSpec> = {}): ImportSpec {
  return {
    mode: 'CREATE_UPDATE',
    format: { separator: ';', enclosing: '"', escaping: '"', endOfLine: undefined, encoding: 'UTF-8' },
    compression: undefined,
    bom: 'reject',
    attributesMapping: [],
    transformations: [],
    pathPrefix: 'definition.',
    generateResultFile: true,
    generateErrorFile: true,
    ...overrides,
  };
}

async function* chunksOf(text: string) {
  yield new TextEncoder().encode(text);
}

function entity() {
  const clock = createManualClock('2026-05-01T10:00:00Z');
  const state = new EntityState('demo', fixture.entities[0] as (typeof fixture.entities)[0], clock.now());
  return { clock, state, profiles: state.tableByNameOrId('PROFILE_TABLE', 'Profiles') as Table };
}

async function runImport(
  table: Table,
  text: string,
  importSpec: ImportSpec,
  policy: ProgressionPolicy = { type: 'immediate' },
) {
  const clock = createManualClock('2026-05-01T10:00:00Z');
  const plan = planImport(table, importSpec, clock.now());
  const staged = await stageFile(plan, chunksOf(text));
  return new ImportRun({
    kind: 'v5.etlExecution',
    table,
    spec: importSpec,
    staged,
    clock,
    policy: () => policy,
  });
}

const decode = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks]).toString('utf8');
async function decodeAll(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

describe('planImport', () => {
  it('lists every fault of a definition at once, each with its path', () => {
    const { profiles } = entity();
    const bad = spec({
      mode: 'UPDATE_ONLY',
      attributesMapping: [
        { headerColumn: 'a', attributeName: 'nope' },
        { headerColumn: 'b', attributeName: 'profileId' },
        { headerColumn: 'c', attributeName: 'firstName' },
        { headerColumn: 'd', attributeName: 'firstName' },
      ],
      transformations: [{ type: 'TRIM', headerColumn: 'zzz' }],
    });
    expect(() => planImport(profiles, bad, 0)).toThrow(
      expect.objectContaining({
        code: 'INVALID_DEFINITION',
        details: [
          expect.objectContaining({
            path: 'definition.attributesMapping[0].attributeName',
            message: expect.stringMatching(/no attribute "nope"/),
          }),
          expect.objectContaining({
            path: 'definition.attributesMapping[1].attributeName',
            message: expect.stringMatching(/technical/),
          }),
          expect.objectContaining({
            path: 'definition.attributesMapping[3].attributeName',
            message: expect.stringMatching(/already mapped/),
          }),
          expect.objectContaining({ path: 'definition.transformations[0].headerColumn' }),
          expect.objectContaining({
            path: 'definition.attributesMapping',
            message: expect.stringMatching(/UPDATE_ONLY.*emailAddress, customerId/),
          }),
        ],
      }),
    );
  });

  it('requires every mandatory attribute for CREATE_ONLY', () => {
    const { profiles } = entity();
    const createOnly = spec({
      mode: 'CREATE_ONLY',
      attributesMapping: [{ headerColumn: 'id', attributeName: 'customerId' }],
    });
    expect(() => planImport(profiles, createOnly, 0)).toThrow(/mandatory attributes emailAddress/);
  });
});

describe('ImportRun', () => {
  const mapping = [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'id', attributeName: 'customerId' },
    { headerColumn: 'points', attributeName: 'loyaltyPoints' },
  ];

  it('writes nothing before its final status, then creates, updates and reports per row', async () => {
    const { profiles } = entity();
    const run = await runImport(
      profiles,
      'mail;id;points\na@x.com;C1;1\nb@x.com;C2;2\na@x.com;C1;3\n',
      spec({ attributesMapping: mapping }),
      { type: 'manual' },
    );
    expect(profiles.rows).toHaveLength(0);
    run.status.advance();
    expect(run.status.status).toBe('RUNNING');
    expect(profiles.rows).toHaveLength(0);
    run.status.advance();
    expect(run.status.status).toBe('SUCCESS');
    expect(run.outcome?.counts).toEqual({
      totalRows: 3,
      createdRows: 2,
      updatedRows: 1,
      skippedRows: 0,
      rowsInError: 0,
    });
    expect(profiles.rows.map((row) => profiles.toJson(row))).toEqual([
      expect.objectContaining({ profileId: 1, emailAddress: 'a@x.com', customerId: 'C1', loyaltyPoints: 3 }),
      expect.objectContaining({ profileId: 2, emailAddress: 'b@x.com', customerId: 'C2', loyaltyPoints: 2 }),
    ]);
    expect(await decodeAll(resultFileChunks(run))).toBe(
      'mail;id;points;status;errorMessage\na@x.com;C1;1;CREATED;\nb@x.com;C2;2;CREATED;\na@x.com;C1;3;UPDATED;\n',
    );
  });

  it('refuses a unique value that belongs to another record and a create without a mandatory value', async () => {
    const { profiles } = entity();
    const run = await runImport(
      profiles,
      'mail;id;points\na@x.com;C1;1\nb@x.com;C1;2\n;C3;3\n',
      spec({ attributesMapping: mapping }),
    );
    expect(run.status.status).toBe('WITH_ERROR');
    const errors = decode(errorFileChunks(run)).split('\n');
    expect(errors[1]).toBe(
      '3;id;C1;UNIQUE_VALUE_TAKEN;"customerId ""C1"" already belongs to another record; customerId is unique"',
    );
    expect(errors[2]).toMatch(/^4;mail;;MANDATORY_VALUE_MISSING;/);
  });

  it('skips existing records in CREATE_ONLY and unknown ones in UPDATE_ONLY', async () => {
    const { profiles } = entity();
    await runImport(profiles, 'mail;id\na@x.com;C1\n', spec({ attributesMapping: mapping.slice(0, 2) }));
    const createOnly = await runImport(
      profiles,
      'mail;id\na@x.com;C1\nb@x.com;C2\n',
      spec({ mode: 'CREATE_ONLY', attributesMapping: mapping.slice(0, 2) }),
    );
    expect(createOnly.outcome?.counts).toMatchObject({ createdRows: 1, skippedRows: 1 });
    const updateOnly = await runImport(
      profiles,
      'id;points\nC2;5\nC9;6\n',
      spec({ mode: 'UPDATE_ONLY', attributesMapping: mapping.slice(1) }),
    );
    expect(updateOnly.outcome?.counts).toMatchObject({ updatedRows: 1, skippedRows: 1 });
    expect(await decodeAll(resultFileChunks(updateOnly))).toContain(
      'C9;6;SKIPPED;"no record with customerId ""C9"" exists (mode UPDATE_ONLY)"',
    );
  });

  it('ends in ERROR with the reason of a file-level failure and writes nothing', async () => {
    const { profiles } = entity();
    const run = await runImport(
      profiles,
      'email;id\na@x.com;C1\n',
      spec({ attributesMapping: mapping.slice(0, 2) }),
    );
    expect(run.status.status).toBe('ERROR');
    expect(run.errorMessage).toMatch(/header column "mail"/);
    expect(profiles.rows).toHaveLength(0);
    expect(decode(errorFileChunks(run))).toMatch(/\n;;;FILE_MISSING_COLUMN;/);
  });

  it('maps header columns by name when the definition has no mapping', async () => {
    const { profiles } = entity();
    const run = await runImport(profiles, 'emailAddress;vip;unknownColumn\nA@X.COM;y;whatever\n', spec());
    expect(run.status.status).toBe('SUCCESS');
    expect(profiles.toJson(profiles.rows[0] as never)).toMatchObject({ emailAddress: 'A@x.com', vip: true });
  });

  it('applies transformations before checking values', async () => {
    const { profiles } = entity();
    const run = await runImport(
      profiles,
      'mail;born\n  A@X.COM ;31/12/1990\n',
      spec({
        attributesMapping: [
          { headerColumn: 'mail', attributeName: 'emailAddress' },
          { headerColumn: 'born', attributeName: 'birthDate' },
        ],
        transformations: [
          { type: 'TRIM', headerColumn: 'mail' },
          { type: 'LOWERCASE', headerColumn: 'mail' },
          { type: 'DATE_FORMAT', headerColumn: 'born', fromFormat: 'dd/MM/yyyy' },
        ],
      }),
    );
    expect(run.status.status).toBe('SUCCESS');
    expect(profiles.toJson(profiles.rows[0] as never)).toMatchObject({
      emailAddress: 'a@x.com',
      birthDate: '1990-12-31',
    });
  });
});

describe('a big file written in slices', () => {
  const rows = (count: number, prefix: string) =>
    `emailAddress;firstName\n${Array.from({ length: count }, (_, i) => `${prefix}${i}@x.com;N${i}`).join('\n')}\n`;
  const manual: ProgressionPolicy = { type: 'manual' };

  it('shows RUNNING until its last row is written, then its final status, entered when it fell due', async () => {
    const { profiles } = entity();
    const big = await runImport(profiles, rows(WRITE_SLICE_ROWS * 2 + 5, 'big'), spec(), manual);
    big.status.advance();
    const dueAt = big.options.clock.now();
    big.options.clock.advance(1000);
    expect(big.status.advance()).toBe(true);
    expect(big.status.status).toBe('RUNNING');
    expect(big.status.isFinal).toBe(false);
    expect(big.outcome).toBeNull();
    expect(big.status.advance()).toBe(false);
    await big.written();
    expect(big.status.status).toBe('SUCCESS');
    expect(big.endedAt).toBe(dueAt + 1000);
    expect(big.counts.createdRows).toBe(WRITE_SLICE_ROWS * 2 + 5);
    expect(profiles.size).toBe(WRITE_SLICE_ROWS * 2 + 5);
    expect(profiles.value(WRITE_SLICE_ROWS * 2 + 4, profiles.columnIndex('emailAddress') as number)).toBe(
      `big${WRITE_SLICE_ROWS * 2 + 4}@x.com`,
    );
  });

  it('keeps the runs of one table in the order they fell due: a small one waits for the big one before it', async () => {
    const { profiles } = entity();
    const big = await runImport(profiles, rows(WRITE_SLICE_ROWS + 1, 'same'), spec(), manual);
    const small = await runImport(profiles, 'emailAddress;firstName\nsame0@x.com;Updated\n', spec(), manual);
    for (const run of [big, small]) run.status.advance();
    big.status.advance();
    small.status.advance();
    expect([big.status.status, small.status.status]).toEqual(['RUNNING', 'RUNNING']);
    await small.written();
    expect([big.status.status, small.status.status]).toEqual(['SUCCESS', 'SUCCESS']);
    expect(small.counts.updatedRows).toBe(1);
    const firstName = profiles.columnIndex('firstName') as number;
    expect(profiles.value(0, firstName)).toBe('Updated');
  });
});
