import { createCsvLineEncoder } from '../files/index.js';
import type { ImportOutcome } from './apply.js';
import type { ImportSpec } from './import-spec.js';
import { resultFileChunks as resultFile } from './result-file.js';
import type { StagedFile } from './staged-file.js';

export { RESULT_FILE_COLUMNS } from './result-file.js';

export const ERROR_FILE_HEADER = ['lineNumber', 'column', 'value', 'errorCode', 'errorMessage'] as const;

/** Lines are gathered into chunks of about this size: one chunk per line would be slow for a million rows. */
const CHUNK_BYTES = 64 * 1024;

/** What the output files are built from: one part of a run, or a one-part run itself. */
export interface OutputFileSource {
  readonly spec: ImportSpec;
  readonly staged: StagedFile;
  readonly outcome: ImportOutcome | null;
  readonly errorMessage: string | null;
}

function encoderFor(spec: ImportSpec) {
  return createCsvLineEncoder({ ...spec.format, endOfLine: spec.format.endOfLine ?? '\n' });
}

/** The result file: the input columns, then each row's status and message, in the import's own format. */
export function resultFileChunks(run: OutputFileSource): AsyncIterable<Uint8Array> {
  return resultFile(run.spec, run.staged, run.outcome);
}

/**
 * The error file: one line per faulty value (the header line alone when nothing was wrong); a
 * file-level failure is one line with its code and reason.
 */
export function errorFileChunks(run: OutputFileSource): Iterable<Uint8Array> {
  const encode = encoderFor(run.spec);
  const { outcome, staged } = run;
  return gathered(function* () {
    yield encode(ERROR_FILE_HEADER);
    if (!outcome) {
      if (run.errorMessage)
        yield encode(['', '', '', staged.fileError?.code ?? 'FILE_FAILED', run.errorMessage]);
      return;
    }
    for (const fault of outcome.faults) {
      yield encode([String(fault.line), fault.column, fault.value, fault.code, fault.message]);
    }
  });
}

/** Concatenates small encoded lines into chunks of about CHUNK_BYTES. */
function gathered(lines: () => Generator<Uint8Array>): Iterable<Uint8Array> {
  return {
    *[Symbol.iterator]() {
      let pending: Uint8Array[] = [];
      let size = 0;
      for (const line of lines()) {
        pending.push(line);
        size += line.byteLength;
        if (size >= CHUNK_BYTES) {
          yield concat(pending, size);
          pending = [];
          size = 0;
        }
      }
      if (size > 0) yield concat(pending, size);
    },
  };
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
