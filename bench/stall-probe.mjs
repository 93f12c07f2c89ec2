import { Worker } from 'node:worker_threads';

/**
 * Measures how long the server's event loop stalls, from outside: a worker thread of the bench
 * sends `GET /__mock/health` every 20 ms (one at a time) and keeps, per phase, the longest time a
 * ping took to be answered. A server busy in one synchronous step for 1 s answers that ping ~1 s late.
 */
export function startStallProbe(url) {
  const worker = new Worker(new URL('./stall-probe-worker.mjs', import.meta.url), { workerData: { url } });
  const ready = new Promise((resolve) => worker.once('message', resolve));
  let stopped = null;
  return {
    ready,
    /** Starts a new phase: pings from now on count for it. */
    phase(name) {
      worker.postMessage({ phase: name });
    },
    /** Stops pinging; resolves with { phase: { maxMs, pings } }. */
    stop() {
      stopped ??= new Promise((resolve) => {
        worker.once('message', (result) => {
          void worker.terminate();
          resolve(result);
        });
        worker.postMessage({ stop: true });
      });
      return stopped;
    },
  };
}
