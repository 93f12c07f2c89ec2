import { EntityPath } from '../paths.js';
import {
  WebhookDeliveriesQuery,
  WebhookDeliveriesResponse,
  WebhookSettings,
  WebhookSettingsUpdate,
  WebhookSettleRequest,
  WebhookSettleResponse,
  WebhookSubscription,
  WebhookSubscriptionInput,
  WebhookSubscriptionList,
  WebhookSubscriptionPath,
} from '../webhooks.js';
import { BEARER_ERRORS, errorResponse } from './error-responses.js';
import type { Operation } from './operation.js';

const PATH = '/webhooks/v4/entity/{entity}/webhookSubscription';
const TAGS = ['Webhooks'];
const CONTROL_TAGS = ['Mock control'];
const DELIVERY =
  'Events are POSTed as JSON (the payload of Actito’s samples) to `targetUrl` with the subscription’s headers, in order per subscription, retried on the mock clock when the receiver fails, answers outside 2xx or times out; every try is in GET /__mock/webhooks/deliveries. Only ETL subscriptions (STARTED, FINISHED) raise events so far; data events are refused with a 400.';
const invalid = errorResponse(
  'INVALID_SUBSCRIPTION: the body breaks the contract, the target is not HTTPS (nor loopback), a header is reserved, or onElementId names no ETL; errors name each field.',
);
const unknown = errorResponse(
  'UNKNOWN_ENTITY or UNKNOWN_SUBSCRIPTION: the entity or the subscription does not exist.',
);

export const webhookOperations: Operation[] = [
  {
    id: 'createWebhookSubscription',
    method: 'post',
    paths: [PATH],
    summary: 'Subscribe a target URL to events (ETL executions STARTED or FINISHED)',
    description: DELIVERY,
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: { params: EntityPath, json: WebhookSubscriptionInput },
    responses: {
      201: {
        description: 'The subscription, with its id.',
        json: WebhookSubscription,
        headers: { Location: 'URL of the new subscription.' },
      },
      400: invalid,
      ...BEARER_ERRORS,
      404: errorResponse('UNKNOWN_ENTITY: the entity does not exist.'),
    },
  },
  {
    id: 'getWebhookSubscriptions',
    method: 'get',
    paths: [PATH],
    summary: 'List the webhook subscriptions of an entity',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: EntityPath },
    responses: {
      200: { description: 'The subscriptions, oldest first.', json: WebhookSubscriptionList },
      ...BEARER_ERRORS,
      404: errorResponse('UNKNOWN_ENTITY: the entity does not exist.'),
    },
  },
  {
    id: 'getWebhookSubscription',
    method: 'get',
    paths: [`${PATH}/{id}`],
    summary: 'Read a webhook subscription',
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: { params: WebhookSubscriptionPath },
    responses: {
      200: { description: 'The subscription.', json: WebhookSubscription },
      ...BEARER_ERRORS,
      404: unknown,
    },
  },
  {
    id: 'replaceWebhookSubscription',
    method: 'put',
    paths: [`${PATH}/{id}`],
    summary: 'Replace a webhook subscription; deliveries still waiting go to it as replaced',
    tags: TAGS,
    fidelity: 'modelled',
    auth: 'bearer',
    request: { params: WebhookSubscriptionPath, json: WebhookSubscriptionInput },
    responses: {
      200: { description: 'The subscription as replaced.', json: WebhookSubscription },
      400: invalid,
      ...BEARER_ERRORS,
      404: unknown,
    },
  },
  {
    id: 'deleteWebhookSubscription',
    method: 'delete',
    paths: [`${PATH}/{id}`],
    summary: 'Delete a webhook subscription; deliveries still waiting for it are cancelled',
    tags: TAGS,
    fidelity: 'confirmed',
    auth: 'bearer',
    request: { params: WebhookSubscriptionPath },
    responses: { 204: { description: 'Deleted.' }, ...BEARER_ERRORS, 404: unknown },
  },
  {
    id: 'getMockWebhookDeliveries',
    method: 'get',
    paths: ['/__mock/webhooks/deliveries'],
    summary: 'The webhook delivery log: every POST body, its status and every try',
    description:
      'Keeps the newest 1000 deliveries (older finished ones are dropped). A delivery is PENDING, SCHEDULED (next try at nextAttemptAt), IN_FLIGHT, then DELIVERED, FAILED, DROPPED or CANCELLED.',
    tags: CONTROL_TAGS,
    fidelity: 'modelled',
    auth: 'none',
    request: { query: WebhookDeliveriesQuery },
    responses: {
      200: { description: 'The matching deliveries, oldest first.', json: WebhookDeliveriesResponse },
      400: errorResponse('INVALID_CONTROL_REQUEST: a filter is malformed; errors name it.'),
    },
  },
  {
    id: 'settleMockWebhooks',
    method: 'post',
    paths: ['/__mock/webhooks/settle'],
    summary: 'Wait until no webhook delivery is in flight or due now (instead of sleeping in a test)',
    description:
      'Applies what the mock clock made due first (an execution finishing raises FINISHED), then answers once every due try was answered, or after `timeoutMs` of real time with `settled: false`. Tries scheduled later (a retry) wait for POST /__mock/advance.',
    tags: CONTROL_TAGS,
    fidelity: 'modelled',
    auth: 'none',
    request: { json: WebhookSettleRequest },
    responses: {
      200: {
        description: 'What is left: in flight, scheduled, and the next try.',
        json: WebhookSettleResponse,
      },
      400: errorResponse('INVALID_CONTROL_REQUEST: timeoutMs is out of range.'),
    },
  },
  {
    id: 'getMockWebhookSettings',
    method: 'get',
    paths: ['/__mock/webhooks/settings'],
    summary: 'Read how the tenant delivers webhooks: the HTTPS rule, the timeout, the retry delays',
    tags: CONTROL_TAGS,
    fidelity: 'modelled',
    auth: 'none',
    responses: { 200: { description: 'The webhook settings.', json: WebhookSettings } },
  },
  {
    id: 'updateMockWebhookSettings',
    method: 'put',
    paths: ['/__mock/webhooks/settings'],
    summary: 'Change how the tenant delivers webhooks; fields left out keep their value',
    tags: CONTROL_TAGS,
    fidelity: 'modelled',
    auth: 'none',
    request: { json: WebhookSettingsUpdate },
    responses: {
      200: { description: 'The webhook settings now in force.', json: WebhookSettings },
      400: errorResponse('INVALID_CONTROL_REQUEST: a field is out of range; errors name it.'),
    },
  },
];
