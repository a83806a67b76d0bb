/**
 * AdStat's limit enforced on our side: at most `max` requests per `windowMs` for each URL path of a
 * login, and silence on a path for `blockMs` after a 429 (the provider extends a block with every
 * request sent during it). A caller waits when the wait is short, otherwise it gets RATE_LIMITED at
 * once with the time to retry, and nothing is sent.
 */
import { ProviderError } from '../errors.js';
import { sleep } from '../http.js';

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  blockMs: number;
  /** Added to the window to absorb the time between our send and the provider's count. */
  marginMs: number;
}

interface PathState {
  /** Send times within the window, oldest first. */
  sent: number[];
  blockedUntil: number;
}

export class PathRateLimiter {
  private readonly paths = new Map<string, PathState>();
  private acquisitions = 0;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long a request on this path would have to wait now (0: it may go). */
  waitFor(path: string): number {
    const state = this.paths.get(path);
    if (!state) return 0;
    const now = this.now();
    if (state.blockedUntil > now) return state.blockedUntil - now;
    const windowStart = now - this.options.windowMs - this.options.marginMs;
    while (state.sent.length > 0 && state.sent[0]! <= windowStart) state.sent.shift();
    if (state.sent.length < this.options.max) return 0;
    return state.sent[0]! - windowStart;
  }

  /**
   * Takes a slot on the path, waiting up to `maxWaitMs`. Throws RATE_LIMITED (with the seconds to
   * wait) when the slot is further away than that.
   */
  async acquire(path: string, maxWaitMs: number, context: { endpoint: string; account: string }): Promise<void> {
    const deadline = this.now() + maxWaitMs;
    for (;;) {
      const wait = this.waitFor(path);
      if (wait === 0) {
        this.record(path);
        return;
      }
      if (this.now() + wait > deadline) {
        const seconds = Math.ceil(wait / 1000);
        throw new ProviderError(
          'RATE_LIMITED',
          `AdStat allows ${this.options.max} requests a minute on ${context.endpoint}; the next slot is free in ${seconds} s`,
          { provider: 'AdStat', endpoint: context.endpoint, account: context.account, retryAfterSeconds: seconds },
        );
      }
      await sleep(wait);
    }
  }

  /** After a 429: nothing on this path until the block has surely lifted. */
  block(path: string): void {
    const state = this.state(path);
    state.blockedUntil = this.now() + this.options.blockMs;
  }

  private record(path: string): void {
    this.state(path).sent.push(this.now());
    // Detail paths are one per item: forget idle paths now and then so the map stays small.
    if (++this.acquisitions % 1000 === 0) this.sweep();
  }

  private state(path: string): PathState {
    let state = this.paths.get(path);
    if (!state) {
      state = { sent: [], blockedUntil: 0 };
      this.paths.set(path, state);
    }
    return state;
  }

  private sweep(): void {
    const now = this.now();
    const horizon = now - this.options.windowMs - this.options.marginMs;
    for (const [path, state] of this.paths) {
      if (state.blockedUntil <= now && (state.sent.length === 0 || state.sent[state.sent.length - 1]! <= horizon)) {
        this.paths.delete(path);
      }
    }
  }
}
