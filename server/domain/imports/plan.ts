import type { ErrorDetail } from '../../../contracts/errors.js';
import { ActitoError } from '../errors.js';
import type { ReadFormat } from '../files/index.js';
import type { Table } from '../tables/table.js';
import { unknownColumnMessage } from '../tables/unknown-column.js';
import type { AttributeRule, ValueCheck, ValueTransform } from '../values/index.js';
import { checkTransformationFormat, compileTransformations, compileValueChecker } from '../values/index.js';
import type { ImportSpec } from './import-spec.js';

/** One mapped column: where it comes from in the file and how its values are checked. */
export interface PlannedColumn {
  headerColumn: string;
  attributeName: string;
  column: number;
  rule: AttributeRule;
  check: (raw: string) => ValueCheck;
  transform: ValueTransform | undefined;
}

/** A definition resolved against its table: everything the per-row work needs, compiled once. */
export interface ImportPlan {
  table: Table;
  spec: ImportSpec;
  read: ReadFormat;
  /** Empty means "map every header column that names an attribute". */
  mapped: PlannedColumn[];
  /** Two-digit years of DATE_FORMAT resolve around this year of the mock's clock. */
  referenceYear: number;
  /** Header names ignored on purpose (technical columns of custom tables). */
  ignoredHeaders: ReadonlySet<string>;
}

const CUSTOM_TABLE_IGNORED = new Set(['creationMoment', 'updateMoment', 'id']);

/** Checks the mapping and transformations against the table; throws INVALID_DEFINITION listing every fault. */
export function planImport(table: Table, spec: ImportSpec, now: number): ImportPlan {
  const details: ErrorDetail[] = [];
  const referenceYear = new Date(now).getUTCFullYear();
  const transforms = compileTransformationsChecked(spec, details, referenceYear);
  const mapped = spec.attributesMapping.flatMap((mapping, index) => {
    const planned = planColumn(table, mapping.headerColumn, mapping.attributeName, transforms);
    if (typeof planned === 'string') {
      details.push({ path: `${spec.pathPrefix}attributesMapping[${index}].attributeName`, message: planned });
      return [];
    }
    return [planned];
  });
  checkDuplicates(spec, details);
  checkTransformationColumns(spec, details);
  checkMatching(table, spec, mapped, details);
  if (details.length > 0) throw invalidDefinition(details);
  return {
    table,
    spec,
    read: {
      compression: spec.compression,
      encoding: spec.format.encoding,
      separator: spec.format.separator,
      enclosing: spec.format.enclosing,
      escaping: spec.format.escaping,
      endOfLine: spec.format.endOfLine,
      bom: spec.bom,
    },
    mapped,
    referenceYear,
    ignoredHeaders: table.type === 'CUSTOM_TABLE' ? CUSTOM_TABLE_IGNORED : new Set(),
  };
}

/**
 * Caps the data file's size once decompressed (Actito limits ETL files to 100 MB too), so a small
 * zip that inflates without end ends the import in ERROR instead of filling the memory.
 */
export function limitFileBytes(plan: ImportPlan, maxBytes: number | null): ImportPlan {
  return maxBytes === null ? plan : { ...plan, read: { ...plan.read, maxBytes } };
}

/** Maps header columns by name when the definition gives no mapping (modelled leniency). */
export function planColumnsFromHeader(plan: ImportPlan, header: readonly string[]): PlannedColumn[] {
  const transforms = compileTransformations(plan.spec.transformations, { referenceYear: plan.referenceYear });
  return header.flatMap((name) => {
    if (plan.ignoredHeaders.has(name)) return [];
    const planned = planColumn(plan.table, name, name, transforms);
    return typeof planned === 'string' ? [] : [planned];
  });
}

export function invalidDefinition(details: ErrorDetail[]): ActitoError {
  const first = details[0];
  const summary = first ? `${first.path}: ${first.message}` : 'the definition is invalid';
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return new ActitoError('INVALID_DEFINITION', `Invalid definition: ${summary}${more}.`, details);
}

function planColumn(
  table: Table,
  headerColumn: string,
  attributeName: string,
  transforms: Map<string, ValueTransform>,
): PlannedColumn | string {
  const column = table.columnIndex(attributeName);
  const rule = column === undefined ? undefined : table.columns[column]?.rule;
  if (column === undefined) return unknownColumnMessage(table, attributeName);
  if (!rule) return `"${attributeName}" is a technical attribute of table ${table.name}, set by the platform`;
  return {
    headerColumn,
    attributeName,
    column,
    rule,
    check: compileValueChecker(rule),
    transform: transforms.get(headerColumn),
  };
}

function compileTransformationsChecked(
  spec: ImportSpec,
  details: ErrorDetail[],
  referenceYear: number,
): Map<string, ValueTransform> {
  let valid = true;
  spec.transformations.forEach((transformation, index) => {
    if (transformation.type !== 'DATE_FORMAT') return;
    const problem = checkTransformationFormat(transformation.fromFormat);
    if (!problem) return;
    valid = false;
    details.push({ path: `${spec.pathPrefix}transformations[${index}].fromFormat`, message: problem });
  });
  return valid ? compileTransformations(spec.transformations, { referenceYear }) : new Map();
}

function checkDuplicates(spec: ImportSpec, details: ErrorDetail[]): void {
  const seen = new Map<string, number>();
  spec.attributesMapping.forEach((mapping, index) => {
    const previous = seen.get(mapping.attributeName);
    if (previous !== undefined) {
      details.push({
        path: `${spec.pathPrefix}attributesMapping[${index}].attributeName`,
        message: `attribute "${mapping.attributeName}" is already mapped by attributesMapping[${previous}]`,
      });
    }
    seen.set(mapping.attributeName, index);
  });
}

function checkTransformationColumns(spec: ImportSpec, details: ErrorDetail[]): void {
  if (spec.attributesMapping.length === 0) return;
  const headers = new Set(spec.attributesMapping.map((m) => m.headerColumn));
  spec.transformations.forEach((transformation, index) => {
    if (headers.has(transformation.headerColumn)) return;
    details.push({
      path: `${spec.pathPrefix}transformations[${index}].headerColumn`,
      message: `header column "${transformation.headerColumn}" is not in attributesMapping`,
    });
  });
}

/** Modes that look records up need a unique attribute to look them up by; CREATE_ONLY needs every mandatory one. */
function checkMatching(
  table: Table,
  spec: ImportSpec,
  mapped: PlannedColumn[],
  details: ErrorDetail[],
): void {
  if (spec.attributesMapping.length === 0) return;
  const mappedColumns = new Set(mapped.map((m) => m.column));
  const path = `${spec.pathPrefix}attributesMapping`;
  if (spec.mode !== 'CREATE_ONLY' && !table.keyColumns.some((column) => mappedColumns.has(column))) {
    const keys = table.keyColumns.map((column) => table.columns[column]?.name).join(', ');
    details.push({
      path,
      message: `mode ${spec.mode} matches existing records on a unique attribute, but none is mapped; map one of ${keys}`,
    });
  }
  if (spec.mode === 'CREATE_ONLY') {
    const missing = table.columns.filter(
      (column, index) => column.rule?.mandatory === true && !mappedColumns.has(index),
    );
    if (missing.length > 0) {
      details.push({
        path,
        message: `mode CREATE_ONLY creates records, which need the mandatory attributes ${missing.map((c) => c.name).join(', ')}; map them`,
      });
    }
  }
}
