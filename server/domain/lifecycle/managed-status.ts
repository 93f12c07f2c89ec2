import type { Clock } from '../clock.js';
import type { ProgressionPolicy } from './progression.js';

export interface ManagedStatusOptions<Step extends string, Final extends string> {
  /** The intermediate statuses in order, e.g. PENDING then RUNNING. */
  steps: readonly [Step, ...Step[]];
  clock: Clock;
  /** Read on every check, so a policy changed later applies to records that already exist. */
  policy: () => ProgressionPolicy;
  /**
   * Runs once, on leaving the last intermediate status at moment `at`; decides the final status
   * (results are computed here). A promise means the results take a while (a big file written in
   * slices): the record shows its last intermediate status until it settles, then the final one,
   * entered at `at` all the same.
   */
  finish: (at: number) => Final | Promise<Final>;
  /** Told each status the record enters, the first one included. */
  onEnter?: (status: Step | Final, at: number) => void;
}

/**
 * A status that declares its transitions once and moves when its progression policy says so.
 * Time-based moves are evaluated lazily (on every look at the record), against the injected clock;
 * the tenant applies the due moves of all its records in the order they fell due (`dueAt`).
 * The owner calls `settle()` once it is fully built, so `finish` may use it.
 */
export class ManagedStatus<Step extends string, Final extends string> {
  #stepIndex = 0;
  #final: Final | null = null;
  #enteredAt: number;
  #reads = 0;
  /** Set by a fault: the record never leaves this intermediate status. */
  #holdAt: Step | null = null;
  /** While `finish` is computing results asynchronously. */
  #finishing: Promise<void> | null = null;

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

  /** Settles once the results being computed (if any) exist and the status is final; null when none are. */
  get finishing(): Promise<void> | null {
    return this.#finishing;
  }

  /**
   * When the next move falls due by time alone (`immediate`, `afterMs`, `afterPolls` with `ms`);
   * Infinity when only a status read or an explicit advance can move the record.
   */
  dueAt(): number {
    if (!this.#canMove()) return Number.POSITIVE_INFINITY;
    const policy = this.options.policy();
    if (policy.type === 'immediate') return this.#enteredAt;
    const ms = policy.type === 'afterMs' || policy.type === 'afterPolls' ? policy.ms : undefined;
    return ms === undefined ? Number.POSITIVE_INFINITY : this.#enteredAt + ms;
  }

  /**
   * Makes the next move if time has made it due by `now`; returns whether it moved. A timed move
   * happens at its due moment, not when someone looked, so moments do not depend on who polls when.
   */
  moveIfDue(now: number = this.options.clock.now()): boolean {
    const due = this.dueAt();
    if (due > now) return false;
    // `immediate` is due since the record entered its status, but moves when the policy says so: now.
    this.#move(this.options.policy().type === 'immediate' ? now : due);
    return true;
  }

  /** Applies every move of this record that time has made due. */
  settle(now: number = this.options.clock.now()): void {
    while (this.moveIfDue(now));
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
    return this.#final === null && this.#finishing === null && this.#holdAt !== this.status;
  }

  #move(at: number): void {
    this.#reads = 0;
    this.#enteredAt = at;
    if (this.#stepIndex < this.options.steps.length - 1) {
      this.#stepIndex += 1;
      this.options.onEnter?.(this.status, at);
      return;
    }
    const final = this.options.finish(at);
    if (typeof final !== 'object') {
      this.#enterFinal(final, at);
      return;
    }
    this.#finishing = final.then((status) => {
      this.#finishing = null;
      this.#enterFinal(status, at);
    });
  }

  #enterFinal(status: Final, at: number): void {
    this.#final = status;
    this.options.onEnter?.(status, at);
  }
}
