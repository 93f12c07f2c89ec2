import type { WebhookDeliveriesQuery, WebhookDeliveryStatus } from '../../../contracts/webhooks.js';
import type { Delivery } from './dispatcher.js';

/** Enough for a test file's deliveries; older finished ones are dropped so memory stays bounded. */
export const DELIVERY_LOG_CAPACITY = 1000;

const FINISHED: ReadonlySet<WebhookDeliveryStatus> = new Set(['DELIVERED', 'FAILED', 'DROPPED', 'CANCELLED']);

/** Every delivery of a tenant, oldest first; past capacity, the oldest finished ones are forgotten. */
export class DeliveryLog {
  #deliveries: Delivery[] = [];
  #dropped = 0;
  /** The outcomes of the deliveries forgotten, so the counts still cover every one since the reset. */
  readonly #forgotten: Partial<Record<WebhookDeliveryStatus, number>> = {};

  constructor(readonly capacity: number = DELIVERY_LOG_CAPACITY) {}

  get dropped(): number {
    return this.#dropped;
  }

  add(delivery: Delivery): void {
    this.#deliveries.push(delivery);
    this.trim();
  }

  /**
   * Forgets the oldest finished deliveries past capacity. Called on every add and whenever a
   * delivery finishes: a burst of more deliveries than the capacity, all unfinished when added,
   * is brought back to the capacity once they finish.
   */
  trim(): void {
    let excess = this.#deliveries.length - this.capacity;
    if (excess <= 0) return;
    this.#deliveries = this.#deliveries.filter((entry) => {
      if (excess === 0 || !FINISHED.has(entry.status)) return true;
      excess -= 1;
      this.#dropped += 1;
      this.#forgotten[entry.status] = (this.#forgotten[entry.status] ?? 0) + 1;
      return false;
    });
  }

  list(filter: WebhookDeliveriesQuery = {}): Delivery[] {
    return this.#deliveries.filter(
      (delivery) =>
        (filter.subscriptionId === undefined || delivery.subscriptionId === filter.subscriptionId) &&
        (filter.eventType === undefined || delivery.subscription.eventType === filter.eventType) &&
        (filter.status === undefined || delivery.status === filter.status),
    );
  }

  /** How many deliveries ended in each status, the forgotten ones included. */
  statusCounts(): Partial<Record<WebhookDeliveryStatus, number>> {
    const counts: Partial<Record<WebhookDeliveryStatus, number>> = { ...this.#forgotten };
    for (const delivery of this.#deliveries) counts[delivery.status] = (counts[delivery.status] ?? 0) + 1;
    return counts;
  }
}
