/**
 * TON.ai's wire format, from the provider's page (../shared/providers/tonai-api.original-zh.txt,
 * which wins over the English rendering) and the enumerations its newer documentation publishes.
 * Schemas tolerate extra fields.
 */
import { z } from 'zod';

export const ENDPOINTS = {
  create: { method: 'POST', path: '/api/v2/openapi/ad/campaign/create' },
  status: { method: 'POST', path: '/api/v2/openapi/ad/campaign/status' },
  list: { method: 'GET', path: '/api/v2/openapi/ad/campaign/list' },
  detail: { method: 'GET', path: '/api/v2/openapi/ad/campaign/detail' },
} as const;

export const LIMITS = {
  /** "每页最多返回 100 条数据": a page holds at most 100 campaigns. */
  maxPageSize: 100,
  defaultPageSize: 20,
} as const;

/** All money amounts are in USDT ("所有金额均以 USDT 为单位"). */
export const CURRENCY = 'USDT';

/** Fixed values of the create body. */
export const BUDGET_STRATEGY = 'daily';
export const AD_FORMAT = 'image';

/**
 * Create rules: the older page's enumerations, and the limits and lists the newer documentation
 * publishes (kept here so they can change in one place).
 */
export const RULES = {
  billingTypes: ['CPM', 'CPC'] as const,
  actionTypes: ['visit.website', 'join.telegram'] as const,
  platforms: ['All', 'Android', 'iOS'] as const,
  regions: [
    'Africa',
    'Middle East',
    'South-eastern Asia',
    'Europe and America',
    'CIS',
    'Eastern Asia',
    'Southern Asia',
    'Central Asia',
    'Northern Africa',
    'Western Europe',
    'Eastern Europe',
    'Northern America',
    'Latin America and the Caribbean',
  ] as const,
  textMax: 50,
  brandName: { min: 1, max: 40 },
  buttonText: { min: 1, max: 20 },
  /** Not published: a campaign name of 1–100 characters (CHOICE). */
  name: { min: 1, max: 100 },
} as const;

/** Domain names → the wire's values. */
export const ACTION_TYPES = { VISIT_WEBSITE: 'visit.website', JOIN_TELEGRAM: 'join.telegram' } as const;
export const PLATFORMS = { ALL: 'All', ANDROID: 'Android', IOS: 'iOS' } as const;
export const STATUS_ACTIONS = { START: 'start', PAUSE: 'paused', END: 'end' } as const;

/** The envelope on every answer; `code` 0 is success. */
export const envelope = z.object({ code: z.number(), message: z.string().nullable().optional(), data: z.unknown() });

/**
 * Counters: the field table says string, the example shows numbers; accept both (a numeric string
 * becomes a number, anything else is a contract error).
 */
const count = z.union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, 'expected a number or numeric string').transform(Number)]);

export const listCampaign = z.object({
  userId: z.string(),
  id: z.string(),
  name: z.string(),
  campaignStatus: z.string(),
  impressions: count,
  clicks: count,
  conversions: count.optional(),
  billingType: z.string(),
  cost: z.number(),
  ctr: z.number(),
  cr: z.number(),
});

export const listData = z.object({
  campaigns: z.array(listCampaign),
  total: z.number(),
  current: z.number(),
  success: z.boolean().optional(),
});

const targeting = z.object({
  includedLanguages: z.array(z.string()).optional(),
  excludedLanguages: z.array(z.string()).optional(),
  includedRegions: z.array(z.string()).optional(),
  excludedRegions: z.array(z.string()).optional(),
  platform: z.string().optional(),
  telegramPremium: z.boolean().optional(),
  userLinkedWallet: z.boolean().optional(),
  userWalletHasBalanceOnChain: z.boolean().optional(),
  userLinkedTonWallet: z.boolean().optional(),
  isHighValueUser: z.boolean().optional(),
});

export const detailData = z.object({
  name: z.string(),
  budget: z.object({ total: z.number(), strategy: z.string(), amount: z.number(), startTime: z.number(), endTime: z.number() }),
  targeting,
  campaignStatus: z.string(),
  bidding: z.object({ billingType: z.string(), costPer: z.number() }),
  ad: z.object({
    adFormat: z.string(),
    popupImage: z.string(),
    icon: z.string(),
    destination: z.object({ url: z.string(), actionType: z.string() }),
    text: z.string(),
    brandName: z.string(),
    buttonText: z.string(),
  }),
});

export const createData = z.object({ campaignId: z.union([z.string(), z.number().transform(String)]) });
export const statusData = z.object({ result: z.string() });

export type WireListCampaign = z.infer<typeof listCampaign>;
export type WireDetail = z.infer<typeof detailData>;
