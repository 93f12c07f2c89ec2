import { V4Sunset } from '../../contracts/settings.js';
import { createManualClock } from '../domain/clock.js';
import { PROGRESSION_SYNTAX, parseProgression } from '../domain/lifecycle/progression.js';
import { ACTITO_LIMITS, parseLimits, parseRetention, parseV4Sunset } from '../domain/settings.js';
import { parseWebhookSettings } from '../domain/webhooks/settings.js';
import type { ActitoMockOptions } from '../mock.js';
import { loadFixtureFiles } from './load-fixtures.js';

export type LogFormat = 'text' | 'json' | 'off';

/** A dropped file is read once it has stayed unchanged this long (it may still be being written). */
const DEFAULT_DROP_STABLE_MS = 500;

/** What `serve` runs with, from its flags and the environment. */
export interface ServeConfig {
  port: number;
  host: string;
  log: LogFormat;
  mock: ActitoMockOptions;
  /** The folder of the file transfer locations to watch (null: none), and how long a file must stay unchanged. */
  drop: { dir: string | null; stableMs: number };
}

/**
 * One setting of `serve`: a flag and the environment variable it mirrors (the flag wins), with the
 * text for `--help` and how its value applies. A wrong value throws a message without the name,
 * which the caller prefixes with the flag or variable it came from.
 */
export interface ServeSetting {
  flag: string;
  env: string;
  value: string;
  help: string;
  apply(text: string, config: ServeConfig): void;
}

export const SERVE_SETTINGS: readonly ServeSetting[] = [
  {
    flag: 'port',
    env: 'PORT',
    value: '<port>',
    help: 'port to listen on; 0 picks a free one (default 8080)',
    apply: (text, config) => {
      config.port = integerIn(text, 0, 65535);
    },
  },
  {
    flag: 'host',
    env: 'HOST',
    value: '<address>',
    help: 'address to listen on (default 127.0.0.1; the Docker image sets 0.0.0.0)',
    apply: (text, config) => {
      config.host = text;
    },
  },
  {
    flag: 'fixtures',
    env: 'ACTITO_MOCK_FIXTURES',
    value: '<file|folder>',
    help: 'the entities, tables and rows to serve: a fixture JSON file, or a folder whose *.json files are merged (default: the bundled "demo" entity)',
    apply: (text, config) => {
      config.mock.fixture = loadFixtureFiles(text);
    },
  },
  {
    flag: 'progression',
    env: 'ACTITO_MOCK_PROGRESSION',
    value: '<policy>',
    help: `when imports and executions move to their next status: ${PROGRESSION_SYNTAX} (default afterPolls:1,ms:1000: one status read or one second, whichever comes first)`,
    apply: (text, config) => {
      config.mock.progression = parseProgression(text);
    },
  },
  {
    flag: 'clock',
    env: 'ACTITO_MOCK_CLOCK',
    value: '<clock>',
    help: 'system (the wall clock, default) or manual[:<ISO start>] (moves only through POST /__mock/advance)',
    apply: (text, config) => {
      const clock = parseClock(text);
      if (clock) config.mock.clock = clock;
      else delete config.mock.clock;
    },
  },
  {
    flag: 'v4',
    env: 'ACTITO_MOCK_V4',
    value: `<${V4Sunset.options.join('|')}>`,
    help: 'what the V4 import routes do: work, work with Deprecation/Sunset headers, or answer 410 (default enabled)',
    apply: (text, config) => {
      config.mock.v4Sunset = parseV4Sunset(text);
    },
  },
  {
    flag: 'limits',
    env: 'ACTITO_MOCK_LIMITS',
    value: '<limits>',
    help: `actito (Actito's, default), off, or name=value|off pairs, e.g. maxConcurrentRequests=10,maxUploadBytes=off; names: ${Object.keys(ACTITO_LIMITS).join(', ')}`,
    apply: (text, config) => {
      config.mock.limits = parseLimits(text);
    },
  },
  {
    flag: 'max-upload-bytes',
    env: 'ACTITO_MOCK_MAX_UPLOAD_BYTES',
    value: '<bytes>',
    help: "largest data file accepted (default 104857600, Actito's 100 MB; --limits maxUploadBytes=... says the same)",
    apply: (text, config) => {
      config.mock.maxUploadBytes = integerIn(text, 1);
    },
  },
  {
    flag: 'retention',
    env: 'ACTITO_MOCK_RETENTION',
    value: '<retention>',
    help: 'finished imports and executions a tenant keeps with their files: default (the newest 500, 256 MiB of files), off (everything), or name=value|off pairs, e.g. maxFinishedRecords=2000,maxStoredFileBytes=off',
    apply: (text, config) => {
      config.mock.retention = parseRetention(text);
    },
  },
  {
    flag: 'webhooks',
    env: 'ACTITO_MOCK_WEBHOOKS',
    value: '<settings>',
    help: 'webhook delivery: a comma list of allowHttpTargets[=true|false] (HTTP to non-loopback hosts), timeoutMs=<ms>, retryDelaysMs=<ms>/<ms>/... or none',
    apply: (text, config) => {
      config.mock.webhooks = parseWebhookSettings(text);
    },
  },
  {
    flag: 'drop-dir',
    env: 'ACTITO_MOCK_DROP_DIR',
    value: '<folder>',
    help: 'watch <folder>/<locationId>/ for the files of persistent ETLs that name that file transfer location (default: none watched)',
    apply: (text, config) => {
      config.drop.dir = text;
    },
  },
  {
    flag: 'drop-stable-ms',
    env: 'ACTITO_MOCK_DROP_STABLE_MS',
    value: '<ms>',
    help: `how long a dropped file must stay unchanged before it is read (default ${DEFAULT_DROP_STABLE_MS})`,
    apply: (text, config) => {
      config.drop.stableMs = integerIn(text, 1);
    },
  },
  {
    flag: 'log',
    env: 'ACTITO_MOCK_LOG',
    value: '<text|json|off>',
    help: 'the request log on stdout: one line per request (default text), one JSON object per line, or none',
    apply: (text, config) => {
      if (text !== 'text' && text !== 'json' && text !== 'off')
        throw new TypeError(`expected text, json or off; got "${text}"`);
      config.log = text;
    },
  },
];

/**
 * The configuration from the flags given and the environment: each setting from its flag, else its
 * variable, else its default. Throws a TypeError naming the flag or variable whose value is wrong.
 */
export function serveConfig(flags: Record<string, string | undefined>, env: NodeJS.ProcessEnv): ServeConfig {
  const config: ServeConfig = {
    port: 8080,
    host: '127.0.0.1',
    log: 'text',
    mock: {},
    drop: { dir: null, stableMs: DEFAULT_DROP_STABLE_MS },
  };
  for (const setting of SERVE_SETTINGS) {
    const flag = flags[setting.flag];
    const fromEnv = env[setting.env];
    const [source, text] =
      flag !== undefined ? [`--${setting.flag}`, flag] : [setting.env, fromEnv === '' ? undefined : fromEnv];
    if (text === undefined) continue;
    try {
      setting.apply(text, config);
    } catch (error) {
      throw new TypeError(`${source}: ${(error as Error).message}`);
    }
  }
  return config;
}

function integerIn(text: string, min: number, max?: number): number {
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isSafeInteger(value) ||
    value < min ||
    (max !== undefined && value > max)
  ) {
    const range =
      max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
    throw new TypeError(`expected ${range}; got "${text}"`);
  }
  return value;
}

/** A clock factory, so each tenant gets its own manual clock; undefined for the wall clock. */
function parseClock(text: string): ActitoMockOptions['clock'] {
  if (text === 'system') return undefined;
  const match = /^manual(?::(.+))?$/.exec(text);
  if (!match) throw new TypeError(`expected system or manual[:<ISO start>]; got "${text}"`);
  const start = match[1] ?? Date.now();
  createManualClock(start);
  return () => createManualClock(start);
}
