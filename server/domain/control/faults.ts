import type {
  FaultRequest,
  InjectedFault,
  InjectedImportFault,
  InjectedRequestFault,
  InjectedWebhookFault,
  RecordKind,
} from '../../../contracts/control.js';
import { FaultRequest as FaultRequestSchema } from '../../../contracts/control.js';
import { compilePathGlob } from './path-glob.js';

/** What an import fault does to the next run: spread into `ImportRunOptions`. */
export interface ImportRunFault {
  /** Finish as a file-level failure with this reason. */
  forcedFailure: string | null;
  /** Never leave this intermediate status. */
  hold: 'PENDING' | 'RUNNING' | null;
}

export const NO_IMPORT_FAULT: ImportRunFault = Object.freeze({ forcedFailure: null, hold: null });

const DEFAULT_FAILURE_REASON =
  'The file could not be processed (fault injected through POST /__mock/faults).';

interface Armed {
  fault: InjectedFault;
  matches?: (method: string, path: string) => boolean;
}

/**
 * The faults armed in one tenant, oldest first. Each applies to the next `times` matching
 * requests or records, then disappears; the first armed matching fault wins.
 */
export class FaultBook {
  #armed: Armed[] = [];
  #nextId = 1;

  add(request: FaultRequest): InjectedFault {
    const parsed = FaultRequestSchema.parse(request);
    const fault = { ...parsed, id: `fault-${this.#nextId++}`, remaining: parsed.times } as InjectedFault;
    if (fault.type === 'request') {
      const path = compilePathGlob(fault.path);
      const method = fault.method.toUpperCase();
      this.#armed.push({
        fault,
        matches: (m, p) => (method === '*' || method === m.toUpperCase()) && path(p),
      });
    } else {
      this.#armed.push({ fault });
    }
    return { ...fault };
  }

  list(): InjectedFault[] {
    return this.#armed.map(({ fault }) => ({ ...fault }));
  }

  clear(): number {
    const cleared = this.#armed.length;
    this.#armed = [];
    return cleared;
  }

  /** The fault the request `method path` meets, used up by one; null when none is armed for it. */
  takeRequestFault(method: string, path: string): InjectedRequestFault | null {
    const armed = this.#armed.find((a) => a.fault.type === 'request' && a.matches?.(method, path));
    return armed ? (this.#use(armed) as InjectedRequestFault) : null;
  }

  /** What the next run of `kind` must do, used up by one. */
  takeImportFault(kind: RecordKind): ImportRunFault {
    const armed = this.#armed.find(
      (a) => a.fault.type === 'import' && (a.fault.kind === '*' || a.fault.kind === kind),
    );
    if (!armed) return NO_IMPORT_FAULT;
    const fault = this.#use(armed) as InjectedImportFault;
    if (fault.outcome === 'hold') return { forcedFailure: null, hold: fault.holdAt };
    return { forcedFailure: fault.reason ?? DEFAULT_FAILURE_REASON, hold: null };
  }

  /** The fault the next delivery to subscription `subscriptionId` meets, used up by one; null when none is armed. */
  takeWebhookFault(subscriptionId: string): InjectedWebhookFault | null {
    const armed = this.#armed.find(
      (a) =>
        a.fault.type === 'webhook' &&
        (a.fault.subscriptionId === undefined || a.fault.subscriptionId === subscriptionId),
    );
    return armed ? (this.#use(armed) as InjectedWebhookFault) : null;
  }

  #use(armed: Armed): InjectedFault {
    armed.fault.remaining -= 1;
    if (armed.fault.remaining <= 0) this.#armed = this.#armed.filter((a) => a !== armed);
    return { ...armed.fault };
  }
}
