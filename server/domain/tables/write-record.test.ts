import { describe, expect, it } from 'vitest';
import { MockFixture } from '../../../contracts/fixture.js';
import defaultFixture from '../../../fixtures/default.json' with { type: 'json' };
import { seedRows } from './seed.js';
import type { RowPatch } from './table.js';
import { Table } from './table.js';
import { matchByKeys, writeRecord } from './write-record.js';

const fixture = MockFixture.parse(defaultFixture);
const structure = fixture.entities[0]?.profileTables[0] as (typeof fixture.entities)[0]['profileTables'][0];

function setup() {
  const table = Table.profile(structure);
  seedRows(
    table,
    [{ emailAddress: 'a@x.com', customerId: 'C1', firstName: 'Ann' }, { emailAddress: 'b@x.com' }],
    0,
  );
  const patch = (values: Record<string, string | null>): RowPatch => {
    const row: RowPatch = new Array(table.columns.length);
    for (const [name, value] of Object.entries(values)) row[table.columnIndex(name) as number] = value;
    return row;
  };
  const column = (name: string) => table.columnIndex(name) as number;
  return { table, patch, column };
}

describe('writeRecord', () => {
  it('matches on the first unique attribute the patch has, and follows the mode', () => {
    const { table, patch, column } = setup();
    expect(matchByKeys(table, patch({ customerId: 'C1' }))).toEqual({ row: 0, column: column('customerId') });
    expect(writeRecord(table, 'CREATE_ONLY', patch({ emailAddress: 'a@x.com' }), 1000)).toEqual({
      status: 'SKIPPED',
      exists: true,
      key: column('emailAddress'),
    });
    expect(writeRecord(table, 'UPDATE_ONLY', patch({ emailAddress: 'c@x.com' }), 1000)).toMatchObject({
      status: 'SKIPPED',
      exists: false,
    });
    expect(writeRecord(table, 'CREATE_UPDATE', patch({ emailAddress: 'c@x.com' }), 1000)).toEqual({
      status: 'CREATED',
      row: 2,
    });
  });

  it('refuses a missing mandatory value or a unique value of another record, and writes nothing', () => {
    const { table, patch, column } = setup();
    const before = table.rows;
    expect(writeRecord(table, 'CREATE_UPDATE', patch({ firstName: 'Zed' }), 1000)).toEqual({
      status: 'REFUSED',
      code: 'MANDATORY_VALUE_MISSING',
      column: column('emailAddress'),
      value: '',
    });
    expect(
      writeRecord(table, 'CREATE_UPDATE', patch({ emailAddress: 'b@x.com', customerId: 'C1' }), 1000),
    ).toEqual({
      status: 'REFUSED',
      code: 'UNIQUE_VALUE_TAKEN',
      column: column('customerId'),
      value: 'C1',
    });
    expect(table.rows).toEqual(before);
  });

  it('updates a record located by the caller, its own unique values included, and keeps what it was', () => {
    const { table, patch, column } = setup();
    const result = writeRecord(
      table,
      'UPDATE_ONLY',
      patch({ emailAddress: 'ann@x.com', customerId: 'C1' }),
      1000,
      { row: 0, column: undefined },
      true,
    );
    expect(result).toMatchObject({ status: 'UPDATED', row: 0 });
    expect(result.status === 'UPDATED' && result.previous?.[column('emailAddress')]).toBe('a@x.com');
    expect([
      table.find(column('emailAddress'), 'ann@x.com'),
      table.find(column('emailAddress'), 'a@x.com'),
    ]).toEqual([0, undefined]);
    expect(table.value(0, column('firstName'))).toBe('Ann');
  });
});
