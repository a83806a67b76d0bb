/**
 * The TON.ai client for one configured API key: `x-api-key` on every call, the `{code, message,
 * data}` envelope unwrapped and validated, typed ProviderErrors for everything else.
 */
import type { z } from 'zod';
import type { TonaiKey } from '../../config.js';
import type { Page, TonaiCampaignSummary } from '../../domain/model.js';
import { ProviderError } from '../errors.js';
import { isRetryable, parseWire, type HttpLayer, type UpstreamResponse } from '../http.js';
import { campaignFromList } from './map.js';
import * as wire from './wire.js';

export interface TonaiClientOptions {
  key: TonaiKey;
  http: HttpLayer;
  baseUrl: string;
}

type Endpoint = (typeof wire.ENDPOINTS)[keyof typeof wire.ENDPOINTS];

export class TonaiClient {
  readonly id: string;

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
      let response: UpstreamResponse;
      try {
        response = await this.options.http.send({
          ...context,
          method: endpoint.method,
          url: this.options.baseUrl + endpoint.path + query,
          headers: {
            'x-api-key': this.options.key.apiKey,
            accept: 'application/json',
            ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
        });
        return unwrap(response, options.schema, context);
      } catch (error) {
        if (endpoint.method === 'GET' && !retried && isRetryable(error)) {
          retried = true;
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * Campaigns from `offset`, `count` of them, walking `current`/`pageSize` pages of at most 100.
   * Pages are aligned to the largest page size that keeps `offset` on a page boundary, so any offset
   * works; `total` makes `hasMore` exact.
   */
  async campaigns(offset: number, count: number): Promise<Page<TonaiCampaignSummary>> {
    const pageSize = pageSizeFor(offset, count);
    const items: TonaiCampaignSummary[] = [];
    let total: number | null = null;
    let current = Math.floor(offset / pageSize) + 1;
    let skip = offset - (current - 1) * pageSize;
    while (items.length < count) {
      const query = new URLSearchParams({ current: String(current), pageSize: String(pageSize) });
      const data = await this.call(wire.ENDPOINTS.list, { query, schema: wire.listData });
      total = data.total;
      const rows = data.campaigns.slice(skip, skip + (count - items.length));
      items.push(...rows.map((c) => campaignFromList(this.id, c)));
      skip = 0;
      if (data.campaigns.length < pageSize || current * pageSize >= total) break;
      current += 1;
    }
    return { items, total, hasMore: total !== null && offset + items.length < total };
  }
}

/**
 * The page size for a window [offset, offset+count): the documented maximum when offset is a
 * multiple of it (the common case), else the largest size that divides the offset and still
 * covers the window in as few pages as possible.
 */
export function pageSizeFor(offset: number, count: number): number {
  const max = wire.LIMITS.maxPageSize;
  if (offset % max === 0) return max;
  let best = 1;
  let bestPages = Number.POSITIVE_INFINITY;
  for (let size = max; size >= 1; size--) {
    const first = Math.floor(offset / size);
    const last = Math.floor((offset + Math.max(count, 1) - 1) / size);
    const pages = last - first + 1;
    if (pages < bestPages) {
      bestPages = pages;
      best = size;
    }
  }
  return best;
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
