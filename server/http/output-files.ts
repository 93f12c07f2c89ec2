import type { ZipEntrySource } from '../domain/files/index.js';
import { zipStream } from '../domain/files/index.js';
import type { ImportRun } from '../domain/imports/import-run.js';
import type { OutputFileSource } from '../domain/imports/output-files.js';
import { errorFileChunks, resultFileChunks } from '../domain/imports/output-files.js';

export interface WantedOutputFiles {
  result: boolean;
  errors: boolean;
}

/**
 * An archive of output files, streamed: V5 output-files (result.csv and/or errors.csv), V4 result-file (result.csv); with `perTable` (an
 * execution of a multi-table ETL) the same files in one folder per table, `Orders/result.csv`,
 * in table-entry order, none for an optional file that was not sent.
 */
export function outputFilesZip(
  run: ImportRun,
  wanted: WantedOutputFiles,
  perTable = false,
): ReadableStream<Uint8Array> {
  return zipStream(outputFileEntries(run, wanted, perTable));
}

/** The entries of that archive, in order (the dashboard lists their names). */
export function outputFileEntries(
  run: ImportRun,
  wanted: WantedOutputFiles,
  perTable = false,
): ZipEntrySource[] {
  // Stamped with the record's end on the mock clock: the same record always downloads the same bytes.
  const modified = run.endedAt ?? run.createdAt;
  return perTable
    ? run.parts.flatMap((part) =>
        part.absent ? [] : filesOf(part, wanted, `${folderName(part.table.name)}/`, modified),
      )
    : filesOf(run, wanted, '', modified);
}

function filesOf(
  source: OutputFileSource,
  wanted: WantedOutputFiles,
  folder: string,
  modified: number,
): ZipEntrySource[] {
  return [
    ...(wanted.result
      ? [{ name: `${folder}result.csv`, chunks: () => resultFileChunks(source), modified }]
      : []),
    ...(wanted.errors
      ? [{ name: `${folder}errors.csv`, chunks: () => errorFileChunks(source), modified }]
      : []),
  ];
}

/** A table name as a folder name any unzip tool accepts. */
function folderName(tableName: string): string {
  return tableName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_') || '_';
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
