import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRESSION_SYNTAX } from '../domain/lifecycle/progression.js';
import { SERVE_SETTINGS, serveConfig } from './serve-settings.js';

describe('serveConfig', () => {
  it('defaults to 127.0.0.1:8080, the text log and the mock defaults', () => {
    expect(serveConfig({}, {})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      log: 'text',
      mock: {},
      drop: { dir: null, stableMs: 500 },
    });
    expect(serveConfig({}, { PORT: '', ACTITO_MOCK_LIMITS: '' })).toMatchObject({ port: 8080, mock: {} });
  });

  it('reads each environment variable, and a flag wins over its variable', () => {
    const env = {
      PORT: '9000',
      HOST: '0.0.0.0',
      ACTITO_MOCK_PROGRESSION: 'manual',
      ACTITO_MOCK_V4: 'deprecated',
      ACTITO_MOCK_LIMITS: 'off',
      ACTITO_MOCK_MAX_UPLOAD_BYTES: '1000',
      ACTITO_MOCK_LOG: 'json',
      ACTITO_MOCK_WEBHOOKS: 'allowHttpTargets,timeoutMs=2000',
      ACTITO_MOCK_DROP_DIR: '/drop',
      ACTITO_MOCK_DROP_STABLE_MS: '100',
    };
    expect(serveConfig({}, env)).toEqual({
      port: 9000,
      host: '0.0.0.0',
      log: 'json',
      mock: {
        progression: { type: 'manual' },
        v4Sunset: 'deprecated',
        limits: 'off',
        maxUploadBytes: 1000,
        webhooks: { allowHttpTargets: true, timeoutMs: 2000 },
      },
      drop: { dir: '/drop', stableMs: 100 },
    });
    const flags = {
      port: '0',
      progression: 'afterPolls:2',
      v4: 'removed',
      limits: 'maxConcurrentRequests=9',
      log: 'off',
      'drop-dir': '/elsewhere',
    };
    expect(serveConfig(flags, env)).toMatchObject({
      port: 0,
      log: 'off',
      mock: {
        progression: { type: 'afterPolls', polls: 2 },
        v4Sunset: 'removed',
        limits: { maxConcurrentRequests: 9 },
      },
      drop: { dir: '/elsewhere', stableMs: 100 },
    });
  });

  it('gives each tenant its own manual clock from --clock, and reads a fixture folder from --fixtures', () => {
    const { mock } = serveConfig({ clock: 'manual:2026-03-02T09:00:00Z' }, { ACTITO_MOCK_CLOCK: 'nonsense' });
    const factory = mock.clock as () => { now(): number };
    expect(factory()).not.toBe(factory());
    expect(factory().now()).toBe(Date.parse('2026-03-02T09:00:00Z'));
    expect(serveConfig({ clock: 'system' }, {}).mock).toEqual({});

    const dir = mkdtempSync(join(tmpdir(), 'actito-serve-fixtures-'));
    writeFileSync(
      join(dir, 'shop.json'),
      JSON.stringify({
        entities: [{ name: 'shop', profileTables: [{ id: '7', name: 'Members', attributes: [] }] }],
      }),
    );
    expect(serveConfig({ fixtures: dir }, {}).mock.fixture?.entities?.map((e) => e.name)).toEqual(['shop']);
  });

  it('names the flag or the variable whose value is wrong', () => {
    expect(() => serveConfig({ port: '70000' }, {})).toThrow(
      '--port: expected a whole number from 0 to 65535; got "70000"',
    );
    expect(() => serveConfig({}, { PORT: '8080x' })).toThrow('PORT: expected a whole number from 0 to 65535');
    expect(() => serveConfig({ progression: 'sometimes' }, {})).toThrow(
      `--progression: invalid progression "sometimes": expected ${PROGRESSION_SYNTAX}`,
    );
    expect(() => serveConfig({}, { ACTITO_MOCK_CLOCK: 'manual:yesterday' })).toThrow(
      'ACTITO_MOCK_CLOCK: invalid clock start: yesterday',
    );
    expect(() => serveConfig({ v4: 'gone' }, {})).toThrow('--v4: invalid V4 setting "gone"');
    expect(() => serveConfig({}, { ACTITO_MOCK_LIMITS: 'speed=1' })).toThrow(
      /^ACTITO_MOCK_LIMITS: invalid limits/,
    );
    expect(() => serveConfig({ 'max-upload-bytes': '0' }, {})).toThrow(
      '--max-upload-bytes: expected a whole number of at least 1; got "0"',
    );
    expect(() => serveConfig({ log: 'loud' }, {})).toThrow('--log: expected text, json or off; got "loud"');
    expect(() => serveConfig({ fixtures: '/no/such/place' }, {})).toThrow(
      '--fixtures: /no/such/place: no such file or folder',
    );
  });

  it('lists the progression syntax from parseProgression in its help', () => {
    expect(SERVE_SETTINGS.find((s) => s.flag === 'progression')?.help).toContain(PROGRESSION_SYNTAX);
  });
});
