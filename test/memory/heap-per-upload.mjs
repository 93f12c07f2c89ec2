// Run by test/failed-upload-memory.test.ts as `node --expose-gc`: uploads each kind of file N
// times to an in-process mock and prints, per kind, the heap still held per upload after a full GC.
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { createActitoMock, createManualClock } from '../../dist/server/index.js';

const RUNS = Number(process.argv[2] ?? 10);
const MiB = 1024 * 1024;
const text = (s) => new TextEncoder().encode(s);
const bomb = text(`mail\n${'0'.repeat(8 * MiB)}`);
const KINDS = {
  'small success': (n) => text(`mail\nrow${n}@example.com\n`),
  'a 1.5 MiB line': () => text(`mail\n${'x'.repeat(1.5 * MiB)}\n`),
  'a 3 MiB quoted field': () => text(`mail\n"${'x'.repeat(3 * MiB)}"\n`),
  'a gzip bomb': () => gzipSync(bomb),
  'a zip bomb': () => zipSync({ 'bomb.csv': bomb }),
};

const mock = createActitoMock({
  clock: () => createManualClock('2026-01-01T00:00:00.000Z'),
  progression: { 'v5.etlExecution': { type: 'immediate' }, 'v4.import': { type: 'immediate' } },
  limits: 'off',
});
const base = 'http://actito-mock.local';
const token = (
  await (
    await mock.fetch(new Request(`${base}/auth/token`, { headers: { authorization: 'mock-api-key' } }))
  ).json()
).accessToken;
const definition = JSON.stringify({
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  outputFiles: { generateResultFile: true, generateErrorFile: true },
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
});

async function upload(bytes) {
  const form = new FormData();
  form.append('definition', new Blob([definition], { type: 'application/json' }), 'definition.json');
  form.append('inputFile', new Blob([bytes]), 'data');
  const headers = { authorization: `Bearer ${token}` };
  const path = `${base}/mass-imports/v5/entities/demo/etl-executions`;
  const { id } = await (await mock.fetch(new Request(path, { method: 'POST', body: form, headers }))).json();
  return (await mock.fetch(new Request(`${path}/${id}`, { headers }))).json();
}

async function settledHeap() {
  for (let n = 0; n < 3; n += 1) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

const report = {};
for (const [index, [kind, file]] of Object.entries(KINDS).entries()) {
  // Each file of a kind is new (successes write new rows); the first warms up the code paths.
  const serial = index * (RUNS + 1);
  await upload(file(serial));
  const before = await settledHeap();
  let last;
  for (let n = 1; n <= RUNS; n += 1) last = await upload(file(serial + n));
  report[kind] = { bytesPerUpload: Math.round(((await settledHeap()) - before) / RUNS), status: last.status };
}
console.log(JSON.stringify(report));
