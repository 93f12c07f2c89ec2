import type { EtlDefinition } from '../../../contracts/v5.js';
import { FileLevelError } from '../files/index.js';
import type { DataSource } from '../imports/data-source.js';
import { chunksSource } from '../imports/data-source.js';

const PLACEHOLDER = /\$(yyyy|yy|MM|dd|HH|mm|ss)+/g;

/** Expands `$yyyyMMdd`-style date placeholders of a fileNamePattern with the mock's date (UTC). */
export function expandFileNamePattern(pattern: string, now: number): string {
  const date = new Date(now);
  const parts: Record<string, string> = {
    yyyy: String(date.getUTCFullYear()),
    yy: String(date.getUTCFullYear()).slice(-2),
    MM: pad(date.getUTCMonth() + 1),
    dd: pad(date.getUTCDate()),
    HH: pad(date.getUTCHours()),
    mm: pad(date.getUTCMinutes()),
    ss: pad(date.getUTCSeconds()),
  };
  return pattern.replace(PLACEHOLDER, (match) =>
    match.slice(1).replace(/yyyy|yy|MM|dd|HH|mm|ss/g, (token) => parts[token] as string),
  );
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The file a definition's remoteLocation points at, from the files registered in the mock.
 * A missing location or file is a file-level failure, as a failed fetch would be.
 */
export function remoteDataSource(
  definition: EtlDefinition,
  remoteFiles: Record<string, Record<string, Uint8Array>>,
  now: number,
): DataSource | FileLevelError {
  const locationId = definition.remoteLocation?.locationId as string;
  const files = remoteFiles[locationId];
  if (!files) {
    return new FileLevelError(
      'FILE_NOT_FOUND',
      `remote location "${locationId}" is not known to the mock; register its files first`,
    );
  }
  const names = Object.keys(files);
  const pattern = definition.file?.fileNamePattern;
  const wanted = pattern ? expandFileNamePattern(pattern, now) : names.length === 1 ? names[0] : undefined;
  const bytes = wanted === undefined ? undefined : files[wanted];
  if (wanted === undefined || !bytes) {
    const what = wanted === undefined ? 'no file.fileNamePattern was given' : `no file named "${wanted}"`;
    return new FileLevelError(
      'FILE_NOT_FOUND',
      `remote location "${locationId}": ${what}; it holds ${names.join(', ') || 'no file'}`,
    );
  }
  return chunksSource(wanted, [bytes]);
}
