import type { ErrorDetail } from '../../../contracts/errors.js';
import type { RowValue } from '../../../contracts/fixture.js';
import type { V5ProfileUpsert } from '../../../contracts/table-records.js';
import { ActitoError } from '../errors.js';
import type { Table } from '../tables/table.js';
import type { ProfileParts } from './profile-patch.js';

type Upsert = Required<Pick<V5ProfileUpsert, 'key'>> & {
  attributes: Record<string, RowValue>;
  subscriptions: Record<string, boolean>;
  segmentations: Record<string, string | string[] | null>;
};

/**
 * The parts of a V5 upsert (flat objects) and the unique attribute its `key` matches on. The key
 * names exactly one unique attribute; its value is written too (a new profile gets it).
 */
export function v5ProfileParts(table: Table, input: Upsert): { parts: ProfileParts; keyColumn: number } {
  const keys = Object.keys(input.key);
  const unique = table.keyColumns.map((c) => table.columns[c]?.name as string);
  const [name] = keys;
  const column = name === undefined ? undefined : table.columnIndex(name);
  if (keys.length !== 1 || column === undefined || !table.isUnique(column)) {
    const got = keys.length === 0 ? 'no attribute' : keys.join(', ');
    throw new ActitoError(
      'INVALID_RECORD',
      `The key names ${got}; it must name exactly one unique attribute of table ${table.name} (${unique.join(', ')}) and its value.`,
      [{ path: 'body.key', message: `name exactly one of ${unique.join(', ')}` }],
    );
  }
  const keyName = name as string;
  const faults: ErrorDetail[] = [];
  const given = input.attributes[keyName];
  if (
    given !== undefined &&
    Object.hasOwn(input.attributes, keyName) &&
    String(given) !== String(input.key[keyName])
  ) {
    faults.push({
      path: `body.attributes.${keyName}`,
      message: `differs from body.key.${keyName}; give it once`,
    });
  }
  const attributes = new Map<string, RowValue>(Object.entries(input.attributes));
  attributes.set(keyName, input.key[keyName] ?? null);
  const joins = new Map<string, RowValue>();
  for (const [segmentation, value] of Object.entries(input.segmentations))
    if (value !== null) joins.set(segmentation, value);
  return {
    keyColumn: column,
    parts: {
      attributes,
      attributePath: (attribute) =>
        attribute === keyName ? `body.key.${attribute}` : `body.attributes.${attribute}`,
      subscriptions: new Map(Object.entries(input.subscriptions)),
      subscriptionPath: (subscription) => `body.subscriptions.${subscription}`,
      joins,
      joinPath: (segmentation) => `body.segmentations.${segmentation}`,
      leaves: [],
      faults,
    },
  };
}
