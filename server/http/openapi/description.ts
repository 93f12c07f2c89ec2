import type { Operation } from '../../../contracts/operations/index.js';

/**
 * The document's description: what the mock is, how to read the fidelity marks, and which
 * operations are modelled. The lists are built from the operations so they stay true.
 */
export function documentDescription(operations: readonly Operation[]): string {
  const line = (operation: Operation) =>
    `- \`${operation.method.toUpperCase()} ${operation.paths.join('` / `')}\` (${operation.id})`;
  const actito = operations.filter((operation) => !isMockOwn(operation));
  const confirmed = actito.filter((operation) => operation.fidelity === 'confirmed');
  const observed = actito.filter((operation) => operation.fidelity === 'observed');
  const modelled = actito.filter((operation) => operation.fidelity === 'modelled');
  return [
    'actito-mock emulates the mass-import part of the Actito API for tests: authentication, table structures, V5 one-shot ETL executions, persistent ETLs and V4 imports (as served), the single-record profile and custom-record APIs on the same tables, and webhooks, with a control plane under `/__mock` to reset state, set how imports progress, move the clock and inspect what clients sent.',
    '',
    '**Fidelity.** Every operation and schema carries `x-actito-fidelity`: `confirmed` when Actito’s public documentation or a real public client shows it, `observed` when only public client code (Actito’s own SDK and demos, third-party clients) shows the call, `modelled` when Actito publishes nothing and this project chose it. Modelled parts are the first to correct once a real Actito response is recorded. Across the API, the error envelope (`status`, `code`, `message`, `errors`), the PENDING/RUNNING/ERROR statuses, the multipart part names and the output-file layouts are modelled.',
    '',
    `**Confirmed Actito operations** (${confirmed.length}):`,
    ...confirmed.map(line),
    '',
    `**Observed Actito operations** (seen in client code, ${observed.length}):`,
    ...observed.map(line),
    '',
    `**Modelled Actito operations** (${modelled.length}):`,
    ...modelled.map(line),
    '',
    '**Not served:** every Actito API outside mass imports, table structures, single profiles and custom records, and webhooks (campaigns, e-mails, segmentation routes of a profile, exports...).',
    '',
    'Every route also accepts `X-Mock-Tenant` to pick an isolated tenant, and answers errors in the one envelope of `ErrorEnvelope`.',
  ].join('\n');
}

/** The mock's own routes (control plane, this document), which Actito does not have. */
function isMockOwn(operation: Operation): boolean {
  return operation.paths.every((path) => path.startsWith('/__mock') || path === '/openapi.json');
}
