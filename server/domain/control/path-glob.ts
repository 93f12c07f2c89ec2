/**
 * Compiles a path glob, the one pattern syntax of faults and journal filters:
 * `*` matches any characters within one segment, a `**` segment matches any number of segments
 * (none included), everything else is literal; a trailing slash is ignored.
 * E.g. `/mass-imports/v5/**`, `/v4/entity/*\/import/*\/status`.
 */
export function compilePathGlob(glob: string): (path: string) => boolean {
  const segments = glob.replace(/\/+$/, '').split('/').slice(1);
  let source = '';
  for (const segment of segments) {
    if (segment === '**') source += '(?:/[^/]*)*';
    else source += `/${segment.split('*').map(escapeRegExp).join('[^/]*')}`;
  }
  const pattern = new RegExp(`^${source}/?$`);
  return (path) => pattern.test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
