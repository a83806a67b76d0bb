/**
 * The shared read cache in front of the providers: identical reads in flight share one upstream
 * call, and a successful answer is kept for a short time so dashboards polling the same account do
 * not multiply calls (AdStat allows 10 a minute per path). Failures are never cached. Writes
 * invalidate by key prefix. Bounded: the oldest entries go first.
 */

interface Entry {
  value: unknown;
  expiresAt: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  coalesced: number;
}

export class SharedCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Bumped by invalidation so a read started before a write does not store a stale answer. */
  private generation = 0;
  readonly stats: CacheStats = { hits: 0, misses: 0, coalesced: 0 };

  constructor(
    private readonly maxEntries = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) {
      this.stats.hits += 1;
      return entry.value as T;
    }
    if (entry) this.entries.delete(key);
    const pending = this.inflight.get(key);
    if (pending) {
      this.stats.coalesced += 1;
      return pending as Promise<T>;
    }
    this.stats.misses += 1;
    const generation = this.generation;
    const promise = load().then(
      (value) => {
        this.inflight.delete(key);
        if (ttlMs > 0 && generation === this.generation) this.store(key, value, ttlMs);
        return value;
      },
      (error: unknown) => {
        this.inflight.delete(key);
        throw error;
      },
    );
    this.inflight.set(key, promise);
    return promise;
  }

  /** Drops every entry whose key starts with one of the prefixes (after a write). */
  invalidate(...prefixes: string[]): void {
    this.generation += 1;
    for (const key of [...this.entries.keys()]) {
      if (prefixes.some((p) => key.startsWith(p))) this.entries.delete(key);
    }
    // Reads still in flight were started before the write: let them answer their callers, but
    // forget them so the next reader goes upstream again.
    for (const key of [...this.inflight.keys()]) {
      if (prefixes.some((p) => key.startsWith(p))) this.inflight.delete(key);
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.inflight.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, value: unknown, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
