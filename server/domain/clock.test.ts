import { describe, expect, it } from 'vitest';
import { createManualClock, createSystemClock, LAST_VALID_MOMENT } from './clock.js';

describe('the mock clock', () => {
  it('moves forward by what it is given', () => {
    const clock = createManualClock('2026-01-01T00:00:00.000Z');
    clock.advance(1000);
    expect(new Date(clock.now()).toISOString()).toBe('2026-01-01T00:00:01.000Z');
  });

  it.each([
    ['manual', () => createManualClock('2026-01-01T00:00:00.000Z')],
    ['system', () => createSystemClock(() => Date.parse('2026-01-01T00:00:00.000Z'))],
  ])('(%s) refuses to move past the last valid date, and stays where it was', (_kind, make) => {
    const clock = make();
    const before = clock.now();
    expect(() => clock.advance(Number.MAX_SAFE_INTEGER)).toThrow(/past \+275760-09-12T00:00:00\.000Z/);
    expect(clock.now()).toBe(before);
    clock.advance(LAST_VALID_MOMENT - before);
    expect(new Date(clock.now()).toISOString()).toBe('+275760-09-12T00:00:00.000Z');
    expect(() => clock.advance(1)).toThrow(RangeError);
  });

  it('refuses a start it could not move from', () => {
    expect(() => createManualClock('+275760-09-13T00:00:00.000Z')).toThrow(/is after \+275760-09-12/);
    expect(() => createManualClock('soon')).toThrow(/invalid clock start/);
  });

  it('refuses to move backward', () => {
    expect(() => createManualClock().advance(-1)).toThrow(/only moves forward/);
  });
});
