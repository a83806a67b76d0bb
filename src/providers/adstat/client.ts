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
  /** Overrides of the documented limit, for tests that shrink the window. */
  rateLimit?: Partial<RateLimitOptions>;
  now?: () => number;
}

type Endpoint = { method: 'GET' | 'POST' | 'PUT'; path: string; host: 'client' | 'clientapi' };

interface CallOptions<T> {
  params?: Record<string, string | number>;
  query?: URLSearchParams;
  json?: unknown;
  /** A multipart body, made afresh for each attempt (a consumed stream cannot be sent again). */
  multipart?: () => Promise<{ body: Readable; contentType: string; length: number }>;
  schema: z.ZodType<T>;
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
      const multipart = options.multipart ? await options.multipart() : undefined;
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

  private advertisementPage(index: number, filter: AdvertisementListFilter): Promise<UpstreamPage<AdvertisementSummary>> {
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
    const query = new URLSearchParams({ period: wire.PERIODS[filter.period], offset: String(index * size), limit: String(size) });
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

export function isNotFound(error: unknown): boolean {
  return error instanceof ProviderError && error.code === 'NOT_FOUND';
}
