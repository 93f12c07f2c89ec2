import type { V4QuotaUsage } from '../../../contracts/settings.js';
import { isoMoment } from '../clock.js';
import { ActitoError } from '../errors.js';
import type { Table } from '../tables/table.js';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DayCount {
  entity: string;
  table: Table;
  day: string;
  count: number;
}

/**
 * Actito's "12 bulk import creations per table per day", counted per table on the mock's clock
 * (UTC days). Counts are kept by table object, so a reset (which builds new tables) clears them.
 */
export class V4ImportQuota {
  readonly #counts = new Map<Table, DayCount>();

  /**
   * Refuses with QUOTA_EXCEEDED, naming the table and when the quota resets, when the table's
   * creations of the day are spent. Checked as an upload begins, so a refused client need not
   * send its whole file; `take` counts the creation once the upload is registered.
   */
  assertAvailable(entity: string, table: Table, now: number, max: number | null): void {
    if (max === null) return;
    const day = utcDay(now);
    const current = this.#counts.get(table);
    if (current && current.day === day && current.count >= max) {
      throw quotaExceeded(entity, table, day, max, now);
    }
  }

  /** Counts one creation of the day; QUOTA_EXCEEDED when uploads registered meanwhile spent the quota. */
  take(entity: string, table: Table, now: number, max: number | null): void {
    this.assertAvailable(entity, table, now, max);
    if (max === null) return;
    const day = utcDay(now);
    let current = this.#counts.get(table);
    if (!current || current.day !== day) {
      current = { entity, table, day, count: 0 };
      this.#counts.set(table, current);
    }
    current.count += 1;
  }

  /**
   * Today's creations per table, for GET /__mock/settings. Tables a reset or a seed replaced are
   * forgotten: their successors start with a fresh quota.
   */
  usage(now: number, liveTables: ReadonlySet<Table>): V4QuotaUsage[] {
    for (const table of this.#counts.keys()) if (!liveTables.has(table)) this.#counts.delete(table);
    const day = utcDay(now);
    return [...this.#counts.values()]
      .filter((c) => c.day === day && c.count > 0)
      .map((c) => ({
        entity: c.entity,
        table: c.table.name,
        day,
        importsCreated: c.count,
        resetsAt: isoMoment(nextUtcMidnight(now)),
      }));
  }
}

function quotaExceeded(entity: string, table: Table, day: string, max: number, now: number): ActitoError {
  const resetsAt = nextUtcMidnight(now);
  const hours = Math.ceil((resetsAt - now) / (60 * 60 * 1000));
  return new ActitoError(
    'QUOTA_EXCEEDED',
    `Table ${table.name} of entity ${entity} already had ${max} V4 import ${max === 1 ? 'creation' : 'creations'} on ${day} (UTC), the most allowed per table per day; the quota resets at ${isoMoment(resetsAt)} (in ${hours} h). Send fewer, larger files, or wait for the reset.`,
  );
}

/** Seconds until the table's quota resets (for a Retry-After header). */
export function secondsUntilQuotaReset(now: number): number {
  return Math.ceil((nextUtcMidnight(now) - now) / 1000);
}

function utcDay(now: number): string {
  return isoMoment(now).slice(0, 10);
}

function nextUtcMidnight(now: number): number {
  return (Math.floor(now / DAY_MS) + 1) * DAY_MS;
}
