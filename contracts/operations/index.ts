/*
 * Every operation the mock serves, as one list: the OpenAPI document is generated from it and a
 * test checks it against the routes the app registers (both ways), so it cannot drift.
 *
 * To add a file: create `contracts/operations/<area>.ts` exporting `export const <area>Operations:
 * Operation[] = [...]` (every schema it uses exported from contracts/index.ts, with a fidelity
 * mark), then add one import line and one spread line below. Keep one entry per operation, with
 * every path alias in `paths`.
 */
import { authOperations } from './auth.js';
import { controlOperations } from './control.js';
import type { Operation } from './operation.js';
import { recordOperations } from './records.js';
import { settingsOperations } from './settings.js';
import { tableRecordOperations } from './table-records.js';
import { tableOperations } from './tables.js';
import { uiOperations } from './ui.js';
import { v4Operations } from './v4.js';
import { v5Operations } from './v5.js';
import { v5EtlOperations } from './v5-etls.js';
import { webhookOperations } from './webhooks.js';

export type { Operation, OperationResponse } from './operation.js';

export const allOperations: readonly Operation[] = [
  ...authOperations,
  ...tableOperations,
  ...v5Operations,
  ...v5EtlOperations,
  ...v4Operations,
  ...tableRecordOperations,
  ...webhookOperations,
  ...controlOperations,
  ...recordOperations,
  ...uiOperations,
  ...settingsOperations,
];
