import type { ErrorDetail } from '../../contracts/errors.js';

/**
 * How deeply a JSON body may nest arrays and objects. A definition needs 4 levels, a seed 5; the
 * limit only keeps values that the mock stores and writes back later (unknown keys are kept and
 * echoed) from nesting past what JSON.stringify and structuredClone can recurse through.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Null when `value` nests at most `maxDepth` levels; otherwise the fault, at the object keys
 * leading to the too-deep value (at most two of them, which is where a user looks), e.g.
 * `definition.deep`. Iterative: the value may be far deeper than the call stack.
 */
export function jsonDepthFault(value: unknown, part: string, maxDepth = MAX_JSON_DEPTH): ErrorDetail | null {
  const stack: { value: unknown; depth: number; path: (string | number)[] }[] = [
    { value, depth: 0, path: [] },
  ];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= maxDepth) {
      return {
        path: pathOf(part, item.path),
        message: `nested more than ${maxDepth} levels of arrays and objects deep; flatten or remove it`,
      };
    }
    const entries = Array.isArray(item.value) ? item.value.entries() : Object.entries(item.value);
    for (const [key, child] of entries)
      stack.push({ value: child, depth: item.depth + 1, path: [...item.path.slice(0, 3), key] });
  }
  return null;
}

/** `definition.format.x` from the path's leading object keys (an array index ends it). */
function pathOf(part: string, path: (string | number)[]): string {
  const keys: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number' || keys.length === 2) break;
    keys.push(segment);
  }
  return [part, ...keys].join('.');
}
