/**
 * A clock the test moves by hand, for the simulators and adgraph alike: `advance` moves time and
 * wakes every sleeper whose time has come, in order, letting each run before the next wakes.
 */
import type { Clock } from '../../src/providers/clock.js';

export interface ManualClock extends Clock {
  advance(ms: number): Promise<void>;
}

export function manualClock(start: number): ManualClock {
  let now = start;
  const sleepers: { at: number; wake: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));
  return {
    now: () => now,
    sleep(ms) {
      return new Promise<void>((resolve) => {
        if (ms <= 0) return void setImmediate(resolve);
        sleepers.push({ at: now + ms, wake: resolve });
      });
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers[0];
        if (!next || next.at > target) break;
        sleepers.shift();
        now = Math.max(now, next.at);
        next.wake();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}
