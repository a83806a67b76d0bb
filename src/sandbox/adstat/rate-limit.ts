/**
 * AdStat's documented rate limit: per (user, URL path), at most `max` requests per `windowMs`.
 * Past it every request gets 429 until `windowMs` after the block began, and each request sent
 * during the block restarts it. Only authenticated requests count (the guard runs after auth).
 */
import type { SimGuard } from '../http.js';
import type { AdstatRouter } from './router.js';

interface PathState {
  /** Times of the accepted requests still inside the window (a sliding log). */
  times: number[];
  blockedAt: number | undefined;
}

export class RateLimiter {
  private readonly keys = new Map<string, PathState>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Records a request; false when it must be refused. */
  hit(userId: string, path: string): boolean {
    const key = `${userId} ${path}`;
    let state = this.keys.get(key);
    if (!state) this.keys.set(key, (state = { times: [], blockedAt: undefined }));
    const at = this.now();

    if (state.blockedAt !== undefined) {
      if (at - state.blockedAt < this.windowMs) {
        state.blockedAt = at; // a request during the block extends it
        return false;
      }
      state.blockedAt = undefined;
    }
    const cutoff = at - this.windowMs;
    while (state.times.length > 0 && state.times[0]! <= cutoff) state.times.shift();
    if (state.times.length >= this.max) {
      state.blockedAt = at;
      return false;
    }
    state.times.push(at);
    return true;
  }

  reset(): void {
    this.keys.clear();
  }
}

export function rateLimitGuard(router: AdstatRouter, limiter: RateLimiter): SimGuard {
  return (req) => {
    const user = router.callerOf(req);
    if (!user) return undefined;
    if (limiter.hit(user.id, req.normalizedPath)) return undefined;
    // The provider's page names no Retry-After header; the body is what it documents.
    return { status: 429, body: { detail: 'Rate limit exceeded' } };
  };
}
