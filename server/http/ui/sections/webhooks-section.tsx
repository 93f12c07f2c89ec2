import type {
  WebhookDelivery as WebhookDeliveryWire,
  WebhookSubscription as WebhookSubscriptionWire,
} from '../../../../contracts/webhooks.js';
import { presentDelivery, presentSubscription } from '../../presenters/webhooks.js';
import { Empty, JsonDetails, Moment } from '../parts.js';
import type { UiSection } from '../ui-section.js';

const SHOWN = 50;
/** The statuses that mean the receiver never got the event. */
const FAILURES = new Set(['FAILED', 'DROPPED']);

/**
 * The tenant's webhook subscriptions (as GET .../webhookSubscription presents them) and the newest
 * deliveries of its log (as GET /__mock/webhooks/deliveries presents them), with each one's outcome.
 */
export const webhooksSection: UiSection = {
  id: 'webhooks',
  title: 'Webhook deliveries',
  refresh: true,
  render({ tenant }) {
    const subscriptions = [...tenant.entities.keys()].flatMap((entity) =>
      tenant.webhookSubscriptions.list(entity).map((subscription) => ({
        entity,
        subscription: presentSubscription(subscription),
      })),
    );
    const { webhooks } = tenant;
    const log = webhooks.log.list();
    if (subscriptions.length === 0 && log.length === 0) {
      return (
        <Empty name="webhooks">
          {
            'No webhook subscription yet: POST /webhooks/v4/entity/{entity}/webhookSubscription makes one, and what the mock POSTs to it appears here.'
          }
        </Empty>
      );
    }
    const deliveries = log
      .slice(-SHOWN)
      .reverse()
      .map((delivery) => presentDelivery(delivery, webhooks));
    const { inFlight, scheduled } = webhooks.counts();
    return (
      <>
        <h3>Subscriptions</h3>
        {subscriptions.length === 0 ? (
          <Empty name="webhook-subscriptions">No subscription left (deleted, or its entity reset).</Empty>
        ) : (
          <table class="subscriptions">
            <thead>
              <tr>
                <th>Subscription</th>
                <th>Entity</th>
                <th>Event</th>
                <th>Target URL</th>
                <th>Active</th>
                <th>Push mode</th>
              </tr>
            </thead>
            <tbody>
              {subscriptions.map(({ entity, subscription }) => (
                <SubscriptionRow entity={entity} subscription={subscription} />
              ))}
            </tbody>
          </table>
        )}
        <h3>Deliveries</h3>
        <p class="summary">
          {log.length} deliver{log.length === 1 ? 'y' : 'ies'} in the log
          {log.length > deliveries.length ? `, the newest ${deliveries.length} shown` : ''}, newest first;{' '}
          {inFlight} in flight, {scheduled} waiting for a try
          {webhooks.log.dropped ? `; ${webhooks.log.dropped} older ones forgotten` : ''}. POST
          /__mock/webhooks/settle waits for them.
        </p>
        {deliveries.length === 0 ? (
          <Empty name="webhook-deliveries">
            No delivery yet: an event a subscription listens to (an ETL run, a record write) makes one.
          </Empty>
        ) : (
          <table class="deliveries">
            <thead>
              <tr>
                <th>At</th>
                <th>Subscription</th>
                <th>Event</th>
                <th>Attempts</th>
                <th>Outcome</th>
                <th>Last HTTP status or error</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <DeliveryRow delivery={delivery} />
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  },
};

function SubscriptionRow({
  entity,
  subscription,
}: {
  entity: string;
  subscription: WebhookSubscriptionWire;
}) {
  return (
    <tr data-subscription={subscription.id} class={subscription.isActive ? undefined : 'muted'}>
      <td>{subscription.id}</td>
      <td>{entity}</td>
      <td>
        {subscription.on} {subscription.eventType}
        {subscription.onElementId === null ? null : (
          <div class="muted">on element {subscription.onElementId}</div>
        )}
        {subscription.onFields.length ? (
          <div class="muted">on fields {subscription.onFields.join(', ')}</div>
        ) : null}
      </td>
      <td>
        <code class="path">{subscription.targetUrl}</code>
      </td>
      <td data-field="active">{subscription.isActive ? 'yes' : 'no'}</td>
      <td>
        {subscription.pushMode}
        {subscription.maxBlockSize === null ? null : (
          <span class="muted"> (up to {subscription.maxBlockSize} events)</span>
        )}
      </td>
    </tr>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDeliveryWire }) {
  const tries = delivery.attempts.filter((attempt) => !attempt.duplicate).length;
  const last = delivery.attempts.at(-1);
  const outcome = [
    delivery.status.toLowerCase().replace('_', ' '),
    ...(tries > 1 ? ['retried'] : []),
    ...(delivery.attempts.some((attempt) => attempt.duplicate) ? ['duplicated'] : []),
  ].join(', ');
  return (
    <tr data-delivery={delivery.id} data-status={delivery.status}>
      <td>
        <Moment at={delivery.createdAt} />
      </td>
      <td>
        {delivery.subscriptionId}
        <div class="muted">
          <code class="path">{delivery.targetUrl}</code>
        </div>
      </td>
      <td>
        {delivery.on} {delivery.eventType}
        {delivery.events > 1 ? <span class="muted"> ({delivery.events} events)</span> : null}
        <JsonDetails id={`delivery:${delivery.id}:payload`} summary="payload" value={delivery.payload} />
      </td>
      <td>{delivery.attempts.length}</td>
      <td class={FAILURES.has(delivery.status) ? 'bad' : undefined} data-field="outcome">
        {outcome}
        {delivery.nextAttemptAt === null ? null : (
          <div class="muted">
            next try <Moment at={delivery.nextAttemptAt} />
          </div>
        )}
      </td>
      <td class={last?.error ? 'bad' : undefined} data-field="last">
        {last === undefined ? (
          <span class="muted">not sent</span>
        ) : (
          <>
            {last.status === null ? 'no answer' : last.status}
            {last.error ? <div class="error">{last.error}</div> : null}
          </>
        )}
        {delivery.notes.length ? <div class="muted">{delivery.notes.join(' ')}</div> : null}
      </td>
    </tr>
  );
}
