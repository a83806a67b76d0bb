/**
 * Time, injected: the quota planner, the caches and the clients read `now` and wait with `sleep`
 * from one clock, so tests and the quota benchmark can run minutes of provider time in seconds.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** A clock that runs `factor` times faster than the wall, from `start` (for benchmarks). */
export function scaledClock(factor: number, start = Date.now()): Clock {
  const wallStart = Date.now();
  return {
    now: () => start + (Date.now() - wallStart) * factor,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / factor))),
  };
}

/** A clock from a bare `now` function (the older option shape): sleeps in wall time. */
export function clockFrom(now: (() => number) | undefined, clock?: Clock): Clock {
  if (clock) return clock;
  if (!now) return systemClock;
  return { now, sleep: systemClock.sleep };
}
