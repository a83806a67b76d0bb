/**
 * Upstream calls per client request: the HTTP server runs each request's handling inside its own
 * counter, and the shared HTTP layer counts every call it sends into the current one. No graphql
 * here: the provider layer imports this.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Meter {
  calls: number;
}
const meters = new AsyncLocalStorage<Meter>();

/** Runs one HTTP request's handling with its own upstream-call counter. */
export function metered<T>(run: () => T): T {
  return meters.run({ calls: 0 }, run);
}

/** Called by the shared HTTP layer for every upstream request it sends (retries and logins too). */
export function countUpstreamCall(): void {
  const meter = meters.getStore();
  if (meter) meter.calls += 1;
}

export function callsSoFar(): number {
  return meters.getStore()?.calls ?? 0;
}
