import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyStagedFile } from '../dist/server/domain/imports/apply.js';
import { planImport } from '../dist/server/domain/imports/plan.js';
import { stageFile } from '../dist/server/domain/imports/stage.js';
import { etlImportSpec, parseEtlDefinition } from '../dist/server/domain/v5-etl-executions/definition.js';
import { createActitoMock } from '../dist/server/index.js';
import { COLUMNS } from './profiles-csv.mjs';

/**
 * A developer's probe, not a goal: stages and applies one zip in this process, without HTTP, and
 * prints the time of each step and the heap kept after a full GC (run with --expose-gc).
 * `node --expose-gc bench/ingest-inprocess.mjs --zip .bench/profiles-1000000-v1-descriptor.zip`
 */
const { values } = parseArgs({
  options: { zip: { type: 'string' }, result: { type: 'string', default: 'true' } },
});
const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  file: { compression: 'ZIP' },
  format: { separator: ',', enclosing: '"', escaping: '"', endOfLine: '\n', encoding: 'UTF-8' },
  attributesMapping: COLUMNS.map((name) => ({ headerColumn: name, attributeName: name })),
  outputFiles: { generateResultFile: values.result === 'true', generateErrorFile: values.result === 'true' },
};
const heap = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 2 ** 20;
};
const mock = createActitoMock({ limits: 'off' });
const table = mock.core.tenant().entity('demo').findTable({ type: 'PROFILE_TABLE', name: 'Profiles' });
const plan = planImport(table, etlImportSpec(parseEtlDefinition(JSON.stringify(definition))), Date.now());
const before = heap();
let t = performance.now();
const staged = await stageFile(plan, createReadStream(values.zip, { highWaterMark: 64 * 1024 }));
const stageMs = performance.now() - t;
const afterStage = heap();
t = performance.now();
const outcome = applyStagedFile(table, 'CREATE_UPDATE', staged, Date.now());
const applyMs = performance.now() - t;
const kept = heap() - before;
console.log(
  `stage ${stageMs.toFixed(0)} ms (staged ${(afterStage - before).toFixed(0)} MB), apply ${applyMs.toFixed(0)} ms; ` +
    `kept after GC ${kept.toFixed(0)} MB; ${JSON.stringify(outcome.counts)}; fileError ${staged.fileError?.message ?? 'none'}`,
);
globalThis.keep = { staged, outcome };

// The result file, as GET output-files cuts it from the upload read again (before zipping).
t = performance.now();
let resultBytes = 0;
const { resultFileChunks } = await import('../dist/server/domain/imports/result-file.js');
for await (const chunk of resultFileChunks(plan.spec, staged, outcome)) resultBytes += chunk.byteLength;
console.log(`result file ${(resultBytes / 1e6).toFixed(1)} MB in ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
let inflated = 0;
for await (const chunk of staged.source.fileBytes()) inflated += chunk.byteLength;
console.log(
  `re-reading the upload: ${(inflated / 1e6).toFixed(1)} MB in ${(performance.now() - t).toFixed(0)} ms`,
);
