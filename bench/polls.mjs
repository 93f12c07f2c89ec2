import { mkdirSync, writeFileSync } from 'node:fs';
import { ActitoClient } from './actito-client.mjs';
import { startProcess } from './server-process.mjs';
import { median } from './stats.mjs';
import { hasJava, startWiremock, wiremockJar } from './wiremock.mjs';
import { hasWrk, runWrk, WRK_HINT } from './wrk.mjs';

const SMALL_DEFINITION = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  file: { compression: 'NONE' },
  format: { separator: ',', enclosing: '"', escaping: '"', endOfLine: '\n', encoding: 'UTF-8' },
  attributesMapping: [{ headerColumn: 'emailAddress', attributeName: 'emailAddress' }],
};

/**
 * Polls of one final execution (`GET .../etl-executions/{id}`, journal on) with wrk -t1 -c16,
 * side by side with a bare Hono route serving the same body and, where Java is present, WireMock
 * serving it with its journal on. Each side is warmed up, then measured `runs` times in
 * alternating order; returns the per-side medians of req/s and p99.
 */
export async function measurePolls({ root, runs, seconds, log }) {
  if (!hasWrk()) {
    log(`polls: skipped (${WRK_HINT})`);
    return null;
  }
  const mock = await startProcess(root, 'mock', { env: { ACTITO_MOCK_PROGRESSION: 'immediate' } });
  const sides = [];
  try {
    const client = new ActitoClient(mock.url, 'demo');
    await client.login('mock-api-key');
    const input = `${root}.bench/poll-input.csv`;
    mkdirSync(`${root}.bench`, { recursive: true });
    writeFileSync(input, 'emailAddress\npoll.one@example.com\npoll.two@example.com\n');
    const created = await client.uploadEtl(SMALL_DEFINITION, input, 'poll-input.csv');
    if (created.status !== 201) throw new Error(`poll upload: ${created.status}`);
    const { body } = await client.pollFinal(created.body.id);
    const path = `/mass-imports/v5/entities/demo/etl-executions/${created.body.id}`;
    const headers = client.headers();
    sides.push({ name: 'mock', url: `${mock.url}${path}`, headers, stop: () => mock.stop() });
    const bare = await startProcess(root, 'bare hono', {
      script: 'bench/bare-hono.mjs',
      args: [JSON.stringify(body)],
    });
    sides.push({ name: 'bare hono', url: `${bare.url}${path}`, headers, stop: () => bare.stop() });
    const jar = wiremockJar();
    if (jar && hasJava()) {
      const wiremock = await startWiremock(jar, path, body);
      sides.push({ name: 'wiremock', url: `${wiremock.url}${path}`, headers, stop: () => wiremock.stop() });
    } else {
      log(
        `polls: WireMock skipped (${jar ? 'java is not on the PATH' : 'the wiremock npm package is not installed'})`,
      );
    }
    for (const side of sides) {
      side.runs = [];
      await runWrk(side.url, { headers: side.headers, seconds: side.name === 'wiremock' ? 8 : 2 });
    }
    for (let run = 0; run < runs; run += 1) {
      const order = run % 2 ? [...sides].reverse() : sides;
      for (const side of order) {
        const result = await runWrk(side.url, { headers: side.headers, seconds });
        if (result.non2xx || result.errors) throw new Error(`${side.name}: ${JSON.stringify(result)}`);
        side.runs.push(result);
        log(
          `  polls run ${run + 1} ${side.name.padEnd(9)} ${result.rps.toFixed(0)} req/s  p99 ${result.p99Ms.toFixed(2)} ms`,
        );
      }
    }
    return Object.fromEntries(
      sides.map((side) => [
        side.name,
        { rps: median(side.runs.map((r) => r.rps)), p99Ms: median(side.runs.map((r) => r.p99Ms)) },
      ]),
    );
  } finally {
    for (const side of sides) await side.stop();
    await mock.stop();
  }
}
