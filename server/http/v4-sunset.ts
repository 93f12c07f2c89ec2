import type { MiddlewareHandler } from 'hono';
import type { V4Call } from '../domain/v4-imports/sunset.js';
import { V4_DEPRECATED_SINCE, V4_SUNSET, v4Removed, v5SuccessorOf } from '../domain/v4-imports/sunset.js';
import { drainUnreadBody } from './body.js';
import type { MockEnv } from './env.js';
import { errorResponse } from './error-response.js';
import { isSingleRecordPath } from './record-paths.js';

/** The two prefixes Actito served the V4 imports under. */
export const V4_PREFIXES = ['/v4/entity', '/mass-imports/v4/entity'] as const;

const IMPORT_READS = new Set(['status', 'result', 'errors', 'result-file']);

/**
 * Applies the tenant's V4 sunset setting to every request under the V4 prefixes: `deprecated`
 * adds RFC 9745 `Deprecation`, RFC 8594 `Sunset` and a `Link` to the V5 successor; `removed`
 * answers 410 V4_REMOVED naming the exact V5 route to call instead.
 */
export function v4SunsetPolicy(): MiddlewareHandler<MockEnv> {
  return async function applyV4Sunset(c, next) {
    const setting = c.get('tenant').settings.v4Sunset;
    // Actito removed the V4 imports; the V4 profile and record APIs under the same prefix remain.
    if (setting === 'enabled' || isSingleRecordPath(c.req.path)) return next();
    const call = v4CallOf(c.req.path);
    const headers = sunsetHeaders(c.req.url, call);
    if (setting === 'removed') {
      await drainUnreadBody(c.req.raw);
      return errorResponse(v4Removed(c.req.method, c.req.path, call), headers);
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

function sunsetHeaders(url: string, call: V4Call): Record<string, string> {
  const successor = new URL(v5SuccessorOf(call).linkPath, url).toString();
  return {
    deprecation: `@${Math.floor(V4_DEPRECATED_SINCE.getTime() / 1000)}`,
    sunset: V4_SUNSET.toUTCString(),
    link: `<${successor}>; rel="successor-version"`,
  };
}

/** Which V4 call a path under a V4 prefix is. */
export function v4CallOf(path: string): V4Call {
  const prefix = V4_PREFIXES.find((p) => path.startsWith(`${p}/`)) ?? '';
  const [entity, first, second, third, ...rest] = path
    .slice(prefix.length + 1)
    .split('/')
    .map(decodeSegment);
  if (!entity) return { kind: 'other', entity: null };
  if ((first === 'table' || first === 'customTable') && second && third === 'import' && rest.length === 0) {
    const tableType = first === 'table' ? 'PROFILE_TABLE' : 'CUSTOM_TABLE';
    return { kind: 'createImport', entity, tableType, table: second };
  }
  if (first === 'import' && second && third && IMPORT_READS.has(third) && rest.length === 0) {
    return { kind: third as 'status' | 'result' | 'errors' | 'result-file', entity, importId: second };
  }
  return { kind: 'other', entity };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
