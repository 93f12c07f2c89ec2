import type { Clock } from '../clock.js';
import type { ProgressionPolicy } from './progression.js';

export interface ManagedStatusOptions<Step extends string, Final extends string> {
  /** The intermediate statuses in order, e.g. PENDING then RUNNING. */
  steps: readonly [Step, ...Step[]];
  clock: Clock;
  /** Read on every check, so a policy changed later applies to records that already exist. */
  policy: () => ProgressionPolicy;
  /** Runs once, on leaving the last intermediate status; decides the final status (results are computed here). */
  finish: () => Final;
  /** Told each status the record enters, the first one included. */
  onEnter?: (status: Step | Final, at: number) => void;
}

/**
 * A status that declares its transitions once and moves when its progression policy says so.
 * Time-based moves are evaluated lazily (on every look at the record), against the injected clock.
 * The owner calls `settle()` once it is fully built, so `finish` may use it.
 */
export class ManagedStatus<Step extends string, Final extends string> {
  #stepIndex = 0;
  #final: Final | null = null;
  #enteredAt: number;
  #reads = 0;
  /** Set by a fault: the record never leaves this intermediate status. */
  #holdAt: Step | null = null;

  constructor(private readonly options: ManagedStatusOptions<Step, Final>) {
    this.#enteredAt = options.clock.now();
    options.onEnter?.(options.steps[0], this.#enteredAt);
  }

  get status(): Step | Final {
    return this.#final ?? (this.options.steps[this.#stepIndex] as Step);
  }

  get isFinal(): boolean {
    return this.#final !== null;
  }

  get enteredAt(): number {
    return this.#enteredAt;
  }

  /** Applies the moves that are due without a read: `immediate` and `afterMs`. */
  settle(): void {
    const policy = this.options.policy();
    if (policy.type === 'immediate') {
      while (this.#canMove()) this.#move(this.options.clock.now());
    } else if (policy.type === 'afterMs') {
      while (this.#canMove() && this.options.clock.now() - this.#enteredAt >= policy.ms) {
        this.#move(this.#enteredAt + policy.ms);
      }
    }
  }

  /** A status read by the client: counts for `afterPolls`. Returns the status to show. */
  observe(): Step | Final {
    this.settle();
    const policy = this.options.policy();
    if (policy.type === 'afterPolls' && this.#reads >= policy.polls && this.#canMove()) {
      this.#move(this.options.clock.now());
    }
    this.#reads += 1;
    return this.status;
  }

  /** One explicit step (the `manual` policy, or a test hurrying a record). Returns whether it moved. */
  advance(): boolean {
    if (!this.#canMove()) return false;
    this.#move(this.options.clock.now());
    return true;
  }

  /** Keeps the record in `status` (when reached) until released. */
  hold(status: Step | null): void {
    this.#holdAt = status;
  }

  #canMove(): boolean {
    return this.#final === null && this.#holdAt !== this.status;
  }

  #move(at: number): void {
    this.#reads = 0;
    this.#enteredAt = at;
    if (this.#stepIndex < this.options.steps.length - 1) {
      this.#stepIndex += 1;
      this.options.onEnter?.(this.status, at);
      return;
    }
    this.#final = this.options.finish();
    this.options.onEnter?.(this.#final, at);
  }
}
