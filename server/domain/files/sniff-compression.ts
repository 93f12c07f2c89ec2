import { FileLevelError } from './file-level-error.js';

export type Compression = 'NONE' | 'ZIP' | 'GZIP';

/** How many leading bytes `sniffCompression` needs. */
export const SNIFF_BYTES = 4;

/**
 * What the first bytes say the file is: `PK\x03\x04` (a local file header) or `PK\x05\x06` (the
 * end record of an empty archive) is a ZIP, `1f 8b` is a GZIP, anything else is taken as plain.
 */
export function sniffCompression(head: Uint8Array): Compression {
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06)) return 'ZIP';
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'GZIP';
  return 'NONE';
}

/**
 * Reconciles the declared compression with the sniffed one. A file that is plainly another known
 * format is a mismatch; a file declared compressed that starts like nothing known is a broken (or
 * not actually compressed) archive, which is the more useful thing to say about random bytes.
 * A client declares it as `file.compression` (V5 one-shot and persistent ETLs alike; V4 never does).
 */
export function resolveCompression(declared: Compression | undefined, head: Uint8Array): Compression {
  const sniffed = sniffCompression(head);
  if (declared === undefined || declared === sniffed) return sniffed;
  if (sniffed !== 'NONE') {
    throw new FileLevelError(
      'FILE_COMPRESSION_MISMATCH',
      `file.compression is ${declared} but the file is a ${sniffed} archive; declare compression ${sniffed} or upload the file it holds`,
    );
  }
  throw new FileLevelError(
    'FILE_CORRUPTED_ARCHIVE',
    `file.compression is ${declared} but the file does not start like a ${declared} archive; upload the ${declared === 'ZIP' ? '.zip' : '.gz'} file itself, or declare compression NONE for a plain CSV`,
  );
}
