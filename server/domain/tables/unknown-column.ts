import { SEGMENTATION_PREFIX, SUBSCRIPTION_PREFIX } from '../values/index.js';
import type { Table } from './table.js';

const GROUPS = [
  { prefix: SUBSCRIPTION_PREFIX, noun: 'subscription', plural: 'subscriptions', kinds: ['SUBSCRIPTION'] },
  {
    prefix: SEGMENTATION_PREFIX,
    noun: 'segmentation',
    plural: 'segmentations',
    kinds: ['CATEGORY', 'CATEGORY_SET'],
  },
] as const;

/** The names of a table's columns whose rule is of one of `kinds`. */
function columnsOf(table: Table, kinds: readonly string[]): string[] {
  return table.columns.filter((c) => c.rule !== null && kinds.includes(c.rule.kind)).map((c) => c.name);
}

/**
 * Why `name` is not a column of `table`, naming what it has: its subscriptions for a
 * `subscriptions#...` name, its segmentations for a `segmentations#...` one, else its attributes.
 */
export function unknownColumnMessage(table: Table, name: string): string {
  const group = GROUPS.find((g) => name.startsWith(g.prefix));
  if (group) {
    const member = name.slice(group.prefix.length);
    const known = columnsOf(table, group.kinds).map((column) => column.slice(group.prefix.length));
    if (table.type === 'CUSTOM_TABLE')
      return `custom table ${table.name} has no ${group.plural}: only profile tables have them`;
    if (known.length === 0)
      return `table ${table.name} has no ${group.plural}, so no ${group.noun} "${member}"`;
    return `table ${table.name} has no ${group.noun} "${member}"; its ${group.plural} are ${known.join(', ')}`;
  }
  const grouped = new Set(GROUPS.flatMap((g) => columnsOf(table, g.kinds)));
  const attributes = table.columns.filter((c) => c.rule !== null && !grouped.has(c.name)).map((c) => c.name);
  return `table ${table.name} has no attribute "${name}"; its attributes are ${attributes.join(', ')}`;
}
