import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/server-process.js';

/**
 * A failed execution keeps what its answers need (its status, reason and counts), nothing more:
 * measured in a child process with forced GC, as the heap still held per upload after many
 * uploads of each kind, against small successes (which keep their execution and a row).
 * Before the fix, each record-too-long failure (zip and gzip bombs, a huge field or line) held
 * about 1.1 MB: the parser's pending text, reachable from the stored error's stack trace.
 */
it('keeps no more per failed upload than per small success', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', 'test/memory/heap-per-upload.mjs', '8'],
    { cwd: ROOT },
  );
  const report = JSON.parse(stdout) as Record<string, { bytesPerUpload: number; status: string }>;
  const success = report['small success'];
  expect(success?.status).toBe('SUCCESS');
  for (const [kind, { bytesPerUpload, status }] of Object.entries(report)) {
    if (kind === 'small success') continue;
    expect({ kind, status }).toEqual({ kind, status: 'ERROR' });
    // A 64 KB margin: far under the 1 MiB record a leak would keep, above GC noise.
    expect(bytesPerUpload, kind).toBeLessThan((success?.bytesPerUpload ?? 0) + 64 * 1024);
  }
}, 60_000);
