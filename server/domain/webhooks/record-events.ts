import type { WebhookEventType } from '../../../contracts/webhooks.js';
import type { RecordListener, WrittenRecord } from '../tables/record-listener.js';
import type { Row, RowPatch, Table } from '../tables/table.js';
import { SEGMENTATION_PREFIX, SUBSCRIPTION_PREFIX, toJsonValue } from '../values/index.js';
import type { StoredSubscription, WebhookSubscriptions } from './subscriptions.js';
import type { WebhookEvent } from './webhook-event.js';

type Group = 'attribute' | 'subscription' | 'segmentation';

/** Where a column's changes go: attributes raise UPDATE, subscriptions and segmentations their own events. */
interface ColumnInfo {
  group: Group;
  /** The name a payload and onFields use: `Newsletter`, not `subscriptions#Newsletter`. */
  name: string;
}

/**
 * The data webhook events of one table's writes, for the subscriptions listening to it: one
 * CREATE, UPDATE or DELETE per record (plus UPDATED_SUBSCRIPTION / UPDATED_SEGMENT on a profile
 * whose subscription or category changed), only for event types someone listens to. `null`
 * when nobody listens to the table: a write then builds nothing.
 */
export function recordEventsFor(
  subscriptions: WebhookSubscriptions,
  entity: string,
  table: Table,
  publish: (events: WebhookEvent[]) => void,
): RecordListener | null {
  const listening = subscriptions
    .list(entity)
    .filter(
      (s) => s.isActive && s.on === table.type && (s.onElementId === null || s.onElementId === table.id),
    );
  if (listening.length === 0) return null;
  return new RecordEvents(table, listening, publish);
}

class RecordEvents implements RecordListener {
  readonly needsPrevious: boolean;
  readonly #types: ReadonlySet<WebhookEventType>;
  readonly #columns: (ColumnInfo | null)[];
  /** Unique identifiers of a record: profileId, the unique attributes (a custom table's primary key first). */
  readonly #ids: number[];
  readonly #withFields: boolean;
  #pending: WebhookEvent[] = [];

  constructor(
    private readonly table: Table,
    listening: StoredSubscription[],
    private readonly publish: (events: WebhookEvent[]) => void,
  ) {
    this.#types = new Set(listening.map((s) => s.eventType));
    this.needsPrevious = ['UPDATE', 'UPDATED_SUBSCRIPTION', 'UPDATED_SEGMENT'].some((t) =>
      this.#types.has(t as WebhookEventType),
    );
    this.#withFields = listening.some((s) => s.onFields.length > 0);
    this.#columns = table.columns.map((column) => {
      const kind = column.rule?.kind;
      if (!kind) return null;
      if (kind === 'SUBSCRIPTION')
        return { group: 'subscription', name: column.name.slice(SUBSCRIPTION_PREFIX.length) };
      if (kind === 'CATEGORY' || kind === 'CATEGORY_SET')
        return { group: 'segmentation', name: column.name.slice(SEGMENTATION_PREFIX.length) };
      return { group: 'attribute', name: column.name };
    });
    const profileId = table.type === 'PROFILE_TABLE' ? table.columnIndex('profileId') : undefined;
    this.#ids = [...(profileId === undefined ? [] : [profileId]), ...table.keyColumns];
  }

  written(record: WrittenRecord, patch: RowPatch): void {
    const current = this.table.row(record.row);
    const previous = record.status === 'UPDATED' ? record.previous : null;
    const supplied: Record<Group, number[]> = { attribute: [], subscription: [], segmentation: [] };
    this.#columns.forEach((info, column) => {
      if (info && patch[column] !== undefined) supplied[info.group].push(column);
    });
    const changed = (column: number) =>
      record.status === 'CREATED' || previous === null || previous[column] !== current[column];
    if (record.status === 'CREATED') {
      this.#raise('CREATE', current, supplied.attribute, supplied.attribute);
    } else {
      const attributes = supplied.attribute.filter(changed);
      if (attributes.length > 0) this.#raise('UPDATE', current, supplied.attribute, attributes);
    }
    // A subscription counts as changed when it flips (no value reads as not subscribed).
    const flipped = supplied.subscription.filter(
      (column) => (previous?.[column] === 'TRUE') !== (current[column] === 'TRUE'),
    );
    if (flipped.length > 0) this.#raise('UPDATED_SUBSCRIPTION', current, flipped, flipped);
    const moved = supplied.segmentation.filter(
      (column) => (previous?.[column] ?? null) !== (current[column] ?? null),
    );
    if (moved.length > 0) this.#raise('UPDATED_SEGMENT', current, moved, moved);
  }

  deleted(_row: number, record: Row): void {
    this.#raise('DELETE', record, [], undefined);
  }

  flush(): void {
    if (this.#pending.length === 0) return;
    const events = this.#pending;
    this.#pending = [];
    this.publish(events);
  }

  /** Queues one event: the record's ids and the `shown` columns; `fields` (changed or supplied) for onFields. */
  #raise(eventType: WebhookEventType, record: Row, shown: number[], fields: number[] | undefined): void {
    if (!this.#types.has(eventType)) return;
    const data: Record<string, unknown> = {};
    // The identifiers the record has (an empty unique attribute identifies nothing), then what is shown.
    for (const column of this.#ids)
      if (record[column] !== null && record[column] !== undefined) this.#show(data, record, column);
    for (const column of shown) this.#show(data, record, column);
    if (this.table.type === 'CUSTOM_TABLE') {
      // The sample Actito's own code reads: `data.id` addresses the record, `businessKey` too.
      const key = this.#text(record, this.table.keyColumns[0] as number);
      data.businessKey = key;
      data.id = key;
    }
    const event: WebhookEvent = {
      on: this.table.type,
      eventType,
      elementId: this.table.id,
      data,
      envelope: (subscription) => ({
        tableType: this.table.type,
        tableId: this.table.id,
        eventType,
        fields: subscription.onFields.length > 0 ? [...subscription.onFields] : null,
      }),
    };
    if (fields !== undefined) event.fields = fields.map((column) => this.#columns[column]?.name as string);
    // A subscription with onFields is shown those fields too, as they are after the write.
    if (this.#withFields) event.dataFor = (subscription) => this.#withOnFields(data, record, subscription);
    this.#pending.push(event);
  }

  #withOnFields(
    data: Record<string, unknown>,
    record: Row,
    subscription: StoredSubscription,
  ): Record<string, unknown> {
    if (subscription.onFields.length === 0) return data;
    const shown = { ...data };
    this.#columns.forEach((info, column) => {
      if (info && subscription.onFields.includes(info.name) && !(info.name in shown))
        this.#show(shown, record, column);
    });
    return shown;
  }

  #show(data: Record<string, unknown>, record: Row, column: number): void {
    const info = this.#columns[column];
    const name = info?.name ?? (this.table.columns[column]?.name as string);
    data[name] = this.#text(record, column);
  }

  /** A value as the payload carries it: text (Actito's samples send `"false"`, `"1"`); a set of categories as a list. */
  #text(record: Row, column: number): string | string[] | null {
    const stored = record[column] ?? null;
    const kind = this.table.columns[column]?.rule?.kind;
    if (stored === null || !kind) return stored;
    const value = toJsonValue(kind, stored);
    return Array.isArray(value) || value === null ? value : String(value);
  }
}
