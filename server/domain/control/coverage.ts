import type { CoverageReport, RecordKind } from '../../../contracts/control.js';
import { isoMoment } from '../clock.js';

/** The final statuses a client should have seen, per kind of record (V4 shows FINISHED for both SUCCESS and WITH_ERROR). */
export const FINAL_STATUSES: Record<RecordKind, readonly string[]> = {
  'v5.etlExecution': ['SUCCESS', 'WITH_ERROR', 'ERROR'],
  'v4.import': ['FINISHED', 'ERROR'],
};

/** What a webhook receiver should have been through: a retry after a failure, and a delivery given up. */
const WATCHED_WEBHOOK_OUTCOMES = ['retried', 'failed'] as const;

/** Statuses whose handling a client must prove, whatever route answered them. */
const WATCHED_RESPONSES = [401, 429] as const;

/** One answered request, as coverage counts it. */
export interface CoverageExchange {
  /** The operationId, or "METHOD route"; null when no route matched. */
  operation: string | null;
  status: number;
  errorCode: string | null;
  /** A record status the client read (a status poll). */
  recordStatus?: { kind: RecordKind; status: string } | undefined;
  /** The kind of record an accepted upload created. */
  uploaded?: RecordKind | undefined;
}

/**
 * What the clients of one tenant exercised since its last reset: operations and their statuses,
 * record statuses read, error codes; and what they never did, so a team sees untested paths.
 */
export class Coverage {
  #requests = 0;
  readonly #operations = new Map<string, { calls: number; statuses: Record<string, number> }>();
  readonly #recordStatuses = new Map<RecordKind, Record<string, number>>();
  readonly #uploaded = new Set<RecordKind>();
  readonly #errorCodes: Record<string, number> = {};
  readonly #responses = new Set<number>();
  readonly #webhooks = new Map<string, Record<string, number>>();

  constructor(readonly since: number) {}

  record(exchange: CoverageExchange): void {
    this.#requests += 1;
    this.#responses.add(exchange.status);
    if (exchange.operation !== null) {
      const operation = this.#operations.get(exchange.operation) ?? { calls: 0, statuses: {} };
      operation.calls += 1;
      bump(operation.statuses, String(exchange.status));
      this.#operations.set(exchange.operation, operation);
    }
    if (exchange.errorCode !== null) bump(this.#errorCodes, exchange.errorCode);
    if (exchange.uploaded) this.#uploaded.add(exchange.uploaded);
    if (exchange.recordStatus) {
      const { kind, status } = exchange.recordStatus;
      const seen = this.#recordStatuses.get(kind) ?? {};
      bump(seen, status);
      this.#recordStatuses.set(kind, seen);
    }
  }

  /** How one webhook delivery of `event` (`ETL FINISHED`) ended: delivered, retried, failed... */
  recordWebhook(event: string, outcomes: readonly string[]): void {
    const seen = this.#webhooks.get(event) ?? {};
    for (const outcome of outcomes) bump(seen, outcome);
    this.#webhooks.set(event, seen);
  }

  /** The report, measured against the operations the mock serves. */
  report(knownOperations: readonly string[]): CoverageReport {
    const operations = [...this.#operations].map(([operation, counts]) => ({
      operation,
      calls: counts.calls,
      statuses: { ...counts.statuses },
    }));
    return {
      since: isoMoment(this.since),
      requests: this.#requests,
      operations: operations.sort((a, b) => a.operation.localeCompare(b.operation)),
      recordStatuses: Object.fromEntries(
        [...this.#recordStatuses].map(([kind, seen]) => [kind, { ...seen }]),
      ),
      errorCodes: { ...this.#errorCodes },
      unauthorized: this.#responses.has(401),
      tooManyRequests: this.#responses.has(429),
      ...(this.#webhooks.size
        ? { webhooks: Object.fromEntries([...this.#webhooks].map(([event, seen]) => [event, { ...seen }])) }
        : {}),
      never: {
        operations: [...new Set(knownOperations)].filter((o) => !this.#operations.has(o)).sort(),
        finalStatuses: this.#finalStatusesNeverSeen(),
        responses: WATCHED_RESPONSES.filter((s) => !this.#responses.has(s)).map(String),
        ...(this.#webhooks.size ? { webhookOutcomes: this.#webhookOutcomesNeverSeen() } : {}),
      },
    };
  }

  #webhookOutcomesNeverSeen(): string[] {
    return [...this.#webhooks].flatMap(([event, seen]) =>
      WATCHED_WEBHOOK_OUTCOMES.filter((outcome) => !(outcome in seen)).map(
        (outcome) => `${event} ${outcome}`,
      ),
    );
  }

  /** Only for kinds the client uploaded: a V5-only client is not told it never saw V4's FINISHED. */
  #finalStatusesNeverSeen(): string[] {
    const never: string[] = [];
    for (const kind of Object.keys(FINAL_STATUSES) as RecordKind[]) {
      if (!this.#uploaded.has(kind) && !this.#recordStatuses.has(kind)) continue;
      const seen = this.#recordStatuses.get(kind) ?? {};
      for (const status of FINAL_STATUSES[kind]) if (!(status in seen)) never.push(`${kind} ${status}`);
    }
    return never;
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
