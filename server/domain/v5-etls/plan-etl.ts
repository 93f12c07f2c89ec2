import type { ErrorDetail } from '../../../contracts/errors.js';
import type { EtlTableEntry, PersistentEtlDefinition } from '../../../contracts/v5-etls.js';
import { ActitoError } from '../errors.js';
import type { ImportPlan } from '../imports/plan.js';
import { invalidDefinition, limitFileBytes, planImport } from '../imports/plan.js';
import type { Table } from '../tables/table.js';
import type { Entity } from '../tenant.js';
import { etlImportSpec } from '../v5-etl-executions/definition.js';

/** One table entry checked against its table. */
export interface PlannedEntry {
  index: number;
  entry: EtlTableEntry;
  table: Table;
  plan: ImportPlan;
  /** How messages name it: `tables[1] (Orders)`. */
  label: string;
}

/**
 * Checks every table entry of an ETL against the entity's tables (the table exists, the mapping
 * and transformations fit it, no table is fed twice) and reports every fault at once, each with
 * its path under `pathPrefix` (`body.tables[1].attributesMapping[0].attributeName`).
 */
export function planEtlEntries(
  entity: Entity,
  definition: PersistentEtlDefinition,
  options: { now: number; maxFileBytes: number | null; pathPrefix: string },
): PlannedEntry[] {
  const details: ErrorDetail[] = [];
  const planned: PlannedEntry[] = [];
  const fedBy = new Map<Table, number>();
  definition.tables.forEach((entry, index) => {
    const path = `${options.pathPrefix}tables[${index}].`;
    const table = entity.findTable(entry.table);
    if (!table) {
      details.push(unknownTable(entity, entry, path));
      return;
    }
    const previous = fedBy.get(table);
    if (previous !== undefined) {
      details.push({
        path: `${path}table`,
        message: `${table.name} is already the destination of tables[${previous}]; give each table one entry`,
      });
      return;
    }
    fedBy.set(table, index);
    try {
      const plan = planImport(table, entrySpec(definition, entry, path), options.now);
      planned.push({
        index,
        entry,
        table,
        plan: limitFileBytes(plan, options.maxFileBytes),
        label: `tables[${index}] (${table.name})`,
      });
    } catch (error) {
      if (!(error instanceof ActitoError)) throw error;
      details.push(...error.details);
    }
  });
  if (details.length > 0) throw invalidDefinition(details);
  return planned;
}

/** The entry's own mapping and mode, the ETL's format and output files; each file's compression is detected (a ZIP may hold gzipped CSVs). */
function entrySpec(definition: PersistentEtlDefinition, entry: EtlTableEntry, pathPrefix: string) {
  return etlImportSpec(
    {
      ...entry,
      mode: entry.mode ?? definition.mode,
      format: definition.format,
      file: undefined,
      outputFiles: definition.outputFiles,
    },
    pathPrefix,
  );
}

function unknownTable(entity: Entity, entry: EtlTableEntry, path: string): ErrorDetail {
  const known = entity.tables.filter((t) => t.type === entry.table.type).map((t) => `${t.name} (id ${t.id})`);
  const field = entry.table.name !== undefined ? 'name' : 'id';
  const named = entry.table.name ?? entry.table.id;
  return {
    path: `${path}table.${field}`,
    message: `entity ${entity.name} has no ${entry.table.type} "${named}"; it has ${known.join(', ') || 'none'}`,
  };
}
