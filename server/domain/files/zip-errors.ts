import { FileLevelError } from './file-level-error.js';

/** The reasons a ZIP archive cannot be read, worded for the user who uploaded it. */
export const zipErrors = {
  truncated: () =>
    new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      'the ZIP archive is truncated (its end is missing); upload the complete file again',
    ),
  storedTruncated: (name: string, size: number, found: number) =>
    new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      `the ZIP archive is truncated or its header is wrong: the stored entry '${name}' claims ${size} bytes, but the archive ends after ${found} of them; re-create the ZIP and upload it again`,
    ),
  damaged: (reason: string) =>
    new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      `the ZIP archive is damaged or truncated (${reason}); re-create it and upload it again`,
    ),
  entryDamaged: (name: string, reason: string) =>
    new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      `the ZIP entry '${name}' cannot be decompressed (${reason}); the archive is damaged, re-create it and upload it again`,
    ),
  unsupportedMethod: (name: string, method: number) =>
    new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      `the ZIP entry '${name}' uses compression method ${method}, which is not supported; re-create the ZIP with the standard Deflate method`,
    ),
  encrypted: (name: string) =>
    new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      `the ZIP entry '${name}' is encrypted, which is not supported; re-create the ZIP without a password`,
    ),
  storedWithoutSize: (name: string) =>
    new FileLevelError(
      'FILE_CORRUPTED_ARCHIVE',
      `the ZIP entry '${name}' is stored uncompressed with its size written only after its data, which cannot be read as a stream; re-create the ZIP with the standard Deflate method`,
    ),
};
