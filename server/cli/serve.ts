import { startServer } from '../adapters/node.js';
import type { Clock } from '../domain/clock.js';
import { createManualClock } from '../domain/clock.js';
import { parseProgression } from '../domain/lifecycle/progression.js';
import { parseLimits, parseRetention, parseV4Sunset } from '../domain/settings.js';
import type { ActitoMockOptions } from '../mock.js';
import { createActitoMock } from '../mock.js';
import { loadFixtureFiles } from './load-fixtures.js';

/** Mock options from environment variables (what `npm start` and the Docker image read). */
export function optionsFromEnv(env: NodeJS.ProcessEnv): ActitoMockOptions {
  const options: ActitoMockOptions = {};
  if (env.ACTITO_MOCK_CLOCK) options.clock = clockFromEnv(env.ACTITO_MOCK_CLOCK);
  // A fixture file or folder (a Docker volume) replaces the default fixture.
  if (env.ACTITO_MOCK_FIXTURES) options.fixture = loadFixtureFiles(env.ACTITO_MOCK_FIXTURES);
  if (env.ACTITO_MOCK_PROGRESSION) options.progression = parseProgression(env.ACTITO_MOCK_PROGRESSION);
  if (env.ACTITO_MOCK_MAX_UPLOAD_BYTES)
    options.maxUploadBytes = positiveInteger(
      'ACTITO_MOCK_MAX_UPLOAD_BYTES',
      env.ACTITO_MOCK_MAX_UPLOAD_BYTES,
    );
  if (env.ACTITO_MOCK_V4) options.v4Sunset = fromEnv('ACTITO_MOCK_V4', env.ACTITO_MOCK_V4, parseV4Sunset);
  if (env.ACTITO_MOCK_LIMITS)
    options.limits = fromEnv('ACTITO_MOCK_LIMITS', env.ACTITO_MOCK_LIMITS, parseLimits);
  if (env.ACTITO_MOCK_RETENTION)
    options.retention = fromEnv('ACTITO_MOCK_RETENTION', env.ACTITO_MOCK_RETENTION, parseRetention);
  return options;
}

/** Parses one env var, naming it in the message when its value is wrong. */
function fromEnv<T>(name: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    throw new TypeError(`${name}: ${(error as Error).message}`);
  }
}

/** `system` (the wall clock, the default) or `manual[:<ISO start>]` (moves only through POST /__mock/advance). */
function clockFromEnv(text: string): (() => Clock) | undefined {
  if (text === 'system') return undefined;
  const match = /^manual(?::(.+))?$/.exec(text);
  if (!match)
    throw new TypeError(`ACTITO_MOCK_CLOCK must be "system" or "manual[:<ISO start>]"; got "${text}"`);
  const start = match[1] ?? Date.now();
  createManualClock(start);
  return () => createManualClock(start);
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new TypeError(`${name} must be a positive integer; got "${text}"`);
  return value;
}

/** `actito-mock` with no command: serve the mock on HOST:PORT (127.0.0.1:8080 by default). */
export async function serveCommand(env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`PORT must be 0-65535; got "${env.PORT}"`);
  const host = env.HOST || '127.0.0.1';
  const mock = createActitoMock(optionsFromEnv(env));
  // The CLI owns its process: it takes @hono/node-server's fast path (global Request/Response).
  const server = await startServer(mock, { port, host, overrideGlobalObjects: true });
  print(`actito-mock listening on ${server.url}`);
  print(`  API key: ${mock.core.fixture.apiKeys.join(', ')}`);
  for (const entity of mock.core.fixture.entities) {
    const tables = [
      ...entity.profileTables.map((t) => `profile table ${t.name} (id ${t.id})`),
      ...entity.customTables.map((t) => `custom table ${t.name} (id ${t.id})`),
    ];
    print(`  entity ${entity.name}: ${tables.join(', ')}`);
  }
  print(
    `  progression: ${JSON.stringify(mock.core.tenant().progression['v5.etlExecution'])}; OpenAPI: ${server.url}/openapi.json`,
  );
  const { v4Sunset, limits, retention } = mock.core.tenant().settings;
  print(
    `  V4 imports: ${v4Sunset}; limits: ${JSON.stringify(limits)}; retention: ${JSON.stringify(retention)} (GET/PUT /__mock/settings)`,
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
