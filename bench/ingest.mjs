import { mkdirSync, readdirSync } from 'node:fs';
import { ActitoClient } from './actito-client.mjs';
import { cpuSecondsOf, memoryOf } from './proc-stats.mjs';
import { summarizeProfile } from './profile-summary.mjs';
import { COLUMNS } from './profiles-csv.mjs';
import { runJsonChild } from './run-child.mjs';
import { startServer } from './server-process.mjs';
import { startStallProbe } from './stall-probe.mjs';
import { fixed } from './stats.mjs';

const MB = 1024 * 1024;
const PROBE_PHASE = 'bench probes (forced GC)';
export const FORMAT = {
  compression: 'ZIP',
  encoding: 'UTF-8',
  separator: ',',
  enclosing: '"',
  escaping: '"',
  endOfLine: '\n',
};

export function definition(outputFiles) {
  return {
    table: { type: 'PROFILE_TABLE', name: 'Profiles' },
    mode: 'CREATE_UPDATE',
    file: { compression: 'ZIP' },
    format: { separator: ',', enclosing: '"', escaping: '"', endOfLine: '\n', encoding: 'UTF-8' },
    attributesMapping: COLUMNS.map((name) => ({ headerColumn: name, attributeName: name })),
    outputFiles: { generateResultFile: outputFiles, generateErrorFile: outputFiles },
  };
}

/** The baseline: the same zip through the mock's own unzip + decoding + CSV parsing, in a fresh process. */
export async function measureBaseline(root, dataset, zip) {
  const result = await runJsonChild([`${root}bench/baseline-worker.mjs`, zip, JSON.stringify(FORMAT)]);
  if (result.rows !== dataset.rows)
    throw new Error(`baseline read ${result.rows} rows, expected ${dataset.rows}`);
  return result;
}

/**
 * One mock run in a fresh `npm start` process: uploads the zip as a V5 execution and polls it to
 * its final status, downloads its output files, and measures memory kept after a full GC and the
 * longest event-loop stall of each phase (a health ping every 20 ms from a worker thread).
 */
export async function measureMock(root, dataset, zip, { outputFiles = true, nodeFlags = [] } = {}) {
  const server = await startServer(root, { env: { ACTITO_MOCK_PROGRESSION: 'immediate' }, nodeFlags });
  const probe = startStallProbe(server.url);
  try {
    await probe.ready;
    // The bench's own probes force a full GC in the server: their phase is not the mock's doing.
    probe.phase(PROBE_PHASE);
    const idle = { ...memoryOf(server.pid), heap: await server.probe() };
    const client = new ActitoClient(server.url, 'demo');
    await client.login('mock-api-key');
    probe.phase('upload and staging');
    const started = performance.now();
    const cpuBefore = cpuSecondsOf(server.pid);
    const created = await client.uploadEtl(definition(outputFiles), zip, 'profiles.zip');
    if (created.status !== 201) throw new Error(`upload: ${created.status} ${JSON.stringify(created.body)}`);
    const uploaded = performance.now();
    probe.phase('writing rows into the table');
    const { body, polls } = await client.pollFinal(created.body.id);
    const finished = performance.now();
    probe.phase(PROBE_PHASE);
    const cpuSeconds = cpuSecondsOf(server.pid) - cpuBefore;
    const atFinal = memoryOf(server.pid);
    await checkResults(client, created.body.id, body, dataset);
    const stored = await server.probe();
    probe.phase('output files');
    const outputStarted = performance.now();
    const outputBytes = outputFiles
      ? await client.download(`${client.executions}/${created.body.id}/output-files`, 'application/zip')
      : 0;
    const outputMs = performance.now() - outputStarted;
    probe.phase(PROBE_PHASE);
    const atEnd = memoryOf(server.pid);
    await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
    const afterReset = await server.probe();
    const stalls = await probe.stop();
    return {
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
      stalls: Object.fromEntries(
        Object.entries(stalls)
          .filter(([phase]) => phase !== PROBE_PHASE)
          .map(([phase, s]) => [phase, s.maxMs]),
      ),
    };
  } finally {
    await probe.stop().catch(() => {});
    await server.stop();
  }
}

export function describeMockRun(result, rows) {
  const stalls = Object.entries(result.stalls)
    .map(([phase, ms]) => `${phase} ${fixed(ms)} ms`)
    .join(', ');
  return (
    `${fixed(result.ms / 1000, 2)} s  ${fixed(rows / (result.ms / 1000))} rows/s  CPU ${fixed(result.cpuSeconds, 2)} s  peak RSS ${fixed(result.peakRssMb)} MB` +
    `  (201 after ${fixed(result.uploadMs / 1000, 2)} s, final after ${result.polls} poll(s); kept after GC ${fixed(result.storedMb)} MB;` +
    ` output files ${fixed(result.outputBytes / 1e6, 1)} MB in ${fixed(result.outputMs / 1000, 2)} s; longest stall: ${stalls})`
  );
}

/** Heap in use plus memory outside the heap (Buffers) that JS objects hold. */
function heapOf(memory) {
  return memory.heapUsed + memory.external;
}

async function checkResults(client, id, execution, dataset) {
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

/** One more mock run under --cpu-prof (upload to final status only), summarized. */
export async function profileMock(root, dataset, zip, log) {
  const directory = `${root}.bench/cpu-profiles/${Date.now()}`;
  mkdirSync(directory, { recursive: true });
  log(`\nprofiling one more mock run, upload to final status only (node --cpu-prof, into ${directory})...`);
  const result = await measureMock(root, dataset, zip, {
    outputFiles: false,
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${directory}`],
  });
  log(`  ${describeMockRun(result, dataset.rows)}`);
  for (const file of readdirSync(directory)) log(summarizeProfile(`${directory}/${file}`));
}
