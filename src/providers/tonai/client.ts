/**
 * The TON.ai client for one configured API key: `x-api-key` on every call, the `{code, message,
 * data}` envelope unwrapped and validated, typed ProviderErrors for everything else.
 */
import type { z } from 'zod';
import type { CacheConfig, TonaiKey } from '../../config.js';
import type { Page, TonaiCampaignDetails, TonaiCampaignSummary } from '../../domain/model.js';
import type { SharedCache } from '../cache.js';
import { recordFreshness } from '../request-scope.js';
import { allPages, SizeHints, windowOverPages, type SizeHint, type UpstreamPage } from '../paging.js';
import { ProviderError } from '../errors.js';
import { isRetryable, parseWire, type HttpLayer, type UpstreamResponse } from '../http.js';
import type { NewTonaiCampaign, RequestPreview, TonaiStatusAction } from '../../domain/writes.js';
import { campaignFromDetail, campaignFromList, createCampaignBody } from './map.js';
import * as wire from './wire.js';
import { write } from '../outcome.js';

export interface TonaiClientOptions {
  key: TonaiKey;
  http: HttpLayer;
  baseUrl: string;
  cache: SharedCache;
  ttl: CacheConfig;
}

type Endpoint = (typeof wire.ENDPOINTS)[keyof typeof wire.ENDPOINTS];

export class TonaiClient {
  readonly id: string;
  /** The campaign list's length as last read (plans merged reads over keys). */
  private readonly sizes = new SizeHints(4);

  constructor(private readonly options: TonaiClientOptions) {
    this.id = options.key.id;
  }

  get label(): string {
    return this.options.key.label;
  }

  async call<T>(endpoint: Endpoint, options: { query?: URLSearchParams; json?: unknown; schema: z.ZodType<T> }): Promise<T> {
    const endpointName = `${endpoint.method} ${endpoint.path}`;
    const context = { provider: 'TON.ai' as const, endpoint: endpointName, account: this.id };
    const query = options.query ? `?${options.query.toString()}` : '';
    let retried = false;
    for (;;) {
      try {
        return await this.options.http.send(
          {
            ...context,
            ...(retried ? { retry: true } : {}),
            // Every call carries the API key: a refusal means the key is bad.
            presentsCredential: true,
            method: endpoint.method,
            url: this.options.baseUrl + endpoint.path + query,
            headers: {
              'x-api-key': this.options.key.apiKey,
              accept: 'application/json',
              ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
          },
          // TON.ai reports some failures inside a 200 envelope: unwrapped inside the send, they count as failures.
          (response) => unwrap(response, options.schema, context),
        );
      } catch (error) {
        if (endpoint.method === 'GET' && !retried && isRetryable(error)) {
          retried = true;
          continue;
        }
        throw error;
      }
    }
  }

  get cachePrefix(): string {
    return `tonai:${this.id}:`;
  }

  /** Whether the key is accepted: the smallest list page, uncached (the readiness check). */
  async check(): Promise<void> {
    await this.call(wire.ENDPOINTS.list, { query: new URLSearchParams({ current: '1', pageSize: '1' }), schema: wire.listData });
  }

  private async campaignPage(index: number): Promise<UpstreamPage<TonaiCampaignSummary>> {
    const size = wire.LIMITS.maxPageSize;
    const query = new URLSearchParams({ current: String(index + 1), pageSize: String(size) });
    const page = await this.cached(wire.ENDPOINTS.list.path, `${this.cachePrefix}list?${query.toString()}`, this.options.ttl.listTtlMs, async () => {
      const data = await this.call(wire.ENDPOINTS.list, { query, schema: wire.listData });
      return { rows: data.campaigns.map((c) => campaignFromList(this.id, c)), total: data.total };
    });
    this.sizes.note('campaigns', index, page, size);
    return page;
  }

  /** How many campaigns the key had when its list was last read. */
  campaignCountHint(): SizeHint | undefined {
    return this.sizes.get('campaigns');
  }

  /** A read through the shared cache, its age noted for the request's `extensions.freshness`. */
  private async cached<T>(path: string, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const answer = await this.options.cache.answer(key, ttlMs, load);
    recordFreshness({ provider: 'TON.ai', account: this.id, path, fetchedAt: answer.fetchedAt, freshUntil: answer.freshUntil });
    return answer.value;
  }

  /**
   * Campaigns from `offset`, `count` of them, read as whole pages of 100 (the documented maximum)
   * through the shared cache; `total` makes `hasMore` exact.
   */
  campaigns(offset: number, count: number): Promise<Page<TonaiCampaignSummary>> {
    return windowOverPages(offset, count, wire.LIMITS.maxPageSize, (index) => this.campaignPage(index));
  }

  allCampaigns(): Promise<TonaiCampaignSummary[]> {
    return allPages(wire.LIMITS.maxPageSize, (index) => this.campaignPage(index));
  }

  /** One campaign's budget, targeting, bidding and creative (the list has none of them). */
  async campaign(campaignId: string): Promise<TonaiCampaignDetails> {
    const query = new URLSearchParams({ campaignId });
    // Kept mapped: mapped once per upstream answer, not once per cache hit.
    return this.cached(wire.ENDPOINTS.detail.path, `${this.cachePrefix}detail?${query.toString()}`, this.options.ttl.itemTtlMs, async () =>
      campaignFromDetail(await this.call(wire.ENDPOINTS.detail, { query, schema: wire.detailData })),
    );
  }

  // ---- writes: each invalidates this key's cached reads ----

  previewCreate(campaign: NewTonaiCampaign): RequestPreview {
    return { method: wire.ENDPOINTS.create.method, path: wire.ENDPOINTS.create.path, body: createCampaignBody(campaign) };
  }

  async createCampaign(campaign: NewTonaiCampaign): Promise<string> {
    try {
      const e = wire.ENDPOINTS.create;
      const data = await write(`${e.method} ${e.path}`, () => this.call(e, { json: createCampaignBody(campaign), schema: wire.createData }));
      return data.campaignId;
    } finally {
      this.options.cache.invalidate(this.cachePrefix);
    }
  }

  /** start, paused or end; the provider applies it only to an existing campaign. */
  async setCampaignStatus(campaignId: string, action: TonaiStatusAction): Promise<void> {
    try {
      const e = wire.ENDPOINTS.status;
      const data = await write(`${e.method} ${e.path}`, () => this.call(e, { json: { campaignId, status: wire.STATUS_ACTIONS[action] }, schema: wire.statusData }));
      // The page's only documented answer is {"result": "success"}; anything else is not a success.
      if (data.result !== 'success') {
        throw new ProviderError('PROVIDER_REJECTED', `TON.ai did not apply "${wire.STATUS_ACTIONS[action]}" to campaign ${campaignId}: ${data.result}`, {
          provider: 'TON.ai',
          endpoint: `${wire.ENDPOINTS.status.method} ${wire.ENDPOINTS.status.path}`,
          account: this.id,
        });
      }
    } finally {
      this.options.cache.invalidate(this.cachePrefix);
    }
  }
}

function unwrap<T>(
  response: UpstreamResponse,
  schema: z.ZodType<T>,
  context: { provider: 'TON.ai'; endpoint: string; account: string },
): T {
  const status = response.status;
  const body = wire.envelope.safeParse(response.json);
  if (status >= 200 && status < 300) {
    const env = parseWire(wire.envelope, response.json, { ...context, status });
    if (env.code !== 0) throw codeError(status, env.code, env.message ?? '', context);
    return parseWire(schema, env.data, { ...context, status });
  }
  const code = body.success ? body.data.code : undefined;
  const message = body.success ? (body.data.message ?? '') : '';
  throw codeError(status, code, message, context);
}

function codeError(
  status: number,
  code: number | undefined,
  message: string,
  context: { provider: 'TON.ai'; endpoint: string; account: string },
): ProviderError {
  const details = { ...context, status, ...(code !== undefined ? { providerCode: code } : {}) };
  const reason = message ? `: ${message}` : '';
  if (status === 401 || status === 403 || code === 401 || code === 403) {
    return new ProviderError('PROVIDER_AUTH', `TON.ai refused the API key "${context.account}"${reason}`, details);
  }
  if (status === 429 || code === 429) return new ProviderError('RATE_LIMITED', `TON.ai rate limit exceeded${reason}`, details);
  if (status >= 500) return new ProviderError('PROVIDER_UNAVAILABLE', `TON.ai ${context.endpoint} failed with HTTP ${status}${reason}`, details);
  if (status === 404 || code === 404) return new ProviderError('NOT_FOUND', `TON.ai ${context.endpoint}: not found${reason}`, details);
  return new ProviderError('PROVIDER_REJECTED', `TON.ai ${context.endpoint} rejected the request (code ${code ?? status})${reason}`, details);
}
