import type {
  WebhookDelivery as WebhookDeliveryWire,
  WebhookSubscription as WebhookSubscriptionWire,
} from '../../../contracts/webhooks.js';
import { isoMoment } from '../../domain/clock.js';
import type { Delivery, WebhookDispatcher } from '../../domain/webhooks/dispatcher.js';
import type { StoredSubscription } from '../../domain/webhooks/subscriptions.js';

export function presentSubscription(subscription: StoredSubscription): WebhookSubscriptionWire {
  return {
    id: subscription.id,
    on: subscription.on,
    eventType: subscription.eventType,
    onElementId: subscription.onElementId,
    onFields: [...subscription.onFields],
    targetUrl: subscription.targetUrl,
    headers: { ...subscription.headers },
    isActive: subscription.isActive,
    pushMode: subscription.pushMode,
    maxBlockSize: subscription.pushMode === 'BULK' ? subscription.maxBlockSize : null,
    creationMoment: isoMoment(subscription.createdAt),
  };
}

export function presentDelivery(delivery: Delivery, dispatcher: WebhookDispatcher): WebhookDeliveryWire {
  return {
    id: delivery.id,
    subscriptionId: delivery.subscriptionId,
    entity: delivery.entity,
    on: delivery.subscription.on,
    eventType: delivery.subscription.eventType,
    targetUrl: delivery.subscription.targetUrl,
    status: delivery.status,
    events: delivery.events.length,
    payload: dispatcher.payloadOf(delivery),
    createdAt: isoMoment(delivery.createdAt),
    nextAttemptAt: delivery.nextAttemptAt === null ? null : isoMoment(delivery.nextAttemptAt),
    attempts: delivery.attempts.map((attempt) => ({ ...attempt, at: isoMoment(attempt.at) })),
    notes: [...delivery.notes],
  };
}
