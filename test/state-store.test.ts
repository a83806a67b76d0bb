/** The in-process state store: values with lifetimes, and the sliding-window ledger the planner relies on. */
import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../src/state/store.js';

describe('MemoryStateStore', () => {
  it('keeps a value for its lifetime and deletes by prefix', async () => {
    let now = 0;
    const store = new MemoryStateStore(10, () => now);
    await store.set('a:1', { x: 1 }, 1_000);
    await store.set('b:1', 'kept', 5_000);
    expect(await store.get('a:1')).toEqual({ x: 1 });
    now = 1_000;
    expect(await store.get('a:1')).toBeUndefined();
    await store.deletePrefix('b:');
    expect(await store.get('b:1')).toBeUndefined();
  });

  it('grants at most `limit` slots in any window, says when the next frees, honours blocks, and counts a settled slot from its answer', async () => {
    const store = new MemoryStateStore();
    const rule = { limit: 3, windowMs: 60_000 };
    for (const at of [0, 10_000, 20_000]) expect(await store.takeSlot('p', rule, at)).toEqual({ granted: true });
    expect(await store.takeSlot('p', rule, 30_000)).toEqual({ granted: false, retryAt: 60_000 });
    // A lower limit (a class with fewer slots) frees later: the slot `limit` places from the newest.
    expect(await store.takeSlot('p', { limit: 2, windowMs: 60_000 }, 30_000)).toEqual({ granted: false, retryAt: 70_000 });
    await store.settleSlot('p', 0, 5_000); // the first call was answered at 5 s
    expect(await store.takeSlot('p', rule, 60_001)).toEqual({ granted: false, retryAt: 65_000 });
    expect(await store.takeSlot('p', rule, 65_000)).toEqual({ granted: true });
    await store.block('p', 200_000);
    expect(await store.takeSlot('p', rule, 150_000)).toEqual({ granted: false, retryAt: 200_000 });
    expect(await store.usage('p', 60_000, 150_000)).toEqual({ used: 0, blockedUntil: 200_000 });
  });

  it('asking about a shorter window does not forget slots of the longer one', async () => {
    const store = new MemoryStateStore();
    const rule = { limit: 2, windowMs: 60_000 };
    await store.takeSlot('p', rule, 0);
    await store.takeSlot('p', rule, 30_000);
    expect(await store.usage('p', 20_000, 40_000)).toEqual({ used: 1, blockedUntil: 0 });
    expect(await store.takeSlot('p', rule, 40_000)).toEqual({ granted: false, retryAt: 60_000 });
  });
});
