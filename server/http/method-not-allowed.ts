import type { Hono } from 'hono';
import { ActitoError } from '../domain/errors.js';

/** Methods the app serves on a path, from its route table (used for 405 and the Allow header). */
export function allowedMethods(app: Hono<never>, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    if (patternOf(route.path).test(path)) methods.add(route.method);
  }
  return [...methods].sort();
}

const patterns = new Map<string, RegExp>();
function patternOf(path: string): RegExp {
  let pattern = patterns.get(path);
  if (!pattern) {
    const source = path
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : escapeRegExp(segment)))
      .join('/');
    pattern = new RegExp(`^${source}/?$`);
    patterns.set(path, pattern);
  }
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function routeNotFound(method: string, path: string, allowed: string[]): ActitoError {
  if (allowed.length > 0) {
    return new ActitoError(
      'METHOD_NOT_ALLOWED',
      `${method} is not allowed on ${path}; use ${allowed.join(' or ')}.`,
    );
  }
  return new ActitoError(
    'ROUTE_NOT_FOUND',
    `No route ${method} ${path} in this mock; GET /openapi.json lists every route it serves.`,
  );
}
