import { z } from 'zod';
import { fidelity } from './fidelity.js';
import { EntityPath } from './paths.js';

const control = (id: string, description: string) => ({ id, ...fidelity('modelled', description) });

/** What a subscription listens to: ETL executions (trigger events), or the records of a table (data events). */
export const WebhookSource = z
  .enum(['ETL', 'PROFILE_TABLE', 'CUSTOM_TABLE'])
  .meta(
    fidelity(
      'modelled',
      '`PROFILE_TABLE` and `CUSTOM_TABLE` are confirmed (data events); `ETL` for the ETL execution trigger events is modelled (Actito documents the events, not the value of `on`).',
    ),
  );
export type WebhookSource = z.infer<typeof WebhookSource>;

export const ETL_EVENT_TYPES = ['STARTED', 'FINISHED'] as const;
export const TABLE_EVENT_TYPES = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'UPDATED_SUBSCRIPTION',
  'UPDATED_SEGMENT',
] as const;

export const WebhookEventType = z
  .enum([...ETL_EVENT_TYPES, ...TABLE_EVENT_TYPES])
  .meta(
    fidelity(
      'confirmed',
      'ETL executions: STARTED, FINISHED. Tables: CREATE, UPDATE, DELETE; profile tables also UPDATED_SUBSCRIPTION, UPDATED_SEGMENT.',
    ),
  );
export type WebhookEventType = z.infer<typeof WebhookEventType>;

export const PushMode = z
  .enum(['ONE_BY_ONE', 'BULK'])
  .meta(
    fidelity(
      'modelled',
      'One event per POST, or an array of up to `maxBlockSize` events per POST (both modes confirmed; the key name `pushMode` is modelled). Left out: BULK when `maxBlockSize` is given, else ONE_BY_ONE.',
    ),
  );
export type PushMode = z.infer<typeof PushMode>;

const subscriptionShape = {
  on: WebhookSource,
  eventType: WebhookEventType,
  onElementId: z
    .union([z.string().min(1), z.number().int()])
    .transform(String)
    .nullable()
    .optional()
    .meta({
      description: 'The ETL id (on ETL) or the table id (on a table); left out: every ETL of the entity.',
    }),
  onFields: z.array(z.string().min(1)).default([]),
  targetUrl: z.string().min(1).max(2048).meta({
    description:
      'Where events are POSTed. HTTPS (Actito enforces it); the mock also takes http:// to a loopback host.',
  }),
  headers: z.record(z.string(), z.string()).default({}).meta({
    description: 'Sent with every POST (a shared secret, say); a Content-Type given here is ignored.',
  }),
  isActive: z.boolean().default(true),
  pushMode: PushMode.optional(),
  maxBlockSize: z.number().int().min(1).max(1000).optional(),
};

/** An event type belongs to what it is raised on: STARTED/FINISHED to ETLs, the record events to tables. */
function checkEventType(
  subscription: { on: WebhookSource; eventType: WebhookEventType },
  ctx: z.RefinementCtx,
) {
  const allowed: readonly string[] =
    subscription.on === 'ETL'
      ? ETL_EVENT_TYPES
      : subscription.on === 'CUSTOM_TABLE'
        ? TABLE_EVENT_TYPES.slice(0, 3)
        : TABLE_EVENT_TYPES;
  if (!allowed.includes(subscription.eventType)) {
    ctx.addIssue({
      code: 'custom',
      path: ['eventType'],
      message: `on ${subscription.on}, eventType is one of ${allowed.join(', ')}`,
    });
  }
}

export const WebhookSubscriptionInput = z
  .object(subscriptionShape)
  .loose()
  .superRefine(checkEventType)
  .meta({
    id: 'WebhookSubscriptionInput',
    ...fidelity(
      'confirmed',
      'A webhook subscription: the keys on, eventType, onElementId, onFields, targetUrl, headers, isActive and maxBlockSize are confirmed; pushMode is modelled. Unknown keys are ignored.',
    ),
  });
export type WebhookSubscriptionInput = z.input<typeof WebhookSubscriptionInput>;
export type WebhookSubscriptionRequest = z.output<typeof WebhookSubscriptionInput>;

export const WebhookSubscription = z
  .object({
    id: z.string().regex(/^\d+$/),
    on: WebhookSource,
    eventType: WebhookEventType,
    onElementId: z.string().nullable(),
    onFields: z.array(z.string()),
    targetUrl: z.string(),
    headers: z.record(z.string(), z.string()),
    isActive: z.boolean(),
    pushMode: PushMode,
    maxBlockSize: z.number().int().nullable().meta({ description: 'BULK only: most events per POST.' }),
    creationMoment: z.string(),
  })
  .meta({
    id: 'WebhookSubscription',
    ...fidelity(
      'modelled',
      'A stored subscription: the confirmed keys, its id, and (modelled) pushMode and creationMoment.',
    ),
  });
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

export const WebhookSubscriptionList = z.object({ webhookSubscriptions: z.array(WebhookSubscription) }).meta({
  id: 'WebhookSubscriptionList',
  ...fidelity('modelled', 'The subscriptions of an entity, oldest first.'),
});
export type WebhookSubscriptionList = z.infer<typeof WebhookSubscriptionList>;

export const WebhookSubscriptionPath = EntityPath.extend({
  id: z.string().regex(/^\d+$/).meta({ description: 'Subscription id, a numeric string.' }),
}).meta(fidelity('confirmed', 'Path parameters of one webhook subscription.'));
export type WebhookSubscriptionPath = z.infer<typeof WebhookSubscriptionPath>;

const href = z.object({ href: z.string() });

export const EtlWebhookEventData = z
  .object({
    'etl.id': z.string(),
    'etl.executionId': z.string(),
    'etl.executionStatus': z.string().meta({
      description:
        'FINISHED: SUCCESS, WITH_ERROR or ERROR (confirmed for the first two); STARTED: RUNNING (modelled).',
    }),
    _links: z.object({ etlExecution: href, etl: href }),
  })
  .meta(
    control(
      'EtlWebhookEventData',
      'One ETL execution event (the shape is confirmed by Actito’s payload samples).',
    ),
  );
export type EtlWebhookEventData = z.infer<typeof EtlWebhookEventData>;

export const WebhookPayload = z
  .object({
    id: z.string().meta({ description: 'A UUID per POST; a duplicated delivery repeats it.' }),
    data: z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))]).meta({
      description: 'ONE_BY_ONE: one event; BULK: an array of events.',
    }),
    _links: z.object({ webhook: href }),
  })
  .loose()
  .meta({
    id: 'WebhookPayload',
    ...fidelity('confirmed', 'What is POSTed to targetUrl (application/json), as Actito’s samples show it.'),
  });
export type WebhookPayload = z.infer<typeof WebhookPayload>;

// ---- The mock's own side: deliveries, settling, settings ----

export const WebhookAttempt = z
  .object({
    number: z.number().int().meta({ description: '1 for the first try.' }),
    at: z.string().meta({ description: 'When it was sent, on the mock clock.' }),
    status: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The receiver's HTTP status; null when it never answered." }),
    error: z.string().nullable(),
    durationMs: z.number().meta({ description: 'Real time the receiver took.' }),
    duplicate: z
      .boolean()
      .meta({ description: 'A second POST of the same payload, sent by a duplicate fault.' }),
    responseBody: z.string().meta({ description: "The start of the receiver's answer (1 KB at most)." }),
  })
  .meta(control('WebhookAttempt', 'One POST of a delivery to its target.'));
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDeliveryStatus = z
  .enum(['PENDING', 'SCHEDULED', 'IN_FLIGHT', 'DELIVERED', 'FAILED', 'DROPPED', 'CANCELLED'])
  .meta(
    control(
      'WebhookDeliveryStatus',
      'PENDING: waiting for its turn; SCHEDULED: next try at nextAttemptAt (a retry, or a delay fault); IN_FLIGHT: being sent; DELIVERED: a 2xx answer; FAILED: every try failed; DROPPED: a drop fault (or a full queue) lost it; CANCELLED: its subscription or entity went away.',
    ),
  );
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

export const WebhookDelivery = z
  .object({
    id: z.string(),
    subscriptionId: z.string(),
    entity: z.string(),
    on: WebhookSource,
    eventType: WebhookEventType,
    targetUrl: z.string(),
    status: WebhookDeliveryStatus,
    events: z.number().int().meta({ description: 'Events it carries (BULK: up to maxBlockSize).' }),
    payload: WebhookPayload,
    createdAt: z.string(),
    nextAttemptAt: z.string().nullable(),
    attempts: z.array(WebhookAttempt),
    notes: z.array(z.string()).meta({ description: 'Faults applied, why it was dropped or cancelled.' }),
  })
  .meta(control('WebhookDelivery', 'One POST body on its way to a subscription’s target, with every try.'));
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveriesQuery = z
  .object({
    subscriptionId: z.string().optional(),
    eventType: WebhookEventType.optional(),
    status: WebhookDeliveryStatus.optional(),
  })
  .meta(fidelity('modelled', 'Filters of the delivery log; all optional, combined with AND.'));
export type WebhookDeliveriesQuery = z.infer<typeof WebhookDeliveriesQuery>;

export const WebhookDeliveriesResponse = z
  .object({
    deliveries: z.array(WebhookDelivery),
    inFlight: z.number().int(),
    scheduled: z
      .number()
      .int()
      .meta({ description: 'Deliveries waiting for a later try (advance the clock).' }),
    dropped: z
      .number()
      .int()
      .meta({ description: 'Oldest finished deliveries forgotten to stay within capacity.' }),
    capacity: z.number().int(),
  })
  .meta(control('WebhookDeliveriesResponse', 'The delivery log of the tenant, oldest first.'));
export type WebhookDeliveriesResponse = z.infer<typeof WebhookDeliveriesResponse>;

export const WebhookSettleRequest = z
  .object({
    timeoutMs: z.number().int().min(0).max(60_000).default(10_000).meta({
      description: 'Real time to wait at most (default 10 s).',
    }),
  })
  .meta(control('WebhookSettleRequest', 'How long to wait for the deliveries due now.'));
export type WebhookSettleRequest = z.input<typeof WebhookSettleRequest>;

export const WebhookSettleResponse = z
  .object({
    settled: z
      .boolean()
      .meta({ description: 'False when the wait timed out with deliveries still in flight.' }),
    inFlight: z.number().int(),
    scheduled: z.number().int(),
    nextAttemptAt: z.string().nullable().meta({ description: 'The next scheduled try, on the mock clock.' }),
    delivered: z.number().int(),
    failed: z.number().int(),
  })
  .meta(
    control(
      'WebhookSettleResponse',
      'Answered once no delivery is in flight or due now (or the wait timed out); scheduled tries wait for the clock.',
    ),
  );
export type WebhookSettleResponse = z.infer<typeof WebhookSettleResponse>;

export const WebhookSettings = z
  .object({
    allowHttpTargets: z.boolean().meta({
      description:
        'Accept http:// targets on any host (Actito enforces HTTPS; loopback hosts are always accepted).',
    }),
    timeoutMs: z.number().int().min(1).max(120_000).meta({
      description: 'Real time a receiver has to answer a POST before the try counts as failed.',
    }),
    retryDelaysMs: z.array(z.number().int().min(0).max(86_400_000)).max(20).meta({
      description:
        'Mock-clock delay before each retry; one more try than delays in all. Default 1 s, 5 s, 30 s, 2 min, 10 min (6 tries).',
    }),
  })
  .meta(control('WebhookSettings', 'How the tenant delivers webhooks.'));
export type WebhookSettings = z.infer<typeof WebhookSettings>;

export const WebhookSettingsUpdate = WebhookSettings.partial()
  .strict()
  .meta(control('WebhookSettingsUpdate', 'Changes some webhook settings; fields left out keep their value.'));
export type WebhookSettingsUpdate = z.infer<typeof WebhookSettingsUpdate>;
