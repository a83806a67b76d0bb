/**
 * Exactly-once creates with client keys, as Stripe's idempotency keys promise. The key is recorded
 * before the provider is called (in flight → done, with the answer), so a retry (a timed-out request,
 * a double click) returns the first answer instead of creating twice, and the same key with other
 * input is refused. A concurrent retry waits for the first attempt, or is told it is in progress.
 * When the attempt's outcome is unknown (no answer in time, the connection lost after sending) the
 * key is kept as "unknown": the next retry first looks for what the attempt would have made, returns
 * it when found, sends again only once it can tell nothing was made, and otherwise answers that the
 * outcome is unknown with what the client can check. A failure the provider answered (a refusal) is
 * forgotten, so the client can correct and retry.
 *
 * Records live behind IdempotencyRecords (idempotency-records.ts) so they can move to a shared store
 * without changing this logic. Hand-written: no maintained library implements key reconciliation
 * against a third-party API that has no idempotency of its own.
 */
import { randomUUID } from 'node:crypto';
import { remainingMs } from './deadline.js';
import type { ProviderName } from './errors.js';
import { MemoryIdempotencyRecords, type IdempotencyRecord, type IdempotencyRecords, type JsonValue } from './idempotency-records.js';
import { WriteOutcomeUnknown } from './outcome.js';

export class IdempotencyConflict extends Error {
  constructor(readonly key: string) {
    super(`idempotency key "${key}" was already used with different input; use a new key for a new request`);
    this.name = 'IdempotencyConflict';
  }
}

/** Another attempt with the same key is still running (in this process or another). */
export class IdempotencyInProgress extends Error {
  constructor(
    readonly key: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`a request with idempotency key "${key}" is still in progress; retry with the same key in ${retryAfterSeconds} s to get its result`);
    this.name = 'IdempotencyInProgress';
  }
}

/** What a retry found when it looked for the object an attempt in doubt would have made. */
export type Reconciliation<S extends JsonValue> =
  /** Found: this is the attempt's result. */
  | { kind: 'found'; saved: S }
  /** Nothing matching exists. */
  | { kind: 'absent' }
  /** Several objects match and none can be told apart as this attempt's. */
  | { kind: 'ambiguous'; candidates: string[] };

/** What a provider knows about one kind of create: how to send it, keep its answer and look for it. */
export type CreateOperation<T, S extends JsonValue> = Omit<KeyedCreate<T, S>, 'scope' | 'key' | 'input'>;

export interface KeyedCreate<T, S extends JsonValue> {
  /** Keys are per scope: provider, connection and operation. */
  scope: string;
  /** The provider, configured account and documented endpoint of the create (for OutcomeUnknown). */
  provider: ProviderName;
  account: string;
  endpoint: string;
  key: string | null | undefined;
  /** The input the key stands for (compared on retries). */
  input: unknown;
  send(): Promise<T>;
  /** The part of the result kept for retries (JSON: records may live outside the process). */
  save(result: T): S;
  load(saved: S): T;
  /**
   * Notes, just before sending, what already exists that the attempt could be mistaken for (for
   * providers whose lists carry no creation time). Kept with the key and given to `reconcile`.
   */
  before?(): Promise<JsonValue>;
  /** Looks upstream for the object an attempt sent at `sentAt` would have made. */
  reconcile(sentAt: Date, before: JsonValue | undefined): Promise<Reconciliation<S>>;
  /** For people: what to look at to find out whether the create sent at `sentAt` happened. */
  check(sentAt: Date): string;
  /** The longest an attempt can take (an upload takes longer than a JSON create). */
  maxAttemptMs?: number;
}

export interface IdempotencyOptions {
  ttlMs: number;
  /** After an attempt in doubt, how long "nothing found" is not yet proof that nothing was made. */
  settleMs: number;
  /** How long a retry waits for a concurrent attempt before answering IdempotencyInProgress. */
  waitMs: number;
  /** The longest an attempt takes unless the operation says otherwise. */
  maxAttemptMs: number;
  now?: () => number;
  records?: IdempotencyRecords;
}

const POLL_MS = 50;

export class IdempotencyStore {
  readonly records: IdempotencyRecords;
  private readonly now: () => number;
  /** Attempts running in this process, by record id: concurrent tries here share one. */
  private readonly local = new Map<string, { fingerprint: string; result: Promise<unknown> }>();
  /** Retries answered with an earlier attempt's result, in this process (read by the metrics). */
  replays = 0;

  constructor(private readonly options: IdempotencyOptions) {
    this.now = options.now ?? Date.now;
    this.records = options.records ?? new MemoryIdempotencyRecords(this.now);
  }

  async run<T, S extends JsonValue>(op: KeyedCreate<T, S>): Promise<T> {
    if (!op.key) {
      try {
        return await op.send();
      } catch (error) {
        if (error instanceof WriteOutcomeUnknown) {
          throw error.with({ check: `${op.check(error.details.sentAt)}. This create had no idempotency key: a retry may create a second one` });
        }
        throw error;
      }
    }
    const key = op.key;
    const id = `${op.scope}\u0000${key}`;
    const fingerprint = stableJson(op.input);
    // Checked and set with no await in between: of many concurrent tries here, exactly one runs.
    const running = this.local.get(id);
    if (running) {
      if (running.fingerprint !== fingerprint) throw new IdempotencyConflict(key);
      this.replays += 1;
      return running.result as Promise<T>;
    }
    const result = this.execute(id, key, fingerprint, op);
    this.local.set(id, { fingerprint, result });
    try {
      return await result;
    } finally {
      this.local.delete(id);
    }
  }

  private async execute<T, S extends JsonValue>(id: string, key: string, fingerprint: string, op: KeyedCreate<T, S>): Promise<T> {
    const waitUntil = this.now() + Math.min(this.options.waitMs, remainingMs() ?? Infinity);
    for (;;) {
      const record = await this.records.get(id);
      if (!record) {
        const attempt = randomUUID();
        const sentAt = this.now();
        if (await this.records.putIfAbsent(id, this.inFlight(fingerprint, attempt, sentAt, op), this.options.ttlMs)) {
          return this.send(id, key, fingerprint, attempt, op);
        }
        continue;
      }
      if (record.fingerprint !== fingerprint) throw new IdempotencyConflict(key);
      if (record.state === 'done') {
        this.replays += 1;
        return op.load(record.result as S);
      }
      // An attempt still held by its owner (another process): wait for it, within limits.
      if (record.state === 'in-flight' && record.heldUntil > this.now()) {
        if (this.now() >= waitUntil) throw new IdempotencyInProgress(key, Math.max(1, Math.ceil((record.heldUntil - this.now()) / 1000)));
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        continue;
      }
      // Unknown, or in flight past its owner's promise (the owner died): reconcile, as the one that claims it.
      const attempt = randomUUID();
      const claim = { ...this.inFlight(fingerprint, attempt, record.sentAt, op), ...(record.before !== undefined ? { before: record.before } : {}) };
      if (!(await this.records.update(id, record.attempt, claim, this.options.ttlMs))) continue;
      return this.reconcile(id, key, fingerprint, attempt, record, op);
    }
  }

  private inFlight<T, S extends JsonValue>(fingerprint: string, attempt: string, sentAt: number, op: KeyedCreate<T, S>): Extract<IdempotencyRecord, { state: 'in-flight' }> {
    return { state: 'in-flight', fingerprint, attempt, sentAt, heldUntil: this.now() + (op.maxAttemptMs ?? this.options.maxAttemptMs) };
  }

  private async send<T, S extends JsonValue>(id: string, key: string, fingerprint: string, attempt: string, op: KeyedCreate<T, S>): Promise<T> {
    let before: JsonValue | undefined;
    if (op.before) {
      try {
        before = await op.before();
      } catch (error) {
        await this.records.delete(id, attempt);
        throw error;
      }
      await this.records.update(id, attempt, { ...this.inFlight(fingerprint, attempt, this.now(), op), before }, this.options.ttlMs);
    }
    const sentAt = this.now();
    let result: T;
    try {
      result = await op.send();
    } catch (error) {
      if (error instanceof WriteOutcomeUnknown) {
        await this.records.update(id, attempt, { state: 'unknown', fingerprint, attempt, sentAt, ...(before !== undefined ? { before } : {}) }, this.options.ttlMs);
        throw error.with({
          idempotencyKey: key,
          check: `${op.check(new Date(sentAt))}. Or retry with the same idempotency key: adgraph looks for it first and creates only when it can tell nothing was made`,
        });
      }
      // The provider answered (a refusal, an error status) or was never reached: nothing was made.
      await this.records.delete(id, attempt);
      throw error;
    }
    await this.records.update(id, attempt, { state: 'done', fingerprint, attempt, result: op.save(result), at: this.now() }, this.options.ttlMs);
    return result;
  }

  private async reconcile<T, S extends JsonValue>(
    id: string,
    key: string,
    fingerprint: string,
    attempt: string,
    doubt: Extract<IdempotencyRecord, { sentAt: number }>,
    op: KeyedCreate<T, S>,
  ): Promise<T> {
    const sentAt = new Date(doubt.sentAt);
    const stillUnknown = async (message: string, more: { candidates?: string[]; retryAfterSeconds?: number; cause?: unknown }) => {
      await this.records.update(id, attempt, { state: 'unknown', fingerprint, attempt, sentAt: doubt.sentAt, ...(doubt.before !== undefined ? { before: doubt.before } : {}) }, this.options.ttlMs);
      return new WriteOutcomeUnknown(
        message,
        { provider: op.provider, account: op.account, endpoint: op.endpoint, reason: 'NOT_RECONCILED', sentAt, check: op.check(sentAt), idempotencyKey: key, candidates: more.candidates, retryAfterSeconds: more.retryAfterSeconds },
        more.cause === undefined ? undefined : { cause: more.cause },
      );
    };
    let found: Reconciliation<S>;
    try {
      found = await op.reconcile(sentAt, doubt.before);
    } catch (error) {
      throw await stillUnknown(`an earlier attempt with key "${key}" may have created it, and looking for it failed (${(error as Error).message}); retry later with the same key`, { retryAfterSeconds: 5, cause: error });
    }
    if (found.kind === 'found') {
      await this.records.update(id, attempt, { state: 'done', fingerprint, attempt, result: found.saved, at: this.now() }, this.options.ttlMs);
      return op.load(found.saved);
    }
    if (found.kind === 'ambiguous') {
      throw await stillUnknown(`an earlier attempt with key "${key}" may have created one of ${found.candidates.length} matching objects, and adgraph cannot tell which`, { candidates: found.candidates });
    }
    const settledAt = doubt.sentAt + this.options.settleMs;
    if (this.now() < settledAt) {
      throw await stillUnknown(`an earlier attempt with key "${key}" is not visible yet but may still be applied; retry with the same key later`, {
        retryAfterSeconds: Math.max(1, Math.ceil((settledAt - this.now()) / 1000)),
      });
    }
    // Nothing was made and the lost request can no longer land: this attempt sends again.
    await this.records.update(id, attempt, this.inFlight(fingerprint, attempt, this.now(), op), this.options.ttlMs);
    return this.send(id, key, fingerprint, attempt, op);
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
