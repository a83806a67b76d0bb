/**
 * The AdStat client for one configured login: every call goes through the per-path rate limiter,
 * carries a fresh Bearer token, is validated against its wire schema and comes back as domain
 * objects or a typed ProviderError. Resources stay thin; the request path is `call`.
 */
import type { CacheConfig, AdstatLogin } from '../../config.js';
import type {
  Account,
  AccountDetails,
  AdstatCampaign,
  AdvertisementDetails,
  AdvertisementSummary,
  Audience,
  KktuNode,
  Money,
  Page,
  PixelEvent,
} from '../../domain/model.js';
import { money } from '../../domain/values.js';
import type { SharedCache } from '../cache.js';
import { allPages, windowOverPages, type UpstreamPage } from '../paging.js';
import { ProviderError } from '../errors.js';
import { isRetryable, parseWire, type HttpLayer, type UpstreamResponse } from '../http.js';
import { AdstatSession, statusError } from './auth.js';
import {
  advertisementFromDetails,
  advertisementFromRow,
  audienceFromWire,
  cabinetDetails,
  cabinetFromName,
  campaignFromWire,
  kktuFromWire,
  pixelEventFromWire,
} from './map.js';
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
  cache: SharedCache;
  ttl: CacheConfig;
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

export interface CampaignListFilter {
  period: wire.WirePeriod;
  /** Substring of the campaign name (AdStat `campaign_name`). */
  name: string | null;
  /** AdStat `is_active`: true, false, or null for both. */
  active: boolean | null;
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

  /** A GET through the shared cache: one upstream call per key while fresh or in flight. */
  private cached<T>(endpoint: Endpoint, options: CallOptions<T>, ttlMs: number, shared = false): Promise<T> {
    const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => String(options.params?.[name] ?? ''));
    const query = options.query ? options.query.toString() : '';
    // Reference data is the same for every login; everything else is the login's own.
    const key = `${shared ? 'adstat:*' : this.cachePrefix}${path}?${query}`;
    return this.options.cache.get(key, ttlMs, () => this.call(endpoint, options));
  }

  /** Cache keys of this login's reads start with this; writes invalidate by it. */
  get cachePrefix(): string {
    return `adstat:${this.id}:`;
  }

  // ---- cabinets ----

  async cabinets(): Promise<Account[]> {
    const names = await this.cached(wire.ENDPOINTS.cabinetNames, { schema: wire.cabinetNames }, this.options.ttl.itemTtlMs);
    return names.map((n) => cabinetFromName(this.id, n));
  }

  /** Status, balances and legal data of every cabinet (the detailed list, all pages), by cabinet id. */
  async cabinetDetails(): Promise<Map<string, AccountDetails>> {
    const items = await allPages(wire.LIMITS.maxPageSize, async (index) => {
      const query = new URLSearchParams({ offset: String(index * wire.LIMITS.maxPageSize), limit: String(wire.LIMITS.maxPageSize) });
      const page = await this.cached(wire.ENDPOINTS.cabinets, { query, schema: wire.cabinetList }, this.options.ttl.itemTtlMs);
      return { rows: page.items, total: page.count };
    });
    return new Map(items.map((item) => [item.account_id, cabinetDetails(item)]));
  }

  /** The login's balances over all its cabinets (AdStat's dashboard figures). */
  async balances(): Promise<{ active: Money; available: Money; total: Money }> {
    const b = await this.cached(wire.ENDPOINTS.balances, { schema: wire.balances }, this.options.ttl.listTtlMs);
    return { active: money(b.active.amount, b.active.currency), available: money(b.available.amount, b.available.currency), total: money(b.total.amount, b.total.currency) };
  }

  // ---- advertisements ----

  private advertisementPage(index: number, filter: AdvertisementListFilter): Promise<UpstreamPage<AdvertisementSummary>> {
    const size = wire.LIMITS.maxPageSize;
    const query = new URLSearchParams({
      show_deleted: String(filter.showDeleted),
      period: filter.period,
      offset: String(index * size),
      limit: String(size),
    });
    // The page shows `advertisement_titles=&campaign_names=`: one comma-separated value each.
    if (filter.titles.length) query.set('advertisement_titles', filter.titles.join(','));
    if (filter.campaignNames.length) query.set('campaign_names', filter.campaignNames.join(','));
    const key = `${this.cachePrefix}ads?${query.toString()}`;
    return this.options.cache.get(key, this.options.ttl.listTtlMs, async () => {
      const page = await this.call(wire.ENDPOINTS.advertisements, { query, schema: wire.advertisementList });
      return { rows: page.data.map((row) => advertisementFromRow(this.id, row)), total: null };
    });
  }

  /**
   * Advertisements of all the login's cabinets from `offset`, `count` of them, read as whole
   * 500-row pages (the documented cap). The list reports no total.
   */
  advertisements(offset: number, count: number, filter: AdvertisementListFilter): Promise<Page<AdvertisementSummary>> {
    return windowOverPages(offset, count, wire.LIMITS.maxPageSize, (index) => this.advertisementPage(index, filter));
  }

  /** Every advertisement matching the filter (all pages). */
  allAdvertisements(filter: AdvertisementListFilter): Promise<AdvertisementSummary[]> {
    return allPages(wire.LIMITS.maxPageSize, (index) => this.advertisementPage(index, filter));
  }

  /** One advertisement's details (a call per advertisement: the provider has no batch read). */
  async advertisement(adId: number): Promise<AdvertisementDetails> {
    const details = await this.cached(wire.ENDPOINTS.advertisement, { params: { ad_id: adId }, schema: wire.advertisementDetails }, this.options.ttl.itemTtlMs);
    return advertisementFromDetails(this.id, details);
  }

  // ---- campaigns ----

  private campaignPage(index: number, filter: CampaignListFilter): Promise<UpstreamPage<AdstatCampaign>> {
    const size = wire.LIMITS.maxPageSize;
    const query = new URLSearchParams({ period: filter.period, offset: String(index * size), limit: String(size) });
    if (filter.name) query.set('campaign_name', filter.name);
    if (filter.active !== null) query.set('is_active', String(filter.active));
    const key = `${this.cachePrefix}campaigns?${query.toString()}`;
    return this.options.cache.get(key, this.options.ttl.listTtlMs, async () => {
      const page = await this.call(wire.ENDPOINTS.campaigns, { query, schema: wire.campaignList });
      return { rows: page.items.map((c) => campaignFromWire(this.id, c)), total: page.count };
    });
  }

  campaigns(offset: number, count: number, filter: CampaignListFilter): Promise<Page<AdstatCampaign>> {
    return windowOverPages(offset, count, wire.LIMITS.maxPageSize, (index) => this.campaignPage(index, filter));
  }

  allCampaigns(filter: CampaignListFilter): Promise<AdstatCampaign[]> {
    return allPages(wire.LIMITS.maxPageSize, (index) => this.campaignPage(index, filter));
  }

  // ---- reference data ----

  /** The KKTU tree (the same for every login: cached once, for hours). */
  async kktuTree(): Promise<KktuNode[]> {
    const tree = await this.cached(wire.ENDPOINTS.kktu, { schema: wire.kktuTree }, this.options.ttl.referenceTtlMs, true);
    return kktuFromWire(tree.items);
  }

  async pixelEvents(accountId: string): Promise<PixelEvent[]> {
    const query = new URLSearchParams({ account_id: accountId });
    const events = await this.cached(wire.ENDPOINTS.pixelEvents, { query, schema: wire.pixelEvents }, this.options.ttl.itemTtlMs);
    return events.items.map((e) => pixelEventFromWire(this.id, accountId, e));
  }

  async audiences(accountId: string): Promise<Audience[]> {
    const list = await this.cached(wire.ENDPOINTS.audiences, { params: { account_id: accountId }, schema: wire.audiences }, this.options.ttl.itemTtlMs);
    return list.map((a) => audienceFromWire(this.id, accountId, a));
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ProviderError && error.code === 'NOT_FOUND';
}
