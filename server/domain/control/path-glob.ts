/**
 * Compiles a path glob, the one pattern syntax of faults and journal filters:
 * `*` matches any characters within one segment, a `**` segment matches any number of segments
 * (none included), everything else is literal; a trailing slash is ignored.
 * E.g. `/mass-imports/v5/**`, `/v4/entity/*\/import/*\/status`.
 *
 * Matched by the greedy wildcard walk (back to the last star on a mismatch), at segment level for
 * `**` and at character level for `*`: time grows with the glob times the path, never
 * exponentially, as a regular expression of nested quantifiers would for a hostile glob.
 */
export function compilePathGlob(glob: string): (path: string) => boolean {
  const segments = splitPath(glob.replace(/\/+$/, ''));
  const matches = (path: string) => wildcardMatch(segments, splitPath(path), '**', matchSegment);
  // A path may end in one slash more than the glob.
  return (path) => matches(path) || (path.endsWith('/') && matches(path.slice(0, -1)));
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

function matchSegment(pattern: string, text: string): boolean {
  return wildcardMatch([...pattern], [...text], '*', (a, b) => a === b);
}

/** Whether `items` match `pattern`, where each `star` matches any run of items (none included). */
function wildcardMatch<T>(pattern: T[], items: T[], star: T, equal: (p: T, item: T) => boolean): boolean {
  let p = 0;
  let i = 0;
  let lastStar = -1;
  let resumeAt = 0;
  while (i < items.length) {
    if (p < pattern.length && pattern[p] === star) {
      lastStar = p;
      p += 1;
      resumeAt = i;
    } else if (p < pattern.length && equal(pattern[p] as T, items[i] as T)) {
      p += 1;
      i += 1;
    } else if (lastStar !== -1) {
      p = lastStar + 1;
      resumeAt += 1;
      i = resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === star) p += 1;
  return p === pattern.length;
}
