import type { Operation } from '../../contracts/operations/index.js';
import { allOperations } from '../../contracts/operations/index.js';

/** The mock's own paths: never journaled, faulted or counted in coverage. */
export function isMockOwnPath(path: string): boolean {
  return path === '/__mock' || path.startsWith('/__mock/') || path === '/openapi.json';
}

/** `/a/{x}/b` and `/a/:x/b` alike, so OpenAPI paths and Hono route patterns meet. */
function shapeOf(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]+\}|:[^/]+/g, '{}')}`;
}

/**
 * Names a matched route after its operation (`getEtlExecution`), so both path aliases of an
 * operation count as one; a route the operation list lacks is named "METHOD /route/:pattern".
 */
export function createOperationNames(operations: readonly Operation[] = allOperations) {
  const byShape = new Map<string, string>();
  for (const operation of operations)
    for (const path of operation.paths) byShape.set(shapeOf(operation.method, path), operation.id);
  const actito = operations.filter((operation) => !operation.paths.some(isMockOwnPath));
  // Routes are the app's own patterns, a finite set: each is named once, not on every request.
  const names = new Map<string, string>();
  return {
    nameOf(method: string, route: string): string {
      const key = `${method} ${route}`;
      let name = names.get(key);
      if (name === undefined) {
        name = byShape.get(shapeOf(method, route)) ?? `${method.toUpperCase()} ${route}`;
        names.set(key, name);
      }
      return name;
    },
    /** The Actito operations a client could exercise. */
    known: (): string[] => actito.map((operation) => operation.id),
  };
}

export type OperationNames = ReturnType<typeof createOperationNames>;
