import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ActitoClient } from './actito-client.mjs';
import { ensureDataset } from './dataset.mjs';
import { cpuSecondsOf, memoryOf } from './proc-stats.mjs';
import { summarizeProfile } from './profile-summary.mjs';
import { COLUMNS } from './profiles-csv.mjs';
import { runJsonChild } from './run-child.mjs';
import { startServer } from './server-process.mjs';
import { fixed, median } from './stats.mjs';

/**
 * `npm run bench`: uploads a generated ~100 MB profiles CSV (1 M rows, zipped) as a V5 execution
 * to the real server and times it to its final status, next to a baseline in the same run: the
 * same zip through unzip + CSV parsing alone. Sides alternate, each run in fresh processes.
 * Options: --runs 3, --rows 1000000, --layout descriptor|sized (the zip's layout),
 * --no-output-files (measure what the table alone keeps), --profile (one more mock run under
 * --cpu-prof, summarized).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    rows: { type: 'string', default: '1000000' },
    layout: { type: 'string', default: 'descriptor' },
    'no-output-files': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const MB = 1024 * 1024;
const FORMAT = {
  compression: 'ZIP',
  encoding: 'UTF-8',
  separator: ',',
  enclosing: '"',
  escaping: '"',
  endOfLine: '\n',
};
const withOutputFiles = !options['no-output-files'];
const DEFINITION = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  file: { compression: 'ZIP' },
  format: { separator: ',', enclosing: '"', escaping: '"', endOfLine: '\n', encoding: 'UTF-8' },
  attributesMapping: COLUMNS.map((name) => ({ headerColumn: name, attributeName: name })),
  outputFiles: { generateResultFile: withOutputFiles, generateErrorFile: withOutputFiles },
};

if (!existsSync(`${ROOT}dist/server/adapters/cli.js`))
  throw new Error('dist/ is missing: run "npm run build" first');
const dataset = await ensureDataset(`${ROOT}.bench`, Number(options.rows), console.log);
const zip = dataset.zips[options.layout];
if (!zip) throw new Error(`--layout must be descriptor or sized; got ${options.layout}`);
console.log(
  `input: ${dataset.rows} rows (${dataset.invalidRows} with an invalid value), ${(dataset.csvBytes / 1e6).toFixed(1)} MB of CSV, ` +
    `${(dataset.zipBytes[options.layout] / 1e6).toFixed(1)} MB zip (${options.layout}); node ${process.version}; ${loadNote()}\n`,
);

const baselines = [];
const mocks = [];
for (let run = 1; run <= Number(options.runs); run += 1) {
  const sides = run % 2 ? [measureBaseline, measureMock] : [measureMock, measureBaseline];
  for (const side of sides) await side(run);
}
printSummary();
if (options.profile) await profileMock();

/** Other processes on the machine skew wall times: say how busy it was. */
function loadNote() {
  return `load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`;
}

async function measureBaseline(run) {
  const result = await runJsonChild([`${ROOT}bench/baseline-worker.mjs`, zip, JSON.stringify(FORMAT)]);
  if (result.rows !== dataset.rows)
    throw new Error(`baseline read ${result.rows} rows, expected ${dataset.rows}`);
  baselines.push(result);
  console.log(
    `run ${run} baseline  ${fixed(result.ms / 1000, 2)} s  ${fixed(dataset.rows / (result.ms / 1000))} rows/s  CPU ${fixed(result.cpuSeconds, 2)} s  peak RSS ${fixed(result.peakRssMb)} MB`,
  );
}

async function measureMock(run, nodeFlags = [], download = withOutputFiles) {
  const server = await startServer(ROOT, { env: { ACTITO_MOCK_PROGRESSION: 'immediate' }, nodeFlags });
  try {
    const idle = { ...memoryOf(server.pid), heap: await server.probe() };
    const client = new ActitoClient(server.url, 'demo');
    await client.login('mock-api-key');
    const started = performance.now();
    const cpuBefore = cpuSecondsOf(server.pid);
    const created = await client.uploadEtl(DEFINITION, zip, 'profiles.zip');
    if (created.status !== 201) throw new Error(`upload: ${created.status} ${JSON.stringify(created.body)}`);
    const uploaded = performance.now();
    const { body, polls } = await client.pollFinal(created.body.id);
    const finished = performance.now();
    const cpuSeconds = cpuSecondsOf(server.pid) - cpuBefore;
    const atFinal = memoryOf(server.pid);
    await checkResults(client, created.body.id, body);
    const stored = await server.probe();
    const outputStarted = performance.now();
    const outputBytes = download
      ? await client.download(`${client.executions}/${created.body.id}/output-files`, 'application/zip')
      : 0;
    const outputMs = performance.now() - outputStarted;
    const atEnd = memoryOf(server.pid);
    await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
    const afterReset = await server.probe();
    const result = {
      ms: finished - started,
      cpuSeconds,
      uploadMs: uploaded - started,
      polls,
      idleRssMb: idle.rssMb,
      peakRssMb: atFinal.peakRssMb,
      peakRssWithOutputMb: atEnd.peakRssMb,
      storedMb: (heapOf(stored) - heapOf(afterReset)) / MB,
      outputBytes,
      outputMs,
    };
    if (!nodeFlags.length) mocks.push(result);
    console.log(
      `run ${run} mock      ${fixed(result.ms / 1000, 2)} s  ${fixed(dataset.rows / (result.ms / 1000))} rows/s  CPU ${fixed(cpuSeconds, 2)} s  peak RSS ${fixed(result.peakRssMb)} MB` +
        `  (201 after ${fixed(result.uploadMs / 1000, 2)} s, final after ${polls} poll(s); kept after GC ${fixed(result.storedMb)} MB;` +
        ` output files ${fixed(outputBytes / 1e6, 1)} MB in ${fixed(outputMs / 1000, 2)} s, peak RSS then ${fixed(atEnd.peakRssMb)} MB)`,
    );
  } finally {
    await server.stop();
  }
}

/** Heap in use plus memory outside the heap (Buffers) that JS objects hold. */
function heapOf(memory) {
  return memory.heapUsed + memory.external;
}

async function checkResults(client, id, execution) {
  const results = await client.getJson(`${client.executions}/${id}/integration-results`);
  const counts = results.results[0];
  const expected = { totalRows: dataset.rows, rowsInError: dataset.invalidRows };
  if (
    execution.status !== 'WITH_ERROR' ||
    counts.totalRows !== expected.totalRows ||
    counts.rowsInError !== expected.rowsInError
  ) {
    throw new Error(
      `unexpected outcome ${execution.status} ${JSON.stringify(counts)}; expected ${JSON.stringify(expected)}`,
    );
  }
}

function printSummary() {
  const baseMs = median(baselines.map((r) => r.ms));
  const mockMs = median(mocks.map((r) => r.ms));
  const baseCpu = median(baselines.map((r) => r.cpuSeconds));
  const mockCpu = median(mocks.map((r) => r.cpuSeconds));
  const peak = median(mocks.map((r) => r.peakRssMb));
  const stored = median(mocks.map((r) => r.storedMb));
  const rate = (ms) => fixed(dataset.rows / (ms / 1000));
  console.log(`
medians of ${baselines.length} runs each (${loadNote()})
  baseline (unzip + decode + CSV parse):         ${fixed(baseMs / 1000, 2)} s  ${rate(baseMs)} rows/s  CPU ${fixed(baseCpu, 2)} s  peak RSS ${fixed(median(baselines.map((r) => r.peakRssMb)))} MB
  mock (upload start -> final status):           ${fixed(mockMs / 1000, 2)} s  ${rate(mockMs)} rows/s  CPU ${fixed(mockCpu, 2)} s  peak RSS ${fixed(peak)} MB (idle ${fixed(median(mocks.map((r) => r.idleRssMb)))} MB)
    of which upload + staging until the 201:     ${fixed(median(mocks.map((r) => r.uploadMs)) / 1000, 2)} s
  ratio mock/baseline, wall time:                ${fixed(mockMs / baseMs, 2)}x   goal <= 2x: ${mockMs / baseMs <= 2 ? 'met' : 'MISSED'}
  ratio mock/baseline, CPU time (all threads):   ${fixed(mockCpu / baseCpu, 2)}x
  kept by the mock after a full GC:              ${fixed(stored)} MB (heapUsed + external, minus the same after POST /__mock/reset:
                                                 the table's rows and indexes${withOutputFiles ? ', plus the raw fields kept for the result file' : ''})
  peak RSS minus what it keeps:                  ${fixed(peak - stored)} MB   goal < 300 MB: ${peak - stored < 300 ? 'met' : 'MISSED'}`);
  if (!withOutputFiles) return;
  const outputMb = fixed(median(mocks.map((r) => r.outputBytes)) / 1e6, 1);
  console.log(
    `  GET output-files (${outputMb} MB zip):            ${fixed(median(mocks.map((r) => r.outputMs)) / 1000, 2)} s, peak RSS after it ${fixed(median(mocks.map((r) => r.peakRssWithOutputMb)))} MB`,
  );
}

async function profileMock() {
  const directory = `${ROOT}.bench/cpu-profiles/${Date.now()}`;
  mkdirSync(directory, { recursive: true });
  console.log(
    `\nprofiling one more mock run, upload to final status only (node --cpu-prof, into ${directory})...`,
  );
  await measureMock('prof', ['--cpu-prof', `--cpu-prof-dir=${directory}`], false);
  for (const file of readdirSync(directory)) console.log(summarizeProfile(`${directory}/${file}`));
}
