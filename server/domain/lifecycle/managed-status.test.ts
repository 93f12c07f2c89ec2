import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { ManagedStatus } from './managed-status.js';
import type { ProgressionPolicy } from './progression.js';
import { parseProgression } from './progression.js';

function record(policy: ProgressionPolicy, finalStatus = 'SUCCESS') {
  const clock = createManualClock();
  const entered: string[] = [];
  let finished = 0;
  let current = policy;
  const status = new ManagedStatus({
    steps: ['PENDING', 'RUNNING'],
    clock,
    policy: () => current,
    finish: () => {
      finished += 1;
      return finalStatus;
    },
    onEnter: (s) => entered.push(s),
  });
  status.settle();
  return {
    status,
    clock,
    entered,
    finished: () => finished,
    setPolicy: (p: ProgressionPolicy) => {
      current = p;
    },
  };
}

describe('ManagedStatus', () => {
  it('is final at once under the immediate policy', () => {
    const { status, entered, finished } = record({ type: 'immediate' });
    expect(status.status).toBe('SUCCESS');
    expect(entered).toEqual(['PENDING', 'RUNNING', 'SUCCESS']);
    expect(finished()).toBe(1);
  });

  it('shows each intermediate status to the given number of reads', () => {
    const { status } = record({ type: 'afterPolls', polls: 2 });
    const seen = Array.from({ length: 6 }, () => status.observe());
    expect(seen).toEqual(['PENDING', 'PENDING', 'RUNNING', 'RUNNING', 'SUCCESS', 'SUCCESS']);
  });

  it('moves with the injected clock under afterMs, catching up several steps at once', () => {
    const { status, clock } = record({ type: 'afterMs', ms: 1000 });
    clock.advance(999);
    expect(status.observe()).toBe('PENDING');
    clock.advance(1);
    expect(status.observe()).toBe('RUNNING');
    expect(status.enteredAt).toBe(new Date('2026-01-01T09:00:01.000Z').getTime());
    clock.advance(5000);
    status.settle();
    expect(status.status).toBe('SUCCESS');
  });

  it('ends each status after one read or after ms of the clock under afterPolls with ms, whichever comes first', () => {
    const { status, clock, entered } = record({ type: 'afterPolls', polls: 1, ms: 1000 });
    clock.advance(400);
    expect(status.observe()).toBe('PENDING');
    expect(status.observe()).toBe('RUNNING');
    expect(status.enteredAt).toBe(new Date('2026-01-01T09:00:00.400Z').getTime());
    expect(status.dueAt()).toBe(new Date('2026-01-01T09:00:01.400Z').getTime());
    clock.advance(999);
    status.settle();
    expect(status.status).toBe('RUNNING');
    clock.advance(1);
    status.settle();
    expect(status.status).toBe('SUCCESS');
    expect(entered).toEqual(['PENDING', 'RUNNING', 'SUCCESS']);
  });

  it('moves at the moment a timed move fell due, not when someone looks', () => {
    const moments: number[] = [];
    const clock = createManualClock();
    const start = clock.now();
    const status = new ManagedStatus({
      steps: ['PENDING', 'RUNNING'],
      clock,
      policy: () => ({ type: 'afterPolls', polls: 1, ms: 1000 }),
      finish: (at) => {
        moments.push(at);
        return 'SUCCESS';
      },
      onEnter: (_, at) => moments.push(at),
    });
    clock.advance(5 * 60_000);
    expect(status.observe()).toBe('SUCCESS');
    expect(moments.map((at) => at - start)).toEqual([0, 1000, 2000, 2000]);
  });

  it('is never due by time under afterPolls without ms, manual, or a hold', () => {
    expect(record({ type: 'afterPolls', polls: 1 }).status.dueAt()).toBe(Number.POSITIVE_INFINITY);
    expect(record({ type: 'manual' }).status.dueAt()).toBe(Number.POSITIVE_INFINITY);
    const held = record({ type: 'afterMs', ms: 10 });
    held.status.hold('PENDING');
    expect(held.status.dueAt()).toBe(Number.POSITIVE_INFINITY);
  });

  it('moves only when advanced under the manual policy', () => {
    const { status, finished } = record({ type: 'manual' });
    expect(status.observe()).toBe('PENDING');
    expect(status.observe()).toBe('PENDING');
    expect(status.advance()).toBe(true);
    expect(status.status).toBe('RUNNING');
    expect(status.advance()).toBe(true);
    expect(status.status).toBe('SUCCESS');
    expect(status.advance()).toBe(false);
    expect(finished()).toBe(1);
  });

  it('never leaves a held status, whatever the policy', () => {
    const { status, setPolicy } = record({ type: 'manual' });
    status.hold('RUNNING');
    status.advance();
    setPolicy({ type: 'immediate' });
    status.settle();
    expect(status.advance()).toBe(false);
    expect(status.status).toBe('RUNNING');
    status.hold(null);
    status.settle();
    expect(status.status).toBe('SUCCESS');
  });

  it('applies a policy changed after creation', () => {
    const { status, setPolicy } = record({ type: 'manual' });
    expect(status.observe()).toBe('PENDING');
    setPolicy({ type: 'immediate' });
    expect(status.observe()).toBe('SUCCESS');
  });
});

describe('parseProgression', () => {
  it.each([
    ['immediate', { type: 'immediate' }],
    ['manual', { type: 'manual' }],
    ['afterPolls:2', { type: 'afterPolls', polls: 2 }],
    ['afterMs:1500', { type: 'afterMs', ms: 1500 }],
    ['afterPolls:1,ms:1000', { type: 'afterPolls', polls: 1, ms: 1000 }],
    [' afterPolls:0, ms:250 ', { type: 'afterPolls', polls: 0, ms: 250 }],
  ])('reads %s', (text, policy) => {
    expect(parseProgression(text)).toEqual(policy);
  });

  it.each([
    '',
    'afterPolls',
    'afterMs:-1',
    'afterPolls:1.5',
    'sometimes',
    'manual:3',
    'afterPolls:1,ms',
    'afterPolls:1,ms:-5',
    'afterPolls:1,polls:2',
    'afterPolls:1,ms:1000,ms:2000',
    'afterMs:1000,ms:1000',
    'immediate,ms:1000',
    'afterPolls:99999999999999999999',
  ])('rejects "%s"', (text) => {
    expect(() => parseProgression(text)).toThrow(/invalid progression/);
  });
});
