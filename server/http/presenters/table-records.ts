import type {
  CustomRecord,
  Profile,
  ProfileSubscription,
  RecordValue,
  V5Profile,
} from '../../../contracts/table-records.js';
import type { Table } from '../../domain/tables/table.js';
import type { JsonValue } from '../../domain/values/index.js';
import { SEGMENTATION_PREFIX, SUBSCRIPTION_PREFIX } from '../../domain/values/index.js';

/** A record split as the profile APIs show it: attributes, subscriptions, categories. */
interface ProfileView {
  attributes: [string, JsonValue][];
  subscriptions: [string, boolean][];
  categories: [string, string[]][];
}

function viewOf(table: Table, row: number): ProfileView {
  const record = table.toJson(table.row(row));
  const view: ProfileView = { attributes: [], subscriptions: [], categories: [] };
  for (const [name, value] of Object.entries(record)) {
    if (name.startsWith(SUBSCRIPTION_PREFIX))
      view.subscriptions.push([name.slice(SUBSCRIPTION_PREFIX.length), value === true]);
    else if (name.startsWith(SEGMENTATION_PREFIX)) {
      const categories = value === null ? [] : Array.isArray(value) ? value : [String(value)];
      view.categories.push([name.slice(SEGMENTATION_PREFIX.length), categories]);
    } else view.attributes.push([name, value]);
  }
  return view;
}

export function presentProfile(table: Table, row: number): Profile {
  const view = viewOf(table, row);
  return {
    attributes: view.attributes.map(([name, value]): RecordValue => ({ name, value })),
    subscriptions: view.subscriptions.map(([name, subscribe]): ProfileSubscription => ({ name, subscribe })),
    segmentations: view.categories.flatMap(([name, categories]) =>
      categories.map((category) => ({ belongs: true as const, segmentation: { name, category } })),
    ),
  };
}

export function presentSubscriptions(table: Table, row: number): { subscriptions: ProfileSubscription[] } {
  return { subscriptions: presentProfile(table, row).subscriptions };
}

export function presentV5Profile(table: Table, row: number): V5Profile {
  const view = viewOf(table, row);
  const attributes = Object.fromEntries(view.attributes);
  return {
    profileId: Number(attributes.profileId),
    attributes,
    subscriptions: Object.fromEntries(view.subscriptions),
    segmentations: Object.fromEntries(
      view.categories.map(([name, categories]) => {
        const kind = table.columns[table.columnIndex(`${SEGMENTATION_PREFIX}${name}`) as number]?.rule?.kind;
        return [name, kind === 'CATEGORY_SET' ? categories : (categories[0] ?? null)];
      }),
    ),
  };
}

export function presentRecord(table: Table, row: number): CustomRecord {
  const record = table.toJson(table.row(row));
  return { properties: Object.entries(record).map(([name, value]) => ({ name, value })) };
}
