import type { PushMode, WebhookEventType, WebhookSource } from '../../../contracts/webhooks.js';
import { ActitoError } from '../errors.js';
import type { IdGenerator } from '../ids.js';
import type { WebhookEvent } from './webhook-event.js';

/** Default events per POST of a BULK subscription without maxBlockSize. */
export const DEFAULT_BLOCK_SIZE = 100;

/** A subscription as the mock keeps it. */
export interface StoredSubscription {
  id: string;
  entity: string;
  on: WebhookSource;
  eventType: WebhookEventType;
  onElementId: string | null;
  onFields: string[];
  targetUrl: string;
  headers: Record<string, string>;
  isActive: boolean;
  pushMode: PushMode;
  /** BULK: most events per POST; 1 for ONE_BY_ONE. */
  maxBlockSize: number;
  createdAt: number;
}

export type SubscriptionSpec = Omit<StoredSubscription, 'id' | 'entity' | 'createdAt'>;

/** The webhook subscriptions of one tenant, per entity, oldest first. */
export class WebhookSubscriptions {
  readonly #byId = new Map<string, StoredSubscription>();

  constructor(private readonly ids: IdGenerator) {}

  add(entity: string, spec: SubscriptionSpec, now: number): StoredSubscription {
    const subscription = { ...spec, id: this.ids.next(), entity, createdAt: now };
    this.#byId.set(subscription.id, subscription);
    return subscription;
  }

  replace(entity: string, id: string, spec: SubscriptionSpec): StoredSubscription {
    const current = this.get(entity, id);
    const replaced = { ...spec, id, entity, createdAt: current.createdAt };
    this.#byId.set(id, replaced);
    return replaced;
  }

  remove(entity: string, id: string): StoredSubscription {
    const subscription = this.get(entity, id);
    this.#byId.delete(id);
    return subscription;
  }

  get(entity: string, id: string): StoredSubscription {
    const subscription = this.#byId.get(id);
    if (subscription && subscription.entity === entity) return subscription;
    throw new ActitoError('UNKNOWN_SUBSCRIPTION', `Entity ${entity} has no webhook subscription ${id}.`);
  }

  /** The subscription as it is now, if it still exists. */
  current(id: string): StoredSubscription | undefined {
    return this.#byId.get(id);
  }

  list(entity: string): StoredSubscription[] {
    return [...this.#byId.values()].filter((subscription) => subscription.entity === entity);
  }

  /** Forgets every subscription of an entity (a reset or a new seed of it); returns them. */
  removeEntity(entity: string): StoredSubscription[] {
    const removed = this.list(entity);
    for (const subscription of removed) this.#byId.delete(subscription.id);
    return removed;
  }

  /** The active subscriptions of `entity` that listen to `event`. */
  matching(entity: string, event: WebhookEvent): StoredSubscription[] {
    return this.list(entity).filter(
      (subscription) =>
        subscription.isActive &&
        subscription.on === event.on &&
        subscription.eventType === event.eventType &&
        (subscription.onElementId === null || subscription.onElementId === event.elementId) &&
        touchesFields(subscription, event),
    );
  }
}

/** onFields restricts the events that concern fields to those touching one of them. */
function touchesFields(subscription: StoredSubscription, event: WebhookEvent): boolean {
  if (subscription.onFields.length === 0 || event.fields === undefined) return true;
  return event.fields.some((field) => subscription.onFields.includes(field));
}
