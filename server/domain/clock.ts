/**
 * The mock's notion of time. Everything time-based (token expiry, `afterMs` progression, daily
 * quotas, moments written in records) reads this clock, never `Date.now()`, so tests can move it.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the mock sees them. */
  now(): number;
  /** Moves the mock's time forward by `ms` (never backward). */
  advance(ms: number): void;
  /**
   * True when the clock moves on its own (it follows the wall clock): what falls due later (a
   * webhook retry, an execution finishing) is then woken by a real timer. Otherwise only
   * `advance()` moves time, and what is due is applied then.
   */
  readonly realTime?: boolean;
}

/**
 * The mock's time stays a day short of the last moment a JavaScript Date can hold
 * (+275760-09-13), so the times derived from it (token expiries, the quota's next midnight) are
 * valid dates too.
 */
export const LAST_VALID_MOMENT = 8.64e15 - 24 * 60 * 60 * 1000;

/** Follows the wall clock, plus whatever `advance()` added: what `npm start` uses. */
export function createSystemClock(wallClock: () => number = Date.now): Clock {
  let offset = 0;
  return {
    realTime: true,
    now: () => wallClock() + offset,
    advance(ms) {
      offset += assertForward(ms, wallClock() + offset);
    },
  };
}

/** Stands still until advanced: what deterministic tests use. */
export function createManualClock(start: number | string | Date = '2026-01-01T09:00:00.000Z'): Clock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new TypeError(`invalid clock start: ${String(start)}`);
  if (current > LAST_VALID_MOMENT)
    throw new TypeError(`invalid clock start: ${String(start)} is after ${isoMoment(LAST_VALID_MOMENT)}`);
  return {
    now: () => current,
    advance(ms) {
      current += assertForward(ms, current);
    },
  };
}

/** Checked before anything moves: a refused advance leaves the clock where it was. */
function assertForward(ms: number, now: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`the clock only moves forward; got ${ms} ms`);
  if (now + ms > LAST_VALID_MOMENT) {
    throw new RangeError(
      `advancing ${ms} ms from ${isoMoment(now)} would move the clock past ${isoMoment(LAST_VALID_MOMENT)}, the latest time the mock can show`,
    );
  }
  return ms;
}

/** Recently formatted moments, by their low bits: a status poll shows the same three moments again and again. */
const MOMENT_SLOTS = 64;
const recentMs = new Float64Array(MOMENT_SLOTS).fill(Number.NaN);
const recentText: string[] = new Array(MOMENT_SLOTS).fill('');

/** ISO-8601 moment as the API shows it. */
export function isoMoment(ms: number): string {
  const slot = ms & (MOMENT_SLOTS - 1);
  if (recentMs[slot] === ms) return recentText[slot] as string;
  const text = new Date(ms).toISOString();
  recentMs[slot] = ms;
  recentText[slot] = text;
  return text;
}
