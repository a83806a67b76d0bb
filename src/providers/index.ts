/**
 * The provider registry: one shared HTTP layer and one client per configured AdStat login and
 * TON.ai key. Built once at start; resolvers reach providers only through it.
 */
import type { Config } from '../config.js';
import { AdstatClient, type AdstatClientOptions } from './adstat/client.js';
import type { PlannerStats } from './adstat/planner.js';
import { SharedCache } from './cache.js';
import { clockFrom, type Clock } from './clock.js';
import { MemoryStateStore, type StateStore } from '../state/store.js';
import { HttpLayer } from './http.js';
import { IdempotencyStore } from './idempotency.js';
import type { IdempotencyRecords } from './idempotency-records.js';
import { TonaiClient } from './tonai/client.js';
import { RedisIdempotencyRecords, RedisStateStore, RedisTokenStore, type RedisConnection } from '../state/redis.js';
import { registerSecret } from '../security/mask.js';

export interface ProviderOverrides {
  /** For tests: a shrunken AdStat rate-limit window, an injected clock. */
  adstat?: Pick<AdstatClientOptions, 'rateLimit' | 'now'>;
  /** Time for the planner, the cache and the clients (tests, the quota benchmark). */
  clock?: Clock;
  /** Idempotency records shared with other instances (tests of several replicas; later a shared store). */
  idempotencyRecords?: IdempotencyRecords;
}

export interface SharedState {
  /** REDIS_URL's connection: the state store, idempotency records and AdStat tokens live there. */
  redis?: RedisConnection;
}

export class Providers {
  readonly http: HttpLayer;
  readonly clock: Clock;
  /** Cross-request state: the read cache and AdStat's quota ledger (in-process by default). */
  readonly store: StateStore;
  /** The longest an upload create can take (for idempotency records of uploads). */
  readonly uploadAttemptMs: number;
  /** Shared across requests: identical reads coalesce, answers live for the configured TTLs. */
  readonly cache: SharedCache;
  /** Client idempotency keys of creates, across requests. */
  readonly idempotency: IdempotencyStore;
  readonly adstat: ReadonlyMap<string, AdstatClient>;
  readonly tonai: ReadonlyMap<string, TonaiClient>;

  /** The Redis connection when state is shared (closed with the providers). */
  readonly redis: RedisConnection | undefined;

  constructor(config: Config, overrides: ProviderOverrides = {}, shared: SharedState = {}) {
    this.http = new HttpLayer(config.http);
    this.clock = clockFrom(overrides.adstat?.now, overrides.clock);
    this.redis = shared.redis;
    const now = () => this.clock.now();
    this.store = shared.redis ? new RedisStateStore(shared.redis, now) : new MemoryStateStore(5_000, now);
    const records = overrides.idempotencyRecords ?? (shared.redis ? new RedisIdempotencyRecords(shared.redis) : undefined);
    const sharedTokens = shared.redis ? new RedisTokenStore(shared.redis, now) : undefined;
    this.cache = new SharedCache({ store: this.store, clock: this.clock, ...(config.cache.staleMaxMs !== undefined ? { staleMaxMs: config.cache.staleMaxMs } : {}) });
    this.uploadAttemptMs = config.http.uploadDeadlineMs + 2 * config.http.deadlineMs + config.rateLimitMaxWaitMs;
    this.idempotency = new IdempotencyStore({
      ...config.idempotency,
      // A JSON create: a login, a token refresh and the create itself, each within its deadline, after a rate-limit wait.
      maxAttemptMs: 3 * config.http.deadlineMs + config.rateLimitMaxWaitMs,
      now: () => this.clock.now(),
      ...(records ? { records } : {}),
    });
    // Whatever a provider echoes back, these never leave adgraph (security/mask.ts).
    for (const login of config.adstat.logins) registerSecret(login.password);
    for (const key of config.tonai.keys) registerSecret(key.apiKey);
    this.adstat = new Map(
      config.adstat.logins.map((login) => [
        login.id,
        new AdstatClient({
          login,
          http: this.http,
          baseUrl: config.adstat.baseUrl,
          clientApiBaseUrl: config.adstat.clientApiBaseUrl,
          rateLimitMaxWaitMs: config.rateLimitMaxWaitMs,
          cache: this.cache,
          ttl: config.cache,
          clock: this.clock,
          ...(sharedTokens ? { sharedTokens } : {}),
          ...overrides.adstat,
          rateLimit: { ...config.adstatBudget, ...overrides.adstat?.rateLimit },
        }),
      ]),
    );
    this.tonai = new Map(config.tonai.keys.map((key) => [key.id, new TonaiClient({ key, http: this.http, baseUrl: config.tonai.baseUrl, cache: this.cache, ttl: config.cache })]));
  }

  /** AdStat's quota figures per login: plain counters, for metrics and benchmarks. */
  adstatQuota(): Record<string, PlannerStats> {
    return Object.fromEntries([...this.adstat].map(([id, client]) => [id, client.planner.stats]));
  }

  async close(): Promise<void> {
    await this.http.close();
    await this.redis?.close();
  }
}
