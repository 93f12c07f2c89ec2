import { z } from 'zod';
import { fidelity } from './fidelity.js';
import { CustomTableStructure, ProfileTableStructure } from './tables.js';

/** Rows to load into a table, as JSON records keyed by attribute name. */
/**
 * A value of a record as JSON: typed per attribute; a subscription as a boolean, a segmentation as
 * a category (a SIMPLE one also as a list of categories).
 */
export const RowValue = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])
  .meta(
    fidelity(
      'modelled',
      'A value of a record: typed as its attribute; a subscription a boolean; a segmentation a category, a SIMPLE one a list of categories.',
    ),
  );
export type RowValue = z.infer<typeof RowValue>;

export const SeedRows = z
  .array(z.record(z.string(), RowValue))
  .meta(
    fidelity(
      'modelled',
      'Existing records of a table, keyed by attribute name; subscriptions and segmentations keyed subscriptions#<name> and segmentations#<name>, as an import maps them.',
    ),
  );
export type SeedRows = z.infer<typeof SeedRows>;

export const EntityFixture = z
  .object({
    name: z.string().min(1),
    profileTables: z.array(ProfileTableStructure).default([]),
    customTables: z.array(CustomTableStructure).default([]),
    /** Existing records, by table name. */
    rows: z.record(z.string(), SeedRows).default({}),
  })
  .meta(fidelity('modelled', 'An entity of the mock: its tables and their existing records.'));
export type EntityFixture = z.output<typeof EntityFixture>;
export type EntityFixtureInput = z.input<typeof EntityFixture>;

/** What the mock serves: the API keys it accepts and the entities behind them. */
export const MockFixture = z
  .object({
    source: z.string().optional(),
    apiKeys: z.array(z.string().min(1)).min(1),
    entities: z.array(EntityFixture).min(1),
  })
  .meta({
    id: 'MockFixture',
    ...fidelity('modelled', 'A fixture: API keys, entities, table structures, rows.'),
  });
export type MockFixture = z.output<typeof MockFixture>;
export type MockFixtureInput = z.input<typeof MockFixture>;
