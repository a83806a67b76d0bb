/**
 * The shared read cache in front of the providers, kept in the state store: identical reads in
 * flight share one upstream call, and a successful answer is kept so dashboards polling the same
 * account do not multiply calls (AdStat allows 10 a minute per path). An answer has a lifetime
 * (`ttlMs`) and is then kept `staleMaxMs` longer: past its lifetime it is no longer "fresh", but the
 * quota planner may still serve it, with its age, when the budget cannot pay for a new one.
 * Failures are never cached. Writes invalidate by key prefix.
 */
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { log } from '../log.js';
import { MemoryStateStore, type StateStore } from '../state/store.js';
import { recordCachedRead } from './request-scope.js';

/** A cached answer and how old it is. */
export interface CachedAnswer<T> {
  value: T;
  fetchedAt: number;
  freshUntil: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  coalesced: number;
}

export interface SharedCacheOptions {
  store?: StateStore;
  clock?: Clock;
  /** How long past its lifetime an answer may still be served stale (default 1 h). */
  staleMaxMs?: number;
}

export const DEFAULT_STALE_MAX_MS = 3_600_000;
/** How long a replica waits for another's upstream read of the same key before reading itself. */
const PEER_WAIT_MS = 5_000;
const PEER_POLL_MS = 20;

export class SharedCache {
  readonly store: StateStore;
  readonly clock: Clock;
  readonly staleMaxMs: number;
  /** In flight in this process (across replicas, the store's lock: see loadShared). */
  private readonly inflight = new Map<string, Promise<CachedAnswer<unknown>>>();
  /** Bumped by invalidation so a read started before a write does not store a stale answer. */
  private generation = 0;
  private pendingInvalidation: Promise<void> = Promise.resolve();
  private readonly clearListeners: (() => void)[] = [];
  private readonly invalidateListeners: ((prefixes: string[]) => void)[] = [];
  readonly stats: CacheStats = { hits: 0, misses: 0, coalesced: 0 };
  /** Told of every lookup (per-request access-line counts, trace events); set by the observability layer. */
  onLookup: ((result: 'hit' | 'miss' | 'coalesced' | 'stale', key: string) => void) | undefined;

  /** Counts a fresh answer served from the store by a caller that looked itself (the quota planner). */
  countHit(key: string): void {
    this.stats.hits += 1;
    this.onLookup?.('hit', key);
  }

  constructor(options: SharedCacheOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.store = options.store ?? new MemoryStateStore(5_000, () => this.clock.now());
    this.staleMaxMs = options.staleMaxMs ?? DEFAULT_STALE_MAX_MS;
  }

  /** The stored answer for the key, fresh or stale, if any. */
  async peek<T>(key: string): Promise<CachedAnswer<T> | undefined> {
    await this.pendingInvalidation;
    // A look is a dependency (a write to the key changes what the request decides), not a use.
    recordCachedRead(key);
    return this.store.get<CachedAnswer<T>>(key);
  }

  /** The read of this key already in flight in this process, if any. */
  pending<T>(key: string): Promise<CachedAnswer<T>> | undefined {
    return this.inflight.get(key) as Promise<CachedAnswer<T>> | undefined;
  }

  /** Reads upstream (once for every caller while in flight) and stores the answer for `ttlMs`. */
  fetch<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<CachedAnswer<T>> {
    const pending = this.pending<T>(key);
    if (pending) {
      this.stats.coalesced += 1;
      this.onLookup?.('coalesced', key);
      return pending;
    }
    this.stats.misses += 1;
    this.onLookup?.('miss', key);
    const generation = this.generation;
    const promise = this.loadShared(key, ttlMs, generation, load).then(
      (answer) => {
        if (this.inflight.get(key) === promise) this.inflight.delete(key);
        return answer;
      },
      (error: unknown) => {
        if (this.inflight.get(key) === promise) this.inflight.delete(key);
        throw error;
      },
    );
    this.inflight.set(key, promise as Promise<CachedAnswer<unknown>>);
    return promise;
  }

  /**
   * With a shared store, one replica reads a key upstream while the others wait for its answer (a
   * short lock in the store); if the holder fails or takes too long, the waiter reads itself.
   */
  private async loadShared<T>(key: string, ttlMs: number, generation: number, load: () => Promise<T>): Promise<CachedAnswer<T>> {
    const lock = ttlMs > 0 && this.store.lock ? await this.store.lock(key, PEER_WAIT_MS) : undefined;
    if (lock === 'busy') {
      const peer = await this.awaitPeer<T>(key);
      if (peer) {
        this.stats.coalesced += 1;
        return peer;
      }
    }
    try {
      const value = await load();
      const now = this.clock.now();
      const answer: CachedAnswer<T> = { value, fetchedAt: now, freshUntil: now + ttlMs };
      if (ttlMs > 0 && generation === this.generation) await this.store.set(key, answer, ttlMs + this.staleMaxMs);
      return answer;
    } finally {
      if (lock && lock !== 'busy') await lock.release();
    }
  }

  /** Polls for the answer another replica is reading (real time: the wait is for another process). */
  private async awaitPeer<T>(key: string): Promise<CachedAnswer<T> | undefined> {
    const until = Date.now() + PEER_WAIT_MS;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, PEER_POLL_MS));
      const stored = await this.store.get<CachedAnswer<T>>(key);
      if (stored && stored.freshUntil > this.clock.now()) return stored;
      if (this.store.locked && !(await this.store.locked(key))) {
        // Released: the answer may have landed just before; else the holder failed.
        const last = await this.store.get<CachedAnswer<T>>(key);
        return last && last.freshUntil > this.clock.now() ? last : undefined;
      }
    }
    return undefined;
  }

  /** A fresh answer: the stored one within its lifetime, else a new read (coalesced). */
  async answer<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<CachedAnswer<T>> {
    const stored = await this.peek<T>(key);
    if (stored && stored.freshUntil > this.clock.now()) {
      this.countHit(key);
      recordCachedRead(key, stored.freshUntil);
      return stored;
    }
    const answer = await this.fetch(key, ttlMs, load);
    recordCachedRead(key, answer.freshUntil);
    return answer;
  }

  async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    return (await this.answer(key, ttlMs, load)).value;
  }

  /** Drops every entry whose key starts with one of the prefixes (after a write). */
  invalidate(...prefixes: string[]): void {
    this.generation += 1;
    for (const listener of this.invalidateListeners) listener(prefixes);
    // Reads still in flight were started before the write: let them answer their callers, but
    // forget them so the next reader goes upstream again.
    for (const key of [...this.inflight.keys()]) {
      if (prefixes.some((p) => key.startsWith(p))) this.inflight.delete(key);
    }
    // Readers wait for this before they look, so none sees an entry the write has outdated.
    this.pendingInvalidation = this.pendingInvalidation.then(() => this.store.deletePrefix(...prefixes)).catch(forgetFailure);
  }

  /** Resolves once every invalidation so far has reached the store (a write waits for it before it answers). */
  settled(): Promise<void> {
    return this.pendingInvalidation;
  }

  /** Called on `invalidate` with its prefixes: answers built from those entries are outdated too (the response cache). */
  onInvalidate(listener: (prefixes: string[]) => void): void {
    this.invalidateListeners.push(listener);
  }

  /** Called on `clear`: whoever keeps hints derived from cached answers forgets them too. */
  onClear(listener: () => void): void {
    this.clearListeners.push(listener);
  }

  clear(): void {
    for (const listener of this.clearListeners) listener();
    this.generation += 1;
    this.inflight.clear();
    this.pendingInvalidation = this.pendingInvalidation.then(() => this.store.clearValues()).catch(forgetFailure);
  }
}

/** A failed invalidation must not poison every later read: it is logged, and entries age out. */
function forgetFailure(error: unknown): void {
  log.warn('state store: invalidation failed', { error: error instanceof Error ? error.message : String(error) });
}
