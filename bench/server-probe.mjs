/**
 * Preloaded into the bench's server process (`node --expose-gc --import ./bench/server-probe.mjs
 * dist/server/adapters/cli.js`): on SIGUSR2 it runs a full GC and prints the heap figures on
 * stderr, so the bench can tell memory the server keeps (stored rows) from memory it only
 * passed through. It changes nothing else in the server.
 */
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const memory = process.memoryUsage();
  process.stderr.write(`BENCH-PROBE ${JSON.stringify(memory)}\n`);
});
