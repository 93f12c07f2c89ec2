import type { ErrorDetail } from '../../../contracts/errors.js';
import type { RowValue } from '../../../contracts/fixture.js';
import type {
  ProfileSegmentation,
  ProfileSubscription,
  RecordProperty,
} from '../../../contracts/table-records.js';
import { invalidRecord } from '../records/record-body.js';
import { compileRecordChecker } from '../tables/add-rows.js';
import type { RowPatch, Table } from '../tables/table.js';
import { unknownColumnMessage } from '../tables/unknown-column.js';
import { compileJsonValueChecker, SEGMENTATION_PREFIX, SUBSCRIPTION_PREFIX } from '../values/index.js';

/** A category to take out of a segmentation once the write is made (`belongs: false`). */
export interface CategoryRemoval {
  column: number;
  category: string;
}

/** What a profile body asks the table for, every value checked. */
export interface ProfilePatch {
  patch: RowPatch;
  removals: CategoryRemoval[];
  /** Technical attributes the body named: ignored, as Actito does (the journal notes them). */
  ignored: string[];
}

/** The parts of a profile body, whatever API sent them (V4's arrays, V5's flat objects). */
export interface ProfileParts {
  attributes: Map<string, RowValue>;
  /** Where each attribute sits in the body, for the faults (`body.attributes.emailAddress`, `body.key.emailAddress`). */
  attributePath: (name: string) => string;
  subscriptions: Map<string, RowValue>;
  subscriptionPath: (name: string) => string;
  /** Categories a profile joins, per segmentation (one, or a list for a SIMPLE one). */
  joins: Map<string, RowValue>;
  joinPath: (name: string) => string;
  leaves: { segmentation: string; category: string; path: string }[];
  faults: ErrorDetail[];
}

/**
 * Checks a profile body with the table's own checkers, exactly as an import checks its cells
 * (subscriptions and segmentations are the `subscriptions#...` and `segmentations#...` columns).
 * Any fault refuses the whole body, naming each attribute and rule; nothing is written.
 */
export function profilePatch(table: Table, parts: ProfileParts): ProfilePatch {
  const check = compileRecordChecker(table, []);
  const faults = [...parts.faults];
  const patch: RowPatch = new Array(table.columns.length);
  const ignored: string[] = [];
  const sections: [Map<string, RowValue>, string, (name: string) => string][] = [
    [parts.attributes, '', parts.attributePath],
    [parts.subscriptions, SUBSCRIPTION_PREFIX, parts.subscriptionPath],
    [parts.joins, SEGMENTATION_PREFIX, parts.joinPath],
  ];
  for (const [values, prefix, pathOf] of sections) {
    for (const [name, value] of values) {
      const checked = check({ [`${prefix}${name}`]: value }, '');
      ignored.push(...checked.ignored);
      for (const fault of checked.faults) faults.push({ path: pathOf(name), message: fault.message });
      checked.patch.forEach((cell, column) => {
        if (cell !== undefined) patch[column] = cell;
      });
    }
  }
  const removals = parts.leaves.flatMap((leave) => {
    const found = removal(table, leave.segmentation, leave.category);
    if (typeof found === 'string') {
      faults.push({ path: leave.path, message: found });
      return [];
    }
    return [found];
  });
  if (faults.length > 0) throw invalidRecord(table, faults);
  return { patch, removals, ignored };
}

/** The column and category `belongs: false` names, or why it cannot. */
function removal(table: Table, segmentation: string, category: string): CategoryRemoval | string {
  const name = `${SEGMENTATION_PREFIX}${segmentation}`;
  const column = table.columnIndex(name);
  const rule = column === undefined ? null : table.columns[column]?.rule;
  if (column === undefined || !rule) return unknownColumnMessage(table, name);
  const checked = compileJsonValueChecker(rule)(category);
  return checked.ok ? { column, category } : `${checked.code}: ${checked.message}`;
}

/** The parts of a V4 body: `attributes` and `subscriptions` as arrays, `segmentations` as memberships. */
export function v4ProfileParts(body: {
  attributes: RecordProperty[];
  subscriptions: ProfileSubscription[];
  segmentations: ProfileSegmentation[];
}): ProfileParts {
  const faults: ErrorDetail[] = [];
  const attributes = keyed(body.attributes, (a) => a.name, 'body.attributes', faults);
  const subscriptions = keyed(body.subscriptions, (s) => s.name, 'body.subscriptions', faults);
  const joins = new Map<string, RowValue>();
  const leaves: ProfileParts['leaves'] = [];
  const seen = new Set<string>();
  body.segmentations.forEach((element, index) => {
    const { name, category } = element.segmentation;
    const path = `body.segmentations[${index}]`;
    if (seen.has(`${name}\u0000${category}`)) {
      faults.push({ path, message: `segmentation ${name}, category ${category} is named twice` });
      return;
    }
    seen.add(`${name}\u0000${category}`);
    if (element.belongs === false) {
      leaves.push({ segmentation: name, category, path });
      return;
    }
    // Several categories of one segmentation: a list, which only a SIMPLE segmentation takes.
    const held = joins.get(name);
    joins.set(
      name,
      held === undefined ? category : [...(Array.isArray(held) ? held : [String(held)]), category],
    );
  });
  return {
    attributes: new Map([...attributes].map(([name, { item }]) => [name, item.value ?? null])),
    attributePath: (name) => `body.attributes.${name}`,
    subscriptions: new Map([...subscriptions].map(([name, { item }]) => [name, item.subscribe])),
    subscriptionPath: (name) => `body.subscriptions.${name}`,
    joins,
    joinPath: (name) => `body.segmentations.${name}`,
    leaves,
    faults,
  };
}

/** A list of named elements by name; a name given twice is a fault (which value would win?). */
function keyed<T>(
  items: T[],
  nameOf: (item: T) => string,
  path: string,
  faults: ErrorDetail[],
): Map<string, { item: T; path: string }> {
  const byName = new Map<string, { item: T; path: string }>();
  items.forEach((item, index) => {
    const name = nameOf(item);
    if (byName.has(name)) {
      faults.push({ path: `${path}[${index}].name`, message: `${name} is named twice; name each once` });
      return;
    }
    byName.set(name, { item, path: `${path}[${index}]` });
  });
  return byName;
}
