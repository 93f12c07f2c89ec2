import type { Clock } from './clock.js';

/** setTimeout's longest delay; a later wake is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Wakes the tenant when something falls due on the mock clock (a webhook retry, an execution
 * finishing on its own), if the clock moves on its own; under a manual clock nothing is armed:
 * `advance()` applies what is due. One timer at a time, for the earliest moment asked; it never
 * keeps the process alive.
 */
export class WakeTimer {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #at = Number.POSITIVE_INFINITY;
  #closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly onWake: () => void,
  ) {}

  /** Asks to be woken at mock moment `at` (or sooner, if an earlier wake is already armed). */
  wakeAt(at: number): void {
    if (this.#closed || !this.clock.realTime || !Number.isFinite(at) || at >= this.#at) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#at = at;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - this.clock.now()));
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#at = Number.POSITIVE_INFINITY;
      this.onWake();
    }, delay);
    this.#timer.unref?.();
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
