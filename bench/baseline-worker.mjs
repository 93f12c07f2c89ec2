import { createReadStream } from 'node:fs';
import { readCsvBatches } from '../dist/server/domain/files/index.js';
import { memoryOf } from './proc-stats.mjs';

/**
 * The baseline: the same zip streamed from disk through the mock's own unzip + decoding + CSV
 * parsing (`readCsvBatches`), nothing else, in a fresh process so its peak RSS is its own.
 * `node bench/baseline-worker.mjs <zip> <format JSON>`; prints one JSON line.
 */
const [zip, formatJson] = process.argv.slice(2);
const format = { ...JSON.parse(formatJson), bom: 'reject' };
const started = performance.now();
const cpuBefore = process.cpuUsage();
let records = 0;
for await (const batch of readCsvBatches(createReadStream(zip, { highWaterMark: 64 * 1024 }), format)) {
  records += batch.length;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(JSON.stringify({ rows: records - 1, ms, cpuSeconds, ...memoryOf() }));
