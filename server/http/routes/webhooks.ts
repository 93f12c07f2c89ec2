import { Hono } from 'hono';
import type { WebhookSubscriptionList } from '../../../contracts/webhooks.js';
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  findWebhookSubscription,
  listWebhookSubscriptions,
  replaceWebhookSubscription,
} from '../../domain/webhooks/service.js';
import { produces } from '../accept.js';
import { jsonBodyText, locationOf } from '../body.js';
import type { MockEnv } from '../env.js';
import { presentSubscription } from '../presenters/webhooks.js';

export const WEBHOOKS_PREFIX = '/webhooks/v4/entity';

/** Webhook subscriptions: create, list, read, replace, delete (`.../webhookSubscription[/{id}]`). */
export function webhookRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();
  const json = produces('application/json');
  const collection = '/:entity/webhookSubscription';

  routes.post(collection, json, async (c) => {
    const body = await jsonBodyText(c.req.raw, 'INVALID_SUBSCRIPTION');
    const subscription = createWebhookSubscription(c.get('tenant'), c.req.param('entity'), body);
    c.header('Location', locationOf(c.req.raw, c.req.path, subscription.id));
    return c.json(presentSubscription(subscription), 201);
  });

  routes.get(collection, json, (c) => {
    const body: WebhookSubscriptionList = {
      webhookSubscriptions: listWebhookSubscriptions(c.get('tenant'), c.req.param('entity')).map(
        presentSubscription,
      ),
    };
    return c.json(body);
  });

  routes.get(`${collection}/:id`, json, (c) =>
    c.json(
      presentSubscription(findWebhookSubscription(c.get('tenant'), c.req.param('entity'), c.req.param('id'))),
    ),
  );

  routes.put(`${collection}/:id`, json, async (c) => {
    const tenant = c.get('tenant');
    findWebhookSubscription(tenant, c.req.param('entity'), c.req.param('id'));
    const body = await jsonBodyText(c.req.raw, 'INVALID_SUBSCRIPTION');
    return c.json(
      presentSubscription(replaceWebhookSubscription(tenant, c.req.param('entity'), c.req.param('id'), body)),
    );
  });

  routes.delete(`${collection}/:id`, (c) => {
    deleteWebhookSubscription(c.get('tenant'), c.req.param('entity'), c.req.param('id'));
    return c.body(null, 204);
  });

  return routes;
}
