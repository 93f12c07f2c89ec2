import type { ProgressionPolicy, RecordKind } from '../../../contracts/control.js';
import { RecordKind as RecordKindSchema } from '../../../contracts/control.js';

/**
 * When a managed record moves to its next status (moto's "state transition" idea):
 * - `immediate`: every intermediate status is skipped; the record is final as soon as it exists;
 * - `afterPolls`: each intermediate status is shown to `polls` status reads, the next read sees the
 *   next one; with `ms`, it also ends once it has lasted `ms` of the mock's clock, whichever is first;
 * - `afterMs`: each intermediate status lasts `ms` milliseconds of the mock's clock;
 * - `manual`: the record moves only when advanced explicitly.
 * The shapes are the control API's contracts.
 */
export type { ProgressionPolicy, RecordKind };

/** Kinds of managed records whose progression can be set separately. */
export const RECORD_KINDS: readonly RecordKind[] = RecordKindSchema.options;

/**
 * What `npm start` uses: like Actito, a record finishes on its own (a client that never polls finds
 * it final a few seconds later), and a client that polls sees each intermediate status once.
 */
export const DEFAULT_PROGRESSION: ProgressionPolicy = { type: 'afterPolls', polls: 1, ms: 1000 };

export type ProgressionSettings = Record<RecordKind, ProgressionPolicy>;

export function uniformProgression(policy: ProgressionPolicy): ProgressionSettings {
  return { 'v5.etlExecution': policy, 'v4.import': policy };
}

/** What `parseProgression` reads; the CLI's help lists it from here. */
export const PROGRESSION_SYNTAX =
  'immediate, manual, afterPolls:<reads>, afterPolls:<reads>,ms:<milliseconds> or afterMs:<milliseconds>';

/**
 * Parses the env var and CLI form: `immediate`, `manual`, `afterPolls:2`, `afterMs:1500`, and
 * `afterPolls:1,ms:1000` (the default: one read or one second, whichever comes first).
 */
export function parseProgression(text: string): ProgressionPolicy {
  const policy = readProgression(text.trim());
  if (policy) return policy;
  throw new TypeError(`invalid progression "${text}": expected ${PROGRESSION_SYNTAX}`);
}

function readProgression(text: string): ProgressionPolicy | undefined {
  if (text === 'immediate' || text === 'manual') return { type: text };
  const match = /^(afterPolls|afterMs):(\d+)(?:\s*,\s*ms:(\d+))?$/.exec(text);
  const amount = Number(match?.[2]);
  const ms = match?.[3] === undefined ? undefined : Number(match[3]);
  if (!match || !Number.isSafeInteger(amount) || (ms !== undefined && !Number.isSafeInteger(ms)))
    return undefined;
  if (match[1] === 'afterMs') return ms === undefined ? { type: 'afterMs', ms: amount } : undefined;
  return ms === undefined ? { type: 'afterPolls', polls: amount } : { type: 'afterPolls', polls: amount, ms };
}

/** A policy as an object, or as the text `parseProgression` reads (`'immediate'`, `'afterPolls:2'`). */
export type ProgressionInput = ProgressionPolicy | 'immediate' | 'manual' | (string & {});

export function progressionPolicy(input: ProgressionInput): ProgressionPolicy {
  return typeof input === 'string' ? parseProgression(input) : input;
}
