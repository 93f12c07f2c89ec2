import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { coldStartMs } from './cold-start.mjs';
import { ensureDataset } from './dataset.mjs';
import { describeMockRun, measureBaseline, measureMock, profileMock } from './ingest.mjs';
import { measurePolls } from './polls.mjs';
import { measureRetention } from './retention.mjs';
import { fixed, median } from './stats.mjs';

/**
 * `npm run bench`: every goal of the "serve at volume" issue, each measured side by side with its
 * baseline in the same run, sides alternating, medians of `--runs` (3) runs:
 *   cold start (spawn to first 200) against a bare Hono server; status polls with wrk -t1 -c16
 *   against a bare Hono route serving the same body and against WireMock (journal on) where java
 *   is present; the ingest of a ~100 MB zipped CSV (1 M rows) to its final status against unzip +
 *   CSV parsing alone, with the memory kept after GC, the output-files download and the longest
 *   event-loop stall of each phase; and the memory of a mock taking upload after upload.
 * A full run takes about 6 minutes on 2 cores; `--quick` (200 k rows, shorter polls) about 2.
 * Options: --quick, --runs 3, --rows 1000000, --poll-seconds 5, --only cold,polls,ingest,retention,
 * --layout descriptor|sized (the zip's layout), --profile (one more mock run under --cpu-prof).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    rows: { type: 'string' },
    'poll-seconds': { type: 'string' },
    only: { type: 'string', default: 'cold,polls,ingest,retention' },
    layout: { type: 'string', default: 'descriptor' },
    profile: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(options.runs));
const rows = Number(options.rows ?? (options.quick ? 200_000 : 1_000_000));
const pollSeconds = Number(options['poll-seconds'] ?? (options.quick ? 3 : 5));
const only = new Set(options.only.split(','));
const log = (line) => console.log(line);
const goals = [];

if (!existsSync(`${ROOT}dist/server/adapters/cli.js`))
  throw new Error('dist/ is missing: run "npm run build" first (npm run bench does)');
log(
  `actito-mock bench: node ${process.version}, ${cpus().length} cores, ${runs} runs per side, ${rows} rows; ${loadNote()}`,
);

if (only.has('cold')) await benchColdStart();
if (only.has('polls')) await benchPolls();
if (only.has('ingest')) await benchIngest();
if (only.has('retention')) await benchRetention();
printGoals();

/** Other processes on the machine skew wall times: say how busy it was. */
function loadNote() {
  return `load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`;
}

function goal(name, measured, target, met) {
  goals.push({ name, measured, target, met });
}

async function benchColdStart() {
  log('\n== cold start: spawn to the first 200 (GET /__mock/health)');
  const sides = { mock: [], 'bare hono': [] };
  for (let run = 0; run < Math.max(5, runs); run += 1) {
    const order = run % 2 ? ['bare hono', 'mock'] : ['mock', 'bare hono'];
    for (const side of order) sides[side].push(await coldStartMs(ROOT, side === 'mock' ? 'mock' : 'bare'));
  }
  const mock = median(sides.mock);
  const bare = median(sides['bare hono']);
  log(`  mock ${fixed(mock)} ms, bare hono ${fixed(bare)} ms (medians of ${sides.mock.length})`);
  goal(
    'cold start',
    `${fixed(mock)} ms = ${fixed(mock / bare, 2)}x bare Hono (${fixed(bare)} ms)`,
    '<= 2x',
    mock / bare <= 2,
  );
}

async function benchPolls() {
  log(`\n== polls: GET .../etl-executions/{id}, wrk -t1 -c16 -d${pollSeconds}s, journal on`);
  const result = await measurePolls({ root: ROOT, runs, seconds: pollSeconds, log });
  if (!result) {
    goal('polls', 'skipped: wrk is not installed (apt-get install wrk)', '>= 0.8x bare Hono', null);
    return;
  }
  const { mock, 'bare hono': bare, wiremock } = result;
  const line = (name, side) =>
    `  ${name.padEnd(10)} ${fixed(side.rps)} req/s  p99 ${fixed(side.p99Ms, 2)} ms`;
  log(line('mock', mock));
  log(line('bare hono', bare));
  if (wiremock) log(line('wiremock', wiremock));
  goal(
    'polls vs bare Hono',
    `${fixed(mock.rps)} req/s = ${fixed(mock.rps / bare.rps, 2)}x bare Hono (${fixed(bare.rps)})`,
    '>= 0.8x',
    mock.rps / bare.rps >= 0.8,
  );
  if (wiremock) {
    goal(
      'polls vs WireMock',
      `${fixed(mock.rps / wiremock.rps, 2)}x WireMock 3.13 (${fixed(wiremock.rps)} req/s)`,
      '>= 2x',
      mock.rps / wiremock.rps >= 2,
    );
  } else {
    goal(
      'polls vs WireMock',
      'skipped: java is not on the PATH (apt-get install default-jre-headless)',
      '>= 2x',
      null,
    );
  }
  goal(
    'p99 of polls',
    `${fixed(mock.p99Ms, 2)} ms (bare Hono ${fixed(bare.p99Ms, 2)} ms)`,
    '< 5 ms',
    mock.p99Ms < 5,
  );
}

async function benchIngest() {
  const dataset = await ensureDataset(`${ROOT}.bench`, rows, log);
  const zip = dataset.zips[options.layout];
  if (!zip) throw new Error(`--layout must be descriptor or sized; got ${options.layout}`);
  log(
    `\n== ingest: ${dataset.rows} rows (${dataset.invalidRows} with an invalid value), ${fixed(dataset.csvBytes / 1e6, 1)} MB of CSV, ` +
      `${fixed(dataset.zipBytes[options.layout] / 1e6, 1)} MB zip (${options.layout}); ${loadNote()}`,
  );
  const baselines = [];
  const mocks = [];
  for (let run = 1; run <= runs; run += 1) {
    const sides = run % 2 ? ['baseline', 'mock'] : ['mock', 'baseline'];
    for (const side of sides) {
      if (side === 'baseline') {
        const result = await measureBaseline(ROOT, dataset, zip);
        baselines.push(result);
        log(
          `  run ${run} baseline  ${fixed(result.ms / 1000, 2)} s  ${fixed(dataset.rows / (result.ms / 1000))} rows/s  CPU ${fixed(result.cpuSeconds, 2)} s  peak RSS ${fixed(result.peakRssMb)} MB`,
        );
      } else {
        const result = await measureMock(ROOT, dataset, zip);
        mocks.push(result);
        log(`  run ${run} mock      ${describeMockRun(result, dataset.rows)}`);
      }
    }
  }
  const of = (list, key) => median(list.map((r) => r[key]));
  const baseMs = of(baselines, 'ms');
  const mockMs = of(mocks, 'ms');
  const stored = of(mocks, 'storedMb');
  const outputMs = of(mocks, 'outputMs');
  log(`  medians (${loadNote()}):`);
  log(
    `    baseline (unzip + decode + CSV parse): ${fixed(baseMs / 1000, 2)} s, CPU ${fixed(of(baselines, 'cpuSeconds'), 2)} s`,
  );
  log(
    `    mock (upload start -> final status):   ${fixed(mockMs / 1000, 2)} s, CPU ${fixed(of(mocks, 'cpuSeconds'), 2)} s, 201 after ${fixed(of(mocks, 'uploadMs') / 1000, 2)} s, peak RSS ${fixed(of(mocks, 'peakRssMb'))} MB`,
  );
  goal(
    `ingest of ${dataset.rows} rows`,
    `${fixed(mockMs / 1000, 2)} s = ${fixed(mockMs / baseMs, 2)}x unzip+parse (${fixed(baseMs / 1000, 2)} s)`,
    '<= 2x',
    mockMs / baseMs <= 2,
  );
  goal(
    'memory kept for the rows after GC',
    `${fixed(stored)} MB (table, indexes, result-file data; CSV ${fixed(dataset.csvBytes / 1e6)} MB)`,
    '<= 300 MB',
    stored <= 300,
  );
  goal(
    'GET output-files',
    `${fixed(outputMs / 1000, 2)} s for ${fixed(of(mocks, 'outputBytes') / 1e6, 1)} MB, streamed (peak RSS ${fixed(of(mocks, 'peakRssWithOutputMb'))} MB)`,
    '<= 1.5 s',
    outputMs <= 1500,
  );
  const phases = Object.keys(mocks[0].stalls);
  const stallOf = (phase) => median(mocks.map((r) => r.stalls[phase] ?? Number.NaN));
  const worst = Math.max(...phases.map(stallOf));
  goal(
    'longest event-loop stall',
    phases.map((phase) => `${phase} ${fixed(stallOf(phase))} ms`).join(', '),
    '< 100 ms every phase',
    worst < 100,
  );
  if (options.profile) await profileMock(ROOT, dataset, zip, log);
}

async function benchRetention() {
  const uploads = options.quick ? 90 : 150;
  const perUpload = options.quick ? 10_000 : 30_000;
  log(
    `\n== a long-running mock: ${uploads} uploads of ${perUpload} rows (retention: the newest 50 finished)`,
  );
  const result = await measureRetention({ root: ROOT, uploads, rows: perUpload, keep: 50, log });
  const grown = result.last / result.atKeep;
  goal(
    'memory of a long-running mock',
    `${fixed(result.atKeep)} MB after ${result.keep} uploads, ${fixed(result.last)} MB after ${uploads} (${fixed(grown, 2)}x)`,
    'bounded: <= 1.15x',
    grown <= 1.15,
  );
}

function printGoals() {
  log(`\n== goals (${loadNote()})`);
  for (const { name, measured, target, met } of goals) {
    const verdict = met === null ? 'skipped' : met ? 'met' : 'MISSED';
    log(`  ${verdict.padEnd(7)} ${name}: ${measured}; goal ${target}`);
  }
}
