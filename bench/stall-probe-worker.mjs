import { request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const INTERVAL_MS = 20;
const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 1 });
const phases = {};
let phase = 'idle';
let stopping = false;

parentPort.on('message', (message) => {
  if (message.phase) phase = message.phase;
  if (message.stop) stopping = true;
});

function ping() {
  return new Promise((resolve) => {
    const req = request(`${workerData.url}/__mock/health`, { agent }, (response) => {
      response.resume();
      response.once('end', resolve);
    });
    req.once('error', resolve);
    req.end();
  });
}

parentPort.postMessage('ready');
while (!stopping) {
  const started = performance.now();
  const counted = phase;
  await ping();
  const ms = performance.now() - started;
  phases[counted] ??= { maxMs: 0, pings: 0 };
  const stats = phases[counted];
  stats.pings += 1;
  stats.maxMs = Math.max(stats.maxMs, ms);
  const wait = INTERVAL_MS - (performance.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
agent.destroy();
parentPort.postMessage(phases);
