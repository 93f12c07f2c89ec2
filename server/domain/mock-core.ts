import type { MockFixture, MockFixtureInput } from '../../contracts/fixture.js';
import { MockFixture as MockFixtureSchema } from '../../contracts/fixture.js';
import type { MockSettings } from '../../contracts/settings.js';
import type { WebhookSettings, WebhookSettingsUpdate } from '../../contracts/webhooks.js';
import defaultFixture from '../../fixtures/default.json' with { type: 'json' };
import type { Clock } from './clock.js';
import { createSystemClock } from './clock.js';
import { ActitoError } from './errors.js';
import type { ProgressionInput, ProgressionSettings, RecordKind } from './lifecycle/progression.js';
import {
  DEFAULT_PROGRESSION,
  progressionPolicy,
  RECORD_KINDS,
  uniformProgression,
} from './lifecycle/progression.js';
import type { SettingsOptions } from './settings.js';
import { initialSettings } from './settings.js';
import { Tenant } from './tenant.js';
import { webhookSettings } from './webhooks/settings.js';

export const DEFAULT_TENANT = 'default';

export interface MockCoreOptions extends SettingsOptions {
  /** What the mock serves; defaults to the default fixture (contract section 9). */
  fixture?: MockFixtureInput;
  /**
   * The mock's time. A clock instance is shared by every tenant (tests inject a manual one); a
   * factory gives each tenant its own, so one tenant's advance never moves another's time.
   * By default each tenant follows the wall clock.
   */
  clock?: Clock | (() => Clock);
  /**
   * One policy for every kind, or a policy per kind; each as an object (`{ type: 'immediate' }`)
   * or as the text the env var takes (`'immediate'`, `'afterPolls:2'`).
   */
  progression?: ProgressionInput | Partial<Record<RecordKind, ProgressionInput>>;
  /** Makes ids and tokens reproducible. */
  random?: () => number;
  remoteFiles?: Record<string, Record<string, Uint8Array>>;
  /** How webhooks are delivered: `allowHttpTargets`, `timeoutMs`, `retryDelaysMs` (defaults: HTTPS, 10 s, 5 retries). */
  webhooks?: WebhookSettingsUpdate;
}

/**
 * The whole emulated Actito: one independent `Tenant` per tenant name, created on first use from
 * the fixture, so parallel test workers sharing one server never see each other's state.
 */
export class MockCore {
  readonly fixture: MockFixture;
  readonly #tenants = new Map<string, Tenant>();
  readonly #progression: ProgressionSettings;
  readonly #settings: MockSettings;
  readonly #webhookSettings: WebhookSettings;
  readonly #locationListeners = new Set<(locationId: string) => void>();

  constructor(private readonly options: MockCoreOptions = {}) {
    this.fixture = parseFixture(options.fixture ?? defaultFixture);
    this.#progression = progressionSettings(options.progression);
    this.#settings = initialSettings(options);
    this.#webhookSettings = webhookSettings(options.webhooks);
  }

  tenant(name: string = DEFAULT_TENANT): Tenant {
    let tenant = this.#tenants.get(name);
    if (!tenant) {
      tenant = this.#newTenant(name, this.#progression);
      this.#tenants.set(name, tenant);
    }
    return tenant;
  }

  /** Starts a tenant afresh from the fixture, keeping its progression settings, V4 sunset, limits and webhook settings. */
  reset(name: string = DEFAULT_TENANT): Tenant {
    const previous = this.#tenants.get(name);
    const tenant = this.#newTenant(
      name,
      previous?.progression ?? this.#progression,
      previous?.settings,
      previous?.webhookSettings,
    );
    this.#tenants.set(name, tenant);
    // In the same synchronous step: uploads still streaming into the old tenant find it retired.
    previous?.retire();
    return tenant;
  }

  /** Tells `listener` each file transfer location an ETL of any tenant names; returns how to stop. */
  onLocation(listener: (locationId: string) => void): () => void {
    this.#locationListeners.add(listener);
    return () => this.#locationListeners.delete(listener);
  }

  tenantNames(): string[] {
    return [...this.#tenants.keys()];
  }

  #clockForTenant(): Clock {
    const { clock } = this.options;
    if (typeof clock === 'function') return clock();
    return clock ?? createSystemClock();
  }

  #newTenant(
    name: string,
    progression: ProgressionSettings,
    settings = this.#settings,
    webhooks = this.#webhookSettings,
  ): Tenant {
    return new Tenant({
      name,
      settings,
      webhookSettings: webhooks,
      onLocation: (locationId) => {
        for (const listener of this.#locationListeners) listener(locationId);
      },
      fixture: this.fixture,
      clock: this.#clockForTenant(),
      progression,
      ...(this.options.random ? { random: this.options.random } : {}),
      ...(this.options.remoteFiles ? { remoteFiles: this.options.remoteFiles } : {}),
    });
  }
}

function parseFixture(input: unknown): MockFixture {
  const parsed = MockFixtureSchema.safeParse(input);
  if (!parsed.success) {
    throw new ActitoError('INVALID_CONTROL_REQUEST', `Invalid fixture: ${parsed.error.message}`);
  }
  return parsed.data;
}

export function progressionSettings(input: MockCoreOptions['progression']): ProgressionSettings {
  if (!input) return uniformProgression(DEFAULT_PROGRESSION);
  if (typeof input === 'string' || 'type' in input) return uniformProgression(progressionPolicy(input));
  const settings = uniformProgression(DEFAULT_PROGRESSION);
  for (const kind of RECORD_KINDS) {
    const policy = (input as Partial<Record<RecordKind, ProgressionInput>>)[kind];
    if (policy) settings[kind] = progressionPolicy(policy);
  }
  return settings;
}
