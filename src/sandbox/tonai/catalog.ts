/**
 * Every enumeration, limit and path the TON.ai simulator uses, in one place, so that a change in the
 * provider's docs is a change here only.
 *
 * Sources: the provider's page (tonai-api.original-zh.txt, which wins on any disagreement) and, where
 * the page is silent, the supplement taken from the provider's newer (Ads3) documentation.
 */

/** Paths as published on the page. */
export const TONAI_PATHS = {
  create: '/api/v2/openapi/ad/campaign/create',
  status: '/api/v2/openapi/ad/campaign/status',
  list: '/api/v2/openapi/ad/campaign/list',
  detail: '/api/v2/openapi/ad/campaign/detail',
} as const;

/** Endpoint keys as SimServer counts them (`server.controls.count(...)`, fault rules). */
export const TONAI_ENDPOINTS = {
  create: `POST ${TONAI_PATHS.create}`,
  status: `POST ${TONAI_PATHS.status}`,
  list: `GET ${TONAI_PATHS.list}`,
  detail: `GET ${TONAI_PATHS.detail}`,
} as const;

/** The auth header named by the page (the newer surface's `open-api-key` is not accepted here). */
export const API_KEY_HEADER = 'x-api-key';

/** campaignStatus values (supplement). */
export const CAMPAIGN_STATUSES = [
  'onGoing',
  'paused',
  'systemPaused',
  'ended',
  'auditing',
  'reject',
  'pending',
  'readyToStart',
  'fail',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Values of `status` accepted by POST .../campaign/status (page). */
export const STATUS_ACTIONS = ['start', 'paused', 'end'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

/** The page accepts only these two; the newer surface's CPA, oCPC and oCPM are rejected on purpose. */
export const BILLING_TYPES = ['CPM', 'CPC'] as const;
export type BillingType = (typeof BILLING_TYPES)[number];

/** Fixed values (page). */
export const BUDGET_STRATEGY = 'daily';
export const AD_FORMAT = 'image';

/** Destination action types (supplement). */
export const ACTION_TYPES = ['visit.website', 'join.telegram'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Hosts that count as "a Telegram link" for join.telegram. The supplement says only "Telegram link";
 * t.me is the form the page's own example uses, so only it is accepted (telegram.me is not). */
export const TELEGRAM_LINK_HOSTS: readonly string[] = ['t.me'];

/** Regions (supplement); matched exactly, case-sensitive, as published. */
export const REGIONS = [
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
] as const;
export type Region = (typeof REGIONS)[number];

/** Platforms (supplement; the page says only "use All"). Case-sensitive. */
export const PLATFORMS = ['All', 'Android', 'iOS'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Language codes as in the page's examples ("hi", "fr"): ISO 639-1, two lowercase letters. */
export const LANGUAGE_CODE = /^[a-z]{2}$/;

export const LIMITS = {
  /** Not published; 100 is a generous cap that still catches a client sending a whole description. */
  nameMax: 100,
  /** Creative limits (supplement), counted in Unicode code points so an emoji counts once. */
  textMax: 50,
  brandNameMax: 40,
  buttonTextMax: 20,
  /** Not published; the common browser limit, to catch a client sending a data: URI or garbage. */
  urlMax: 2048,
  /** Page: "a page returns at most 100". */
  pageSizeMax: 100,
  pageSizeDefault: 20,
  currentDefault: 1,
  /**
   * Epoch milliseconds below this (2001-09-09) are taken to be seconds sent by mistake: the page
   * says timestamps and its examples are milliseconds, and a seconds value is a classic misread.
   */
  epochMsMin: 1_000_000_000_000,
  /** Not published; a create or status body is well under 2 KB. */
  bodyMaxBytes: 64 * 1024,
} as const;
