import { Hono } from 'hono';
import type { WebhookDeliveriesResponse, WebhookSettleResponse } from '../../../contracts/webhooks.js';
import {
  WebhookDeliveriesQuery,
  WebhookSettingsUpdate,
  WebhookSettleRequest,
} from '../../../contracts/webhooks.js';
import { isoMoment } from '../../domain/clock.js';
import { webhookSettings } from '../../domain/webhooks/settings.js';
import type { MockEnv } from '../env.js';
import { jsonBody } from '../json-body.js';
import { presentDelivery } from '../presenters/webhooks.js';
import { queryOf } from '../query.js';

/** The webhook side of the control plane: the delivery log, settling, and the delivery settings. */
export function controlWebhookRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();

  routes.get('/__mock/webhooks/deliveries', (c) => {
    const filter = queryOf(c, WebhookDeliveriesQuery, 'INVALID_CONTROL_REQUEST');
    const { webhooks } = c.get('tenant');
    const body: WebhookDeliveriesResponse = {
      deliveries: webhooks.log.list(filter).map((delivery) => presentDelivery(delivery, webhooks)),
      ...webhooks.counts(),
      dropped: webhooks.log.dropped,
      capacity: webhooks.log.capacity,
    };
    return c.json(body);
  });

  routes.post('/__mock/webhooks/settle', async (c) => {
    const { timeoutMs } = await jsonBody(c, WebhookSettleRequest, 'INVALID_CONTROL_REQUEST');
    const tenant = c.get('tenant');
    // What time made due is applied first: an execution finishing now raises its FINISHED event.
    tenant.settleDue();
    const report = await tenant.webhooks.settled(timeoutMs);
    const body: WebhookSettleResponse = {
      ...report,
      nextAttemptAt: report.nextAttemptAt === null ? null : isoMoment(report.nextAttemptAt),
    };
    return c.json(body);
  });

  routes.get('/__mock/webhooks/settings', (c) => c.json(c.get('tenant').webhookSettings));

  routes.put('/__mock/webhooks/settings', async (c) => {
    const update = await jsonBody(c, WebhookSettingsUpdate, 'INVALID_CONTROL_REQUEST');
    const tenant = c.get('tenant');
    tenant.webhookSettings = webhookSettings(update, tenant.webhookSettings);
    return c.json(tenant.webhookSettings);
  });

  return routes;
}
