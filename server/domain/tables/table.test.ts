import { describe, expect, it } from 'vitest';
import { MockFixture } from '../../../contracts/fixture.js';
import defaultFixture from '../../../fixtures/default.json' with { type: 'json' };
import { seedRows } from './seed.js';
import { Table } from './table.js';

const fixture = MockFixture.parse(defaultFixture);
const entity = fixture.entities[0] as (typeof fixture.entities)[0];
const profiles = () => Table.profile(entity.profileTables[0] as (typeof entity.profileTables)[0]);
const orders = () => Table.custom(entity.customTables[0] as (typeof entity.customTables)[0]);

describe('Table', () => {
  it('matches records on unique attributes in declared order; custom tables on their primary key first', () => {
    const table = profiles();
    expect(table.keyColumns.map((c) => table.columns[c]?.name)).toEqual(['emailAddress', 'customerId']);
    const orderTable = orders();
    expect(orderTable.keyColumns.map((c) => orderTable.columns[c]?.name)).toEqual(['orderId']);
  });

  it('keeps unique indexes in step with updates', () => {
    const table = profiles();
    seedRows(table, [{ emailAddress: 'a@x.com', customerId: 'C1' }], 0);
    const email = table.columnIndex('emailAddress') as number;
    const customer = table.columnIndex('customerId') as number;
    const patch = new Array(table.columns.length);
    patch[customer] = 'C2';
    table.update(0, patch, 1000);
    expect(table.find(customer, 'C1')).toBeUndefined();
    expect(table.find(customer, 'C2')).toBe(0);
    expect(table.find(email, 'a@x.com')).toBe(0);
    expect(table.toJson(table.rows[0] as never)).toMatchObject({
      profileId: 1,
      customerId: 'C2',
      creationMoment: '1970-01-01T00:00:00.000Z',
      updateMoment: '1970-01-01T00:00:01.000Z',
    });
  });

  it('keeps subscriptions and segmentations as columns: a SIMPLE one gains categories on update', () => {
    const table = profiles();
    expect(table.columns.map((c) => c.name).slice(-5)).toEqual([
      'subscriptions#Newsletter',
      'subscriptions#Promotions',
      'segmentations#Interests',
      'creationMoment',
      'updateMoment',
    ]);
    seedRows(
      table,
      [{ emailAddress: 'a@x.com', 'subscriptions#Newsletter': 'Y', 'segmentations#Interests': 'Cats' }],
      0,
    );
    const patch = new Array(table.columns.length);
    patch[table.columnIndex('segmentations#Interests') as number] = '["Dogs"]';
    patch[table.columnIndex('subscriptions#Newsletter') as number] = 'FALSE';
    table.update(0, patch, 1000);
    expect(table.toJson(table.rows[0] as never)).toMatchObject({
      'subscriptions#Newsletter': false,
      'subscriptions#Promotions': null,
      'segmentations#Interests': ['Dogs', 'Cats'],
    });
  });

  it('seeds rows with the checks of an import, naming the row and attribute at fault', () => {
    const table = orders();
    seedRows(table, [{ orderId: 'O1', customerId: 'C1', amount: 12.5, status: 'NEW' }], 0);
    expect(table.toJson(table.rows[0] as never)).toMatchObject({
      orderId: 'O1',
      amount: 12.5,
      status: 'NEW',
    });
    expect(() =>
      seedRows(table, [{ orderId: 'O2', customerId: 'C1', amount: 1, status: 'LOST' }], 0),
    ).toThrow(/rows\[0\]\.status/);
    expect(() => seedRows(table, [{ orderId: 'O1', customerId: 'C1', amount: 1 }], 0)).toThrow(
      /already belongs to another record/,
    );
    expect(() => seedRows(table, [{ orderId: 'O3', amount: 1 }], 0)).toThrow(
      /rows\[0\]\.customerId.*mandatory/,
    );
    expect(() => seedRows(table, [{ nope: 1 }], 0)).toThrow(
      /rows\[0\]\.nope: table Orders has no attribute "nope"; its attributes are orderId, customerId/,
    );
  });

  it('deletes a record: its unique values are free again, its number and profile id never reused', () => {
    const table = profiles();
    seedRows(table, [{ emailAddress: 'a@x.com', customerId: 'C1' }, { emailAddress: 'b@x.com' }], 0);
    const email = table.columnIndex('emailAddress') as number;
    const customer = table.columnIndex('customerId') as number;
    table.delete(0);
    expect([table.size, table.has(0), table.has(1), [...table.rowNumbers()]]).toEqual([1, false, true, [1]]);
    expect([table.find(email, 'a@x.com'), table.find(customer, 'C1'), table.find(email, 'b@x.com')]).toEqual([
      undefined,
      undefined,
      1,
    ]);
    expect(table.rows.map((row) => table.toJson(row).emailAddress)).toEqual(['b@x.com']);
    seedRows(table, [{ emailAddress: 'a@x.com', customerId: 'C1' }], 0);
    expect(table.find(email, 'a@x.com')).toBe(2);
    expect(table.toJson(table.row(2)).profileId).toBe(3);
    expect([table.findProfile(1), table.findProfile(2), table.findProfile(3), table.findProfile(4)]).toEqual([
      undefined,
      1,
      2,
      undefined,
    ]);
    // Deleting twice, or a row that never was, changes nothing.
    table.delete(0);
    table.delete(9);
    expect(table.size).toBe(2);
  });

  it('reads one row as a copy and one value in place', () => {
    const table = orders();
    seedRows(table, [{ orderId: 'O1', customerId: 'C1', amount: 3 }], 0);
    const status = table.columnIndex('status') as number;
    const copy = table.row(0);
    const patch = new Array(table.columns.length);
    patch[status] = 'SHIPPED';
    table.update(0, patch, 1000);
    expect([copy[status], table.value(0, status), table.value(5, status)]).toEqual([null, 'SHIPPED', null]);
  });

  it('takes a category out of a segmentation, SIMPLE or EXCLUSIVE', () => {
    const structure = {
      ...(entity.profileTables[0] as (typeof entity.profileTables)[0]),
      segmentations: [
        { name: 'Interests', type: 'SIMPLE' as const, categories: ['Dogs', 'Cats'] },
        { name: 'Tier', type: 'EXCLUSIVE' as const, categories: ['Gold', 'Silver'] },
      ],
    };
    const table = Table.profile(structure);
    seedRows(
      table,
      [
        {
          emailAddress: 'a@x.com',
          'segmentations#Interests': ['Dogs', 'Cats'],
          'segmentations#Tier': 'Gold',
        },
      ],
      0,
    );
    const interests = table.columnIndex('segmentations#Interests') as number;
    const tier = table.columnIndex('segmentations#Tier') as number;
    expect(table.removeCategory(0, interests, 'Cats', 1000)).toBe(true);
    expect(table.removeCategory(0, tier, 'Silver', 1000)).toBe(false);
    expect(table.toJson(table.row(0))).toMatchObject({
      'segmentations#Interests': ['Dogs'],
      'segmentations#Tier': 'Gold',
      updateMoment: '1970-01-01T00:00:01.000Z',
    });
    expect(table.removeCategory(0, interests, 'Dogs', 2000)).toBe(true);
    expect(table.removeCategory(0, tier, 'Gold', 2000)).toBe(true);
    expect(table.toJson(table.row(0))).toMatchObject({
      'segmentations#Interests': null,
      'segmentations#Tier': null,
    });
    expect(() => table.removeCategory(0, table.columnIndex('firstName') as number, 'x', 0)).toThrow(
      /not a segmentation/,
    );
  });

  it('refuses a custom table whose primary key is not an attribute', () => {
    const structure = {
      ...(entity.customTables[0] as (typeof entity.customTables)[0]),
      primaryKeyAttribute: 'missing',
    };
    expect(() => Table.custom(structure)).toThrow(/primaryKeyAttribute missing/);
  });
});
