/**
 * The writes of import runs into one table, one after the other in the order they were queued:
 * a run whose rows are written in slices (across event-loop turns) must not interleave with the
 * next run's rows.
 */
export class WriteQueue {
  #tail: Promise<void> | null = null;

  /** Whether a write is queued or running. */
  get busy(): boolean {
    return this.#tail !== null;
  }

  /** Runs `work` once every write queued before it has ended (failed or not). */
  run(work: () => Promise<void>): Promise<void> {
    const next = (this.#tail ?? Promise.resolve()).then(work);
    const ended = next.then(noop, noop);
    this.#tail = ended;
    void ended.then(() => {
      if (this.#tail === ended) this.#tail = null;
    });
    return next;
  }
}

/** Lets timers, I/O and other requests run before the next slice of work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function noop(): void {}
