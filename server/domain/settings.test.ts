import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from './retention.js';
import {
  ACTITO_LIMITS,
  initialSettings,
  parseLimits,
  parseRetention,
  parseV4Sunset,
  updatedSettings,
} from './settings.js';

describe('mock settings', () => {
  it("start from Actito's limits with V4 enabled, or from the mock options", () => {
    expect(initialSettings()).toEqual({
      v4Sunset: 'enabled',
      limits: ACTITO_LIMITS,
      retention: DEFAULT_RETENTION,
    });
    expect(initialSettings({ v4Sunset: 'removed', limits: 'off' })).toEqual({
      v4Sunset: 'removed',
      limits: { maxConcurrentRequests: null, maxImportsPerTablePerDay: null, maxUploadBytes: null },
      retention: DEFAULT_RETENTION,
    });
    expect(initialSettings({ maxUploadBytes: 10, limits: { maxConcurrentRequests: null } }).limits).toEqual({
      maxConcurrentRequests: null,
      maxImportsPerTablePerDay: 12,
      maxUploadBytes: 10,
    });
  });

  it('change only what an update names', () => {
    const settings = initialSettings();
    expect(updatedSettings(settings, { limits: { maxImportsPerTablePerDay: 3 } })).toEqual({
      v4Sunset: 'enabled',
      limits: { ...ACTITO_LIMITS, maxImportsPerTablePerDay: 3 },
      retention: DEFAULT_RETENTION,
    });
    expect(updatedSettings(settings, { retention: { maxFinishedRecords: 2 } }).retention).toEqual({
      ...DEFAULT_RETENTION,
      maxFinishedRecords: 2,
    });
    expect(updatedSettings(settings, { v4Sunset: 'deprecated' }).limits).toEqual(ACTITO_LIMITS);
  });

  it('parse the env var forms, naming what is wrong', () => {
    expect(parseLimits('off')).toBe('off');
    expect(parseLimits('actito')).toEqual({});
    expect(parseLimits('maxConcurrentRequests=10, maxUploadBytes=off')).toEqual({
      maxConcurrentRequests: 10,
      maxUploadBytes: null,
    });
    expect(() => parseLimits('maxConcurrent=1')).toThrow(/"maxConcurrent" is not a limit/);
    expect(() => parseLimits('maxConcurrentRequests=0')).toThrow(/positive integer, or off/);
    expect(parseRetention('off')).toEqual({ maxFinishedRecords: null, maxStoredFileBytes: null });
    expect(parseRetention('maxFinishedRecords=20')).toEqual({ maxFinishedRecords: 20 });
    expect(() => parseRetention('keep=1')).toThrow(/"keep" is not a retention bound/);
    expect(parseV4Sunset('deprecated')).toBe('deprecated');
    expect(() => parseV4Sunset('gone')).toThrow(/enabled, deprecated or removed/);
  });
});
