import { zipStream } from '../domain/files/index.js';
import type { ImportRun } from '../domain/imports/import-run.js';
import { errorFileChunks, resultFileChunks } from '../domain/imports/output-files.js';

/** An archive of output files, streamed: V5 output-files (result.csv and/or errors.csv), V4 result-file (result.csv). */
export function outputFilesZip(
  run: ImportRun,
  wanted: { result: boolean; errors: boolean },
): ReadableStream<Uint8Array> {
  const entries = [
    ...(wanted.result
      ? [{ name: 'result.csv', chunks: () => resultFileChunks(run), modified: run.endedAt }]
      : []),
    ...(wanted.errors
      ? [{ name: 'errors.csv', chunks: () => errorFileChunks(run), modified: run.endedAt }]
      : []),
  ];
  return zipStream(entries);
}

/** A CSV file as a streamed response body. */
export function csvBody(chunks: Iterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}
