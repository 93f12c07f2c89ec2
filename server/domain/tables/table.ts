import type { CustomTableStructure, ProfileTableStructure, TableType } from '../../../contracts/tables.js';
import { isoMoment } from '../clock.js';
import type { AttributeRule, JsonValue, ValueMerge } from '../values/index.js';
import {
  compileValueMerge,
  ruleForCustomAttribute,
  ruleForProfileAttribute,
  ruleForSegmentation,
  ruleForSubscription,
  toJsonValue,
  withoutCategory,
} from '../values/index.js';
import { ColumnValues } from './column-values.js';
import { UniqueIndex } from './unique-index.js';
import { WriteQueue } from './write-queue.js';

/** A stored record: one canonical string (or null) per column, in column order. */
export type Row = (string | null)[];
/** Values an import brings for a row; `undefined` where the import does not touch the column. */
export type RowPatch = (string | null | undefined)[];

export interface Column {
  name: string;
  /** null for technical columns, which only the platform writes. */
  rule: AttributeRule | null;
}

const MOMENT_COLUMNS = ['creationMoment', 'updateMoment'] as const;

/** Where a column's values live: compact text, or the profile ids, kept as numbers. */
interface ColumnStore {
  get(row: number): string | null;
  set(row: number, value: string | null): void;
  push(value: string | null): void;
}

/** profileId: a number per row, shown as text (one string per row would cost ~30 bytes each). */
class ProfileIds implements ColumnStore {
  readonly #ids: number[] = [];
  get(row: number): string | null {
    const id = this.#ids[row];
    return id === undefined || id < 0 ? null : String(id);
  }
  set(row: number, value: string | null): void {
    this.#ids[row] = value === null ? -1 : Number(value);
  }
  push(value: string | null): void {
    this.#ids.push(value === null ? -1 : Number(value));
  }
}

/**
 * An in-memory profile or custom table, kept by column (repeated values dictionary-coded, see
 * ColumnValues), plus one index per unique column, so key matching and unique checks cost one map
 * lookup whatever the table size. Rows are numbered from 0 in insertion order; reading, updating
 * one row by number or by unique value stays constant-time. A deleted row keeps its number
 * (nothing else moves, no number is given twice) and is skipped from then on.
 */
export class Table {
  readonly columns: Column[];
  readonly #values: ColumnStore[];
  /** Row numbers given so far: the next row's number. */
  #size = 0;
  /** Numbers of the deleted rows: deletions are single-record calls, few next to the rows. */
  readonly #deleted = new Set<number>();
  /** Import runs writing rows in slices queue here, so their rows land one run after the other. */
  readonly writes = new WriteQueue();
  /** Unique columns, in declared order: the order in which rows are matched to records. */
  readonly keyColumns: number[];
  readonly #byName = new Map<string, number>();
  readonly #indexes = new Map<number, UniqueIndex>();
  readonly #creationColumn: number;
  readonly #updateColumn: number;
  readonly #profileIdColumn: number | null;
  /** Per column: how an update combines a new value with the stored one; undefined: it replaces it. */
  readonly #merges: (ValueMerge | undefined)[];
  #nextProfileId = 1;
  /** The last moment formatted: an import writes every row at the same `now`, and formatting a date per row cost 8% of a big import. */
  #moment = { at: Number.NaN, text: '' };

  private constructor(
    readonly type: TableType,
    readonly structure: ProfileTableStructure | CustomTableStructure,
    columns: Column[],
    keyColumnNames: string[],
  ) {
    this.columns = [...columns];
    for (const name of MOMENT_COLUMNS) {
      if (!this.columns.some((column) => column.name === name)) this.columns.push({ name, rule: null });
    }
    this.columns.forEach((column, index) => {
      this.#byName.set(column.name, index);
    });
    this.keyColumns = keyColumnNames.map((name) => this.#indexOf(name));
    for (const index of this.keyColumns) {
      this.#indexes.set(index, new UniqueIndex((row) => this.value(row, index)));
    }
    this.#creationColumn = this.#indexOf('creationMoment');
    this.#updateColumn = this.#indexOf('updateMoment');
    this.#profileIdColumn = type === 'PROFILE_TABLE' ? this.#indexOf('profileId') : null;
    this.#values = this.columns.map((_, index) =>
      index === this.#profileIdColumn ? new ProfileIds() : new ColumnValues(),
    );
    this.#merges = this.columns.map((column) => (column.rule ? compileValueMerge(column.rule) : undefined));
  }

  static profile(structure: ProfileTableStructure): Table {
    const attributes = structure.attributes.some((a) => a.name === 'profileId')
      ? structure.attributes
      : [
          { type: 'TECHNICAL' as const, name: 'profileId', unique: true, mandatory: false },
          ...structure.attributes,
        ];
    // Subscriptions and segmentations are columns too, named as imports map them (subscriptions#Newsletter).
    const subscriptionsAndSegmentations = [
      ...structure.subscriptions.map(ruleForSubscription),
      ...structure.segmentations.map(ruleForSegmentation),
    ];
    const columns: Column[] = [
      ...attributes.map((attribute) => ({ name: attribute.name, rule: ruleForProfileAttribute(attribute) })),
      ...subscriptionsAndSegmentations.map((rule) => ({ name: rule.name, rule })),
    ];
    const keys = attributes.filter((a) => a.unique && a.type !== 'TECHNICAL').map((a) => a.name);
    return new Table('PROFILE_TABLE', structure, columns, keys);
  }

  static custom(structure: CustomTableStructure): Table {
    if (!structure.attributes.some((a) => a.name === structure.primaryKeyAttribute)) {
      throw new TypeError(
        `custom table ${structure.name}: primaryKeyAttribute ${structure.primaryKeyAttribute} is not one of its attributes`,
      );
    }
    const columns = structure.attributes
      .filter((a) => !MOMENT_COLUMNS.includes(a.name as (typeof MOMENT_COLUMNS)[number]))
      .map((attribute) => ({ name: attribute.name, rule: ruleForCustomAttribute(attribute) }));
    const keys = [
      structure.primaryKeyAttribute,
      ...structure.attributes
        .filter((a) => a.unique && a.name !== structure.primaryKeyAttribute)
        .map((a) => a.name),
    ];
    return new Table('CUSTOM_TABLE', structure, columns, keys);
  }

  get id(): string {
    return this.structure.id;
  }

  get name(): string {
    return this.structure.name;
  }

  columnIndex(name: string): number | undefined {
    return this.#byName.get(name);
  }

  isUnique(column: number): boolean {
    return this.#indexes.has(column);
  }

  /** The row holding `value` in unique column `column`, if any. */
  find(column: number, value: string): number | undefined {
    return this.#indexes.get(column)?.get(value);
  }

  /**
   * The row of the profile with id `profileId`, if it exists. Profile ids are given one per row in
   * insertion order and never reused, so it is row `profileId - 1` (checked, not assumed).
   */
  findProfile(profileId: number): number | undefined {
    if (this.#profileIdColumn === null || !Number.isSafeInteger(profileId)) return undefined;
    const row = profileId - 1;
    return this.has(row) && this.value(row, this.#profileIdColumn) === String(profileId) ? row : undefined;
  }

  /** How many records the table holds (deleted ones excluded). */
  get size(): number {
    return this.#size - this.#deleted.size;
  }

  /** Every record, each as one value per column. A copy, built on demand: prefer `row()` and `size`. */
  get rows(): Row[] {
    return [...this.rowNumbers()].map((index) => this.row(index));
  }

  /** The numbers of the records, in insertion order (a linear walk: what search and sort scan). */
  *rowNumbers(): Generator<number> {
    for (let index = 0; index < this.#size; index += 1) if (!this.#deleted.has(index)) yield index;
  }

  /** Whether `rowIndex` is a record of the table (not deleted, not past the end). */
  has(rowIndex: number): boolean {
    return (
      Number.isInteger(rowIndex) && rowIndex >= 0 && rowIndex < this.#size && !this.#deleted.has(rowIndex)
    );
  }

  /** Record `rowIndex` as one value per column (a copy). */
  row(rowIndex: number): Row {
    return this.#values.map((column) => column.get(rowIndex));
  }

  /** One value of record `rowIndex`. */
  value(rowIndex: number, column: number): string | null {
    return this.#values[column]?.get(rowIndex) ?? null;
  }

  /** Stores a new record; the caller has checked mandatory and unique constraints. */
  insert(patch: RowPatch, now: number): number {
    const moment = this.#momentText(now);
    const rowIndex = this.#size;
    for (let i = 0; i < this.columns.length; i += 1) {
      let value = patch[i] ?? null;
      if (i === this.#creationColumn || i === this.#updateColumn) value = moment;
      // Never reused, a deleted profile's id included: a client holding an old id must not reach another profile.
      else if (i === this.#profileIdColumn) value = String(this.#nextProfileId++);
      (this.#values[i] as ColumnStore).push(value);
    }
    this.#size += 1;
    for (const [column, index] of this.#indexes) {
      const value = this.value(rowIndex, column);
      if (value !== null) index.set(value, rowIndex);
    }
    return rowIndex;
  }

  /**
   * Writes the columns the patch defines (a SIMPLE segmentation gains the patch's categories, every
   * other column is overwritten); the caller has checked unique constraints.
   */
  update(rowIndex: number, patch: RowPatch, now: number): void {
    for (const [column, index] of this.#indexes) {
      const next = patch[column];
      const previous = this.value(rowIndex, column);
      if (next === undefined || next === previous) continue;
      if (previous !== null) index.delete(previous);
      if (next !== null) index.set(next, rowIndex);
    }
    for (let i = 0; i < patch.length; i += 1) {
      const value = patch[i];
      if (value === undefined || this.columns[i]?.rule === null) continue;
      const merge = this.#merges[i];
      const store = this.#values[i] as ColumnStore;
      const previous = merge && value !== null ? store.get(rowIndex) : null;
      store.set(rowIndex, merge && value !== null && previous !== null ? merge(previous, value) : value);
    }
    (this.#values[this.#updateColumn] as ColumnStore).set(rowIndex, this.#momentText(now));
  }

  /**
   * Takes `category` out of a segmentation column of record `rowIndex` (a SIMPLE one keeps its
   * other categories; an EXCLUSIVE one empties if it held it). Returns whether the value changed.
   */
  removeCategory(rowIndex: number, column: number, category: string, now: number): boolean {
    const kind = this.columns[column]?.rule?.kind;
    if (kind !== 'CATEGORY' && kind !== 'CATEGORY_SET') {
      throw new TypeError(`column ${this.columns[column]?.name} of table ${this.name} is not a segmentation`);
    }
    const store = this.#values[column] as ColumnStore;
    const previous = store.get(rowIndex);
    const next =
      previous === null
        ? null
        : kind === 'CATEGORY'
          ? previous === category
            ? null
            : previous
          : withoutCategory(previous, category);
    if (next === previous) return false;
    store.set(rowIndex, next);
    (this.#values[this.#updateColumn] as ColumnStore).set(rowIndex, this.#momentText(now));
    return true;
  }

  /**
   * Deletes record `rowIndex`: its unique values are free again (a later import or write creates
   * a new record with them); its number and its profile id are never given to another record.
   * Its values stay in the columns, unreachable: a deletion is rare next to the rows.
   */
  delete(rowIndex: number): void {
    if (!this.has(rowIndex)) return;
    for (const [column, index] of this.#indexes) {
      const value = this.value(rowIndex, column);
      if (value !== null && index.get(value) === rowIndex) index.delete(value);
    }
    this.#deleted.add(rowIndex);
  }

  /** A record as JSON, typed per column (numbers, booleans), technical columns included. */
  toJson(row: Row): Record<string, JsonValue> {
    const record: Record<string, JsonValue> = {};
    this.columns.forEach((column, index) => {
      const value = row[index] ?? null;
      if (column.name === 'profileId') record[column.name] = value === null ? null : Number(value);
      else record[column.name] = column.rule ? toJsonValue(column.rule.kind, value) : value;
    });
    return record;
  }

  #momentText(now: number): string {
    if (this.#moment.at !== now) this.#moment = { at: now, text: isoMoment(now) };
    return this.#moment.text;
  }

  #indexOf(name: string): number {
    const index = this.#byName.get(name);
    if (index === undefined) throw new TypeError(`table ${this.structure.name} has no column ${name}`);
    return index;
  }
}
