import type { JournalEntry } from '../../../contracts/control.js';
import type { WebhookSettings } from '../../../contracts/webhooks.js';
import type { Clock } from '../clock.js';
import { isoMoment } from '../clock.js';
import type { Coverage } from '../control/coverage.js';
import type { FaultBook } from '../control/faults.js';
import type { Journal } from '../control/journal.js';
import { journalHeaders } from '../control/journal-headers.js';
import type { IdGenerator } from '../ids.js';
import { createIdGenerator } from '../ids.js';
import type { Attempt, Delivery } from './dispatcher.js';
import { requestHeaders, WebhookDispatcher } from './dispatcher.js';
import { WebhookSubscriptions } from './subscriptions.js';

export interface TenantWebhookParts {
  clock: Clock;
  uuids: IdGenerator;
  faults: FaultBook;
  journal: Journal;
  coverage: Coverage;
  settings: () => WebhookSettings;
  wakeAt: (at: number) => void;
}

/** A tenant's subscriptions and dispatcher, wired to its clock, faults, journal and coverage. */
export function createTenantWebhooks(parts: TenantWebhookParts): {
  subscriptions: WebhookSubscriptions;
  dispatcher: WebhookDispatcher;
} {
  const subscriptions = new WebhookSubscriptions(createIdGenerator(1));
  const dispatcher = new WebhookDispatcher({
    clock: parts.clock,
    subscriptions,
    uuids: parts.uuids,
    settings: parts.settings,
    faults: parts.faults,
    wakeAt: parts.wakeAt,
    onAttempt: (delivery, attempt) => parts.journal.record(journalEntryOf(delivery, attempt)),
    onFinished: (delivery, outcomes) =>
      parts.coverage.recordWebhook(
        `${delivery.subscription.on} ${delivery.subscription.eventType}`,
        outcomes,
      ),
  });
  return { subscriptions, dispatcher };
}

/** A webhook POST as the journal shows it: the receiver's status (0 when it never answered). */
function journalEntryOf(delivery: Delivery, attempt: Attempt): Omit<JournalEntry, 'seq'> {
  const url = new URL(delivery.subscription.targetUrl);
  return {
    method: 'POST',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    route: null,
    operation: 'deliverWebhook',
    headers: journalHeaders(new Headers(requestHeaders(delivery.subscription))),
    status: attempt.status ?? 0,
    errorCode: null,
    errorMessage: attempt.error,
    time: isoMoment(attempt.at),
    durationMs: attempt.durationMs,
    upload: null,
    received: null,
    webhook: {
      deliveryId: delivery.id,
      subscriptionId: delivery.subscriptionId,
      eventType: `${delivery.subscription.on} ${delivery.subscription.eventType}`,
      attempt: attempt.number,
      targetUrl: delivery.subscription.targetUrl,
      duplicate: attempt.duplicate,
      error: attempt.error,
    },
  };
}
