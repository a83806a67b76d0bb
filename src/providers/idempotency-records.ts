/**
 * Where idempotency records live: a small async interface (get, put-if-absent, conditional update
 * and delete, each with a time to live) that maps one-to-one onto a shared store (Redis: GET, SET NX
 * PX, and a compare-and-set script on the attempt id), so the logic in idempotency.ts does not
 * change when records move out of the process. The in-process backend is the default.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type IdempotencyRecord =
  /** An attempt is being sent (or reconciled) by `attempt`, which promises to settle it by `heldUntil`. */
  | { state: 'in-flight'; fingerprint: string; attempt: string; sentAt: number; heldUntil: number; before?: JsonValue }
  /** The create happened; `result` is what to answer every retry. */
  | { state: 'done'; fingerprint: string; attempt: string; result: JsonValue; at: number }
  /**
   * The attempt sent at `sentAt` may or may not have been applied: a retry reconciles first.
   * `before`: what the operation noted upstream just before sending (objects that are not its own).
   */
  | { state: 'unknown'; fingerprint: string; attempt: string; sentAt: number; before?: JsonValue };

/**
 * The records cannot be read or written (the shared store is unreachable). Before anything was sent
 * the create is refused: going ahead without the shared record could duplicate another replica's.
 */
export class IdempotencyUnavailable extends Error {
  readonly retryAfterSeconds = 5;
  constructor(
    readonly beforeSending: boolean,
    options?: { cause?: unknown },
  ) {
    super(
      beforeSending
        ? 'the idempotency records (shared state store) cannot be reached: the create was refused and nothing was sent, rather than risk a duplicate; retry with the same key shortly'
        : 'the idempotency records (shared state store) were lost during the create: it may have been applied; retry with the same key once the store is back, which looks for it first',
      options,
    );
    this.name = 'IdempotencyUnavailable';
  }
}

export interface IdempotencyRecords {
  get(id: string): Promise<IdempotencyRecord | undefined>;
  /** Stores the record unless the id has one; true when stored. */
  putIfAbsent(id: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean>;
  /** Replaces the record only while it still belongs to attempt `expected`; true when replaced. */
  update(id: string, expected: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean>;
  /** Removes the record only while it still belongs to attempt `expected`. */
  delete(id: string, expected: string): Promise<boolean>;
}

/**
 * Records in a Map, stored as JSON text so callers get copies (as they would from a shared store).
 * Entries leave only when their time to live ends: no count cap, since evicting a live key is what
 * lets a retry create twice. Expired entries are swept lazily, oldest first.
 */
export class MemoryIdempotencyRecords implements IdempotencyRecords {
  private readonly entries = new Map<string, { text: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(id: string): Promise<IdempotencyRecord | undefined> {
    const entry = this.live(id);
    return entry ? (JSON.parse(entry.text) as IdempotencyRecord) : undefined;
  }

  async putIfAbsent(id: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    this.sweep();
    if (this.live(id)) return false;
    this.entries.set(id, { text: JSON.stringify(record), expiresAt: this.now() + ttlMs });
    return true;
  }

  async update(id: string, expected: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    const entry = this.live(id);
    if (!entry || (JSON.parse(entry.text) as IdempotencyRecord).attempt !== expected) return false;
    // Re-inserted so the Map stays in expiry order for the sweep.
    this.entries.delete(id);
    this.entries.set(id, { text: JSON.stringify(record), expiresAt: this.now() + ttlMs });
    return true;
  }

  async delete(id: string, expected: string): Promise<boolean> {
    const entry = this.live(id);
    if (!entry || (JSON.parse(entry.text) as IdempotencyRecord).attempt !== expected) return false;
    this.entries.delete(id);
    return true;
  }

  /** Live records (for tests and diagnostics). */
  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  private live(id: string): { text: string; expiresAt: number } | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(id);
    }
  }
}
