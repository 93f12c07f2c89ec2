import type { WebhookEventType, WebhookSource } from '../../../contracts/webhooks.js';
import type { StoredSubscription } from './subscriptions.js';

/**
 * Something that happened, for the subscriptions that listen to it. ETL executions raise STARTED
 * and FINISHED; table writes (issue 14) raise CREATE, UPDATE, DELETE... on the same machinery.
 */
export interface WebhookEvent {
  on: WebhookSource;
  eventType: WebhookEventType;
  /** What a subscription's onElementId names: the ETL id, or the table id. */
  elementId: string;
  /** One element of the payload's `data` (BULK sends an array of them). */
  data: Record<string, unknown>;
  /**
   * The fields the change touched: a subscription with onFields receives an UPDATE only when one
   * of them is among these. Left out: the event concerns no field in particular.
   */
  fields?: readonly string[];
  /** Keys the payload carries beside `id`, `data` and `_links` (a data event's tableType...). */
  envelope?: Record<string, unknown>;
  /** The data as one subscription sees it (data events show the fields of onFields); `data` otherwise. */
  dataFor?: (subscription: StoredSubscription) => Record<string, unknown>;
}
