import type { RunFinal } from '../imports/import-run.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';
import type { PersistentEtlExecution } from './model.js';

const FINAL: readonly string[] = ['SUCCESS', 'WITH_ERROR', 'ERROR'] satisfies RunFinal[];

/**
 * The webhook event an execution of a persistent ETL raises on entering `status`: STARTED on
 * RUNNING, FINISHED on its final status; none on PENDING. The data is Actito's sample payload's.
 */
export function etlWebhookEvent(execution: PersistentEtlExecution, status: string): WebhookEvent | null {
  const eventType = status === 'RUNNING' ? 'STARTED' : FINAL.includes(status) ? 'FINISHED' : null;
  if (eventType === null) return null;
  const base = `/mass-imports/v5/entities/${execution.entity}`;
  return {
    on: 'ETL',
    eventType,
    elementId: execution.etlId,
    data: {
      'etl.id': execution.etlId,
      'etl.executionId': execution.id,
      'etl.executionStatus': status,
      _links: {
        etlExecution: { href: `${base}/etl-executions/${execution.id}` },
        etl: { href: `${base}/etls/${execution.etlId}` },
      },
    },
  };
}
