import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from '../dist/server/index.js';
import { ActitoClient } from './actito-client.mjs';
import { memoryOf } from './proc-stats.mjs';
import { COLUMNS, profilesCsv } from './profiles-csv.mjs';
import { startServer } from './server-process.mjs';
import { fixed, median } from './stats.mjs';
import { writeZips } from './write-zips.mjs';

/**
 * `npm run soak -- --minutes 10`: a long-running mock under 8 clients on 127.0.0.1, each its own
 * tenant (X-Mock-Tenant), mixing uploads of 1k to 50k rows (zipped and plain), status polls,
 * output-file downloads, reads of older executions and resets, for a bounded time. The server runs
 * as `npm start` does, with its default settings (progression, limits, retention). It prints the
 * server's RSS each minute, the 5xx count and the lost uploads (a 201 whose execution never
 * reached a final status), and passes when RSS at the end is within 15 % of RSS at minute 3, with
 * no 5xx and nothing lost. Options: --minutes 10, --clients 8, --seed 1.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
  },
});
const minutes = Number(options.minutes);
const clientCount = Number(options.clients);
if (!(minutes >= 4)) throw new Error('--minutes must be at least 4 (RSS is compared with minute 3)');
if (!existsSync(`${ROOT}dist/server/adapters/cli.js`))
  throw new Error('dist/ is missing: run "npm run build" first');

const SIZES = [1_000, 5_000, 10_000, 25_000, 50_000];
const FINAL = new Set(['SUCCESS', 'WITH_ERROR', 'ERROR']);
const files = await soakFiles();
const server = await startServer(ROOT, {});
const stats = {
  uploads: 0,
  finals: 0,
  polls: 0,
  downloads: 0,
  resets: 0,
  reads: 0,
  fiveXx: 0,
  lost: [],
  other: [],
};
const rss = [];
const started = Date.now();
const deadline = started + minutes * 60_000;
console.log(
  `soak: ${clientCount} clients for ${minutes} min against ${server.url} (pid ${server.pid}); node ${process.version}; load average ${loadNote()}`,
);
const sampler = setInterval(() => {
  rss.push({ at: Date.now() - started, mb: memoryOf(server.pid).rssMb });
}, 5_000);
const reporter = setInterval(reportMinute, 60_000);
let minute = 0;
try {
  await Promise.all(Array.from({ length: clientCount }, (_, index) => runClient(index)));
} finally {
  clearInterval(sampler);
  clearInterval(reporter);
  await server.stop();
}
reportMinute(true);
const verdict = summarize();
process.exitCode = verdict ? 0 : 1;

function loadNote() {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

/** RSS of each minute: the median of its 5-second samples (one sample alone is GC noise). */
function rssOfMinute(m) {
  const samples = rss.filter((s) => s.at > (m - 1) * 60_000 && s.at <= m * 60_000).map((s) => s.mb);
  return median(samples);
}

function reportMinute(last = false) {
  if (!last) minute += 1;
  else if (minute >= minutes) return;
  else minute = minutes;
  console.log(
    `  minute ${String(minute).padStart(2)}: RSS ${fixed(rssOfMinute(minute))} MB; ${stats.uploads} uploads, ${stats.finals} final, ` +
      `${stats.polls} polls, ${stats.downloads} downloads, ${stats.reads} reads, ${stats.resets} resets, ${stats.fiveXx} 5xx; load ${loadNote()}`,
  );
}

function summarize() {
  const at3 = rssOfMinute(3);
  const end = rssOfMinute(minutes);
  const growth = end / at3;
  const ok = growth <= 1.15 && stats.fiveXx === 0 && stats.lost.length === 0 && stats.other.length === 0;
  console.log(
    `RSS minute 3 ${fixed(at3)} MB, minute ${minutes} ${fixed(end)} MB (${fixed((growth - 1) * 100, 1)} %, at most +15 %); ` +
      `5xx ${stats.fiveXx}; lost uploads ${stats.lost.length}${stats.lost.length ? ` (${stats.lost.slice(0, 5).join(', ')})` : ''}` +
      `${stats.other.length ? `; unexpected answers ${stats.other.length}: ${stats.other.slice(0, 3).join('; ')}` : ''}`,
  );
  console.log(ok ? 'soak: PASSED' : 'soak: FAILED');
  return ok;
}

/** One client: its own tenant, a loop of actions until the deadline, each upload polled to its end. */
async function runClient(index) {
  const random = seededRandom(Number(options.seed) * 1000 + index);
  const tenant = `soak-${index}`;
  const client = new ActitoClient(server.url, 'demo', { 'x-mock-tenant': tenant });
  await client.login('mock-api-key');
  const finished = [];
  while (Date.now() < deadline) {
    const action = random();
    if (action < 0.55) {
      const file = files[Math.floor(random() * files.length)];
      const id = await upload(client, file);
      if (id !== null) {
        if (await pollToFinal(client, id)) finished.push(id);
        else stats.lost.push(`${tenant}/${id}`);
      }
    } else if (action < 0.75 && finished.length > 0) {
      const id = finished[Math.floor(random() * finished.length)];
      await expectOk(client, `${client.executions}/${id}/output-files`, 'download');
    } else if (action < 0.93 && finished.length > 0) {
      const id = finished[Math.floor(random() * finished.length)];
      await expectOk(client, `${client.executions}/${id}`, 'read');
    } else {
      await call(client, 'POST', '/__mock/reset');
      stats.resets += 1;
      finished.length = 0;
      await client.login('mock-api-key');
    }
  }
}

async function upload(client, file) {
  const created = await client.uploadEtl(file.definition, file.path, file.name);
  if (created.status >= 500) stats.fiveXx += 1;
  if (created.status !== 201) {
    stats.other.push(`upload ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`);
    return null;
  }
  stats.uploads += 1;
  return created.body.id;
}

/** Polls every 100 ms, as a client would; an execution not final within 2 minutes is lost. */
async function pollToFinal(client, id) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const response = await fetch(`${client.executions}/${id}`, { headers: client.headers() });
    stats.polls += 1;
    if (response.status >= 500) stats.fiveXx += 1;
    const body = await response.json();
    if (response.status !== 200) {
      stats.other.push(`poll ${response.status} ${body.code}`);
      return false;
    }
    if (FINAL.has(body.status)) {
      stats.finals += 1;
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function expectOk(client, url, kind) {
  const response = await fetch(url, { headers: client.headers() });
  if (response.status >= 500) stats.fiveXx += 1;
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.byteLength;
  if (response.status !== 200) {
    stats.other.push(`${kind} ${response.status} (${bytes} bytes)`);
    return;
  }
  if (kind === 'download') stats.downloads += 1;
  else stats.reads += 1;
}

async function call(client, method, path) {
  const response = await fetch(`${server.url}${path}`, { method, headers: client.headers() });
  if (response.status >= 500) stats.fiveXx += 1;
  await response.arrayBuffer();
}

/** The upload files: the bench's profiles CSV at each size, plain and zipped, cached under .bench/. */
async function soakFiles() {
  const directory = `${ROOT}.bench/soak`;
  mkdirSync(directory, { recursive: true });
  const list = [];
  for (const rows of SIZES) {
    const base = `${directory}/profiles-${rows}`;
    if (!existsSync(`${base}.zip`)) {
      const stats = {};
      await writeZips(
        { descriptor: `${base}.zip`, sized: `${base}-sized.zip` },
        'profiles.csv',
        profilesCsv(rows, stats),
      );
    }
    for (const compression of ['ZIP', 'NONE']) {
      if (compression === 'NONE' && rows > 10_000) continue;
      const path = compression === 'ZIP' ? `${base}.zip` : await plainCsv(base, rows);
      list.push({
        name: `profiles-${rows}.${compression === 'ZIP' ? 'zip' : 'csv'}`,
        path,
        definition: definitionFor(compression),
      });
    }
  }
  return list;
}

async function plainCsv(base, rows) {
  const path = `${base}.csv`;
  if (!existsSync(path)) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, Buffer.concat([...profilesCsv(rows, {})]));
  }
  return path;
}

function definitionFor(compression) {
  return {
    table: { type: 'PROFILE_TABLE', name: 'Profiles' },
    mode: 'CREATE_UPDATE',
    file: { compression },
    format: { separator: ',', enclosing: '"', escaping: '"', endOfLine: '\n', encoding: 'UTF-8' },
    attributesMapping: COLUMNS.map((name) => ({ headerColumn: name, attributeName: name })),
    outputFiles: { generateResultFile: true, generateErrorFile: true },
  };
}
