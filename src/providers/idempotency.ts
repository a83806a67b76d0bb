/**
 * Idempotent creates: a client key maps to the first attempt's result, so a retry (a timed-out
 * request, a double click) returns it instead of creating twice. The same key with different input
 * is refused. A failed attempt is forgotten so the client can try again. Kept in memory for a day.
 */
export class IdempotencyConflict extends Error {
  constructor(readonly key: string) {
    super(`idempotency key "${key}" was already used with different input; use a new key for a new request`);
    this.name = 'IdempotencyConflict';
  }
}

interface Entry {
  fingerprint: string;
  result: Promise<unknown>;
  at: number;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  /** Retries answered with the first attempt's result (read by the metrics). */
  replays = 0;

  constructor(
    private readonly ttlMs = 24 * 3_600_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(scope: string, key: string | null | undefined, input: unknown, work: () => Promise<T>): Promise<T> {
    if (!key) return work();
    this.expire();
    const id = `${scope}\u0000${key}`;
    const fingerprint = stableJson(input);
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw new IdempotencyConflict(key);
      this.replays += 1;
      return existing.result as Promise<T>;
    }
    const result = work();
    this.entries.set(id, { fingerprint, result, at: this.now() });
    try {
      return await result;
    } catch (error) {
      this.entries.delete(id);
      throw error;
    }
  }

  private expire(): void {
    const horizon = this.now() - this.ttlMs;
    for (const [id, entry] of this.entries) {
      if (entry.at > horizon && this.entries.size <= this.maxEntries) break;
      this.entries.delete(id);
    }
  }
}

/** JSON with object keys sorted, so equal inputs give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}
