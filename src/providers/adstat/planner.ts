/**
 * AdStat's budget, planned, for one login: at most `max` requests per `windowMs` on each URL path,
 * and silence on a path for `blockMs` after a 429 (a request during a block extends it). The ledger
 * lives in the state store, so replicas sharing a store share the budget.
 *
 * What the planner decides:
 * - which waiting call gets a freed slot: writes first, then interactive reads (the request that
 *   has used the path least in this window first), background refreshes last;
 * - how much each class may use: `reservedForWrites` slots of every window only writes may take,
 *   background refreshes (and a request past its `requestShare`) leave `reservedForInteractive`
 *   more to interactive reads, so one request with many aliases cannot deny everyone else;
 * - stale-while-revalidate: a read with any cached answer, even past its lifetime, is answered at
 *   once when no slot is free now, and a refresh is queued in the background within the budget.
 *   RATE_LIMITED only when there is no answer at all and the wait exceeds the caller's maximum;
 * - pacing: refreshes of stale answers take at most a third of the read budget per third of the
 *   window, so the budget is not spent in one burst that leaves every answer ageing for a minute.
 *
 * Hand-written: no queueing library knows a shared sliding-window ledger with reserved classes.
 */
import type { CachedAnswer, SharedCache } from '../cache.js';
import type { Clock } from '../clock.js';
import { ProviderError } from '../errors.js';
import { currentScope, newRequestScope, recordFreshness, runInScope, type Priority } from '../request-scope.js';
import type { SlotAnswer, StateStore } from '../../state/store.js';
import { log } from '../../log.js';

export interface BudgetOptions {
  /** Requests per window per path (AdStat: 10). */
  max: number;
  windowMs: number;
  /** Silence on a path after a 429 (AdStat asks for 61 s). */
  blockMs: number;
  /** Added to the window to absorb the time between our send and the provider's count. */
  marginMs: number;
  /** Slots of every window that only writes may take. */
  reservedForWrites: number;
  /** Slots background refreshes (and requests past their share) leave to interactive reads. */
  reservedForInteractive: number;
  /** Slots of a window one request may take before it yields to the others (0: half the read budget). */
  requestShare: number;
}

export const DEFAULT_BUDGET: BudgetOptions = {
  max: 10,
  windowMs: 60_000,
  blockMs: 61_000,
  marginMs: 1_000,
  reservedForWrites: 1,
  reservedForInteractive: 2,
  requestShare: 0,
};

/** Plain counters, read by benchmarks and (later) the metrics endpoint. */
export interface PlannerStats {
  granted: Record<Priority, number>;
  /** Reads refused with RATE_LIMITED (no answer existed and the wait was too long). */
  rateLimited: number;
  /** Reads answered with a cached answer past its lifetime because no slot was free. */
  staleAnswers: number;
  /** Refreshes queued behind stale answers. */
  refreshesScheduled: number;
  /** Refreshes that gave up (no slot within their patience, or the call failed). */
  refreshesDropped: number;
  /** 429s AdStat answered (the planner's goal is none). */
  upstream429: number;
  /** Filtered list reads answered from the cached unfiltered list. */
  localFilterAnswers: number;
}

interface Waiter {
  priority: Priority;
  requestId: string | undefined;
  seq: number;
  resolve: (slot: Slot) => void;
  reject: (error: unknown) => void;
  done: boolean;
  /** When the pump last saw a slot free up for it. */
  retryAt: number | undefined;
}

interface PathQueue {
  waiters: Waiter[];
  running: boolean;
  kick: (() => void) | undefined;
}

const RANK: Record<Priority, number> = { write: 0, interactive: 1, background: 2 };

/** A slot taken on a path: settled when its call is answered. */
export interface Slot {
  path: string;
  takenAt: number;
}

export interface PlannedRead<T> {
  /** The URL path whose budget pays (e.g. `/api/v2/advertisement`). */
  path: string;
  endpoint: string;
  key: string;
  ttlMs: number;
  /** Reads upstream; `prepaid` is the slot already taken for the first attempt, if one was. */
  load: (prepaid: Slot | null) => Promise<T>;
  maxWaitMs: number;
}

export class QuotaPlanner {
  readonly stats: PlannerStats = {
    granted: { write: 0, interactive: 0, background: 0 },
    rateLimited: 0,
    staleAnswers: 0,
    refreshesScheduled: 0,
    refreshesDropped: 0,
    upstream429: 0,
    localFilterAnswers: 0,
  };
  private readonly queues = new Map<string, PathQueue>();
  /** Slots each request took per path in the current window (this replica's view). */
  private readonly usage = new Map<string, Map<string, number[]>>();
  private seq = 0;

  constructor(
    private readonly login: string,
    private readonly store: StateStore,
    private readonly cache: SharedCache,
    readonly budget: BudgetOptions,
    private readonly clock: Clock,
  ) {}

  private get windowMs(): number {
    return this.budget.windowMs + this.budget.marginMs;
  }

  /** The documented endpoint (template) of each path seen, for metrics that must not label by raw id. */
  private readonly endpoints = new Map<string, string>();

  /**
   * Requests left in the current window, per endpoint template: the tightest path of each (a
   * details endpoint has one path per item). Read by the metrics at scrape time.
   */
  async remaining(): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const now = this.clock.now();
    for (const [path, endpoint] of this.endpoints) {
      const usage = await this.store.usage(this.ledgerKey(path), this.windowMs, now);
      // Details paths are one per item: forget idle ones so the map stays small.
      if (usage.used === 0 && usage.blockedUntil <= now && this.endpoints.size > 1000) this.endpoints.delete(path);
      const left = usage.blockedUntil > now ? 0 : Math.max(0, this.budget.max - usage.used);
      out.set(endpoint, Math.min(out.get(endpoint) ?? this.budget.max, left));
    }
    return out;
  }

  private ledgerKey(path: string): string {
    return `quota:adstat:${this.login}:${path}`;
  }

  private get readLimit(): number {
    return Math.max(1, this.budget.max - this.budget.reservedForWrites);
  }

  private get share(): number {
    return this.budget.requestShare > 0 ? this.budget.requestShare : Math.max(1, Math.ceil(this.readLimit / 2));
  }

  /** The slots a call of this class (and request) may count up to within the window. */
  private limitFor(path: string, priority: Priority, requestId: string | undefined): number {
    if (priority === 'write') return this.budget.max;
    const yielding = Math.max(1, this.readLimit - this.budget.reservedForInteractive);
    if (priority === 'background') return yielding;
    if (requestId !== undefined && this.used(path, requestId) >= this.share) return yielding;
    return this.readLimit;
  }

  private used(path: string, requestId: string): number {
    const times = this.usage.get(path)?.get(requestId);
    if (!times) return 0;
    const start = this.clock.now() - this.windowMs;
    while (times.length > 0 && times[0]! <= start) times.shift();
    return times.length;
  }

  /**
   * Asks the ledger for a slot under this caller's limit. The caller's use is counted before the
   * ledger answers (and taken back on a refusal), so concurrent calls of one request see each other.
   */
  private async take(path: string, priority: Priority, requestId: string | undefined, paced = priority === 'background'): Promise<SlotAnswer & { at: number }> {
    const limit = this.limitFor(path, priority, requestId);
    if (paced) {
      // Refreshes are spread over the window (a third of the read budget per third of it): spent
      // in one burst, they leave every answer to age for the rest of the minute.
      const third = this.windowMs / 3;
      const share = Math.max(1, Math.floor(this.readLimit / 3));
      const recent = await this.store.usage(this.ledgerKey(path), third, this.clock.now());
      if (recent.used >= share) return { granted: false, retryAt: this.clock.now() + third / share, at: this.clock.now() };
    }
    const times = requestId === undefined ? undefined : this.usageOf(path, requestId);
    const at = this.clock.now();
    times?.push(at);
    const answer = await this.store.takeSlot(this.ledgerKey(path), { limit, windowMs: this.windowMs }, at);
    if (answer.granted) this.stats.granted[priority] += 1;
    else if (times) times.splice(times.lastIndexOf(at), 1);
    return { ...answer, at };
  }

  private usageOf(path: string, requestId: string): number[] {
    let perPath = this.usage.get(path);
    if (!perPath) this.usage.set(path, (perPath = new Map()));
    // Forget requests whose slots have all left the window.
    if (perPath.size > 64) for (const [id] of perPath) if (this.used(path, id) === 0) perPath.delete(id);
    let times = perPath.get(requestId);
    if (!times) perPath.set(requestId, (times = []));
    return times;
  }

  private queue(path: string): PathQueue {
    let q = this.queues.get(path);
    if (!q) this.queues.set(path, (q = { waiters: [], running: false, kick: undefined }));
    return q;
  }

  /** Whether someone of this class or a better one is already waiting on the path. */
  private outranked(path: string, priority: Priority): boolean {
    const q = this.queues.get(path);
    return Boolean(q?.waiters.some((w) => RANK[w.priority] <= RANK[priority]));
  }

  /** Takes a slot now if one is free for this caller and nobody with an equal or better claim waits. */
  async tryNow(path: string, priority: Priority = currentPriority(), paced = false): Promise<Slot | null> {
    if (this.outranked(path, priority)) return null;
    const answer = await this.take(path, priority, currentScope()?.id, paced);
    return answer.granted ? { path, takenAt: answer.at } : null;
  }

  /**
   * Slots a read of the current request could take on the path now, without waiting (and without
   * taking them): what a read-ahead may spend. 0 when someone with an equal or better claim waits,
   * the path is blocked, or the request has used its share of the window.
   */
  async room(path: string, priority: Priority = currentPriority()): Promise<number> {
    if (priority === 'write' || this.outranked(path, priority)) return 0;
    const now = this.clock.now();
    const usage = await this.store.usage(this.ledgerKey(path), this.windowMs, now);
    if (usage.blockedUntil > now) return 0;
    const requestId = currentScope()?.id;
    const free = Math.max(0, this.limitFor(path, priority, requestId) - usage.used);
    return requestId === undefined ? free : Math.min(free, Math.max(0, this.share - this.used(path, requestId)));
  }

  /** The slot's call was answered (or failed): the ledger counts it from now. */
  async settle(slot: Slot): Promise<void> {
    await this.store.settleSlot(this.ledgerKey(slot.path), slot.takenAt, this.clock.now());
  }

  /**
   * Takes a slot on the path, waiting up to `maxWaitMs`. Throws RATE_LIMITED (with the seconds to
   * wait) when the slot is further away than that; nothing is sent then.
   */
  async acquire(path: string, endpoint: string, maxWaitMs: number, priority: Priority = currentPriority()): Promise<Slot> {
    this.endpoints.set(path, endpoint);
    const requestId = currentScope()?.id;
    const now = this.clock.now();
    if (!this.outranked(path, priority)) {
      const answer = await this.take(path, priority, requestId);
      if (answer.granted) return { path, takenAt: answer.at };
      if (answer.retryAt - now > maxWaitMs) throw this.limited(endpoint, answer.retryAt - now, priority);
    }
    return new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = { priority, requestId, seq: ++this.seq, resolve, reject, done: false, retryAt: undefined };
      const q = this.queue(path);
      q.waiters.push(waiter);
      void this.clock.sleep(maxWaitMs).then(async () => {
        if (waiter.done) return;
        waiter.done = true;
        q.waiters.splice(q.waiters.indexOf(waiter), 1);
        reject(this.limited(endpoint, (waiter.retryAt ?? 0) - this.clock.now(), priority));
      });
      q.kick?.();
      void this.pump(path);
    });
  }

  /** After a 429: nothing on this path until the block has surely lifted. */
  async block(path: string): Promise<void> {
    this.stats.upstream429 += 1;
    await this.store.block(this.ledgerKey(path), this.clock.now() + this.budget.blockMs);
  }

  /** Hands freed slots to waiters in order of claim, sleeping until the next slot frees. */
  private async pump(path: string): Promise<void> {
    const q = this.queue(path);
    if (q.running) return;
    q.running = true;
    try {
      while (q.waiters.length > 0) {
        const ordered = [...q.waiters].sort(
          (a, b) =>
            RANK[a.priority] - RANK[b.priority] ||
            (a.requestId && b.requestId ? this.used(path, a.requestId) - this.used(path, b.requestId) : 0) ||
            a.seq - b.seq,
        );
        let next = Number.POSITIVE_INFINITY;
        let granted = false;
        for (const w of ordered) {
          const answer = await this.take(path, w.priority, w.requestId);
          if (w.done) continue; // gave up while we asked
          if (answer.granted) {
            w.done = true;
            q.waiters.splice(q.waiters.indexOf(w), 1);
            w.resolve({ path, takenAt: answer.at });
            granted = true;
            break;
          }
          w.retryAt = answer.retryAt;
          next = Math.min(next, answer.retryAt);
        }
        if (granted || q.waiters.length === 0) continue;
        const wait = Math.max(1, next - this.clock.now());
        await Promise.race([this.clock.sleep(Number.isFinite(wait) ? wait : 1_000), new Promise<void>((resolve) => (q.kick = resolve))]);
        q.kick = undefined;
      }
    } finally {
      q.running = false;
    }
  }

  private limited(endpoint: string, waitMs: number, priority: Priority): ProviderError {
    if (priority !== 'background') this.stats.rateLimited += 1;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return new ProviderError('RATE_LIMITED', `AdStat allows ${this.budget.max} requests a minute on ${endpoint}; the next slot is free in ${seconds} s`, {
      provider: 'AdStat',
      endpoint,
      account: this.login,
      retryAfterSeconds: seconds,
    });
  }

  /**
   * A read through the cache: fresh answers as they are; a stale one is refreshed at once when a
   * slot is free now, else served as it is while a background refresh waits for the budget.
   */
  async read<T>(spec: PlannedRead<T>): Promise<CachedAnswer<T>> {
    const answer = await this.answer(spec);
    recordFreshness({ provider: 'AdStat', account: this.login, path: spec.path, fetchedAt: answer.fetchedAt, freshUntil: answer.freshUntil });
    return answer;
  }

  private async answer<T>(spec: PlannedRead<T>): Promise<CachedAnswer<T>> {
    const stored = await this.cache.peek<T>(spec.key);
    if (stored && stored.freshUntil > this.clock.now()) {
      this.cache.countHit(spec.key);
      return stored;
    }
    const pending = this.cache.pending<T>(spec.key);
    if (!stored) return pending ?? this.cache.fetch(spec.key, spec.ttlMs, () => spec.load(null));
    // A refresh already under way may be waiting for the budget: do not wait for it.
    const slot = pending ? null : await this.tryNow(spec.path, currentPriority(), true);
    if (slot) {
      try {
        return await this.cache.fetch(spec.key, spec.ttlMs, () => spec.load(slot));
      } catch (error) {
        // The answer we have is better than none (stale-if-error); its age says what it is.
        log.debug('AdStat refresh failed, serving the cached answer', { path: spec.path, error: (error as Error).message });
        return stored;
      }
    }
    this.stats.staleAnswers += 1;
    this.cache.onLookup?.('stale', spec.key);
    if (!pending) this.refreshLater(spec);
    return stored;
  }

  private refreshLater<T>(spec: PlannedRead<T>): void {
    this.stats.refreshesScheduled += 1;
    // Its own scope: it is nobody's request, and it must not count against the reader's share.
    const scope = newRequestScope('background');
    runInScope(scope, () => {
      this.cache.fetch(spec.key, spec.ttlMs, () => spec.load(null)).catch((error: unknown) => {
        this.stats.refreshesDropped += 1;
        log.debug('AdStat background refresh dropped', { path: spec.path, error: (error as Error).message });
      });
    });
  }

  /** How long a background refresh waits for a slot before it gives up (two windows). */
  get backgroundPatienceMs(): number {
    return 2 * this.windowMs;
  }
}

export function currentPriority(): Priority {
  return currentScope()?.priority ?? 'interactive';
}
