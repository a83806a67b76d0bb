/**
 * The four published endpoints on a SimServer. Each handler authenticates, validates, then answers
 * in the `{code, message, data}` envelope; any exception becomes a 500 envelope rather than
 * SimServer's plain `{detail}` body.
 */
import { BodyTooLargeError, type SimHandler, type SimRequest, type SimResponse, type SimServer } from '../http.js';
import { API_KEY_HEADER, LIMITS, TONAI_PATHS, type CampaignStatus } from './catalog.js';
import { INVALID_API_KEY_MESSAGE, TONAI_ERRORS, failure, success } from './errors.js';
import { transition } from './lifecycle.js';
import type { TonaiAd, TonaiBudget, TonaiBidding, TonaiCampaign, TonaiState, TonaiTargeting } from './state.js';
import { validateCreate, validateDetailQuery, validateListQuery, validateStatusChange, type Validation } from './validate.js';

/** One campaign as the list returns it. */
export interface TonaiWireListItem {
  userId: string;
  id: string;
  name: string;
  campaignStatus: CampaignStatus;
  /** The field table says string, the example shows a number: both occur (see listItem). */
  impressions: number | string;
  clicks: number | string;
  conversions: number;
  billingType: string;
  cost: number;
  ctr: number;
  cr: number;
}

export interface TonaiWireList {
  campaigns: TonaiWireListItem[];
  total: number;
  current: number;
  success: true;
}

/** The detail: no id and no statistics, as on the page. */
export interface TonaiWireDetail {
  name: string;
  budget: TonaiBudget;
  targeting: TonaiTargeting;
  campaignStatus: CampaignStatus;
  bidding: TonaiBidding;
  ad: TonaiAd;
}

/** A percentage with two decimals (1.52 means 1.52 %); 0 when the denominator is 0. */
function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0;
}

/**
 * Every 7th campaign of a key (by creation order, so the choice does not depend on paging) carries
 * impressions and clicks as numeric strings, as the field table types them; the rest carry numbers,
 * as the example shows. A client must accept both.
 */
export function statsAsStrings(campaign: TonaiCampaign): boolean {
  return campaign.seq % 7 === 0;
}

function listItem(c: TonaiCampaign): TonaiWireListItem {
  const { impressions, clicks, conversions, cost } = c.stats;
  const strings = statsAsStrings(c);
  return {
    userId: c.userId,
    id: c.id,
    name: c.name,
    campaignStatus: c.campaignStatus,
    impressions: strings ? String(impressions) : impressions,
    clicks: strings ? String(clicks) : clicks,
    conversions,
    billingType: c.bidding.billingType,
    cost,
    ctr: percent(clicks, impressions),
    cr: percent(conversions, clicks),
  };
}

function detail(c: TonaiCampaign): TonaiWireDetail {
  const { budget: b, targeting: t, bidding, ad } = c;
  // Copies in the page's field order, so a response never aliases the state.
  return {
    name: c.name,
    budget: { total: b.total, strategy: b.strategy, amount: b.amount, startTime: b.startTime, endTime: b.endTime },
    targeting: {
      includedLanguages: [...t.includedLanguages],
      excludedLanguages: [...t.excludedLanguages],
      includedRegions: [...t.includedRegions],
      excludedRegions: [...t.excludedRegions],
      platform: t.platform,
      telegramPremium: t.telegramPremium,
      userLinkedWallet: t.userLinkedWallet,
      userWalletHasBalanceOnChain: t.userWalletHasBalanceOnChain,
      userLinkedTonWallet: t.userLinkedTonWallet,
      isHighValueUser: t.isHighValueUser,
    },
    campaignStatus: c.campaignStatus,
    bidding: { billingType: bidding.billingType, costPer: bidding.costPer },
    ad: {
      adFormat: ad.adFormat,
      popupImage: ad.popupImage,
      icon: ad.icon,
      destination: { url: ad.destination.url, actionType: ad.destination.actionType },
      text: ad.text,
      brandName: ad.brandName,
      buttonText: ad.buttonText,
    },
  };
}

function invalid(v: Validation<unknown> & { ok: false }): SimResponse {
  return failure(TONAI_ERRORS.badRequest, v.issues.join('; '));
}

function notFound(campaignId: string): SimResponse {
  return failure(TONAI_ERRORS.campaignNotFound, `campaignId ${campaignId} not found`);
}

/** The JSON body of a POST; the page's examples send `content-type: application/json`. */
async function jsonBody(req: SimRequest): Promise<{ ok: true; value: unknown } | { ok: false; response: SimResponse }> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    // Choice: a body without this header would not be parsed as JSON by a typical Node server.
    return { ok: false, response: failure(TONAI_ERRORS.badRequest, 'content-type must be application/json') };
  }
  const text = await req.text(LIMITS.bodyMaxBytes);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: failure(TONAI_ERRORS.badRequest, 'body must be valid JSON') };
  }
}

type KeyedHandler = (req: SimRequest, apiKey: string) => Promise<SimResponse> | SimResponse;

/**
 * Authentication inside each route rather than as a SimServer guard, so an unknown path is
 * SimServer's 404 whether or not it carries a key.
 */
function authenticated(state: TonaiState, handler: KeyedHandler): SimHandler {
  return async (req) => {
    try {
      const header = req.headers[API_KEY_HEADER];
      const apiKey = typeof header === 'string' ? header : undefined;
      if (!apiKey || !state.account(apiKey)) return failure(TONAI_ERRORS.invalidApiKey, INVALID_API_KEY_MESSAGE);
      return await handler(req, apiKey);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return failure(TONAI_ERRORS.badRequest, `body must be at most ${LIMITS.bodyMaxBytes} bytes`);
      }
      return failure(TONAI_ERRORS.internal, `internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

export function registerRoutes(server: SimServer, state: TonaiState, now: () => number): void {
  server.route(
    'POST',
    TONAI_PATHS.create,
    authenticated(state, async (req, apiKey) => {
      const body = await jsonBody(req);
      if (!body.ok) return body.response;
      const at = now();
      const input = validateCreate(body.value, at);
      if (!input.ok) return invalid(input);
      const campaign = state.add(apiKey, input.value, at);
      return success({ campaignId: campaign.id });
    }),
  );

  server.route(
    'POST',
    TONAI_PATHS.status,
    authenticated(state, async (req, apiKey) => {
      const body = await jsonBody(req);
      if (!body.ok) return body.response;
      const change = validateStatusChange(body.value);
      if (!change.ok) return invalid(change);
      const campaign = state.find(apiKey, change.value.campaignId);
      if (!campaign) return notFound(change.value.campaignId);
      const next = transition(campaign, change.value.status, now());
      if (!next.ok) return failure(TONAI_ERRORS.statusNotAllowed, next.reason);
      campaign.campaignStatus = next.status;
      // Key order as in the page's example (data first).
      return { status: 200, body: { data: { result: 'success' }, code: 0, message: 'success' } };
    }),
  );

  server.route(
    'GET',
    TONAI_PATHS.list,
    authenticated(state, (req, apiKey) => {
      const page = validateListQuery(req.query);
      if (!page.ok) return invalid(page);
      const { current, pageSize } = page.value;
      // Newest first; creation order is stable, so pages never overlap or skip.
      const newestFirst = [...state.campaigns(apiKey)].reverse();
      const start = (current - 1) * pageSize;
      const data: TonaiWireList = {
        campaigns: newestFirst.slice(start, start + pageSize).map(listItem),
        total: newestFirst.length,
        current,
        success: true,
      };
      return success(data);
    }),
  );

  server.route(
    'GET',
    TONAI_PATHS.detail,
    authenticated(state, (req, apiKey) => {
      const query = validateDetailQuery(req.query);
      if (!query.ok) return invalid(query);
      const campaign = state.find(apiKey, query.value.campaignId);
      if (!campaign) return notFound(query.value.campaignId);
      return success(detail(campaign));
    }),
  );
}
