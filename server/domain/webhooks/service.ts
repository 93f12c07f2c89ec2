import type { ErrorDetail } from '../../../contracts/errors.js';
import type { WebhookSubscriptionRequest } from '../../../contracts/webhooks.js';
import { WebhookSubscriptionInput } from '../../../contracts/webhooks.js';
import { ActitoError } from '../errors.js';
import { parseJsonBody } from '../imports/json-part.js';
import { zodDetails } from '../imports/zod-details.js';
import type { Tenant } from '../tenant.js';
import type { StoredSubscription, SubscriptionSpec } from './subscriptions.js';
import { DEFAULT_BLOCK_SIZE } from './subscriptions.js';
import { targetUrlProblem } from './target-url.js';

/** What the mock raises events for today; data events (on tables) come with the single-record APIs. */
const EMULATED_SOURCES = new Set(['ETL']);
/** Set by fetch itself, or meaningless on a POST the mock makes. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** POST .../webhookSubscription */
export function createWebhookSubscription(tenant: Tenant, entity: string, body: string): StoredSubscription {
  const spec = parseSubscription(tenant, entity, body);
  return tenant.webhookSubscriptions.add(entity, spec, tenant.clock.now());
}

/** PUT .../webhookSubscription/{id}: waiting deliveries go to the subscription as replaced. */
export function replaceWebhookSubscription(
  tenant: Tenant,
  entity: string,
  id: string,
  body: string,
): StoredSubscription {
  findWebhookSubscription(tenant, entity, id);
  return tenant.webhookSubscriptions.replace(entity, id, parseSubscription(tenant, entity, body));
}

/** DELETE .../webhookSubscription/{id}: what still waits for it is cancelled. */
export function deleteWebhookSubscription(tenant: Tenant, entity: string, id: string): void {
  findWebhookSubscription(tenant, entity, id);
  tenant.webhookSubscriptions.remove(entity, id);
  tenant.webhooks.cancel(id, 'cancelled: the subscription was deleted');
}

export function findWebhookSubscription(tenant: Tenant, entity: string, id: string): StoredSubscription {
  tenant.entity(entity);
  return tenant.webhookSubscriptions.get(entity, id);
}

export function listWebhookSubscriptions(tenant: Tenant, entity: string): StoredSubscription[] {
  tenant.entity(entity);
  return tenant.webhookSubscriptions.list(entity);
}

function parseSubscription(tenant: Tenant, entityName: string, body: string): SubscriptionSpec {
  const entity = tenant.entity(entityName);
  const request = parseBody(body);
  const details: ErrorDetail[] = [];
  const problem = targetUrlProblem(request.targetUrl, tenant.webhookSettings.allowHttpTargets);
  if (problem) details.push({ path: 'body.targetUrl', message: problem });
  for (const name of Object.keys(request.headers)) {
    if (!HEADER_NAME.test(name))
      details.push({ path: `body.headers.${name}`, message: 'not a valid HTTP header name' });
    else if (RESERVED_HEADERS.has(name.toLowerCase()))
      details.push({
        path: `body.headers.${name}`,
        message: `${name} is set by the HTTP client itself; leave it out`,
      });
    else if (/[\r\n\0]/.test(request.headers[name] as string))
      details.push({ path: `body.headers.${name}`, message: 'a header value cannot hold a line break' });
  }
  if (!EMULATED_SOURCES.has(request.on)) {
    details.push({
      path: 'body.on',
      message: `data webhooks (on ${request.on}) are not emulated yet; subscribe on ETL (eventType STARTED or FINISHED)`,
    });
  } else if (request.onElementId != null && !entity.etls.has(request.onElementId)) {
    const known = [...entity.etls.keys()];
    details.push({
      path: 'body.onElementId',
      message: `entity ${entityName} has no ETL ${request.onElementId}; ${known.length ? `its ETLs are ${known.join(', ')}` : 'it has none'} (leave onElementId out for every ETL)`,
    });
  }
  if (details.length > 0) throw invalidSubscription(details);
  return specOf(request);
}

function parseBody(body: string): WebhookSubscriptionRequest {
  const raw = parseJsonBody(body, 'INVALID_SUBSCRIPTION');
  const parsed = WebhookSubscriptionInput.safeParse(raw);
  if (!parsed.success) throw invalidSubscription(zodDetails('body', parsed.error));
  return parsed.data;
}

function specOf(request: WebhookSubscriptionRequest): SubscriptionSpec {
  const pushMode = request.pushMode ?? (request.maxBlockSize !== undefined ? 'BULK' : 'ONE_BY_ONE');
  return {
    on: request.on,
    eventType: request.eventType,
    onElementId: request.onElementId ?? null,
    onFields: request.onFields,
    targetUrl: request.targetUrl,
    headers: { ...request.headers },
    isActive: request.isActive,
    pushMode,
    maxBlockSize: pushMode === 'BULK' ? (request.maxBlockSize ?? DEFAULT_BLOCK_SIZE) : 1,
  };
}

function invalidSubscription(details: ErrorDetail[]): ActitoError {
  const first = details[0] as ErrorDetail;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return new ActitoError(
    'INVALID_SUBSCRIPTION',
    `Invalid webhook subscription: ${first.path}: ${first.message}${more}.`,
    details,
  );
}
