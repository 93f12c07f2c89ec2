import type { InjectedWebhookFault } from '../../../contracts/control.js';
import type { WebhookDeliveryStatus, WebhookPayload, WebhookSettings } from '../../../contracts/webhooks.js';
import type { Clock } from '../clock.js';
import type { IdGenerator } from '../ids.js';
import { DeliveryLog } from './delivery-log.js';
import type { StoredSubscription, WebhookSubscriptions } from './subscriptions.js';
import type { WebhookEvent } from './webhook-event.js';

/** Deliveries waiting behind a receiver that does not answer, per subscription; more are dropped. */
export const MAX_QUEUED_PER_SUBSCRIPTION = 1000;
/** Of the receiver's answer, the log keeps this much. */
const RESPONSE_BODY_CHARS = 1024;

export interface Attempt {
  number: number;
  at: number;
  status: number | null;
  error: string | null;
  durationMs: number;
  duplicate: boolean;
  responseBody: string;
}

/** One POST body on its way to a subscription's target, with every try. */
export interface Delivery {
  id: string;
  subscriptionId: string;
  entity: string;
  /** The subscription as it was when the delivery was made; tries go to the subscription as it is now. */
  subscription: StoredSubscription;
  events: WebhookEvent[];
  payloadId: string;
  status: WebhookDeliveryStatus;
  createdAt: number;
  nextAttemptAt: number | null;
  attempts: Attempt[];
  notes: string[];
  /** Set by a duplicate fault: POST it twice. */
  duplicate: boolean;
  /** Whether its first try met the faults already. */
  faultTaken: boolean;
}

export type DeliveryOutcome = 'delivered' | 'retried' | 'duplicated' | 'failed' | 'dropped';

export interface SettleReport {
  settled: boolean;
  inFlight: number;
  scheduled: number;
  nextAttemptAt: number | null;
  delivered: number;
  failed: number;
}

export type WebhookFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface WebhookDispatcherOptions {
  clock: Clock;
  subscriptions: WebhookSubscriptions;
  /** Payload ids (UUIDs). */
  uuids: IdGenerator;
  settings: () => WebhookSettings;
  faults: { takeWebhookFault(subscriptionId: string): InjectedWebhookFault | null };
  /** Asks to be woken at a mock moment when a try falls due (a real timer under a real-time clock). */
  wakeAt: (at: number) => void;
  /** Told every try once answered (the journal). */
  onAttempt?: (delivery: Delivery, attempt: Attempt) => void;
  /** Told how every delivery ended (coverage). */
  onFinished?: (delivery: Delivery, outcomes: DeliveryOutcome[]) => void;
  /** The global fetch by default, looked up at each POST: MSW's interception applies in-process. */
  fetch?: WebhookFetch;
}

/**
 * Delivers webhook events over HTTP: one queue per subscription, sent in order (a delivery waits
 * until the one before it was delivered or given up), retried on the mock clock with the
 * settings' delays when the receiver fails, answers outside 2xx or times out, every try logged.
 * Faults drop, delay or duplicate deliveries. Nothing here knows what raised an event: ETL
 * executions publish theirs, table writes their data events, on the same queues.
 */
export class WebhookDispatcher {
  readonly log = new DeliveryLog();
  readonly #queues = new Map<string, Delivery[]>();
  readonly #inFlight = new Set<Delivery>();
  readonly #controllers = new Set<AbortController>();
  #waiters: (() => void)[] = [];
  #nextId = 1;
  #pumpQueued = false;
  #closed = false;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  /**
   * Queues `events` for every active subscription of `entity` that listens to them, and starts
   * sending soon after (not in this synchronous step: what raised them finishes first). A BULK
   * subscription gathers events not sent yet into POSTs of up to maxBlockSize.
   */
  publish(entity: string, events: readonly WebhookEvent[]): void {
    if (this.#closed) return;
    for (const event of events) {
      for (const subscription of this.options.subscriptions.matching(entity, event)) {
        this.#enqueue(subscription, event);
      }
    }
    if (!this.#pumpQueued) {
      this.#pumpQueued = true;
      queueMicrotask(() => {
        this.#pumpQueued = false;
        this.pump();
      });
    }
  }

  /** Starts every try that is due now: the head of each queue, unless it waits for a later moment. */
  pump(): void {
    if (this.#closed) return;
    const now = this.options.clock.now();
    for (const queue of this.#queues.values()) {
      // A head dropped by a fault lets the next one go at once; one in flight or scheduled holds the queue.
      for (let head = queue[0]; head && !this.#inFlight.has(head); head = queue[0]) {
        if (head.nextAttemptAt !== null && head.nextAttemptAt > now) break;
        this.#attempt(head);
        if (queue[0] === head) break;
      }
    }
    const next = this.#nextAttemptAt();
    if (next !== null) this.options.wakeAt(next);
  }

  /**
   * Resolves once no delivery is in flight and none is due now (tries scheduled later wait for
   * the clock), or after `timeoutMs` of real time with `settled: false`.
   */
  async settled(timeoutMs: number): Promise<SettleReport> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      this.pump();
      if (this.#inFlight.size === 0 && !this.#dueNow()) return this.#report(true);
      const left = deadline - performance.now();
      if (left <= 0 || this.#closed) return this.#report(false);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        timer.unref?.();
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Cancels what waits for a subscription that was removed (or a whole entity that was reset). */
  cancel(subscriptionId: string, reason: string): void {
    const queue = this.#queues.get(subscriptionId);
    if (!queue) return;
    this.#queues.delete(subscriptionId);
    for (const delivery of queue) {
      delivery.status = 'CANCELLED';
      delivery.nextAttemptAt = null;
      delivery.notes.push(reason);
      this.#inFlight.delete(delivery);
    }
    this.log.trim();
    this.#notify();
  }

  /** Stops for good (the tenant was reset): timers, tries in flight, waiters. */
  close(): void {
    this.#closed = true;
    for (const controller of this.#controllers) controller.abort();
    this.#notify();
  }

  /** Waiting deliveries: in flight, and those behind them or scheduled later. */
  counts(): { inFlight: number; scheduled: number } {
    let waiting = 0;
    for (const queue of this.#queues.values()) waiting += queue.length;
    return { inFlight: this.#inFlight.size, scheduled: waiting - this.#inFlight.size };
  }

  /** The payload POSTed for a delivery, as the subscription sees its events. */
  payloadOf(delivery: Delivery): WebhookPayload {
    const { subscription } = delivery;
    const data = delivery.events.map((event) => event.dataFor?.(subscription) ?? event.data);
    return {
      id: delivery.payloadId,
      ...(delivery.events[0]?.envelope?.(subscription) ?? {}),
      data: subscription.pushMode === 'BULK' ? data : (data[0] as Record<string, unknown>),
      _links: {
        webhook: { href: `/webhooks/v4/entity/${delivery.entity}/webhookSubscription/${subscription.id}` },
      },
    };
  }

  #enqueue(subscription: StoredSubscription, event: WebhookEvent): void {
    const queue = this.#queues.get(subscription.id) ?? [];
    this.#queues.set(subscription.id, queue);
    const last = queue.at(-1);
    if (
      subscription.pushMode === 'BULK' &&
      last &&
      last.status === 'PENDING' &&
      !last.faultTaken &&
      last.events.length < subscription.maxBlockSize
    ) {
      last.events.push(event);
      return;
    }
    const delivery = this.#newDelivery(subscription, event);
    this.log.add(delivery);
    if (queue.length >= MAX_QUEUED_PER_SUBSCRIPTION) {
      delivery.status = 'DROPPED';
      delivery.notes.push(
        `dropped: ${MAX_QUEUED_PER_SUBSCRIPTION} deliveries already wait for this subscription; its receiver is not answering`,
      );
      this.#finished(delivery);
      return;
    }
    queue.push(delivery);
  }

  #newDelivery(subscription: StoredSubscription, event: WebhookEvent): Delivery {
    return {
      id: `delivery-${this.#nextId++}`,
      subscriptionId: subscription.id,
      entity: subscription.entity,
      subscription,
      events: [event],
      payloadId: this.options.uuids.next(),
      status: 'PENDING',
      createdAt: this.options.clock.now(),
      nextAttemptAt: null,
      attempts: [],
      notes: [],
      duplicate: false,
      faultTaken: false,
    };
  }

  /** One try of the head of its queue. Faults apply to the first; the rest happens once the receiver answered. */
  #attempt(delivery: Delivery): void {
    const subscription = this.options.subscriptions.current(delivery.subscriptionId);
    if (!subscription?.isActive) {
      const why = subscription ? 'the subscription was deactivated' : 'the subscription was deleted';
      this.cancel(delivery.subscriptionId, `cancelled: ${why}`);
      return;
    }
    delivery.subscription = subscription;
    if (!delivery.faultTaken && this.#applyFault(delivery)) return;
    delivery.status = 'IN_FLIGHT';
    delivery.nextAttemptAt = null;
    this.#inFlight.add(delivery);
    void this.#send(delivery);
  }

  /** Returns true when the fault leaves nothing to send now (dropped, or delayed). */
  #applyFault(delivery: Delivery): boolean {
    delivery.faultTaken = true;
    const fault = this.options.faults.takeWebhookFault(delivery.subscriptionId);
    if (!fault) return false;
    if (fault.action === 'duplicate') {
      delivery.duplicate = true;
      delivery.notes.push(`duplicated by ${fault.id}: POSTed twice with the same payload id`);
      return false;
    }
    if (fault.action === 'drop') {
      delivery.status = 'DROPPED';
      delivery.notes.push(`dropped by ${fault.id}: never sent`);
      this.#dequeue(delivery);
      return true;
    }
    const delayMs = fault.delayMs ?? 0;
    delivery.status = 'SCHEDULED';
    delivery.nextAttemptAt = this.options.clock.now() + delayMs;
    delivery.notes.push(`delayed by ${fault.id}: first try ${delayMs} ms later on the mock clock`);
    this.options.wakeAt(delivery.nextAttemptAt);
    this.#notify();
    return true;
  }

  async #send(delivery: Delivery): Promise<void> {
    const attempt = await this.#post(delivery, false);
    if (this.#gone(delivery)) return;
    this.#record(delivery, attempt);
    if (attempt.error === null) {
      if (delivery.duplicate) {
        const again = await this.#post(delivery, true);
        if (this.#gone(delivery)) return;
        this.#record(delivery, again);
      }
      delivery.status = 'DELIVERED';
      this.#dequeue(delivery);
    } else {
      this.#retryOrFail(delivery);
    }
    this.#inFlight.delete(delivery);
    this.#notify();
    this.pump();
  }

  #retryOrFail(delivery: Delivery): void {
    const delays = this.options.settings().retryDelaysMs;
    const delay = delays[delivery.attempts.length - 1];
    if (delay === undefined) {
      delivery.status = 'FAILED';
      delivery.notes.push(`failed: ${delivery.attempts.length} tries, none answered 2xx`);
      this.#dequeue(delivery);
      return;
    }
    delivery.status = 'SCHEDULED';
    delivery.nextAttemptAt = this.options.clock.now() + delay;
  }

  /** Whether the delivery was cancelled, or the dispatcher closed, while its POST was out. */
  #gone(delivery: Delivery): boolean {
    if (!this.#closed && delivery.status !== 'CANCELLED') return false;
    this.#inFlight.delete(delivery);
    this.#notify();
    return true;
  }

  #record(delivery: Delivery, attempt: Attempt): void {
    delivery.attempts.push(attempt);
    this.options.onAttempt?.(delivery, attempt);
  }

  async #post(delivery: Delivery, duplicate: boolean): Promise<Attempt> {
    const { subscription } = delivery;
    const { timeoutMs } = this.options.settings();
    const controller = new AbortController();
    this.#controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    timer.unref?.();
    const attempt: Attempt = {
      number: delivery.attempts.length + 1,
      at: this.options.clock.now(),
      status: null,
      error: null,
      durationMs: 0,
      duplicate,
      responseBody: '',
    };
    const started = performance.now();
    const fetchImpl = this.options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    try {
      const response = await fetchImpl(subscription.targetUrl, {
        method: 'POST',
        headers: requestHeaders(subscription),
        body: JSON.stringify(this.payloadOf(delivery)),
        signal: controller.signal,
        redirect: 'manual',
      });
      attempt.status = response.status;
      attempt.responseBody = await startOf(response);
      if (response.status < 200 || response.status > 299) {
        attempt.error = `the receiver answered ${response.status}; only a 2xx answer counts as delivered`;
      }
    } catch (error) {
      attempt.error = controller.signal.aborted
        ? `no answer within ${timeoutMs} ms (the webhook timeout setting)`
        : `could not reach the receiver: ${reasonOf(error)}`;
    } finally {
      clearTimeout(timer);
      this.#controllers.delete(controller);
    }
    attempt.durationMs = Math.round((performance.now() - started) * 100) / 100;
    return attempt;
  }

  #dequeue(delivery: Delivery): void {
    delivery.nextAttemptAt = null;
    const queue = this.#queues.get(delivery.subscriptionId);
    if (queue?.[0] === delivery) queue.shift();
    if (queue?.length === 0) this.#queues.delete(delivery.subscriptionId);
    this.#finished(delivery);
  }

  #finished(delivery: Delivery): void {
    const outcomes: DeliveryOutcome[] = [];
    if (delivery.status === 'DELIVERED') outcomes.push('delivered');
    if (delivery.status === 'FAILED') outcomes.push('failed');
    if (delivery.status === 'DROPPED') outcomes.push('dropped');
    if (delivery.attempts.filter((attempt) => !attempt.duplicate).length > 1) outcomes.push('retried');
    if (delivery.duplicate && delivery.status === 'DELIVERED') outcomes.push('duplicated');
    this.options.onFinished?.(delivery, outcomes);
    this.log.trim();
  }

  #dueNow(): boolean {
    const now = this.options.clock.now();
    for (const queue of this.#queues.values()) {
      const head = queue[0];
      if (head && !this.#inFlight.has(head) && (head.nextAttemptAt === null || head.nextAttemptAt <= now))
        return true;
    }
    return false;
  }

  #nextAttemptAt(): number | null {
    let next: number | null = null;
    for (const queue of this.#queues.values()) {
      const at = queue[0]?.nextAttemptAt ?? null;
      if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  }

  #report(settled: boolean): SettleReport {
    const { inFlight, scheduled } = this.counts();
    const finished = this.log.statusCounts();
    return {
      settled,
      inFlight,
      scheduled,
      nextAttemptAt: this.#nextAttemptAt(),
      delivered: finished.DELIVERED ?? 0,
      failed: finished.FAILED ?? 0,
    };
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The subscription's headers, Content-Type excepted: Actito POSTs JSON and ignores a Content-Type given there. */
export function requestHeaders(subscription: StoredSubscription): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': 'actito-mock-webhooks' };
  for (const [name, value] of Object.entries(subscription.headers)) {
    if (name.toLowerCase() !== 'content-type') headers[name] = value;
  }
  headers['content-type'] = 'application/json';
  return headers;
}

/** The first characters of an answer; the rest is not read. */
async function startOf(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < RESPONSE_BODY_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The answer's status is what counts; a body cut short is logged as far as it came.
  } finally {
    reader.cancel().catch(() => {});
  }
  return text.slice(0, RESPONSE_BODY_CHARS);
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const message = error instanceof Error ? error.message : String(error);
  if (cause instanceof Error && cause.message && cause.message !== message)
    return `${message} (${cause.message})`;
  return message;
}
