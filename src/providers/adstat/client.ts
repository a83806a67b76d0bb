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
  BotCheck,
  CreationPeriod,
  KktuNode,
  Money,
  Page,
  PixelEvent,
} from '../../domain/model.js';
import { money } from '../../domain/values.js';
import type { CachedAnswer, SharedCache } from '../cache.js';
import { clockFrom, type Clock } from '../clock.js';
import { allPages, SizeHints, windowOverPages, type PagingOptions, type SizeHint, type UpstreamPage } from '../paging.js';
import { ProviderError } from '../errors.js';
import { isRetryable, parseWire, type HttpLayer, type UpstreamResponse } from '../http.js';
import { AdstatSession, statusError, type SharedTokens } from './auth.js';
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
import { applyFilter, filterKey, isClosedPeriod, isUnfiltered, UNFILTERED } from './filters.js';
import { currentPriority, DEFAULT_BUDGET, QuotaPlanner, type BudgetOptions, type Slot } from './planner.js';
import * as wire from './wire.js';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { AdvertisementChange, ItemOutcome, NewAdvertisement, RequestPreview, SettableAdvertisementStatus } from '../../domain/writes.js';
import { multipartBody } from '../multipart.js';
import { botUsername } from './rules.js';
import { createAdvertisementBody, editAdvertisementBody } from './write.js';
import { write } from '../outcome.js';

export interface AdstatClientOptions {
  login: AdstatLogin;
  http: HttpLayer;
  baseUrl: string;
  clientApiBaseUrl: string;
  /** How long a call may wait for a rate-limit slot before failing with RATE_LIMITED. */
  rateLimitMaxWaitMs: number;
  cache: SharedCache;
  ttl: CacheConfig;
  /** The budget per path (default: AdStat's documented 10 per 60 s and 61 s after a 429). */
  rateLimit?: Partial<BudgetOptions>;
  now?: () => number;
  /** Time for the planner and the cache lifetimes (default: `now`, else the system clock). */
  clock?: Clock;
  /** Tokens shared with other replicas (REDIS_URL), so the login logs in once for all of them. */
  sharedTokens?: SharedTokens;
}

type Endpoint = { method: 'GET' | 'POST' | 'PUT'; path: string; host: 'client' | 'clientapi' };

interface CallOptions<T> {
  params?: Record<string, string | number>;
  query?: URLSearchParams;
  json?: unknown;
  /** A multipart body, made afresh for each attempt (a consumed stream cannot be sent again). */
  multipart?: () => Promise<{ body: Readable; contentType: string; length: number }>;
  schema: z.ZodType<T>;
  /** The slot the planner already took for the first attempt. */
  prepaid?: Slot | null;
}

export interface AdvertisementListFilter {
  period: CreationPeriod;
  showDeleted: boolean;
  titles: readonly string[];
  campaignNames: readonly string[];
}

export interface CampaignListFilter {
  period: CreationPeriod;
  /** Substring of the campaign name (AdStat `campaign_name`). */
  name: string | null;
  /** AdStat `is_active`: true, false, or null for both. */
  active: boolean | null;
}

export class AdstatClient {
  readonly id: string;
  readonly session: AdstatSession;
  readonly planner: QuotaPlanner;
  private readonly clock: Clock;
  /** Filter variants of the ad list asked for recently, with when (for the cheaper-plan choice). */
  private readonly adVariants = new Map<string, number>();
  /** Pages the unfiltered ad list has, as far as reads have shown (unknown: 1). */
  private unfilteredPages = 1;
  /** Pages each filter variant took when last read whole from AdStat. */
  private readonly variantPages = new Map<string, number>();
  /** Lengths of the ad and campaign lists per filter, as last read (plans merged reads). */
  private readonly sizes = new SizeHints();
  /** Domain views of stored ad-list pages, by the stored page (forgotten with it). */
  private readonly listedPages = new WeakMap<UpstreamPage<wire.WireAdvertisementRow>, UpstreamPage<AdvertisementSummary>>();

  constructor(private readonly options: AdstatClientOptions) {
    this.id = options.login.id;
    this.clock = clockFrom(options.now, options.clock);
    this.session = new AdstatSession(options.login, options.http, options.baseUrl, () => this.clock.now(), options.sharedTokens);
    this.planner = new QuotaPlanner(
      this.id,
      options.cache.store,
      options.cache,
      {
        ...DEFAULT_BUDGET,
        max: wire.LIMITS.rateLimitMax,
        windowMs: wire.LIMITS.rateLimitWindowMs,
        blockMs: wire.LIMITS.rateLimitBlockMs,
        ...options.rateLimit,
      },
      this.clock,
    );
    options.cache.onClear(() => {
      this.adVariants.clear();
      this.variantPages.clear();
      this.unfilteredPages = 1;
    });
  }

  get label(): string {
    return this.options.login.label;
  }

  /** Requests left in AdStat's per-path window, per endpoint template (for the metrics). */
  budgetRemaining(): Promise<Map<string, number>> {
    return this.planner.remaining();
  }

  /** One documented call: rate limit → token → send → (one renewal on 401, one retry on a transient failure) → schema. */
  async call<T>(endpoint: Endpoint, options: CallOptions<T>): Promise<T> {
    const path = resolvePath(endpoint, options.params);
    const base = endpoint.host === 'clientapi' ? this.options.clientApiBaseUrl : this.options.baseUrl;
    const query = options.query && [...options.query.keys()].length > 0 ? `?${options.query.toString()}` : '';
    const endpointName = `${endpoint.method} ${endpoint.path}`;
    const context = { provider: 'AdStat' as const, endpoint: endpointName, account: this.id };

    let renewed = false;
    let retried = false;
    let slot: Slot | null = options.prepaid ?? null;
    const priority = endpoint.method === 'GET' ? currentPriority() : 'write';
    const maxWaitMs = priority === 'background' ? this.planner.backgroundPatienceMs : this.options.rateLimitMaxWaitMs;
    for (;;) {
      const taken = slot ?? (await this.planner.acquire(path, endpointName, maxWaitMs, priority));
      slot = null;
      const token = await this.session.token();
      const multipart = options.multipart ? await options.multipart() : undefined;
      let response: UpstreamResponse;
      try {
        response = await this.options.http.send({
          ...context,
          ...(retried || renewed ? { retry: true } : {}),
          method: endpoint.method,
          url: base + path + query,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(multipart ? { 'content-type': multipart.contentType, 'content-length': String(multipart.length) } : {}),
          },
          ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
          ...(multipart ? { body: multipart.body } : {}),
        });
      } catch (error) {
        if (endpoint.method === 'GET' && !retried && isRetryable(error)) {
          retried = true;
          continue;
        }
        throw error;
      } finally {
        // AdStat counted the call somewhere between send and answer: the ledger takes the later.
        await this.planner.settle(taken);
      }
      if (response.status === 401 && !renewed) {
        // The token expired early or was revoked: renew once (refresh, else log in) and resend.
        this.session.invalidate(token);
        renewed = true;
        continue;
      }
      if (response.status === 429) await this.planner.block(path);
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
  private async cached<T>(endpoint: Endpoint, options: CallOptions<T>, ttlMs: number, shared = false): Promise<T> {
    return (await this.planned(endpoint, options, ttlMs, shared)).value;
  }

  /**
   * A GET through the quota planner and the cache: fresh answers as they are, a stale one when the
   * path's budget cannot pay for a new one now (with its age), an upstream call otherwise.
   */
  private planned<T>(endpoint: Endpoint, options: CallOptions<T>, ttlMs: number, shared = false, keyPath?: string): Promise<CachedAnswer<T>> {
    return this.plannedMapped(endpoint, options, ttlMs, shared, keyPath, (answer) => answer);
  }

  /**
   * `planned`, with the answer kept as `map` makes it: the mapping runs once per upstream answer, not
   * once per cache hit (the cached value must stay plain data: the state store may serialise it).
   */
  private plannedMapped<W, T>(endpoint: Endpoint, options: CallOptions<W>, ttlMs: number, shared: boolean, keyPath: string | undefined, map: (answer: W) => T): Promise<CachedAnswer<T>> {
    const path = resolvePath(endpoint, options.params);
    const query = options.query ? options.query.toString() : '';
    // Reference data is the same for every login; everything else is the login's own.
    const key = `${shared ? 'adstat:*' : this.cachePrefix}${keyPath ?? `${path}?${query}`}`;
    return this.planner.read({
      path,
      endpoint: `${endpoint.method} ${endpoint.path}`,
      key,
      ttlMs,
      maxWaitMs: this.options.rateLimitMaxWaitMs,
      load: async (prepaid) => map(await this.call(endpoint, { ...options, prepaid })),
    });
  }

  /** Cache keys of this login's reads start with this; writes invalidate by it. */
  get cachePrefix(): string {
    return `adstat:${this.id}:`;
  }

  // ---- directory: facts a write needs that writes do not change ----

  /**
   * Cabinets (id, name, labelling mode, audience permission) and campaigns (id → cabinet) for
   * checking writes. Cached apart from the reads that writes invalidate: otherwise every write
   * would re-read both lists for the next one, and a burst of writes would exhaust AdStat's
   * 10-a-minute budget on those paths.
   */
  async cabinetDirectory(): Promise<Account[]> {
    const names = await this.options.cache.get(`adstat-directory:${this.id}:cabinets`, this.options.ttl.itemTtlMs, () =>
      this.call(wire.ENDPOINTS.cabinetNames, { schema: wire.cabinetNames }),
    );
    return names.map((n) => cabinetFromName(this.id, n));
  }

  async campaignDirectory(): Promise<Map<number, string>> {
    const campaigns = await this.options.cache.get(`adstat-directory:${this.id}:campaigns`, this.options.ttl.itemTtlMs, () =>
      this.allCampaigns({ period: 'ALL', name: null, active: null }),
    );
    return new Map(campaigns.map((c) => [c.id, c.accountId]));
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

  private adQuery(index: number, filter: AdvertisementListFilter): URLSearchParams {
    const size = wire.LIMITS.maxPageSize;
    const query = new URLSearchParams({
      show_deleted: String(filter.showDeleted),
      period: wire.PERIODS[filter.period],
      offset: String(index * size),
      limit: String(size),
    });
    // Lists go as repeated parameters, the one way the docs send a list (`bots=bot_1&bots=bot_2`):
    // joined with commas, a campaign name or title that contains a comma could never be found.
    for (const title of filter.titles) query.append('advertisement_titles', title);
    for (const name of filter.campaignNames) query.append('campaign_names', name);
    return query;
  }

  /**
   * The key names what is stored (wire rows, not mapped ones: see listedPage), so replicas of an
   * earlier version sharing a Redis never read one shape as the other during a rolling deploy.
   */
  private adPageKey(index: number, filter: AdvertisementListFilter): string {
    return `${this.cachePrefix}ad-rows?${this.adQuery(index, filter).toString()}`;
  }

  /** Closed periods cannot gain ads by creation: their lists live longer. */
  private adListTtl(filter: AdvertisementListFilter): number {
    return isClosedPeriod(filter.period) ? (this.options.ttl.closedPeriodTtlMs ?? this.options.ttl.listTtlMs) : this.options.ttl.listTtlMs;
  }

  /** One 500-row page of the list as AdStat filters it, through the planner. */
  private async upstreamAdPage(index: number, filter: AdvertisementListFilter): Promise<UpstreamPage<AdvertisementSummary>> {
    const endpoint = wire.ENDPOINTS.advertisements;
    const query = this.adQuery(index, filter);
    const answer = await this.planner.read({
      path: resolvePath(endpoint),
      endpoint: `${endpoint.method} ${endpoint.path}`,
      key: this.adPageKey(index, filter),
      ttlMs: this.adListTtl(filter),
      maxWaitMs: this.options.rateLimitMaxWaitMs,
      load: async (prepaid): Promise<UpstreamPage<wire.WireAdvertisementRow>> => ({ rows: (await this.call(endpoint, { query, schema: wire.advertisementList, prepaid })).data, total: null }),
    });
    this.sizes.note(`ads:${filterKey(filter)}`, index, answer.value, wire.LIMITS.maxPageSize);
    if (isUnfiltered(filter)) {
      // A short page ends the list; a full one proves at least one more.
      this.unfilteredPages = answer.value.rows.length < wire.LIMITS.maxPageSize ? index + 1 : Math.max(this.unfilteredPages, index + 2);
    }
    return this.listedPage(answer);
  }

  /**
   * A stored page's rows as domain values, made once per stored answer. The cache keeps the
   * validated wire rows (plain data, which the Redis backend serialises as they are); the views over
   * them convert a field only when a query reads it, and keep it. The in-process backend hands back
   * the same stored object on every hit, so there a field is converted at most once per upstream
   * answer; a Redis hit decodes a new object, and its views convert what that request reads.
   */
  private listedPage(answer: CachedAnswer<UpstreamPage<wire.WireAdvertisementRow>>): UpstreamPage<AdvertisementSummary> {
    let page = this.listedPages.get(answer.value);
    if (!page) {
      // The answer's own time, as the details read gives it: one Date for the page's rows.
      const fetchedAt = new Date(answer.fetchedAt);
      page = { rows: answer.value.rows.map((row) => advertisementFromRow(this.id, row, fetchedAt)), total: answer.value.total };
      this.listedPages.set(answer.value, page);
    }
    return page;
  }

  /** Pages of the unfiltered list missing from the cache (0: it is there whole, fresh or not). */
  private async unfilteredMissing(): Promise<number> {
    const size = wire.LIMITS.maxPageSize;
    let missing = 0;
    for (let index = 0; index < Math.max(this.unfilteredPages, 1); index++) {
      const page = await this.options.cache.peek<UpstreamPage<wire.WireAdvertisementRow>>(this.adPageKey(index, UNFILTERED));
      if (!page) missing += 1;
      else if (page.value.rows.length < size) return missing;
    }
    return Math.max(missing, 1); // no short page seen: at least one more to read
  }

  private async readUnfiltered(): Promise<AdvertisementSummary[]> {
    const rows = await allPages(wire.LIMITS.maxPageSize, (index) => this.upstreamAdPage(index, UNFILTERED), this.wholeListReadAhead(UNFILTERED));
    this.unfilteredPages = Math.floor(rows.length / wire.LIMITS.maxPageSize) + 1;
    return rows;
  }

  /**
   * A filtered list answered from the unfiltered one, when that is the cheaper plan: the unfiltered
   * list is cached whole (fresh or not), or reading the pages of it that are missing costs fewer
   * calls than the filter variants asked for within the window would (each as many pages as it took
   * last time, or the window it needs). Null: ask AdStat to filter.
   */
  private async fromUnfiltered(filter: AdvertisementListFilter, filteredCost: number | undefined): Promise<AdvertisementSummary[] | null> {
    if (isUnfiltered(filter)) return null;
    const now = this.clock.now();
    const window = this.planner.budget.windowMs;
    this.adVariants.set(filterKey(filter), now);
    for (const [variant, at] of this.adVariants) if (at <= now - window) this.adVariants.delete(variant);
    const own = await this.options.cache.peek(this.adPageKey(0, filter));
    if (own && own.freshUntil > now) return null; // already paid for
    let rows: AdvertisementSummary[];
    const missing = await this.unfilteredMissing();
    if (missing === 0) {
      rows = await this.readUnfiltered();
    } else if (missing < this.adVariants.size * (filteredCost ?? this.variantPages.get(filterKey(filter)) ?? 1)) {
      try {
        rows = await this.readUnfiltered();
      } catch (error) {
        // No budget for the whole list now: the filtered read may still have an answer to give.
        if (error instanceof ProviderError && error.code === 'RATE_LIMITED') return null;
        throw error;
      }
    } else {
      return null;
    }
    this.planner.stats.localFilterAnswers += 1;
    return applyFilter(rows, filter, this.clock.now());
  }

  /**
   * Advertisements of all the login's cabinets from `offset`, `count` of them, read as whole
   * 500-row pages (the documented cap). The list reports no total.
   */
  async advertisements(offset: number, count: number, filter: AdvertisementListFilter): Promise<Page<AdvertisementSummary>> {
    const size = wire.LIMITS.maxPageSize;
    // A filtered list is mostly shorter than its window: as long as it was last time, else one page.
    const window = Number.isFinite(count) ? Math.max(1, Math.ceil((offset + count) / size)) : Number.POSITIVE_INFINITY;
    const local = await this.fromUnfiltered(filter, Math.min(window, this.variantPages.get(filterKey(filter)) ?? 1));
    if (local) return windowOverPages(offset, count, size, async (index) => ({ rows: local.slice(index * size, (index + 1) * size), total: local.length }));
    return windowOverPages(offset, count, size, (index) => this.upstreamAdPage(index, filter), { speculate: (indices) => this.adReadAhead(indices, filter) });
  }

  /**
   * How many of the window's later pages to read together with its first. The list reports no
   * total, so a page past its end comes back empty: read ahead only as far as its length last
   * time shows (an exact length: up to the page the list ends on, which a reader one page at a
   * time reads too; at least so long: one page past it), else one page for the plain list (a
   * narrowed one is mostly shorter than its window: none). Pages cached fresh cost nothing; the
   * others one slot each, from what the path's budget has free now. A cached short page ends it.
   */
  private async adReadAhead(indices: number[], filter: AdvertisementListFilter): Promise<number> {
    const size = wire.LIMITS.maxPageSize;
    const first = indices[0]! - 1;
    const hint = this.sizes.get(`ads:${filterKey(filter)}`);
    const narrowed = filter.period !== 'ALL' || filter.titles.length > 0 || filter.campaignNames.length > 0;
    const lastLikely = hint ? lastPageOf(hint, size) : narrowed ? first : first + 1;
    const candidates = indices.filter((index) => index <= lastLikely);
    if (candidates.length === 0) return 0;
    const now = this.clock.now();
    const fresh = async (index: number) => {
      const stored = await this.options.cache.peek<UpstreamPage<wire.WireAdvertisementRow>>(this.adPageKey(index, filter));
      return stored && stored.freshUntil > now ? stored.value : undefined;
    };
    let room = await this.planner.room(resolvePath(wire.ENDPOINTS.advertisements));
    const head = await fresh(first);
    if (head && head.rows.length < size) return 0;
    if (!head) room -= 1;
    let allowed = 0;
    for (const index of candidates) {
      const page = await fresh(index);
      if (!page) {
        if (room <= 0) break;
        room -= 1;
      }
      allowed += 1;
      if (page && page.rows.length < size) break;
    }
    return allowed;
  }

  /**
   * A whole list's pages read together as far as its length last time names them (and the budget
   * allows, through `adReadAhead`): the list reports no total, so without a length it is read one
   * page after another (reading ahead blind would pay for an empty page on every short list).
   */
  private wholeListReadAhead(filter: AdvertisementListFilter): PagingOptions {
    const hint = this.sizes.get(`ads:${filterKey(filter)}`);
    if (!hint) return {};
    return { lastLikely: lastPageOf(hint, wire.LIMITS.maxPageSize), speculate: (indices) => this.adReadAhead(indices, filter) };
  }

  /** How long the ad list for this filter was when last read (for merged lists over logins). */
  advertisementCountHint(filter: AdvertisementListFilter): SizeHint | undefined {
    return this.sizes.get(`ads:${filterKey(filter)}`);
  }

  /** How long the campaign list for this filter was when last read. */
  campaignCountHint(filter: CampaignListFilter): SizeHint | undefined {
    return this.sizes.get(`campaigns:${JSON.stringify([filter.period, filter.name, filter.active])}`);
  }

  /** Every advertisement matching the filter (all pages). */
  async allAdvertisements(filter: AdvertisementListFilter): Promise<AdvertisementSummary[]> {
    if (isUnfiltered(filter)) return this.readUnfiltered();
    const local = await this.fromUnfiltered(filter, undefined);
    if (local) return local;
    const rows = await allPages(wire.LIMITS.maxPageSize, (index) => this.upstreamAdPage(index, filter), this.wholeListReadAhead(filter));
    this.variantPages.set(filterKey(filter), Math.floor(rows.length / wire.LIMITS.maxPageSize) + 1);
    if (this.variantPages.size > 256) this.variantPages.delete(this.variantPages.keys().next().value!);
    return rows;
  }

  /** One advertisement's details (a call per advertisement: the provider has no batch read). */
  async advertisement(adId: number): Promise<AdvertisementDetails> {
    const answer = await this.plannedMapped(wire.ENDPOINTS.advertisement, { params: { ad_id: adId }, schema: wire.advertisementDetails }, this.options.ttl.itemTtlMs, false, undefined, (details) =>
      advertisementFromDetails(this.id, details),
    );
    return { ...answer.value, fetchedAt: new Date(answer.fetchedAt) };
  }

  // ---- campaigns ----

  private async campaignPage(index: number, filter: CampaignListFilter): Promise<UpstreamPage<AdstatCampaign>> {
    const size = wire.LIMITS.maxPageSize;
    const query = new URLSearchParams({ period: wire.PERIODS[filter.period], offset: String(index * size), limit: String(size) });
    if (filter.name) query.set('campaign_name', filter.name);
    if (filter.active !== null) query.set('is_active', String(filter.active));
    const key = `${this.cachePrefix}campaigns?${query.toString()}`;
    const page = await this.options.cache.get(key, this.options.ttl.listTtlMs, async () => {
      const page = await this.call(wire.ENDPOINTS.campaigns, { query, schema: wire.campaignList });
      return { rows: page.items.map((c) => campaignFromWire(this.id, c)), total: page.count };
    });
    this.sizes.note(`campaigns:${JSON.stringify([filter.period, filter.name, filter.active])}`, index, page, size);
    return page;
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
    // Kept mapped: every dashboard asks for the tree, and it changes in hours.
    return (await this.plannedMapped(wire.ENDPOINTS.kktu, { schema: wire.kktuTree }, this.options.ttl.referenceTtlMs, true, undefined, (tree) => kktuFromWire(tree.items))).value;
  }

  async pixelEvents(accountId: string): Promise<PixelEvent[]> {
    const query = new URLSearchParams({ account_id: accountId });
    const events = await this.cached(wire.ENDPOINTS.pixelEvents, { query, schema: wire.pixelEvents }, this.options.ttl.referenceTtlMs);
    return events.items.map((e) => pixelEventFromWire(this.id, accountId, e));
  }

  async audiences(accountId: string): Promise<Audience[]> {
    const list = await this.cached(wire.ENDPOINTS.audiences, { params: { account_id: accountId }, schema: wire.audiences }, this.options.ttl.itemTtlMs);
    return list.map((a) => audienceFromWire(this.id, accountId, a));
  }

  // ---- writes: each invalidates this login's cached reads ----

  /** What create would send (for validateOnly). */
  previewCreate(ad: NewAdvertisement): RequestPreview {
    const e = wire.ENDPOINTS.createAdvertisement;
    return { method: e.method, path: e.path, body: createAdvertisementBody(ad) };
  }

  previewEdit(adId: number, change: AdvertisementChange): RequestPreview {
    const e = wire.ENDPOINTS.editAdvertisement;
    return { method: e.method, path: e.path.replace('{ad_id}', String(adId)), body: editAdvertisementBody(change) };
  }

  /** Creates an advertisement; returns its id and, when the answer carries them, its details. */
  async createAdvertisement(ad: NewAdvertisement): Promise<{ id: number; details: AdvertisementDetails | null }> {
    const e = wire.ENDPOINTS.createAdvertisement;
    try {
      const answer = await write(`${e.method} ${e.path}`, () => this.call(e, { json: createAdvertisementBody(ad), schema: wire.UNVERIFIED.writeAnswer }));
      const result = this.writeResult(answer);
      // Without the new ad's id the write cannot be reported as done (it was, or was not: unknown).
      if (result.id === null) throw this.contractError(e, 'the answer carries no id of the new advertisement (ad_id or id, a positive whole number)');
      return { id: result.id, details: result.details };
    } finally {
      this.options.cache.invalidate(this.cachePrefix);
    }
  }

  async editAdvertisement(adId: number, change: AdvertisementChange): Promise<{ id: number; details: AdvertisementDetails | null }> {
    const e = wire.ENDPOINTS.editAdvertisement;
    try {
      const answer = await write(`${e.method} ${e.path}`, () => this.call(e, { params: { ad_id: adId }, json: editAdvertisementBody(change), schema: wire.UNVERIFIED.writeAnswer }));
      const result = this.writeResult(answer);
      // The id is ours; an answer about another advertisement (or with an impossible id) is no answer to this edit.
      if (result.id !== null && result.id !== adId) throw this.contractError(e, `the answer is about advertisement ${result.id}, not ${adId}`);
      if (result.id === null && (answer.ad_id !== undefined || answer.id !== undefined)) throw this.contractError(e, 'the answer’s id is not a positive whole number');
      return { id: adId, details: result.details };
    } finally {
      this.options.cache.invalidate(this.cachePrefix);
    }
  }

  /** The id and (when the answer is a whole details object) the details; id null when none is usable. */
  private writeResult(answer: z.infer<typeof wire.UNVERIFIED.writeAnswer>): { id: number | null; details: AdvertisementDetails | null } {
    const full = wire.advertisementDetails.safeParse(answer);
    const id = full.success ? full.data.ad_id : (answer.ad_id ?? answer.id);
    const usable = id !== undefined && Number.isSafeInteger(id) && id > 0 ? id : null;
    return { id: usable, details: full.success && usable !== null ? advertisementFromDetails(this.id, full.data) : null };
  }

  private contractError(endpoint: Endpoint, problem: string): ProviderError {
    const name = `${endpoint.method} ${endpoint.path}`;
    return new ProviderError('PROVIDER_CONTRACT', `AdStat ${name} answered an unexpected shape: ${problem}`, { provider: 'AdStat', endpoint: name, account: this.id });
  }

  /** Sets the status of several advertisements in one call (UNVERIFIED body), with a result per ad. */
  async setAdvertisementStatus(adIds: number[], status: SettableAdvertisementStatus): Promise<ItemOutcome<number>[]> {
    try {
      const e = wire.UNVERIFIED.setStatus;
      const answer = await write(`${e.method} ${e.path}`, () => this.call(e, { json: wire.UNVERIFIED.statusBody(adIds, wire.SETTABLE_STATUSES[status]), schema: wire.UNVERIFIED.statusResponse }));
      const errors = new Map(answer.errors.map((e) => [e.ad_id, e.detail]));
      const updated = new Set(answer.updated);
      return adIds.map((id) => {
        const detail = errors.get(id);
        if (detail !== undefined) return { key: id, error: { code: 'PROVIDER_REJECTED', message: detail } };
        if (!updated.has(id)) return { key: id, error: { code: 'PROVIDER_CONTRACT', message: 'AdStat reported neither success nor an error for this advertisement' } };
        return { key: id, error: null };
      });
    } finally {
      this.options.cache.invalidate(this.cachePrefix);
    }
  }

  /**
   * Asks AdStat whether bots may be targeted (1000+ daily users): one result per bot, in order,
   * under the form the caller gave. The wire takes bare usernames (`bots=bot_1`), each once; the
   * answer names accepted bots by link (`t.me/bot_1`) and refused ones as sent (`bot_3`), so both
   * are matched by username. Callers check each bot with `botUsername` first.
   */
  async validateBots(accountId: string, bots: string[]): Promise<BotCheck[]> {
    const usernames = bots.map((bot) => {
      const username = botUsername(bot);
      if (username === null) throw new RangeError(`not a Telegram username: ${JSON.stringify(bot)}`);
      return username;
    });
    // Usernames are case-insensitive: one question per bot, in the caller's order and first spelling.
    const unique = new Map<string, string>();
    for (const username of usernames) if (!unique.has(username.toLowerCase())) unique.set(username.toLowerCase(), username);
    const query = new URLSearchParams();
    for (const username of unique.values()) query.append('bots', username);
    query.set('account_id', accountId);
    const answer = await this.cached(wire.ENDPOINTS.validateBots, { query, schema: wire.botValidation }, this.options.ttl.itemTtlMs);
    const key = (value: string) => (botUsername(value) ?? value.trim()).toLowerCase();
    return bots.map((bot, i) => {
      const asked = usernames[i]!.toLowerCase();
      const ok = answer.bots.find((b) => key(b.url) === asked);
      if (ok) return { bot, ok: true, telegramId: ok.id, title: ok.title, url: ok.url, photoUrl: ok.photo_url, errorCode: null, errorMessage: null };
      const error = answer.errors.find((e) => key(e.url) === asked);
      return {
        bot,
        ok: false,
        telegramId: null,
        title: null,
        url: null,
        photoUrl: null,
        errorCode: error?.code ?? 'unknown',
        errorMessage: error?.detail ?? 'AdStat did not report on this bot',
      };
    });
  }

  /** Uploads a media file already checked and spooled to disk; returns its token. */
  async uploadMedia(accountId: string, file: { path: string; filename: string; contentType: string }): Promise<{ token: string; contentType: string | null }> {
    const answer = await this.call(wire.ENDPOINTS.uploadMedia, {
      query: new URLSearchParams({ account_id: accountId }),
      multipart: () => multipartBody({}, { field: 'media', ...file }),
      schema: wire.uploadMediaResponse,
    });
    if (answer.error !== null || !answer.media_token) {
      throw new ProviderError('PROVIDER_REJECTED', `AdStat refused the media file: ${answer.error ?? 'no token returned'}`, {
        provider: 'AdStat',
        endpoint: `${wire.ENDPOINTS.uploadMedia.method} ${wire.ENDPOINTS.uploadMedia.path}`,
        account: this.id,
      });
    }
    return { token: answer.media_token, contentType: answer.content_type };
  }

  /** Creates a phone-number audience from a file already checked and spooled to disk. */
  async createAudience(accountId: string, title: string, file: { path: string; filename: string; contentType: string }): Promise<Audience> {
    try {
      const e = wire.ENDPOINTS.createAudience;
      const answer = await write(`${e.method} ${e.path}`, () =>
        this.call(e, {
          params: { account_id: accountId },
          multipart: () => multipartBody({ title }, { field: 'audience', ...file }),
          schema: wire.UNVERIFIED.createAudienceResponse,
        }),
      );
      return audienceFromWire(this.id, accountId, answer);
    } finally {
      this.options.cache.invalidate(this.cachePrefix);
    }
  }
}

/**
 * The last page a reader one page at a time reads of a list this long: with an exact length, the
 * page it ends on (empty when it ends on a page boundary); with "at least", the page after the
 * full ones seen.
 */
function lastPageOf(hint: SizeHint, pageSize: number): number {
  return hint.exact ? Math.floor(hint.rows / pageSize) : hint.rows / pageSize;
}

/** The URL path of an endpoint with its parameters filled in (the unit of AdStat's budget). */
function resolvePath(endpoint: Endpoint, params?: Record<string, string | number>): string {
  return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${endpoint.path}`);
    return encodeURIComponent(String(value));
  });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ProviderError && error.code === 'NOT_FOUND';
}
