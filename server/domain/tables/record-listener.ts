import type { Row, RowPatch } from './table.js';

/** A record just created or updated by a write; `previous` is set when the listener asked for it. */
export type WrittenRecord =
  | { status: 'CREATED'; row: number }
  | { status: 'UPDATED'; row: number; previous: Row | null };

/**
 * Told every record an import or a single-record call writes into one table (data webhooks
 * listen so). Built only when someone listens: an import into a table nobody watches pays one
 * null check per row.
 */
export interface RecordListener {
  /** Whether it needs each updated record as it was before (to tell what changed). */
  readonly needsPrevious: boolean;
  /** `patch` is what the write brought; it may be reused once the call returns: read it, do not keep it. */
  written(record: WrittenRecord, patch: RowPatch): void;
  /** `record` is the deleted record's last values. */
  deleted(row: number, record: Row): void;
  /** Hands what it gathered on (once per import, or per call). */
  flush(): void;
}
