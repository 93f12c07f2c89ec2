import type {
  MockLimits,
  MockRetention,
  MockSettings,
  MockSettingsUpdate,
  V4Sunset,
} from '../../contracts/settings.js';
import { DEFAULT_RETENTION } from './retention.js';

/** Actito's documented limits (contract section 2). */
export const ACTITO_LIMITS: MockLimits = {
  maxConcurrentRequests: 5,
  maxImportsPerTablePerDay: 12,
  maxUploadBytes: 100 * 1024 * 1024,
};

export const LIMITS_OFF: MockLimits = {
  maxConcurrentRequests: null,
  maxImportsPerTablePerDay: null,
  maxUploadBytes: null,
};

export interface SettingsOptions {
  /** What the V4 routes do (default `enabled`). */
  v4Sunset?: V4Sunset;
  /** `off` switches every limit off; an object overrides some (null switches one off). Default: Actito's. */
  limits?: 'off' | Partial<MockLimits>;
  /** Largest data file, in bytes (the older option; `limits.maxUploadBytes` wins when both are given). */
  maxUploadBytes?: number;
  /** What a tenant keeps of finished records (null switches a bound off). Default: the newest 500, 1 GiB of files. */
  retention?: Partial<MockRetention>;
}

/** The settings every new tenant starts with, from the mock's options. */
export function initialSettings(options: SettingsOptions = {}): MockSettings {
  const base = options.limits === 'off' ? LIMITS_OFF : ACTITO_LIMITS;
  const overrides = options.limits === 'off' ? {} : (options.limits ?? {});
  return {
    v4Sunset: options.v4Sunset ?? 'enabled',
    limits: {
      ...base,
      ...(options.maxUploadBytes !== undefined && options.limits !== 'off'
        ? { maxUploadBytes: options.maxUploadBytes }
        : {}),
      ...overrides,
    },
    retention: { ...DEFAULT_RETENTION, ...options.retention },
  };
}

/** The settings with an update applied; fields the update leaves out keep their value. */
export function updatedSettings(settings: MockSettings, update: MockSettingsUpdate): MockSettings {
  return {
    v4Sunset: update.v4Sunset ?? settings.v4Sunset,
    limits: { ...settings.limits, ...update.limits },
    retention: { ...settings.retention, ...update.retention },
  };
}

export function copySettings(settings: MockSettings): MockSettings {
  return {
    v4Sunset: settings.v4Sunset,
    limits: { ...settings.limits },
    retention: { ...settings.retention },
  };
}

const LIMIT_NAMES = Object.keys(ACTITO_LIMITS) as (keyof MockLimits)[];

/**
 * Parses the env var / CLI form of the limits: `actito` (Actito's, the default), `off`, or a comma
 * list overriding some of Actito's, e.g. `maxConcurrentRequests=10,maxImportsPerTablePerDay=off`.
 */
export function parseLimits(text: string): 'off' | Partial<MockLimits> {
  const trimmed = text.trim();
  if (trimmed === 'off') return 'off';
  if (trimmed === 'actito' || trimmed === 'on' || trimmed === '') return {};
  const limits: Partial<MockLimits> = {};
  for (const item of trimmed.split(',')) {
    const [name = '', value = ''] = item.split('=').map((part) => part.trim());
    if (!LIMIT_NAMES.includes(name as keyof MockLimits)) {
      throw new TypeError(
        `invalid limits "${text}": "${name}" is not a limit; use actito, off, or name=value pairs with ${LIMIT_NAMES.join(', ')}`,
      );
    }
    limits[name as keyof MockLimits] = limitValue(name, value);
  }
  return limits;
}

const RETENTION_NAMES = Object.keys(DEFAULT_RETENTION) as (keyof MockRetention)[];

/**
 * Parses the env var / CLI form of the retention: `default`, `off` (keep everything), or a comma
 * list, e.g. `maxFinishedRecords=2000,maxStoredFileBytes=off`.
 */
export function parseRetention(text: string): Partial<MockRetention> {
  const trimmed = text.trim();
  if (trimmed === 'off') return { maxFinishedRecords: null, maxStoredFileBytes: null };
  if (trimmed === 'default' || trimmed === '') return {};
  const retention: Partial<MockRetention> = {};
  for (const item of trimmed.split(',')) {
    const [name = '', value = ''] = item.split('=').map((part) => part.trim());
    if (!RETENTION_NAMES.includes(name as keyof MockRetention)) {
      throw new TypeError(
        `invalid retention "${text}": "${name}" is not a retention bound; use default, off, or name=value pairs with ${RETENTION_NAMES.join(', ')}`,
      );
    }
    retention[name as keyof MockRetention] = limitValue(name, value);
  }
  return retention;
}

function limitValue(name: string, value: string): number | null {
  if (value === 'off') return null;
  const amount = Number(value);
  if (value === '' || !Number.isInteger(amount) || amount <= 0) {
    throw new TypeError(`invalid limit ${name}=${value}: use a positive integer, or off`);
  }
  return amount;
}

export function parseV4Sunset(text: string): V4Sunset {
  const value = text.trim();
  if (value === 'enabled' || value === 'deprecated' || value === 'removed') return value;
  throw new TypeError(`invalid V4 setting "${text}": expected enabled, deprecated or removed`);
}
