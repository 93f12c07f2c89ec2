import type { ActitoMockServer } from '../adapters/node.js';
import type { RequestLogEntry } from '../http/request-log.js';
import type { ActitoMock } from '../mock.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * `2026-03-02T09:00:00.000Z t1 POST /mass-imports/v5/entities/demo/etl-executions 400 INVALID_DEFINITION 3.1ms`:
 * time, tenant, method, path, status, error code (`-` for none), duration. A decoded `%0A` in a
 * path is escaped, so one request always makes one line.
 */
export function requestTextLine(entry: RequestLogEntry): string {
  const path = entry.path.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `${entry.time} ${entry.tenant ?? '-'} ${entry.method} ${path} ${entry.status} ${entry.errorCode ?? '-'} ${entry.durationMs}ms`;
}

/** The same, for machines: one JSON object per line. */
export function requestJsonLine(entry: RequestLogEntry): string {
  return JSON.stringify({ event: 'request', ...entry });
}

/** What a new user needs to start: the URL, the API key, the entities and tables, the settings. */
export function listeningSummary(
  server: ActitoMockServer,
  mock: ActitoMock,
  dropFolder: { dir: string; stableMs: number } | null = null,
) {
  const tenant = mock.core.tenant();
  return {
    url: server.url,
    apiKeys: mock.core.fixture.apiKeys,
    entities: mock.core.fixture.entities.map((entity) => ({
      name: entity.name,
      profileTables: entity.profileTables.map((t) => ({ id: t.id, name: t.name })),
      customTables: entity.customTables.map((t) => ({ id: t.id, name: t.name })),
    })),
    progression: tenant.progression['v5.etlExecution'],
    v4: tenant.settings.v4Sunset,
    limits: tenant.settings.limits,
    dropFolder,
  };
}

export function listeningTextLines(summary: ReturnType<typeof listeningSummary>, logging: boolean): string[] {
  const lines = [`actito-mock listening on ${summary.url}`, `  API key: ${summary.apiKeys.join(', ')}`];
  for (const entity of summary.entities) {
    const tables = [
      ...entity.profileTables.map((t) => `profile table ${t.name} (id ${t.id})`),
      ...entity.customTables.map((t) => `custom table ${t.name} (id ${t.id})`),
    ];
    lines.push(`  entity ${entity.name}: ${tables.join(', ')}`);
  }
  lines.push(
    `  progression: ${JSON.stringify(summary.progression)}; OpenAPI: ${summary.url}/openapi.json`,
    `  V4 imports: ${summary.v4}; limits: ${JSON.stringify(summary.limits)} (GET/PUT /__mock/settings)`,
    summary.dropFolder
      ? `  file transfer locations: ${summary.dropFolder.dir}/<locationId>/ (files read once unchanged for ${summary.dropFolder.stableMs} ms)`
      : '  file transfer locations: none watched (--drop-dir, ACTITO_MOCK_DROP_DIR)',
    logging
      ? '  one line per request below: time, tenant, method, path, status, error code, duration (--quiet: none)'
      : '  request log off',
  );
  return lines;
}

export function listeningJsonLine(summary: ReturnType<typeof listeningSummary>): string {
  return JSON.stringify({
    event: 'listening',
    time: new Date().toISOString(),
    message: `actito-mock listening on ${summary.url}`,
    ...summary,
  });
}
