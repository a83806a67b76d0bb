/**
 * Input validation for the TON.ai simulator, written from the page and the supplement. Every problem
 * becomes one message naming the dotted field path and the rule ("budget.total is required"); the
 * route joins them with "; " so a client sees everything wrong at once.
 *
 * Choices where the docs are silent (each one deliberate, to catch a client that misread the docs):
 * - Fields the page does not list are rejected, so a misspelt optional field (or a detail-only field
 *   such as targeting.userLinkedWallet) cannot be silently dropped.
 * - null is not "omitted": a required field that is null is missing, an optional one is a type error.
 * - Numbers must be JSON numbers (no numeric strings); times must be integer epoch milliseconds.
 */
import {
  ACTION_TYPES,
  AD_FORMAT,
  BILLING_TYPES,
  BUDGET_STRATEGY,
  LANGUAGE_CODE,
  LIMITS,
  PLATFORMS,
  REGIONS,
  STATUS_ACTIONS,
  TELEGRAM_LINK_HOSTS,
  type ActionType,
  type BillingType,
  type Platform,
  type Region,
  type StatusAction,
} from './catalog.js';
import type { TonaiAd, TonaiBudget, TonaiCampaignInput, TonaiTargeting } from './state.js';

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: string[] };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Code points, so an emoji counts as one character. */
function length(s: string): number {
  return [...s].length;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

class Checker {
  readonly issues: string[] = [];

  add(message: string): void {
    this.issues.push(message);
  }

  unknownFields(obj: Json, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.add(`${join(path, key)} is not a known field`);
    }
  }

  /** The value of a required field, or undefined after recording that it is missing. */
  required(obj: Json, key: string, path: string): unknown {
    const value = obj[key];
    if (value === undefined || value === null) {
      this.add(`${join(path, key)} is required`);
      return undefined;
    }
    return value;
  }

  object(obj: Json, key: string, path: string): Json | undefined {
    const value = this.required(obj, key, path);
    if (value === undefined) return undefined;
    if (!isRecord(value)) {
      this.add(`${join(path, key)} must be an object`);
      return undefined;
    }
    return value;
  }

  /** A required, non-empty string of at most `max` characters. */
  string(obj: Json, key: string, path: string, max: number): string | undefined {
    const value = this.required(obj, key, path);
    if (value === undefined) return undefined;
    const name = join(path, key);
    if (typeof value !== 'string') {
      this.add(`${name} must be a string`);
      return undefined;
    }
    // Whitespace alone does not count as content.
    if (value.trim() === '') {
      this.add(`${name} must not be empty`);
      return undefined;
    }
    if (length(value) > max) {
      this.add(`${name} must be at most ${max} characters (got ${length(value)})`);
      return undefined;
    }
    return value;
  }

  enumValue<T extends string>(obj: Json, key: string, path: string, values: readonly T[]): T | undefined {
    const value = this.required(obj, key, path);
    if (value === undefined) return undefined;
    if (!oneOf(values, value)) {
      this.add(`${join(path, key)} must be one of ${values.map((v) => `"${v}"`).join(', ')}`);
      return undefined;
    }
    return value;
  }

  /** A money amount in USDT: a finite JSON number above zero. */
  money(obj: Json, key: string, path: string): number | undefined {
    const value = this.required(obj, key, path);
    if (value === undefined) return undefined;
    const name = join(path, key);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(`${name} must be a number`);
      return undefined;
    }
    if (value <= 0) {
      this.add(`${name} must be greater than 0`);
      return undefined;
    }
    return value;
  }

  epochMs(obj: Json, key: string, path: string): number | undefined {
    const value = this.required(obj, key, path);
    if (value === undefined) return undefined;
    const name = join(path, key);
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.add(`${name} must be an integer (epoch milliseconds)`);
      return undefined;
    }
    if (value < LIMITS.epochMsMin) {
      this.add(`${name} must be epoch milliseconds (got ${value}, which looks like seconds)`);
      return undefined;
    }
    return value;
  }

  url(obj: Json, key: string, path: string): string | undefined {
    const value = this.string(obj, key, path, LIMITS.urlMax);
    if (value === undefined) return undefined;
    if (!httpUrl(value)) {
      this.add(`${join(path, key)} must be an http(s) URL`);
      return undefined;
    }
    return value;
  }

  optionalBoolean(obj: Json, key: string, path: string): boolean {
    const value = obj[key];
    if (value === undefined) return false;
    if (typeof value !== 'boolean') this.add(`${join(path, key)} must be a boolean`);
    return value === true;
  }

  optionalList<T extends string>(
    obj: Json,
    key: string,
    path: string,
    accept: (item: string) => item is T,
    rule: string,
  ): T[] {
    const value = obj[key];
    if (value === undefined) return [];
    const name = join(path, key);
    if (!Array.isArray(value)) {
      this.add(`${name} must be an array of strings`);
      return [];
    }
    const out: T[] = [];
    value.forEach((item: unknown, i) => {
      if (typeof item !== 'string') this.add(`${name}[${i}] must be a string`);
      else if (!accept(item)) this.add(`${name}[${i}] ("${item}") ${rule}`);
      else out.push(item);
    });
    return out;
  }

  /** The same value both included and excluded is a contradiction the platform could not honour. */
  disjoint(included: readonly string[], excluded: readonly string[], includedPath: string, excludedPath: string): void {
    excluded.forEach((item, i) => {
      if (included.includes(item)) this.add(`${excludedPath}[${i}] ("${item}") is also in ${includedPath}`);
    });
  }
}

function httpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function telegramLink(value: string): boolean {
  try {
    return TELEGRAM_LINK_HOSTS.includes(new URL(value).hostname.toLowerCase());
  } catch {
    return false;
  }
}

const isRegion = (item: string): item is Region => oneOf(REGIONS, item);
const isLanguage = (item: string): item is string => LANGUAGE_CODE.test(item);

const CREATE_FIELDS = ['name', 'targeting', 'budget', 'bidding', 'ad'];
const TARGETING_FIELDS = [
  'includedRegions',
  'excludedRegions',
  'includedLanguages',
  'excludedLanguages',
  'platform',
  'telegramPremium',
  'isHighValueUser',
  'userLinkedTonWallet',
];
const BUDGET_FIELDS = ['amount', 'total', 'strategy', 'startTime', 'endTime'];
const BIDDING_FIELDS = ['billingType', 'costPer'];
const AD_FIELDS = ['adFormat', 'popupImage', 'icon', 'destination', 'text', 'brandName', 'buttonText'];
const DESTINATION_FIELDS = ['actionType', 'url'];

function checkTargeting(c: Checker, body: Json): TonaiTargeting | undefined {
  const t = c.object(body, 'targeting', '');
  if (!t) return undefined;
  c.unknownFields(t, TARGETING_FIELDS, 'targeting');
  const regionRule = 'is not a published region';
  const languageRule = 'must be a 2-letter lowercase language code';
  const includedRegions = c.optionalList(t, 'includedRegions', 'targeting', isRegion, regionRule);
  const excludedRegions = c.optionalList(t, 'excludedRegions', 'targeting', isRegion, regionRule);
  const includedLanguages = c.optionalList(t, 'includedLanguages', 'targeting', isLanguage, languageRule);
  const excludedLanguages = c.optionalList(t, 'excludedLanguages', 'targeting', isLanguage, languageRule);
  c.disjoint(includedRegions, excludedRegions, 'targeting.includedRegions', 'targeting.excludedRegions');
  c.disjoint(includedLanguages, excludedLanguages, 'targeting.includedLanguages', 'targeting.excludedLanguages');
  // The page says "use All", so All is also the default when platform is omitted.
  let platform: Platform = 'All';
  if (t['platform'] !== undefined) {
    if (oneOf(PLATFORMS, t['platform'])) platform = t['platform'];
    else c.add(`targeting.platform must be one of ${PLATFORMS.map((p) => `"${p}"`).join(', ')}`);
  }
  return {
    includedRegions,
    excludedRegions,
    includedLanguages,
    excludedLanguages,
    platform,
    telegramPremium: c.optionalBoolean(t, 'telegramPremium', 'targeting'),
    isHighValueUser: c.optionalBoolean(t, 'isHighValueUser', 'targeting'),
    userLinkedTonWallet: c.optionalBoolean(t, 'userLinkedTonWallet', 'targeting'),
    // Detail-only fields that create cannot set.
    userLinkedWallet: false,
    userWalletHasBalanceOnChain: false,
  };
}

function checkBudget(c: Checker, body: Json, now: number): TonaiBudget | undefined {
  const b = c.object(body, 'budget', '');
  if (!b) return undefined;
  c.unknownFields(b, BUDGET_FIELDS, 'budget');
  const amount = c.money(b, 'amount', 'budget');
  const total = c.money(b, 'total', 'budget');
  const strategy = c.enumValue(b, 'strategy', 'budget', [BUDGET_STRATEGY]);
  const startTime = c.epochMs(b, 'startTime', 'budget');
  const endTime = c.epochMs(b, 'endTime', 'budget');
  if (amount !== undefined && total !== undefined && amount > total) {
    c.add(`budget.amount (daily, ${amount}) must not exceed budget.total (${total})`);
  }
  if (startTime !== undefined && endTime !== undefined && startTime >= endTime) {
    c.add('budget.startTime must be before budget.endTime');
  }
  // A start in the past is accepted (the campaign starts at once); an end in the past is not.
  if (endTime !== undefined && endTime <= now) c.add('budget.endTime must be in the future');
  if (amount === undefined || total === undefined || !strategy || startTime === undefined || endTime === undefined) {
    return undefined;
  }
  return { amount, total, strategy, startTime, endTime };
}

function checkBidding(c: Checker, body: Json): { billingType: BillingType; costPer: number } | undefined {
  const b = c.object(body, 'bidding', '');
  if (!b) return undefined;
  c.unknownFields(b, BIDDING_FIELDS, 'bidding');
  const billingType = c.enumValue(b, 'billingType', 'bidding', BILLING_TYPES);
  const costPer = c.money(b, 'costPer', 'bidding');
  return billingType && costPer !== undefined ? { billingType, costPer } : undefined;
}

function checkAd(c: Checker, body: Json): TonaiAd | undefined {
  const a = c.object(body, 'ad', '');
  if (!a) return undefined;
  c.unknownFields(a, AD_FIELDS, 'ad');
  const adFormat = c.enumValue(a, 'adFormat', 'ad', [AD_FORMAT]);
  const popupImage = c.url(a, 'popupImage', 'ad');
  const icon = c.url(a, 'icon', 'ad');
  let destination: { actionType: ActionType; url: string } | undefined;
  const d = c.object(a, 'destination', 'ad');
  if (d) {
    c.unknownFields(d, DESTINATION_FIELDS, 'ad.destination');
    const actionType = c.enumValue(d, 'actionType', 'ad.destination', ACTION_TYPES);
    const url = c.url(d, 'url', 'ad.destination');
    if (actionType === 'join.telegram' && url !== undefined && !telegramLink(url)) {
      c.add('ad.destination.url must be a t.me link when ad.destination.actionType is "join.telegram"');
    } else if (actionType && url !== undefined) {
      destination = { actionType, url };
    }
  }
  // Every creative string is required, so an empty one counts as missing content (text: 1–50).
  const text = c.string(a, 'text', 'ad', LIMITS.textMax);
  const brandName = c.string(a, 'brandName', 'ad', LIMITS.brandNameMax);
  const buttonText = c.string(a, 'buttonText', 'ad', LIMITS.buttonTextMax);
  if (!adFormat || !popupImage || !icon || !destination || !text || !brandName || !buttonText) return undefined;
  return { adFormat, popupImage, icon, destination, text, brandName, buttonText };
}

export function validateCreate(body: unknown, now: number): Validation<TonaiCampaignInput> {
  if (!isRecord(body)) return { ok: false, issues: ['body must be a JSON object'] };
  const c = new Checker();
  c.unknownFields(body, CREATE_FIELDS, '');
  const name = c.string(body, 'name', '', LIMITS.nameMax);
  const targeting = checkTargeting(c, body);
  const budget = checkBudget(c, body, now);
  const bidding = checkBidding(c, body);
  const ad = checkAd(c, body);
  if (c.issues.length > 0 || !name || !targeting || !budget || !bidding || !ad) {
    return { ok: false, issues: c.issues.length > 0 ? c.issues : ['body is invalid'] };
  }
  return { ok: true, value: { name, targeting, budget, bidding, ad } };
}

export function validateStatusChange(body: unknown): Validation<{ campaignId: string; status: StatusAction }> {
  if (!isRecord(body)) return { ok: false, issues: ['body must be a JSON object'] };
  const c = new Checker();
  c.unknownFields(body, ['campaignId', 'status'], '');
  // The page types campaignId as a string; a number is a client bug even if it names a campaign.
  const campaignId = c.string(body, 'campaignId', '', 64);
  const status = c.enumValue(body, 'status', '', STATUS_ACTIONS);
  if (c.issues.length > 0 || !campaignId || !status) return { ok: false, issues: c.issues };
  return { ok: true, value: { campaignId, status } };
}

/**
 * A page query parameter: absent means the default; anything else must be a positive integer in
 * decimal digits (so "", "0", "-1", "1.5", "abc" are all rejected rather than guessed at).
 */
function pageParam(query: URLSearchParams, name: string, fallback: number, c: Checker): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    c.add(`${name} must be a positive integer (got "${raw}")`);
    return fallback;
  }
  return value;
}

export function validateListQuery(query: URLSearchParams): Validation<{ current: number; pageSize: number }> {
  const c = new Checker();
  const current = pageParam(query, 'current', LIMITS.currentDefault, c);
  // Page: "a page returns at most 100". Choice: a larger pageSize is clamped, not rejected.
  const pageSize = Math.min(pageParam(query, 'pageSize', LIMITS.pageSizeDefault, c), LIMITS.pageSizeMax);
  if (c.issues.length > 0) return { ok: false, issues: c.issues };
  return { ok: true, value: { current, pageSize } };
}

export function validateDetailQuery(query: URLSearchParams): Validation<{ campaignId: string }> {
  const campaignId = query.get('campaignId');
  if (campaignId === null || campaignId.trim() === '') return { ok: false, issues: ['campaignId is required'] };
  return { ok: true, value: { campaignId } };
}
