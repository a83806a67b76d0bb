/**
 * The state store: the one place cross-request state lives (the read cache and AdStat's quota
 * ledger today; tokens and idempotency records can follow). Small on purpose, so that a Redis
 * backend can implement every operation as one command or one atomic script:
 * - `get`/`set`/`deletePrefix`: GET, SET PX, and SCAN+UNLINK (or a key set per prefix);
 * - `takeSlot`: a Lua script over a sorted set of send times plus a block key (ZREMRANGEBYSCORE,
 *   ZCARD, ZADD, PEXPIRE), so replicas sharing a login cannot overspend its budget together;
 * - `settleSlot`: ZREM + ZADD of one member (slots are members with their time as score);
 * - `block`: SET PX of the block key, kept only if later than the one already set.
 * Values are plain data; a networked backend serialises them (Dates included) with its codec.
 * The in-process backend below is the default and needs no set-up.
 */

/** A window budget: at most `limit` slots taken within any `windowMs`. */
export interface SlotRule {
  limit: number;
  windowMs: number;
}

export type SlotAnswer = { granted: true } | { granted: false; /** Epoch ms when a slot under this rule is free again. */ retryAt: number };

export interface SlotUsage {
  /** Slots taken within the window. */
  used: number;
  /** Epoch ms until which the key is blocked (0: not blocked). */
  blockedUntil: number;
}

export interface StateStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Stores `value` for `ttlMs` (after which it is gone). */
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** Deletes every key starting with one of the prefixes. */
  deletePrefix(...prefixes: string[]): Promise<void>;
  /**
   * Atomically: unless the key is blocked, and if fewer than `rule.limit` slots were taken within
   * `rule.windowMs` before `nowMs`, takes one at `nowMs`. Otherwise says when to ask again.
   */
  takeSlot(key: string, rule: SlotRule, nowMs: number): Promise<SlotAnswer>;
  /**
   * Moves a slot taken at `takenAt` to `atMs` (when its call was answered): the provider counted the
   * call somewhere between the two, so the window is measured from the later time.
   */
  settleSlot(key: string, takenAt: number, atMs: number): Promise<void>;
  /** No slot on the key is granted before `untilMs` (a later block wins over an earlier one). */
  block(key: string, untilMs: number): Promise<void>;
  usage(key: string, windowMs: number, nowMs: number): Promise<SlotUsage>;
  /** Forgets every value (not the ledger): for tests and operators. */
  clearValues(): Promise<void>;
  /**
   * Write generations, one counter per invalidated key prefix (HINCRBY/HGETALL of one hash): the
   * response cache keeps whole answers in each replica's memory and checks them against these on
   * every hit, so a write on one replica outdates the answers of all of them.
   */
  bumpGeneration(prefix: string): Promise<void>;
  generations(): Promise<ReadonlyMap<string, number>>;
  /**
   * Shared backends only: a short lock on a value key, so one replica reads upstream while the
   * others wait for its answer ('busy': someone holds it; undefined: cannot lock now, go ahead).
   */
  lock?(key: string, ttlMs: number): Promise<StoreLock | 'busy' | undefined>;
  /** Whether someone still holds the lock on the key. */
  locked?(key: string): Promise<boolean>;
}

export interface StoreLock {
  release(): Promise<void>;
}

interface ValueEntry {
  value: unknown;
  expiresAt: number;
}

interface Ledger {
  /** Send times, oldest first. */
  times: number[];
  blockedUntil: number;
}

/**
 * The in-process backend. Hand-written rather than a library (lru-cache and friends) because the
 * ledger operation is the point, and the value side is a bounded Map; every method does its work
 * synchronously before it returns, so calls from one process apply in the order they were made.
 */
export class MemoryStateStore implements StateStore {
  private readonly values = new Map<string, ValueEntry>();
  private readonly ledgers = new Map<string, Ledger>();
  private readonly gens = new Map<string, number>();
  private slotsTaken = 0;

  constructor(
    private readonly maxValues = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.values.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    this.values.delete(key);
    if (ttlMs <= 0) return;
    this.values.set(key, { value, expiresAt: this.now() + ttlMs });
    // Bounded: the least recently written go first.
    while (this.values.size > this.maxValues) {
      const oldest = this.values.keys().next().value;
      if (oldest === undefined) break;
      this.values.delete(oldest);
    }
  }

  async deletePrefix(...prefixes: string[]): Promise<void> {
    for (const key of [...this.values.keys()]) {
      if (prefixes.some((p) => key.startsWith(p))) this.values.delete(key);
    }
  }

  async takeSlot(key: string, rule: SlotRule, nowMs: number): Promise<SlotAnswer> {
    const ledger = this.ledger(key);
    if (ledger.blockedUntil > nowMs) return { granted: false, retryAt: ledger.blockedUntil };
    prune(ledger, nowMs - rule.windowMs);
    if (ledger.times.length < rule.limit) {
      ledger.times.push(nowMs);
      if (++this.slotsTaken % 1_000 === 0) this.sweep(nowMs, rule.windowMs);
      return { granted: true };
    }
    // The slot that frees first under this rule: the one `limit` places from the newest.
    const freeing = ledger.times[ledger.times.length - rule.limit]!;
    return { granted: false, retryAt: freeing + rule.windowMs };
  }

  async settleSlot(key: string, takenAt: number, atMs: number): Promise<void> {
    const ledger = this.ledgers.get(key);
    if (!ledger || atMs <= takenAt) return;
    const index = ledger.times.indexOf(takenAt);
    if (index < 0) return;
    ledger.times.splice(index, 1);
    let at = ledger.times.length;
    while (at > 0 && ledger.times[at - 1]! > atMs) at -= 1;
    ledger.times.splice(at, 0, atMs);
  }

  async block(key: string, untilMs: number): Promise<void> {
    const ledger = this.ledger(key);
    ledger.blockedUntil = Math.max(ledger.blockedUntil, untilMs);
  }

  async usage(key: string, windowMs: number, nowMs: number): Promise<SlotUsage> {
    const ledger = this.ledgers.get(key);
    if (!ledger) return { used: 0, blockedUntil: 0 };
    // Counted, not pruned: the window asked about may be shorter than the one slots are taken in.
    const start = nowMs - windowMs;
    const used = ledger.times.filter((t) => t > start).length;
    return { used, blockedUntil: ledger.blockedUntil > nowMs ? ledger.blockedUntil : 0 };
  }

  async clearValues(): Promise<void> {
    this.values.clear();
  }

  async bumpGeneration(prefix: string): Promise<void> {
    this.gens.set(prefix, (this.gens.get(prefix) ?? 0) + 1);
  }

  async generations(): Promise<ReadonlyMap<string, number>> {
    return this.gens;
  }

  get size(): number {
    return this.values.size;
  }

  private ledger(key: string): Ledger {
    let ledger = this.ledgers.get(key);
    if (!ledger) this.ledgers.set(key, (ledger = { times: [], blockedUntil: 0 }));
    return ledger;
  }

  /** Detail paths are one per item: forget idle ledgers now and then so the map stays small. */
  private sweep(nowMs: number, windowMs: number): void {
    for (const [key, ledger] of this.ledgers) {
      if (ledger.blockedUntil <= nowMs && (ledger.times.length === 0 || ledger.times[ledger.times.length - 1]! <= nowMs - windowMs)) {
        this.ledgers.delete(key);
      }
    }
  }
}

function prune(ledger: Ledger, windowStart: number): void {
  let drop = 0;
  while (drop < ledger.times.length && ledger.times[drop]! <= windowStart) drop += 1;
  if (drop > 0) ledger.times.splice(0, drop);
}
