import type { ProgressionPolicy, RecordKind } from '../../../contracts/control.js';
import { RecordKind as RecordKindSchema } from '../../../contracts/control.js';

/**
 * When a managed record moves to its next status (moto's "state transition" idea):
 * - `immediate`: every intermediate status is skipped; the record is final as soon as it exists;
 * - `afterPolls`: each intermediate status is shown to `polls` status reads, the next read sees the next one;
 * - `afterMs`: each intermediate status lasts `ms` milliseconds of the mock's clock;
 * - `manual`: the record moves only when advanced explicitly.
 * The shapes are the control API's contracts.
 */
export type { ProgressionPolicy, RecordKind };

/** Kinds of managed records whose progression can be set separately. */
export const RECORD_KINDS: readonly RecordKind[] = RecordKindSchema.options;

/** What `npm start` uses: short and realistic, each intermediate status seen by one poll. */
export const DEFAULT_PROGRESSION: ProgressionPolicy = { type: 'afterPolls', polls: 1 };

export type ProgressionSettings = Record<RecordKind, ProgressionPolicy>;

export function uniformProgression(policy: ProgressionPolicy): ProgressionSettings {
  return { 'v5.etlExecution': policy, 'v4.import': policy };
}

/** What `parseProgression` reads; the CLI's help lists it from here. */
export const PROGRESSION_SYNTAX = 'immediate, manual, afterPolls:<reads> or afterMs:<milliseconds>';

/** Parses `immediate`, `manual`, `afterPolls:2`, `afterMs:1500` (the env var and CLI form). */
export function parseProgression(text: string): ProgressionPolicy {
  const [type, rawAmount] = text.trim().split(':');
  const amount = Number(rawAmount);
  const validAmount = rawAmount !== undefined && Number.isInteger(amount) && amount >= 0;
  if (type === 'immediate' && rawAmount === undefined) return { type };
  if (type === 'manual' && rawAmount === undefined) return { type };
  if (type === 'afterPolls' && validAmount) return { type, polls: amount };
  if (type === 'afterMs' && validAmount) return { type, ms: amount };
  throw new TypeError(`invalid progression "${text}": expected ${PROGRESSION_SYNTAX}`);
}

/** A policy as an object, or as the text `parseProgression` reads (`'immediate'`, `'afterPolls:2'`). */
export type ProgressionInput = ProgressionPolicy | 'immediate' | 'manual' | (string & {});

export function progressionPolicy(input: ProgressionInput): ProgressionPolicy {
  return typeof input === 'string' ? parseProgression(input) : input;
}
