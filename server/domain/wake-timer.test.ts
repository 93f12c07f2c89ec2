import { describe, expect, it, vi } from 'vitest';
import { createManualClock, createSystemClock } from './clock.js';
import { WakeTimer } from './wake-timer.js';

describe('WakeTimer', () => {
  it('wakes once at the earliest moment asked, under a clock that moves on its own', async () => {
    const clock = createSystemClock();
    let wakes = 0;
    const woken = new Promise<void>((resolve) => {
      const timer = new WakeTimer(clock, () => {
        wakes += 1;
        resolve();
      });
      timer.wakeAt(clock.now() + 60_000);
      timer.wakeAt(clock.now() + 5);
      timer.wakeAt(clock.now() + 30_000);
    });
    await woken;
    expect(wakes).toBe(1);
  });

  it('arms nothing under a manual clock, nor once closed: advance() applies what is due', () => {
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    try {
      const manual = new WakeTimer(createManualClock(), () => {});
      manual.wakeAt(0);
      const closed = new WakeTimer(createSystemClock(), () => {});
      closed.close();
      closed.wakeAt(Date.now() + 5);
      expect(setTimer).not.toHaveBeenCalled();
    } finally {
      setTimer.mockRestore();
    }
  });
});
