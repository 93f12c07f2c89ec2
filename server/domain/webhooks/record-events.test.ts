import { describe, expect, it } from 'vitest';
import { MockFixture } from '../../../contracts/fixture.js';
import defaultFixture from '../../../fixtures/default.json' with { type: 'json' };
import { createIdGenerator } from '../ids.js';
import { seedRows } from '../tables/seed.js';
import type { RowPatch } from '../tables/table.js';
import { Table } from '../tables/table.js';
import { writeRecord } from '../tables/write-record.js';
import { recordEventsFor } from './record-events.js';
import type { SubscriptionSpec } from './subscriptions.js';
import { WebhookSubscriptions } from './subscriptions.js';
import type { WebhookEvent } from './webhook-event.js';

const fixture = MockFixture.parse(defaultFixture);
const structure = fixture.entities[0]?.profileTables[0] as (typeof fixture.entities)[0]['profileTables'][0];

function setUp(...specs: Partial<SubscriptionSpec>[]) {
  const table = Table.profile(structure);
  seedRows(table, [{ emailAddress: 'a@x.com', 'segmentations#Interests': ['Dogs', 'Cats'] }], 0);
  const subscriptions = new WebhookSubscriptions(createIdGenerator(1));
  for (const spec of specs) {
    subscriptions.add(
      'demo',
      {
        on: 'PROFILE_TABLE',
        eventType: 'UPDATE',
        onElementId: '1',
        onFields: [],
        targetUrl: 'https://hooks.example.com/',
        headers: {},
        isActive: true,
        pushMode: 'ONE_BY_ONE',
        maxBlockSize: 1,
        ...spec,
      },
      0,
    );
  }
  const published: WebhookEvent[] = [];
  const listener = recordEventsFor(subscriptions, 'demo', table, (events) => published.push(...events));
  const patch = (values: Record<string, string>): RowPatch => {
    const row: RowPatch = new Array(table.columns.length);
    for (const [name, value] of Object.entries(values)) row[table.columnIndex(name) as number] = value;
    return row;
  };
  return { table, listener, published, patch, subscriptions };
}

describe('recordEventsFor', () => {
  it('builds nothing when no active subscription listens to the table', () => {
    expect(setUp().listener).toBeNull();
    expect(setUp({ isActive: false }).listener).toBeNull();
    expect(setUp({ onElementId: '2' }).listener).toBeNull();
    expect(setUp({ on: 'CUSTOM_TABLE' }).listener).toBeNull();
    expect(setUp({ onElementId: null }).listener).not.toBeNull();
  });

  it('raises UPDATE only when an attribute changed, naming the changed fields, and only the types listened to', () => {
    const { table, listener, published, patch } = setUp({ eventType: 'UPDATE' });
    const write = (values: Record<string, string>) => {
      const given = patch(values);
      const result = writeRecord(
        table,
        'UPDATE_ONLY',
        given.slice(),
        1000,
        { row: 0, column: undefined },
        true,
      );
      if (result.status === 'UPDATED') listener?.written(result, given);
    };
    write({ emailAddress: 'a@x.com' });
    write({ emailAddress: 'a@x.com', firstName: 'Ann', 'subscriptions#Newsletter': 'TRUE' });
    listener?.flush();
    expect(published.map((e) => [e.eventType, e.fields, e.data])).toEqual([
      ['UPDATE', ['firstName'], { profileId: '1', emailAddress: 'a@x.com', firstName: 'Ann' }],
    ]);
  });

  it('raises UPDATED_SEGMENT when a category goes, and shows onFields as they are after the write', () => {
    const { table, listener, published, subscriptions } = setUp({
      eventType: 'UPDATED_SEGMENT',
      onFields: ['Interests'],
    });
    const column = table.columnIndex('segmentations#Interests') as number;
    const before = table.row(0);
    table.removeCategory(0, column, 'Cats', 1000);
    const supplied: RowPatch = new Array(table.columns.length);
    supplied[column] = table.value(0, column);
    listener?.written({ status: 'UPDATED', row: 0, previous: before }, supplied);
    listener?.flush();
    const [event] = published;
    expect([event?.eventType, event?.fields, event?.data]).toEqual([
      'UPDATED_SEGMENT',
      ['Interests'],
      { profileId: '1', emailAddress: 'a@x.com', Interests: ['Dogs'] },
    ]);
    const subscription = subscriptions.list('demo')[0];
    expect(subscription && event?.envelope?.(subscription)).toEqual({
      tableType: 'PROFILE_TABLE',
      tableId: '1',
      eventType: 'UPDATED_SEGMENT',
      fields: ['Interests'],
    });
  });
});
