/**
 * The AdStat client for one configured login: every call goes through the per-path rate limiter,
 * carries a fresh Bearer token, is validated against its wire schema and comes back as domain
 * objects or a typed ProviderError. Resources stay thin; the request path is `call`.
 */
import type { AdstatLogin } from '../../config.js';
import type { Account, AccountDetails, AdvertisementSummary, Page } from '../../domain/model.js';
import { ProviderError } from '../errors.js';
import { isRetryable, parseWire, type HttpLayer, type UpstreamResponse } from '../http.js';
import { AdstatSession, statusError } from './auth.js';
import { advertisementFromRow, cabinetDetails, cabinetFromName } from './map.js';
import { PathRateLimiter, type RateLimitOptions } from './rate-limit.js';
import * as wire from './wire.js';
import type { z } from 'zod';

export interface AdstatClientOptions {
  login: AdstatLogin;
  http: HttpLayer;
  baseUrl: string;
  clientApiBaseUrl: string;
  /** How long a call may wait for a rate-limit slot before failing with RATE_LIMITED. */
  rateLimitMaxWaitMs: number;
  /** Overrides of the documented limit, for tests that shrink the window. */
  rateLimit?: Partial<RateLimitOptions>;
  now?: () => number;
}

type Endpoint = { method: 'GET' | 'POST' | 'PUT'; path: string; host: 'client' | 'clientapi' };

interface CallOptions<T> {
  params?: Record<string, string | number>;
  query?: URLSearchParams;
  json?: unknown;
  schema: z.ZodType<T>;
}

export interface AdvertisementListFilter {
  period: wire.WirePeriod;
  showDeleted: boolean;
  titles: readonly string[];
  campaignNames: readonly string[];
}

export class AdstatClient {
  readonly id: string;
  readonly session: AdstatSession;
  private readonly limiter: PathRateLimiter;

  constructor(private readonly options: AdstatClientOptions) {
    this.id = options.login.id;
    this.session = new AdstatSession(options.login, options.http, options.baseUrl, options.now);
    this.limiter = new PathRateLimiter(
      {
        max: wire.LIMITS.rateLimitMax,
        windowMs: wire.LIMITS.rateLimitWindowMs,
        blockMs: wire.LIMITS.rateLimitBlockMs,
        marginMs: 1_000,
        ...options.rateLimit,
      },
      options.now,
    );
  }

  get label(): string {
    return this.options.login.label;
  }

  /** One documented call: rate limit → token → send → (one renewal on 401, one retry on a transient failure) → schema. */
  async call<T>(endpoint: Endpoint, options: CallOptions<T>): Promise<T> {
    const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = options.params?.[name];
      if (value === undefined) throw new Error(`missing path parameter ${name} for ${endpoint.path}`);
      return encodeURIComponent(String(value));
    });
    const base = endpoint.host === 'clientapi' ? this.options.clientApiBaseUrl : this.options.baseUrl;
    const query = options.query && [...options.query.keys()].length > 0 ? `?${options.query.toString()}` : '';
    const endpointName = `${endpoint.method} ${endpoint.path}`;
    const context = { provider: 'AdStat' as const, endpoint: endpointName, account: this.id };

    let renewed = false;
    let retried = false;
    for (;;) {
      await this.limiter.acquire(path, this.options.rateLimitMaxWaitMs, context);
      const token = await this.session.token();
      let response: UpstreamResponse;
      try {
        response = await this.options.http.send({
          ...context,
          method: endpoint.method,
          url: base + path + query,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
        });
      } catch (error) {
        if (endpoint.method === 'GET' && !retried && isRetryable(error)) {
          retried = true;
          continue;
        }
        throw error;
      }
      if (response.status === 401 && !renewed) {
        // The token expired early or was revoked: renew once (refresh, else log in) and resend.
        this.session.invalidate(token);
        renewed = true;
        continue;
      }
      if (response.status === 429) this.limiter.block(path);
      if (response.status < 200 || response.status >= 300) {
        const error = statusError(response.status, response.json, context);
        if (endpoint.method === 'GET' && !retried && isRetryable(error)) {
          retried = true;
          continue;
        }
        throw error;
      }
      return parseWire(options.schema, response.json, { ...context, status: response.status });
    }
  }

  // ---- cabinets ----

  async cabinets(): Promise<Account[]> {
    const names = await this.call(wire.ENDPOINTS.cabinetNames, { schema: wire.cabinetNames });
    return names.map((n) => cabinetFromName(this.id, n));
  }

  async cabinet(accountUid: string): Promise<Account> {
    const one = await this.call(wire.ENDPOINTS.cabinet, { params: { account_uid: accountUid }, schema: wire.cabinetName });
    return cabinetFromName(this.id, one);
  }

  /** Status, balances and legal data of every cabinet (the detailed list, walked past its page cap), by cabinet id. */
  async cabinetDetails(): Promise<Map<string, AccountDetails>> {
    const page = await this.walk((offset, limit) =>
      this.call(wire.ENDPOINTS.cabinets, {
        query: new URLSearchParams({ offset: String(offset), limit: String(limit) }),
        schema: wire.cabinetList,
      }).then((p) => ({ items: p.items, total: p.count })),
    );
    return new Map(page.items.map((item) => [item.account_id, cabinetDetails(item)]));
  }

  // ---- advertisements ----

  /**
   * Advertisements of all the login's cabinets from `offset`, `count` of them, walking the list in
   * pages of at most 500 (the documented cap). The list reports no total: `hasMore` is exact when
   * one more row fits in the last page we fetch anyway, otherwise it assumes more after a full page.
   */
  async advertisements(offset: number, count: number, filter: AdvertisementListFilter): Promise<Page<AdvertisementSummary>> {
    const page = await this.walk(
      (pageOffset, limit) => {
        const query = new URLSearchParams({
          show_deleted: String(filter.showDeleted),
          period: filter.period,
          offset: String(pageOffset),
          limit: String(limit),
        });
        // The page shows `advertisement_titles=&campaign_names=`: one comma-separated value each.
        if (filter.titles.length) query.set('advertisement_titles', filter.titles.join(','));
        if (filter.campaignNames.length) query.set('campaign_names', filter.campaignNames.join(','));
        return this.call(wire.ENDPOINTS.advertisements, { query, schema: wire.advertisementList }).then((p) => ({ items: p.data, total: null }));
      },
      offset,
      count,
    );
    return { ...page, items: page.items.map((row) => advertisementFromRow(this.id, row)) };
  }

  /**
   * Walks an offset/limit list: pages of at most the documented cap, one more row requested where
   * it costs no extra call, stopping at a short page or the reported total.
   */
  async walk<T>(
    fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total: number | null }>,
    offset = 0,
    count = Number.POSITIVE_INFINITY,
  ): Promise<Page<T>> {
    const cap = wire.LIMITS.maxPageSize;
    const items: T[] = [];
    let total: number | null = null;
    let hasMore = false;
    let cursor = offset;
    while (items.length < count) {
      const remaining = count - items.length;
      // Ask one extra row when it still fits in this page: it tells "more" from "end" for free.
      const limit = Math.min(cap, remaining + 1);
      const page = await fetchPage(cursor, limit);
      total = page.total ?? total;
      const take = page.items.slice(0, remaining);
      items.push(...take);
      cursor += page.items.length;
      if (page.items.length > remaining) {
        hasMore = true;
        break;
      }
      if (page.items.length < limit || (total !== null && cursor >= total)) {
        hasMore = false;
        break;
      }
      if (items.length >= count) {
        // A full page ended exactly at `count`: without a total we cannot know, so assume more.
        hasMore = total === null ? true : cursor < total;
        break;
      }
    }
    return { items, hasMore, total };
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ProviderError && error.code === 'NOT_FOUND';
}
