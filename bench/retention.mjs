import { createWriteStream, existsSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { ActitoClient } from './actito-client.mjs';
import { profilesCsv } from './profiles-csv.mjs';
import { startServer } from './server-process.mjs';
import { fixed } from './stats.mjs';

const MB = 1024 * 1024;

/**
 * A mock that takes upload after upload: the same CSV of `rows` profiles uploaded `uploads` times
 * (CREATE_UPDATE, so the table keeps `rows` records; with result and error files), each polled
 * to its final status, with retention keeping the newest `keep` finished executions. Returns the
 * memory kept after a full GC (heap + external) once `keep` uploads are done and at the end.
 */
export async function measureRetention({ root, uploads, rows, keep, log }) {
  const csv = `${root}.bench/retention-${rows}.csv`;
  if (!existsSync(csv)) {
    const out = createWriteStream(csv);
    for (const chunk of profilesCsv(rows, {}))
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    out.end();
    await finished(out);
  }
  const server = await startServer(root, {
    env: { ACTITO_MOCK_PROGRESSION: 'immediate', ACTITO_MOCK_RETENTION: `maxFinishedRecords=${keep}` },
  });
  try {
    const client = new ActitoClient(server.url, 'demo');
    await client.login('mock-api-key');
    const definition = {
      table: { type: 'PROFILE_TABLE', name: 'Profiles' },
      mode: 'CREATE_UPDATE',
      file: { compression: 'NONE' },
      format: { separator: ',', enclosing: '"', escaping: '"', endOfLine: '\n', encoding: 'UTF-8' },
      outputFiles: { generateResultFile: true, generateErrorFile: true },
    };
    const kept = {};
    for (let upload = 1; upload <= uploads; upload += 1) {
      const created = await client.uploadEtl(definition, csv, 'profiles.csv');
      if (created.status !== 201) throw new Error(`upload ${upload}: ${created.status}`);
      await client.pollFinal(created.body.id);
      if (upload % 25 === 0 || upload === keep || upload === uploads) {
        const memory = await server.probe();
        kept[upload] = (memory.heapUsed + memory.external) / MB;
        log(`  after ${upload} uploads: ${fixed(kept[upload])} MB kept after GC`);
      }
    }
    return { keep, atKeep: kept[keep], last: kept[uploads] };
  } finally {
    await server.stop();
  }
}
