import type { EntityFixture, MockFixture } from '../../contracts/fixture.js';
import type { MockSettings } from '../../contracts/settings.js';
import type { WebhookSettings } from '../../contracts/webhooks.js';
import { TokenStore } from './auth/tokens.js';
import type { Clock } from './clock.js';
import { Coverage } from './control/coverage.js';
import { FaultBook } from './control/faults.js';
import { Journal } from './control/journal.js';
import { buildSeededEntity } from './control/seed-entity.js';
import { EntityState } from './entity.js';
import { ActitoError } from './errors.js';
import type { IdGenerator } from './ids.js';
import { createIdGenerator, createUuidGenerator } from './ids.js';
import type { ImportRunOptions } from './imports/import-run.js';
import { ImportRun } from './imports/import-run.js';
import type { ProgressionPolicy, ProgressionSettings, RecordKind } from './lifecycle/progression.js';
import type { RetainedRecord } from './retention.js';
import { Retention } from './retention.js';
import { copySettings, initialSettings } from './settings.js';
import type { RecordListener } from './tables/record-listener.js';
import type { Table } from './tables/table.js';
import type { V4Import } from './v4-imports/model.js';
import { V4ImportQuota } from './v4-imports/quota.js';
import type { EtlExecution } from './v5-etl-executions/model.js';
import type { PersistentEtl, PersistentEtlExecution } from './v5-etls/model.js';
import { WakeTimer } from './wake-timer.js';
import type { WebhookDispatcher } from './webhooks/dispatcher.js';
import { recordEventsFor } from './webhooks/record-events.js';
import { webhookSettings } from './webhooks/settings.js';
import type { WebhookSubscriptions } from './webhooks/subscriptions.js';
import { createTenantWebhooks } from './webhooks/tenant-webhooks.js';

export type Entity = EntityState<EtlExecution | PersistentEtlExecution, V4Import, PersistentEtl>;

/** What a service gives to start an import run; the tenant adds its clock, policy and faults. */
export type StartRunOptions = Omit<ImportRunOptions, 'clock' | 'policy' | 'hold'>;

export interface TenantOptions {
  name: string;
  fixture: MockFixture;
  clock: Clock;
  progression: ProgressionSettings;
  random?: () => number;
  /** Files a V5 definition's remoteLocation may fetch, by location id then file name. */
  remoteFiles?: Record<string, Record<string, Uint8Array>>;
  /** V4 sunset and API limits; Actito's limits and V4 enabled by default. */
  settings?: MockSettings;
  /** How webhooks are delivered (HTTPS rule, timeout, retries). */
  webhookSettings?: WebhookSettings;
  /** Told each file transfer location an ETL names (the folder watcher creates its folder). */
  onLocation?: (locationId: string) => void;
}

/**
 * Everything one tenant of the mock sees: entities and their tables, imports, tokens, ids,
 * progression settings and clock. Built anew on reset, so nothing pending from before can touch it.
 */
export class Tenant {
  readonly name: string;
  readonly clock: Clock;
  readonly entities: Map<string, Entity>;
  readonly tokens: TokenStore;
  readonly etlExecutionIds: IdGenerator = createIdGenerator(1000001);
  readonly v4ImportIds: IdGenerator = createIdGenerator(1000123);
  readonly etlIds: IdGenerator = createIdGenerator(100001);
  readonly uuids: IdGenerator;
  readonly progression: ProgressionSettings;
  readonly remoteFiles: Record<string, Record<string, Uint8Array>>;
  readonly fixture: MockFixture;
  /** V4 sunset and API limits, switchable at runtime through /__mock/settings. */
  settings: MockSettings;
  /** Actito requests of this tenant being served now (the concurrent-request limit). */
  inFlightRequests = 0;
  readonly v4ImportQuota = new V4ImportQuota();
  /** Faults armed through /__mock/faults; forgotten on reset. */
  readonly faults = new FaultBook();
  /** The requests this tenant received since its last reset (or the last clear). */
  readonly journal = new Journal();
  /** What the clients exercised since the last reset. */
  readonly coverage: Coverage;
  /** Bounds the finished records kept (settings.retention). */
  readonly retention = new Retention();
  /** How webhooks are delivered, switchable through /__mock/webhooks/settings. */
  webhookSettings: WebhookSettings;
  readonly webhookSubscriptions: WebhookSubscriptions;
  /** Delivers the webhook events of this tenant (ETL executions today, data events next). */
  readonly webhooks: WebhookDispatcher;
  /** Wakes the tenant when a retry or a timed move falls due, under a clock that moves on its own. */
  readonly wake: WakeTimer;
  /** Told each file transfer location an ETL names. */
  readonly onLocation: (locationId: string) => void;
  #retired = false;
  /** Import runs not yet final, with the entity they write into. */
  readonly #unsettled = new Map<ImportRun, Entity>();

  constructor(options: TenantOptions) {
    this.name = options.name;
    this.fixture = options.fixture;
    this.clock = options.clock;
    this.coverage = new Coverage(options.clock.now());
    this.progression = { ...options.progression };
    this.uuids = createUuidGenerator(options.random);
    this.tokens = new TokenStore(new Set(options.fixture.apiKeys), options.clock, this.uuids);
    const now = options.clock.now();
    this.entities = new Map(options.fixture.entities.map((e) => [e.name, new EntityState(e.name, e, now)]));
    this.remoteFiles = options.remoteFiles ?? {};
    this.settings = copySettings(options.settings ?? initialSettings());
    this.webhookSettings = webhookSettings(options.webhookSettings);
    this.onLocation = options.onLocation ?? (() => {});
    this.wake = new WakeTimer(options.clock, () => this.tick());
    const webhooks = createTenantWebhooks({
      clock: options.clock,
      uuids: this.uuids,
      faults: this.faults,
      journal: this.journal,
      coverage: this.coverage,
      settings: () => this.webhookSettings,
      wakeAt: (at) => this.wake.wakeAt(at),
    });
    this.webhookSubscriptions = webhooks.subscriptions;
    this.webhooks = webhooks.dispatcher;
  }

  entity(name: string): Entity {
    const entity = this.entities.get(name);
    if (entity) return entity;
    throw new ActitoError(
      'UNKNOWN_ENTITY',
      `Unknown entity "${name}"; this mock serves ${[...this.entities.keys()].join(', ')}.`,
    );
  }

  /** Starts one entity afresh from the fixture; its imports are forgotten. An entity only seeded at runtime is removed. */
  resetEntity(name: string): void {
    this.entity(name);
    const fixture = this.fixture.entities.find((e) => e.name === name);
    if (fixture) this.entities.set(name, new EntityState(name, fixture, this.clock.now()));
    else this.entities.delete(name);
    this.retention.forgetEntity(name);
    this.#forgetSubscriptions(name);
  }

  /** Replaces (or adds) an entity with these tables and rows; its imports are forgotten. All or nothing. */
  seedEntity(name: string, fixture: EntityFixture): Entity {
    const entity = buildSeededEntity(name, fixture, this.clock.now());
    this.entities.set(name, entity);
    this.retention.forgetEntity(name);
    this.#forgetSubscriptions(name);
    return entity;
  }

  /** An entity started afresh has no subscription any more; what waited for them is cancelled. */
  #forgetSubscriptions(entity: string): void {
    for (const subscription of this.webhookSubscriptions.removeEntity(entity)) {
      this.webhooks.cancel(subscription.id, `cancelled: entity ${entity} was reset or seeded again`);
    }
  }

  /** Called when a reset replaces this tenant: work still pending from before must not land anywhere. */
  retire(): void {
    this.#retired = true;
    this.wake.close();
    this.webhooks.close();
  }

  get retired(): boolean {
    return this.#retired;
  }

  /** Whether `entity` is still this live tenant's, i.e. no reset or seeding replaced it since it was looked up. */
  isCurrent(entity: Entity): boolean {
    return !this.#retired && this.entities.get(entity.name) === entity;
  }

  /** Refuses to register work that began before a reset: it would otherwise leak into the new state. */
  assertCurrent(entity: Entity): void {
    if (this.isCurrent(entity)) return;
    throw new ActitoError(
      'MOCK_RESET',
      `The mock was reset (POST /__mock/reset, or entity ${entity.name} was seeded again) while this request was in progress; nothing was registered. Send it again.`,
    );
  }

  /**
   * Starts an import run into `entity`, with the faults armed for its kind. The moves already due
   * are applied first, so a run created now never writes its table before an older one that was due.
   */
  startRun(entity: Entity, options: StartRunOptions): ImportRun {
    this.settleDue();
    const fault = this.faults.takeImportFault(options.kind);
    const run = new ImportRun({
      ...options,
      // Asked when the rows are written: a subscription made meanwhile hears of them.
      listenerFor: (table) => (this.isCurrent(entity) ? this.recordListener(entity, table) : null),
      clock: this.clock,
      policy: this.policyFor(options.kind),
      forcedFailure: options.forcedFailure ?? fault.forcedFailure,
      hold: fault.hold,
    });
    if (!run.status.isFinal) this.#unsettled.set(run, entity);
    return run;
  }

  /**
   * Applies the moves that time has made due, across every record of the tenant, in the order
   * they fell due (ties in creation order), so rows reach a table in the order their imports
   * finished. Only records not yet final are looked at: a status poll stays cheap however many
   * imports the tenant has finished. Returns how many records changed status.
   */
  settleDue(): number {
    const now = this.clock.now();
    const moved = new Set<ImportRun>();
    // Most reads find nothing unsettled: they skip the search.
    for (; this.#unsettled.size > 0; ) {
      const next = this.#nextDue();
      if (next === null || next.status.dueAt() > now) break;
      next.status.moveIfDue(now);
      moved.add(next);
    }
    this.retention.enforce(this.settings.retention);
    // What moved may have raised webhook events; retries may have fallen due too.
    this.webhooks.pump();
    return moved.size;
  }

  /**
   * Settles once no run of this tenant is writing its rows (big files are written in slices):
   * what the control plane awaits after moving records, so its answer shows them final.
   */
  async writesDone(): Promise<void> {
    for (;;) {
      const writing = [...this.#unsettled.keys()].flatMap((run) => run.status.finishing ?? []);
      if (writing.length === 0) return;
      await Promise.all(writing);
    }
  }

  /** Registers an import or execution just stored in its entity with retention, which may evict older finished ones. */
  retain(record: RetainedRecord): void {
    this.retention.keep(record, this.settings.retention);
  }

  /** Moves every record whose own policy is manual one step (due moves first). Returns how many moved. */
  advanceManual(): number {
    this.settleDue();
    let moved = 0;
    for (const run of this.#unsettledRuns()) {
      if (run.options.policy().type === 'manual' && run.status.advance()) moved += 1;
    }
    this.webhooks.pump();
    return moved;
  }

  /** What a wake-up does: apply what fell due, and ask to be woken for the next timed move. */
  tick(): void {
    if (this.#retired) return;
    this.settleDue();
    for (const run of this.#unsettledRuns()) {
      const at = nextTimedMove(run);
      if (at !== null) this.wake.wakeAt(at);
    }
  }

  /** The record whose next move falls due first; null when none is pending. */
  #nextDue(): ImportRun | null {
    let next: ImportRun | null = null;
    let nextDue = Number.POSITIVE_INFINITY;
    for (const run of this.#unsettledRuns()) {
      const due = run.status.dueAt();
      if (due < nextDue) {
        next = run;
        nextDue = due;
      }
    }
    return next;
  }

  /** Records not yet final, in creation order; forgets final ones and those of a replaced entity. */
  *#unsettledRuns(): Generator<ImportRun> {
    for (const [run, entity] of this.#unsettled) {
      if (run.status.isFinal || !this.isCurrent(entity)) this.#unsettled.delete(run);
      else yield run;
    }
  }

  /** Who raises the data webhook events of writes into `table`; null when no subscription listens to it. */
  recordListener(entity: Entity, table: Table): RecordListener | null {
    return recordEventsFor(this.webhookSubscriptions, entity.name, table, (events) =>
      this.webhooks.publish(entity.name, events),
    );
  }

  policyFor(kind: RecordKind): () => ProgressionPolicy {
    return () => this.progression[kind];
  }
}

/** When a record moves by time alone next; null when only a status read or an advance moves it. */
export function nextTimedMove(run: ImportRun): number | null {
  const at = run.status.dueAt();
  return Number.isFinite(at) ? at : null;
}
