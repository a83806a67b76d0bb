/**
 * AdStat's wire format: endpoints and the shapes of their bodies, from the provider's published
 * "Working with Advertisements" page and its authorization, cabinets, campaigns and limits pages
 * (../shared/providers). Schemas tolerate extra fields; nullable where the docs show null.
 *
 * UNVERIFIED details (paths listed publicly, bodies not published) are collected in `UNVERIFIED` at
 * the bottom of this file so they can be corrected in one place.
 */
import { z } from 'zod';

/** Documented endpoints: `host` says which configured base URL serves them. */
export const ENDPOINTS = {
  login: { method: 'POST', path: '/api/v2/login', host: 'client' },
  refresh: { method: 'GET', path: '/api/v2/access-token', host: 'client' },
  cabinetNames: { method: 'GET', path: '/api/accounts/telegram/names', host: 'client' },
  cabinet: { method: 'GET', path: '/api/accounts/telegram/{account_uid}', host: 'client' },
  cabinets: { method: 'GET', path: '/api/accounts/telegram/', host: 'client' },
  balances: { method: 'GET', path: '/api/dashboard/balances', host: 'client' },
  campaigns: { method: 'GET', path: '/api/campaigns/', host: 'client' },
  advertisements: { method: 'GET', path: '/api/v2/advertisement/', host: 'client' },
  advertisement: { method: 'GET', path: '/api/advertisement/telegram/{ad_id}', host: 'client' },
  createAdvertisement: { method: 'POST', path: '/api/advertisement/telegram/', host: 'client' },
  editAdvertisement: { method: 'PUT', path: '/api/advertisement/telegram/{ad_id}', host: 'client' },
  validateBots: { method: 'GET', path: '/api/advertisement/bots/validate', host: 'client' },
  uploadMedia: { method: 'POST', path: '/api/v1/advertising/telegram/upload_media', host: 'clientapi' },
  kktu: { method: 'GET', path: '/api/kktu/', host: 'clientapi' },
  pixelEvents: { method: 'GET', path: '/api/pixel_events/', host: 'clientapi' },
  audiences: { method: 'GET', path: '/api/advertisement/telegram/{account_id}/audiences/', host: 'clientapi' },
  createAudience: { method: 'POST', path: '/api/advertisement/telegram/{account_id}/audiences', host: 'clientapi' },
} as const;

export type EndpointName = keyof typeof ENDPOINTS;

/** Documented caps and rules. */
export const LIMITS = {
  /** `limit` on the advertisement list (and, by the same service's convention, other lists). */
  maxPageSize: 500,
  /** Requests per (user, URL path) per window; past it 429 and a block that each request extends. */
  rateLimitMax: 10,
  rateLimitWindowMs: 60_000,
  /** The provider asks for silence on a path for 61 s after a 429. */
  rateLimitBlockMs: 61_000,
  /** Access tokens live one hour; refreshed this long before expiry. */
  accessTokenTtlMs: 3_600_000,
  refreshMarginMs: 60_000,
  audienceMaxBytes: 10 * 1024 * 1024,
  audienceMinNumbers: 1000,
} as const;

/** `period` values of the advertisement and campaign lists, by the domain's names. */
export const PERIODS = { TODAY: 'today', YESTERDAY: 'yesterday', THIS_MONTH: 'starts_month', ALL: 'all' } as const;

/** `ad_type` values, by the domain's names. */
export const AD_TYPES = { TARGET_CHANNELS: 'target_channels', TARGET_USERS: 'target_users', TARGET_BOTS: 'target_bots', TARGET_SEARCH: 'target_search' } as const;

/** `after_moderation_status` values (the page's examples: "active", "on hold"), by the domain's names. */
export const AFTER_MODERATION = { ACTIVE: 'active', STOPPED: 'stopped', ON_HOLD: 'on hold' } as const;

/** `promote_url_type` values. */
export const PROMOTE_URL_TYPES = { WEBSITE: 'website', CHANNEL: 'channel' } as const;

/** Status values the status endpoint takes (seen: active, stopped). */
export const SETTABLE_STATUSES = { ACTIVE: 'active', STOPPED: 'stopped' } as const;

// ---- auth ----
export const loginResponse = z.object({ user_id: z.string(), access_token: z.string().min(1), refresh_token: z.string().min(1) });
export const refreshResponse = z.object({ access_token: z.string().min(1), token_type: z.string().optional() });
/** `{"detail": "..."}` or FastAPI-style `{"detail": [{loc, msg, type}]}`. */
export const errorBody = z.object({
  detail: z.union([
    z.string(),
    z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string(), type: z.string().optional() })),
  ]),
  status_code: z.number().optional(),
});

// ---- cabinets ----
export const cabinetName = z.object({
  account_uid: z.string(),
  name: z.string(),
  balance: z.number(),
  mode: z.string().nullable(),
  is_audience_allowed: z.boolean(),
});
export const cabinetNames = z.array(cabinetName);
export const cabinetItem = z.object({
  account_id: z.string(),
  account_name: z.string(),
  status: z.string(),
  balance_total: z.number(),
  balance_available: z.number(),
  balance_active: z.number(),
  balance_spent: z.number(),
  objects: z.array(z.string()),
  legal_name: z.string().nullable(),
  category_key: z.string().nullable(),
  category_name: z.string().nullable(),
});
export const cabinetList = z.object({ items: z.array(cabinetItem), count: z.number() });
const amount = z.object({ amount: z.number(), currency: z.string() });
export const balances = z.object({ active: amount, available: amount, total: amount });

// ---- campaigns ----
export const campaignItem = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  account_id: z.string(),
  account_name: z.string(),
  status: z.string(),
  number_of_advertisements: z.number(),
  goals: z.number(),
  impressions: z.number(),
  budget: z.number().nullable(),
  cps: z.number().nullable(),
  cpm: z.number().nullable(),
  ctr: z.number().nullable(),
  cpc: z.number().nullable(),
  clicks: z.number(),
  spent: z.number(),
});
export const campaignList = z.object({ items: z.array(campaignItem), count: z.number() });

// ---- advertisements ----
export const advertisementRow = z.object({
  account_name: z.string(),
  action_type: z.string().nullable(),
  ad_text: z.string(),
  ad_type: z.string(),
  advertisement_title: z.string(),
  balance: z.number(),
  campaign_id: z.number(),
  campaign_name: z.string(),
  clicks: z.number(),
  cpc: z.number(),
  cpm: z.number(),
  cps: z.number(),
  /** "09.01.1998 09:04:26": dd.mm.yyyy hh:mm:ss, no zone (read as UTC: see map.ts adstatDate). */
  created_dt: z.string(),
  ctr: z.number(),
  cvr: z.number(),
  goals: z.number(),
  id: z.number(),
  impressions: z.number(),
  kktu_codes: z.array(z.string()),
  object: z.string(),
  opened: z.number().nullable(),
  spent: z.number(),
  status: z.string(),
  status_updated_dt: z.string(),
  target_topics: z.array(z.string()),
});
export const advertisementList = z.object({ data: z.array(advertisementRow) });

/** Hours 0–23 of one weekday, as zod states it (the rule, and the issues a bad list gets). */
export const hourList = z.array(z.number().int().min(0).max(23));
const isHour = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 23;
/**
 * `hourList`, with a hand-written fast path for the usual list of valid hours: a details answer
 * carries seven of these lists (up to 168 numbers), and zod's three checks per number were more
 * than half of validating the whole answer (~13 of ~22 µs, measured). A list that fails the fast
 * path is validated by `hourList` itself, so its issues (first field, message, count) are zod's
 * own. A day the provider leaves out is read as "no delivery that day".
 */
const hours = z
  .unknown()
  .transform((value, payload): number[] => {
    if (Array.isArray(value) && value.every(isHour)) return value.slice() as number[];
    const parsed = hourList.safeParse(value);
    if (parsed.success) return parsed.data;
    // Finished issues (message and path set) pass through zod's finishing unchanged; their input
    // was already left out, as parseWire never asks zod to report it.
    payload.issues.push(...(parsed.error.issues as z.core.$ZodRawIssue[]));
    return z.NEVER;
  })
  .optional()
  .default([]);
export const schedule = z.object({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours });
/** Decline reasons are "Array of objects" with no published shape: keep whatever text they carry. */
const declineReason = z.union([z.string(), z.record(z.string(), z.unknown())]);
const targetBot = z.object({ id: z.number().optional(), url: z.string(), title: z.string().nullable().optional(), photo_url: z.string().nullable().optional() });

export const advertisementDetails = z.object({
  ad_id: z.number(),
  telegram_id: z.number().nullable(),
  account_id: z.string(),
  account_name: z.string(),
  campaign_id: z.number(),
  campaign_name: z.string(),
  title: z.string(),
  text: z.string(),
  promote_url: z.string(),
  promote_url_title: z.string().nullable(),
  promote_url_photo: z.string().nullable(),
  media: z.object({ token: z.string(), url: z.string().nullable(), type: z.string() }).nullable(),
  cpm: z.number(),
  budget: z.number(),
  langs: z.array(z.string()),
  topics: z.array(z.union([z.string(), z.number()])),
  channels: z.array(z.union([z.string(), z.number()])),
  exclude_topics: z.array(z.union([z.string(), z.number()])),
  exclude_channels: z.array(z.union([z.string(), z.number()])),
  other_info: z.string().nullable(),
  decline_reason: z.array(declineReason).nullable(),
  status: z.string(),
  status_updated_dt: z.string(),
  cannot_edit_fields: z.array(z.string()),
  ad_type: z.string(),
  countries: z.array(z.string()),
  user_locations: z.array(z.string()),
  audiences: z.array(z.number()),
  exclude_audiences: z.array(z.number()),
  is_audiences: z.boolean().nullable(),
  is_exclude_audiences: z.boolean().nullable(),
  website_name: z.string().nullable(),
  is_website: z.boolean().nullable(),
  views_per_user: z.number().nullable(),
  show_picture: z.boolean().nullable(),
  exclude_politic: z.boolean().nullable(),
  promote_url_picture_id: z.string().nullable(),
  all_topics_interested_users: z.boolean().nullable(),
  device: z.string().nullable(),
  target_user_channels: z.array(z.string()),
  exclude_target_user_channels: z.array(z.string()),
  button_type: z.string().nullable(),
  daily_budget: z.number().nullable(),
  after_moderation_status: z.string().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  schedule: schedule.nullable(),
  use_selected_timezone: z.boolean().nullable(),
  schedule_timezone: z.number().nullable(),
  website_photo_url: z.string().nullable(),
  tg_account_type: z.number().nullable(),
  currency: z.string(),
  only_crypto: z.boolean().nullable(),
  exclude_crypto: z.boolean().nullable(),
  kktu_ids: z.array(z.string()),
  target_search: z.array(z.string()).nullable(),
  target_bots: z.array(targetBot).nullable(),
  /** The page's example has `tg_id`, its field table `event.tg_event_id`: accept either. */
  event: z.object({ tg_id: z.string().nullable().optional(), tg_event_id: z.string().nullable().optional(), name: z.string().nullable() }).nullable(),
});

// ---- reference data ----
export interface KktuWireNode {
  id: string;
  tree_id: number;
  code: string;
  name: string;
  children: KktuWireNode[];
}
const kktuNode: z.ZodType<KktuWireNode> = z.lazy(() =>
  z.object({ id: z.string(), tree_id: z.number(), code: z.string(), name: z.string(), children: z.array(kktuNode) }),
);
export const kktuTree = z.object({ items: z.array(kktuNode) });

export const pixelEvents = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      pixel_id: z.string(),
      tg_event_id: z.string(),
      title: z.string(),
      type: z.string(),
      status: z.string(),
      ads_count: z.number(),
      created_at: z.string(),
      last_triggered_at: z.string().nullable(),
      code_snippet: z.string().nullable(),
    }),
  ),
});

export const audiences = z.array(z.object({ telegram_id: z.number(), title: z.string() }));

export const botValidation = z.object({
  bots: z.array(z.object({ id: z.number(), title: z.string(), url: z.string(), photo_url: z.string().nullable() })),
  errors: z.array(z.object({ code: z.string(), detail: z.string(), url: z.string() })),
});

export const uploadMediaResponse = z.object({ media_token: z.string().nullable(), content_type: z.string().nullable(), error: z.string().nullable() });

export type WireCabinetName = z.infer<typeof cabinetName>;
export type WireCabinetItem = z.infer<typeof cabinetItem>;
export type WireBalances = z.infer<typeof balances>;
export type WireCampaign = z.infer<typeof campaignItem>;
export type WireAdvertisementRow = z.infer<typeof advertisementRow>;
export type WireAdvertisementDetails = z.infer<typeof advertisementDetails>;
export type WireSchedule = z.infer<typeof schedule>;
export type WirePixelEvent = z.infer<typeof pixelEvents>['items'][number];
export type WireAudience = z.infer<typeof audiences>[number];
export type WireBotValidation = z.infer<typeof botValidation>;

/**
 * UNVERIFIED: the public endpoint catalogue lists these paths without bodies. Our guesses, in one
 * place: bulk bodies carry `ad_ids`, answers list the ids changed and per-id errors.
 */
export const UNVERIFIED = {
  setStatus: { method: 'POST', path: '/api/advertisement/telegram/status/', host: 'client' },
  statusBody: (adIds: number[], status: string) => ({ ad_ids: adIds, status }),
  statusResponse: z.object({
    updated: z.array(z.number()),
    errors: z.array(z.object({ ad_id: z.number(), detail: z.string() })),
  }),
  /**
   * Create and edit answers are not published: a full details object is used when it comes back,
   * otherwise any id in the answer (`ad_id` or `id`). A create answer without a positive id, or an
   * edit answer naming another (or an impossible) id, is PROVIDER_CONTRACT (client.ts), never a
   * success with a made-up id.
   */
  writeAnswer: z.looseObject({ ad_id: z.number().optional(), id: z.number().optional() }),
  /** The audience-creation answer is not published; we read the same shape as the audience list. */
  createAudienceResponse: z.object({ telegram_id: z.number(), title: z.string() }),
} as const;
