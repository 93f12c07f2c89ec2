import { existsSync, watch } from 'node:fs';

/**
 * Resolves once `path` exists under `root`, woken by the file system's own events (no polling),
 * or rejects after `timeoutMs`.
 */
export function waitForPath(root: string, path: string, timeoutMs = 10_000): Promise<void> {
  if (existsSync(path)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const watcher = watch(root, { recursive: true }, () => {
      if (!existsSync(path)) return;
      done();
      resolve();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${path} did not appear within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      watcher.close();
    };
    // It may have appeared between the first check and the watch.
    if (existsSync(path)) {
      done();
      resolve();
    }
  });
}
