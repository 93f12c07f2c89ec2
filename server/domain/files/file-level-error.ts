/** Stable codes of the failures that end an import because the file as a whole cannot be read. */
export type FileLevelErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_CORRUPTED_ARCHIVE'
  | 'FILE_ARCHIVE_ENTRIES'
  | 'FILE_COMPRESSION_MISMATCH'
  | 'FILE_BOM'
  | 'FILE_ENCODING'
  | 'FILE_MALFORMED_CSV'
  | 'FILE_TOO_LARGE'
  | 'FILE_MISSING_COLUMN'
  | 'FILE_NO_DATA'
  | 'FILE_NOT_FOUND'
  | 'FILE_FORCED_FAILURE';

/**
 * A file-level failure. The message is the reason shown to the user in the failed import, so it
 * says what is wrong and how to fix it, and names the line when one is to blame.
 */
export class FileLevelError extends Error {
  override readonly name = 'FileLevelError';

  constructor(
    readonly code: FileLevelErrorCode,
    message: string,
  ) {
    super(message);
  }
}
