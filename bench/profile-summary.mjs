import { readFileSync } from 'node:fs';

/**
 * The functions (and the files) where a V8 `.cpuprofile` spent its samples, by self time:
 * enough to see where the mock's time goes without opening DevTools.
 */
export function summarizeProfile(path, top = 25) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[index + 1] ?? 0));
  });
  const total = [...selfUs.values()].reduce((sum, us) => sum + us, 0);
  const byFunction = new Map();
  const byFile = new Map();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = shorten(url) || '(native / VM)';
    const key = `${functionName || '(anonymous)'} ${file}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const rank = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, us]) =>
          `  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
      );
  return [
    `CPU profile ${path}: ${(total / 1000).toFixed(0)} ms sampled`,
    'by file (self time):',
    ...rank(byFile).slice(0, 15),
    'by function (self time):',
    ...rank(byFunction),
  ].join('\n');
}

function shorten(url) {
  return url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|dist)\//, '$1/');
}
