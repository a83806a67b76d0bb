/**
 * The Redis backend of the shared state (REDIS_URL), with ioredis: the read cache and its
 * cross-replica in-flight lock, AdStat's quota ledger (atomic Lua scripts registered with
 * defineCommand, so replicas sharing a login never overspend it together and all respect a block),
 * idempotency records (GET, SET NX PX, compare-and-set scripts on the attempt id) and AdStat tokens.
 *
 * When Redis is lost while running, the read side degrades to this replica's memory (logged once at
 * WARN, and again when Redis is back), while idempotency records refuse with a typed error: a create
 * that cannot see the shared record could duplicate one another replica made.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ConfigError } from '../config.js';
import { log } from '../log.js';
import { IdempotencyUnavailable, type IdempotencyRecord, type IdempotencyRecords } from '../providers/idempotency-records.js';
import { maskUrlCredentials } from '../security/mask.js';
import { decode, encode } from './codec.js';
import { MemoryStateStore, type SlotAnswer, type SlotRule, type SlotUsage, type StateStore, type StoreLock } from './store.js';

const NS = 'adgraph:';
const VALUE = `${NS}v:`;
const LEDGER = `${NS}l:`;
const BLOCK = `${NS}b:`;
const LOCK = `${NS}lock:`;
const RECORD = `${NS}idem:`;
const TOKEN = `${NS}token:`;
const GENERATIONS = `${NS}gen`;

const TAKE_SLOT = `
local now = tonumber(ARGV[1])
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then return {0, blocked} end
local limit = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return {1, 0}
end
local freeing = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
return {0, tonumber(freeing[2]) + window}`;

const SETTLE_SLOT = `
local taken = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
if #taken == 0 then return 0 end
redis.call('ZREM', KEYS[1], taken[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

const BLOCK_UNTIL = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1`;

/** Replaces (ARGV[2] set) or deletes the record only while its attempt is ARGV[1]. */
const RECORD_CAS = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, record = pcall(cjson.decode, current)
if not ok or record.attempt ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return 1`;

/** Deletes a lock only while it still holds this owner's token. */
const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface Scripts {
  adgraphTakeSlot(ledger: string, block: string, now: number, limit: number, windowMs: number, member: string, ttlMs: number): Promise<[number, number]>;
  adgraphSettleSlot(ledger: string, takenAt: number, atMs: number, member: string, ttlMs: number): Promise<number>;
  adgraphBlock(block: string, untilMs: number, ttlMs: number): Promise<number>;
  adgraphRecordCas(key: string, expected: string, text: string, ttlMs: number): Promise<number>;
  adgraphUnlock(key: string, owner: string): Promise<number>;
}

/** Keeps every command short: a Redis that hangs must degrade reads, not stall them. */
const COMMAND_TIMEOUT_MS = 2_000;

/** What went wrong with Redis, counted for `/metrics` (src/observability reads it at scrape time). */
export interface RedisStats {
  /** The connection closed while adgraph was not shutting down. */
  connectionsLost: number;
  /** Commands that failed or timed out while connected. */
  commandsFailed: number;
  /** Store operations answered from this replica's memory because Redis could not answer. */
  localFallbacks: number;
  /** Idempotency-record operations refused (IdempotencyUnavailable) because Redis could not answer. */
  recordsRefused: number;
}

/** One ioredis connection and whether it is usable now. */
export class RedisConnection {
  /** Whether the loss was logged (so it is logged once, and the recovery once). */
  private degraded = false;
  private closing = false;
  readonly stats: RedisStats = { connectionsLost: 0, commandsFailed: 0, localFallbacks: 0, recordsRefused: 0 };
  /** Told when the connection is lost and when it is ready again (readiness, src/observability). */
  private readonly listeners: ((up: boolean) => void)[] = [];

  private constructor(
    readonly client: Redis & Scripts,
    readonly url: string,
  ) {
    client.on('ready', () => {
      this.ok();
      this.tell(true);
    });
    client.on('close', () => {
      if (this.closing) return;
      this.stats.connectionsLost += 1;
      this.failed('connection closed');
      this.tell(false);
    });
    // Errors come with a close or a failed command; both are handled, so none is unhandled.
    client.on('error', () => undefined);
  }

  /** Connects, or throws ConfigError naming the URL (credentials masked), like other start-up problems. */
  static async connect(url: string): Promise<RedisConnection> {
    const masked = maskUrlCredentials(url);
    let started = false;
    const client = new Redis(url, {
      lazyConnect: true,
      // Fail fast instead of queueing: while Redis is away, reads use memory and keyed creates refuse.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 3_000,
      // At start one try (a wrong URL must stop the process); later, keep reconnecting.
      retryStrategy: (times) => (started ? Math.min(100 * times, 2_000) : null),
    }) as Redis & Scripts;
    // The socket's error (ECONNREFUSED, ENOTFOUND, a refused password) says more than the rejection.
    let cause: Error | undefined;
    client.on('error', (error: Error) => {
      cause ??= error;
    });
    try {
      await client.connect();
      await client.ping();
    } catch (error) {
      client.disconnect();
      const err = (cause ?? error) as NodeJS.ErrnoException;
      const reason = maskUrlCredentials(err.code ?? err.message ?? 'error');
      throw new ConfigError([`REDIS_URL: cannot connect to Redis at ${masked} (${reason})`]);
    }
    started = true;
    client.defineCommand('adgraphTakeSlot', { numberOfKeys: 2, lua: TAKE_SLOT });
    client.defineCommand('adgraphSettleSlot', { numberOfKeys: 1, lua: SETTLE_SLOT });
    client.defineCommand('adgraphBlock', { numberOfKeys: 1, lua: BLOCK_UNTIL });
    client.defineCommand('adgraphRecordCas', { numberOfKeys: 1, lua: RECORD_CAS });
    client.defineCommand('adgraphUnlock', { numberOfKeys: 1, lua: UNLOCK });
    return new RedisConnection(client, masked);
  }

  /** Calls `listener(false)` when the connection is lost and `listener(true)` when it is back. */
  onStateChange(listener: (up: boolean) => void): void {
    this.listeners.push(listener);
  }

  private tell(up: boolean): void {
    for (const listener of this.listeners) listener(up);
  }

  /** Answers when Redis does (the readiness check); rejects saying why, without the URL's credentials. */
  async check(): Promise<void> {
    if (!this.usable) throw new Error(`not connected to Redis (${this.client.status})`);
    try {
      await this.client.ping();
    } catch (error) {
      throw new Error(`Redis did not answer a PING (${maskUrlCredentials(error instanceof Error ? error.message : String(error))})`);
    }
  }

  /** Connected now (ioredis reconnects by itself; while it does, nothing is queued). */
  get usable(): boolean {
    return this.client.status === 'ready';
  }

  /** A command answered: if the loss was logged, log the recovery. */
  ok(): void {
    if (!this.degraded || this.closing) return;
    this.degraded = false;
    log.warn('redis: shared state in use again', { url: this.url });
  }

  /** A command failed or the connection closed: logged once per loss, at WARN. */
  failed(what: string, error?: unknown): void {
    if (this.closing || this.degraded) return;
    this.degraded = true;
    log.warn('redis: shared state lost; reads use this replica’s memory, creates with an idempotency key are refused', {
      url: this.url,
      during: what,
      ...(error ? { error: maskUrlCredentials(error instanceof Error ? error.message : String(error)) } : {}),
    });
  }

  /** Takes the lock `name` for `ttlMs` unless someone holds it; undefined when Redis cannot say. */
  async lock(name: string, ttlMs: number): Promise<StoreLock | 'busy' | undefined> {
    if (!this.usable) return undefined;
    const owner = randomUUID();
    try {
      const taken = await this.client.set(LOCK + name, owner, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
      if (taken !== 'OK') return 'busy';
    } catch (error) {
      this.failed('lock', error);
      return undefined;
    }
    return {
      release: async () => {
        if (!this.usable) return;
        await this.client.adgraphUnlock(LOCK + name, owner).catch((error: unknown) => this.failed('unlock', error));
      },
    };
  }

  async locked(name: string): Promise<boolean> {
    if (!this.usable) return false;
    try {
      return (await this.client.exists(LOCK + name)) === 1;
    } catch (error) {
      this.failed('lock check', error);
      return false;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}

/**
 * StateStore over Redis. While Redis is unusable every operation falls back to an in-process
 * MemoryStateStore (values and ledger of this replica only), so reads keep working.
 */
export class RedisStateStore implements StateStore {
  private readonly local: MemoryStateStore;

  constructor(
    private readonly redis: RedisConnection,
    private readonly now: () => number = Date.now,
  ) {
    this.local = new MemoryStateStore(5_000, now);
  }

  private async shared<R>(what: string, op: (client: RedisConnection['client']) => Promise<R>, fallback: () => Promise<R>): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      if (!this.redis.usable) {
        this.redis.stats.localFallbacks += 1;
        return fallback();
      }
      try {
        const result = await op(this.redis.client);
        this.redis.ok();
        return result;
      } catch (error) {
        this.redis.stats.commandsFailed += 1;
        // Still connected: a late reply (a busy event loop fires the command timeout first) is worth
        // one more try before this replica answers from its own memory (and its own ledger).
        if (attempt === 0 && this.redis.usable) continue;
        this.redis.failed(what, error);
        this.redis.stats.localFallbacks += 1;
        return fallback();
      }
    }
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.shared(
      'get',
      async (c) => {
        const text = await c.get(VALUE + key);
        return text === null ? undefined : decode<T>(text);
      },
      () => this.local.get<T>(key),
    );
  }

  set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    return this.shared(
      'set',
      async (c) => {
        if (ttlMs <= 0) await c.del(VALUE + key);
        else await c.set(VALUE + key, encode(value), 'PX', Math.ceil(ttlMs));
      },
      () => this.local.set(key, value, ttlMs),
    );
  }

  async deletePrefix(...prefixes: string[]): Promise<void> {
    await this.local.deletePrefix(...prefixes);
    for (const prefix of prefixes) await this.shared('delete', (c) => unlinkMatching(c, VALUE + globEscape(prefix) + '*'), async () => undefined);
  }

  takeSlot(key: string, rule: SlotRule, nowMs: number): Promise<SlotAnswer> {
    return this.shared(
      'take slot',
      async (c) => {
        const [granted, retryAt] = await c.adgraphTakeSlot(LEDGER + key, BLOCK + key, nowMs, rule.limit, rule.windowMs, member(nowMs), ledgerTtl(rule.windowMs));
        return granted === 1 ? { granted: true as const } : { granted: false as const, retryAt: Number(retryAt) };
      },
      () => this.local.takeSlot(key, rule, nowMs),
    );
  }

  settleSlot(key: string, takenAt: number, atMs: number): Promise<void> {
    if (atMs <= takenAt) return Promise.resolve();
    return this.shared(
      'settle slot',
      async (c) => {
        await c.adgraphSettleSlot(LEDGER + key, takenAt, atMs, member(atMs), ledgerTtl(atMs - takenAt));
      },
      () => this.local.settleSlot(key, takenAt, atMs),
    );
  }

  block(key: string, untilMs: number): Promise<void> {
    return this.shared(
      'block',
      async (c) => {
        // The block key outlives the block a little; the script compares times, not the TTL.
        await c.adgraphBlock(BLOCK + key, untilMs, Math.max(1, untilMs - this.now()) + 60_000);
      },
      () => this.local.block(key, untilMs),
    );
  }

  usage(key: string, windowMs: number, nowMs: number): Promise<SlotUsage> {
    return this.shared(
      'usage',
      async (c) => {
        const [used, blocked] = await Promise.all([c.zcount(LEDGER + key, `(${nowMs - windowMs}`, '+inf'), c.get(BLOCK + key)]);
        const blockedUntil = Number(blocked ?? 0);
        return { used, blockedUntil: blockedUntil > nowMs ? blockedUntil : 0 };
      },
      () => this.local.usage(key, windowMs, nowMs),
    );
  }

  async clearValues(): Promise<void> {
    await this.local.clearValues();
    await this.shared('clear', (c) => unlinkMatching(c, `${VALUE}*`), async () => undefined);
  }

  bumpGeneration(prefix: string): Promise<void> {
    return this.shared(
      'bump generation',
      async (c) => {
        await c.hincrby(GENERATIONS, prefix, 1);
      },
      () => this.local.bumpGeneration(prefix),
    );
  }

  generations(): Promise<ReadonlyMap<string, number>> {
    return this.shared(
      'generations',
      async (c) => new Map(Object.entries(await c.hgetall(GENERATIONS)).map(([k, v]) => [k, Number(v)])),
      () => this.local.generations(),
    );
  }

  lock(key: string, ttlMs: number): Promise<StoreLock | 'busy' | undefined> {
    return this.redis.lock(`v:${key}`, ttlMs);
  }

  locked(key: string): Promise<boolean> {
    return this.redis.locked(`v:${key}`);
  }
}

/** Idempotency records in Redis; when Redis cannot answer, a typed refusal, never a local guess. */
export class RedisIdempotencyRecords implements IdempotencyRecords {
  constructor(private readonly redis: RedisConnection) {}

  private async call<R>(what: string, beforeSending: boolean, op: (client: RedisConnection['client']) => Promise<R>): Promise<R> {
    if (!this.redis.usable) {
      this.redis.stats.recordsRefused += 1;
      throw new IdempotencyUnavailable(beforeSending);
    }
    try {
      const result = await op(this.redis.client);
      this.redis.ok();
      return result;
    } catch (error) {
      this.redis.stats.commandsFailed += 1;
      this.redis.stats.recordsRefused += 1;
      this.redis.failed(what, error);
      throw new IdempotencyUnavailable(beforeSending, { cause: error });
    }
  }

  get(id: string): Promise<IdempotencyRecord | undefined> {
    return this.call('idempotency get', true, async (c) => {
      const text = await c.get(RECORD + id);
      return text === null ? undefined : decode<IdempotencyRecord>(text);
    });
  }

  putIfAbsent(id: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    return this.call('idempotency put', true, async (c) => (await c.set(RECORD + id, encode(record), 'PX', Math.ceil(ttlMs), 'NX')) === 'OK');
  }

  update(id: string, expected: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    return this.call('idempotency update', false, async (c) => (await c.adgraphRecordCas(RECORD + id, expected, encode(record), Math.ceil(ttlMs))) === 1);
  }

  delete(id: string, expected: string): Promise<boolean> {
    return this.call('idempotency delete', false, async (c) => (await c.adgraphRecordCas(RECORD + id, expected, '', 0)) === 1);
  }
}

/** AdStat tokens of one login, shared by the replicas (so they log in once, not once each). */
export interface SharedToken {
  access: string;
  expiresAt: number;
  refresh?: string;
}

export class RedisTokenStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly now: () => number = Date.now,
  ) {}

  async read(login: string): Promise<SharedToken | undefined> {
    if (!this.redis.usable) return undefined;
    try {
      const text = await this.redis.client.get(TOKEN + login);
      return text === null ? undefined : decode<SharedToken>(text);
    } catch (error) {
      this.redis.failed('token read', error);
      return undefined;
    }
  }

  async write(login: string, token: SharedToken): Promise<void> {
    if (!this.redis.usable) return;
    // Kept a day at most: the refresh token outlives the access token; the session checks expiry itself.
    const ttl = Math.min(24 * 3_600_000, Math.max(1_000, token.expiresAt - this.now() + 3_600_000));
    await this.redis.client.set(TOKEN + login, encode(token), 'PX', ttl).catch((error: unknown) => this.redis.failed('token write', error));
  }

  async forget(login: string, access: string): Promise<void> {
    const stored = await this.read(login);
    if (stored?.access === access) await this.redis.client.del(TOKEN + login).catch((error: unknown) => this.redis.failed('token forget', error));
  }

  lock(login: string, ttlMs: number): Promise<StoreLock | 'busy' | undefined> {
    return this.redis.lock(`token:${login}`, ttlMs);
  }
}

/** Slot members are unique (replicas may take slots in the same millisecond); the score is the time. */
function member(atMs: number): string {
  return `${atMs}:${randomUUID()}`;
}

function ledgerTtl(windowMs: number): number {
  return Math.max(windowMs, 1) * 2 + 60_000;
}

function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

async function unlinkMatching(client: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await client.unlink(...keys);
  } while (cursor !== '0');
}
