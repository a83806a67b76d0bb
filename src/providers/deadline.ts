/**
 * Deadlines. Each GraphQL request runs with an overall deadline (an instant) carried in
 * AsyncLocalStorage, so every upstream call it makes, however deep, is bounded by what is left of
 * it without threading a parameter through every resolver and client. The HTTP layer takes the
 * smaller of that and its own per-call budget. Hand-written because the need is one instant per
 * request; no library adds anything over AsyncLocalStorage here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface DeadlineScope {
  /** Epoch milliseconds after which the request's remaining upstream work fails as timed out. */
  at: number;
}

const storage = new AsyncLocalStorage<DeadlineScope>();

/** Runs `fn` (and everything it starts) under a deadline `ms` from now. */
export function withDeadline<T>(ms: number, fn: () => T, now: () => number = Date.now): T {
  return storage.run({ at: now() + ms }, fn);
}

/** Milliseconds left of the current request's deadline, or undefined outside a request. */
export function remainingMs(now: () => number = Date.now): number | undefined {
  const scope = storage.getStore();
  return scope ? scope.at - now() : undefined;
}

/**
 * The reason an upstream call was cut off by a deadline. `code` sits where undici puts its own
 * time-out codes, so error classification treats both alike.
 */
export class DeadlineExceeded extends Error {
  readonly code = 'ADGRAPH_DEADLINE';
  constructor(
    readonly budgetMs: number,
    /** Whether any of the request had been handed to the network when the deadline passed. */
    readonly beforeSend = false,
  ) {
    super(`deadline of ${budgetMs} ms passed`);
    this.name = 'DeadlineExceeded';
  }
}
