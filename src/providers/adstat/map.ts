/**
 * AdStat wire → domain. Every AdStat date, money and status conversion happens here.
 */
import type {
  Account,
  AccountDetails,
  AdType,
  AccountStatus,
  AdstatCampaign,
  AdvertisementDetails,
  AdvertisementStatus,
  AdvertisementSummary,
  Audience,
  CampaignStatus,
  KktuNode,
  Money,
  PixelEvent,
  Statistics,
  Weekday,
} from '../../domain/model.js';
import { money, moneyOrNull, parseIsoDateTime, utcDate } from '../../domain/values.js';
import {
  AD_TYPES,
  type KktuWireNode,
  type WireAdvertisementDetails,
  type WireAdvertisementRow,
  type WireAudience,
  type WireCabinetItem,
  type WireCabinetName,
  type WireCampaign,
  type WirePixelEvent,
  type WireSchedule,
} from './wire.js';

/**
 * The advertisement list carries no currency. The create body's `currency_code` defaults to EUR and
 * the dashboard balances are in EUR, so list amounts are read as EUR; details carry their own.
 */
export const DEFAULT_CURRENCY = 'EUR';

const AD_STATUS: Record<string, AdvertisementStatus> = {
  active: 'ACTIVE',
  stopped: 'STOPPED',
  deleted: 'DELETED',
  on_hold: 'ON_HOLD',
  'on hold': 'ON_HOLD',
  declined: 'DECLINED',
  in_review: 'IN_REVIEW',
};

const CAMPAIGN_STATUS: Record<string, CampaignStatus> = { active: 'ACTIVE', not_active: 'INACTIVE' };
const ACCOUNT_STATUS: Record<string, AccountStatus> = { active: 'ACTIVE', inactive: 'INACTIVE' };

export function advertisementStatus(raw: string): AdvertisementStatus {
  return AD_STATUS[raw.trim().toLowerCase()] ?? 'UNKNOWN';
}

/** Wire value → domain name, built once (looked up for every row of every page). */
const AD_TYPE_OF = new Map<string, Exclude<AdType, 'UNKNOWN'>>((Object.entries(AD_TYPES) as [Exclude<AdType, 'UNKNOWN'>, string][]).map(([name, wire]) => [wire, name]));

export function adTypeOf(raw: string): AdType {
  return AD_TYPE_OF.get(raw.trim().toLowerCase()) ?? 'UNKNOWN';
}

export function campaignStatus(raw: string): CampaignStatus {
  return CAMPAIGN_STATUS[raw.trim().toLowerCase()] ?? 'UNKNOWN';
}

/** Two ASCII digits at `at` as a number, else -1 (what `\d{2}` matches). */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 0x30;
  const ones = text.charCodeAt(at + 1) - 0x30;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * The list's `created_dt`, exactly "dd.mm.yyyy hh:mm:ss", as UTC; null when it is not one. Scanned
 * by position rather than with a regular expression: it is read for every row of a page that
 * selects `createdAt`, and the expression (with its seven captured strings) was four fifths of the
 * conversion's cost. Out-of-range parts (31.04, 25:00) are null through utcDate, as before.
 */
function listCreatedDate(text: string): Date | null {
  if (text.length !== 19) return null;
  if (text.charCodeAt(2) !== 0x2e || text.charCodeAt(5) !== 0x2e || text.charCodeAt(10) !== 0x20 || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return null;
  const day = twoDigits(text, 0);
  const month = twoDigits(text, 3);
  const century = twoDigits(text, 6);
  const yearOfCentury = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (day < 0 || month < 0 || century < 0 || yearOfCentury < 0 || hour < 0 || minute < 0 || second < 0) return null;
  return utcDate(century * 100 + yearOfCentury, month, day, hour, minute, second);
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * AdStat's status times, "2026-12-02T06:30:37.030146+00:00" (the form of every list row's
 * `status_updated_dt`), read by position: parseIsoDateTime's instant for that form at a fraction of
 * its expression's cost. Undefined for any other text, which parseIsoDateTime reads (one reading of
 * ISO 8601 in the end: this only skips the expression where the text is plainly the full form).
 */
function statusTime(text: string): Date | null | undefined {
  const length = text.length;
  if (length < 20 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54 || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 0 || yearOfCentury < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let at = 19;
  // Milliseconds: the fraction's first three digits, the rest dropped (as parseIsoDateTime does).
  let ms = 0;
  if (text.charCodeAt(at) === 0x2e) {
    at += 1;
    const start = at;
    while (at < length && isDigit(text.charCodeAt(at))) {
      if (at - start < 3) ms = ms * 10 + (text.charCodeAt(at) - 0x30);
      at += 1;
    }
    if (at === start) return undefined;
    for (let place = at - start; place < 3; place++) ms *= 10;
  }
  const sign = text.charCodeAt(at);
  if (sign === 0x5a && at + 1 === length) return utcDate(century * 100 + yearOfCentury, month, day, hour, minute, second, ms);
  if ((sign !== 0x2b && sign !== 0x2d) || at + 6 !== length || text.charCodeAt(at + 3) !== 0x3a) return undefined;
  const offsetHours = twoDigits(text, at + 1);
  const offsetMinutes = twoDigits(text, at + 4);
  if (offsetHours < 0 || offsetMinutes < 0) return undefined;
  const base = utcDate(century * 100 + yearOfCentury, month, day, hour, minute, second, ms);
  const offset = (sign === 0x2d ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return base === null || offset === 0 ? base : new Date(base.getTime() - offset * 60_000);
}

/**
 * AdStat dates: "09.01.1998 09:04:26" (list `created_dt`, no zone given: read as UTC, as the
 * status times beside it are UTC) or ISO 8601 with an offset. Anything else is null, never an error.
 */
export function adstatDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const trimmed = text.trim();
  // Only "dd.…" can be the list format, and an ISO date cannot have a dot there.
  if (trimmed.charCodeAt(2) === 0x2e) return listCreatedDate(trimmed);
  const status = statusTime(trimmed);
  return status === undefined ? parseIsoDateTime(text) : status;
}

export function cabinetFromName(connectionId: string, wire: WireCabinetName): Account {
  return {
    provider: 'ADSTAT',
    connectionId,
    providerId: wire.account_uid,
    name: wire.name,
    currency: DEFAULT_CURRENCY,
    balance: money(wire.balance, DEFAULT_CURRENCY),
    audiencesAllowed: wire.is_audience_allowed,
    labellingMode: wire.mode,
  };
}

export function cabinetDetails(wire: WireCabinetItem): AccountDetails {
  return {
    status: ACCOUNT_STATUS[wire.status.trim().toLowerCase()] ?? 'UNKNOWN',
    rawStatus: wire.status,
    balanceTotal: money(wire.balance_total, DEFAULT_CURRENCY),
    balanceAvailable: money(wire.balance_available, DEFAULT_CURRENCY),
    balanceActive: money(wire.balance_active, DEFAULT_CURRENCY),
    balanceSpent: money(wire.balance_spent, DEFAULT_CURRENCY),
    legalName: wire.legal_name,
    categoryKey: wire.category_key,
    categoryName: wire.category_name,
    promotedObjects: wire.objects,
  };
}

/**
 * An advertisement-list row as the domain's AdvertisementSummary, each converted field (Money, Date,
 * normalized status, statistics) built when first read and then kept. A 500-row page mostly answers
 * queries that select a handful of its fields, and building every Money and Date of every row up
 * front was most of the CPU a cold page cost beyond parsing it (measured: ~3 µs of ~4 µs a row).
 * Holds the validated wire row itself, which stays plain data: the cache keeps that row, not this view
 * (see AdstatClient.listedPage), so either state-store backend serialises the same thing.
 * The `#` fields are invisible to spreads and JSON on purpose: a view is read through its getters.
 */
class ListedAdvertisement implements AdvertisementSummary {
  readonly provider = 'ADSTAT' as const;
  readonly #wire: WireAdvertisementRow;
  // `undefined`: not converted yet (null is a converted value for the dates).
  #status: AdvertisementStatus | undefined = undefined;
  #adType: AdType | undefined = undefined;
  #statusUpdatedAt: Date | null | undefined = undefined;
  #createdAt: Date | null | undefined = undefined;
  #bid: Money | undefined = undefined;
  #balance: Money | undefined = undefined;
  #statistics: Statistics | undefined = undefined;

  constructor(
    readonly connectionId: string,
    wire: WireAdvertisementRow,
    /** When the page was read (one Date shared by the page's rows). */
    readonly fetchedAt: Date | undefined,
  ) {
    this.#wire = wire;
  }

  get id(): number {
    return this.#wire.id;
  }
  get accountName(): string {
    return this.#wire.account_name;
  }
  get title(): string {
    return this.#wire.advertisement_title;
  }
  get text(): string {
    return this.#wire.ad_text;
  }
  get adType(): AdType {
    return (this.#adType ??= adTypeOf(this.#wire.ad_type));
  }
  get rawAdType(): string {
    return this.#wire.ad_type;
  }
  get actionType(): string | null {
    return this.#wire.action_type;
  }
  get campaignId(): number {
    return this.#wire.campaign_id;
  }
  get campaignName(): string {
    return this.#wire.campaign_name;
  }
  get promotedObject(): string {
    return this.#wire.object;
  }
  get status(): AdvertisementStatus {
    return (this.#status ??= advertisementStatus(this.#wire.status));
  }
  get rawStatus(): string {
    return this.#wire.status;
  }
  get statusUpdatedAt(): Date | null {
    if (this.#statusUpdatedAt === undefined) this.#statusUpdatedAt = adstatDate(this.#wire.status_updated_dt);
    return this.#statusUpdatedAt;
  }
  get createdAt(): Date | null {
    if (this.#createdAt === undefined) this.#createdAt = adstatDate(this.#wire.created_dt);
    return this.#createdAt;
  }
  get kktuCodes(): string[] {
    return this.#wire.kktu_codes;
  }
  get targetTopics(): string[] {
    return this.#wire.target_topics;
  }
  get bid(): Money {
    return (this.#bid ??= money(this.#wire.cpm, DEFAULT_CURRENCY));
  }
  get balance(): Money {
    return (this.#balance ??= money(this.#wire.balance, DEFAULT_CURRENCY));
  }
  get statistics(): Statistics {
    return (this.#statistics ??= new ListedStatistics(this.#wire, this));
  }
}

/** The statistics of a list row, converted as they are read (see ListedAdvertisement). */
class ListedStatistics implements Statistics {
  readonly conversions = null;
  readonly #wire: WireAdvertisementRow;
  readonly #ad: ListedAdvertisement;
  #cpc: Money | undefined = undefined;
  #cps: Money | undefined = undefined;
  #spent: Money | undefined = undefined;

  constructor(wire: WireAdvertisementRow, ad: ListedAdvertisement) {
    this.#wire = wire;
    this.#ad = ad;
  }

  get impressions(): number {
    return this.#wire.impressions;
  }
  get clicks(): number {
    return this.#wire.clicks;
  }
  get goals(): number {
    return this.#wire.goals;
  }
  get videoOpens(): number | null {
    return this.#wire.opened;
  }
  // AdStat's figures are percentages (its campaign example: 128 clicks of 15,400 impressions, ctr 0.83).
  get ctr(): number {
    return this.#wire.ctr;
  }
  get cvr(): number {
    return this.#wire.cvr;
  }
  get providerCtr(): number {
    return this.#wire.ctr;
  }
  get providerCvr(): number {
    return this.#wire.cvr;
  }
  get cpc(): Money {
    return (this.#cpc ??= money(this.#wire.cpc, DEFAULT_CURRENCY));
  }
  /** The row's bid: the list's one `cpm` is both, so one Money serves both fields. */
  get cpm(): Money {
    return this.#ad.bid;
  }
  get cps(): Money {
    return (this.#cps ??= money(this.#wire.cps, DEFAULT_CURRENCY));
  }
  get spent(): Money {
    return (this.#spent ??= money(this.#wire.spent, DEFAULT_CURRENCY));
  }
}

/** `fetchedAt`: when the page was read (given here rather than by a copy of each mapped row). */
export function advertisementFromRow(connectionId: string, row: WireAdvertisementRow, fetchedAt?: Date): AdvertisementSummary {
  return new ListedAdvertisement(connectionId, row, fetchedAt);
}

const WEEKDAYS: [keyof WireSchedule, Weekday][] = [
  ['mon', 'MONDAY'],
  ['tue', 'TUESDAY'],
  ['wed', 'WEDNESDAY'],
  ['thu', 'THURSDAY'],
  ['fri', 'FRIDAY'],
  ['sat', 'SATURDAY'],
  ['sun', 'SUNDAY'],
];

/** Decline reasons have no published shape: take the first text-like property as the message. */
function declineReason(raw: string | Record<string, unknown>): { code: string | null; message: string } {
  if (typeof raw === 'string') return { code: null, message: raw };
  const text = ['text', 'message', 'detail', 'reason', 'description', 'title'].map((k) => raw[k]).find((v) => typeof v === 'string');
  const code = ['code', 'type', 'key'].map((k) => raw[k]).find((v) => typeof v === 'string' || typeof v === 'number');
  return { code: code === undefined ? null : String(code), message: typeof text === 'string' ? text : JSON.stringify(raw) };
}

const asStrings = (values: (string | number)[]): string[] => values.map(String);

/** AdStat sends `event` on every ad, with null fields when the ad has none: that is no event. */
function pixelEventOf(event: WireAdvertisementDetails['event']): AdvertisementDetails['pixelEvent'] {
  const tgEventId = event?.tg_event_id ?? event?.tg_id ?? null;
  const name = event?.name ?? null;
  return tgEventId === null && name === null ? null : { tgEventId, name };
}

export function advertisementFromDetails(connectionId: string, wire: WireAdvertisementDetails): AdvertisementDetails {
  const currency = wire.currency || DEFAULT_CURRENCY;
  const afterModeration = wire.after_moderation_status;
  return {
    connectionId,
    id: wire.ad_id,
    telegramId: wire.telegram_id,
    accountId: wire.account_id,
    accountName: wire.account_name,
    campaignId: wire.campaign_id,
    campaignName: wire.campaign_name,
    title: wire.title,
    text: wire.text,
    adType: adTypeOf(wire.ad_type),
    rawAdType: wire.ad_type,
    status: advertisementStatus(wire.status),
    rawStatus: wire.status,
    statusUpdatedAt: adstatDate(wire.status_updated_dt),
    currency,
    tgAccountType: wire.tg_account_type,
    targeting: {
      languages: wire.langs,
      topics: asStrings(wire.topics),
      channels: asStrings(wire.channels),
      userChannels: wire.target_user_channels,
      bots: wire.target_bots?.map((b) => ({ id: b.id ?? null, url: b.url, title: b.title ?? null, photoUrl: b.photo_url ?? null })) ?? null,
      searchQueries: wire.target_search,
      countries: wire.countries,
      locations: wire.user_locations,
      audiences: wire.audiences,
      excludedTopics: asStrings(wire.exclude_topics),
      excludedChannels: asStrings(wire.exclude_channels),
      excludedUserChannels: wire.exclude_target_user_channels,
      excludedAudiences: wire.exclude_audiences,
      usesAudiences: wire.is_audiences,
      usesExcludedAudiences: wire.is_exclude_audiences,
      device: wire.device,
      onlyCrypto: wire.only_crypto,
      excludeCrypto: wire.exclude_crypto,
      excludePolitical: wire.exclude_politic,
      allTopicsInterestedUsers: wire.all_topics_interested_users,
      viewsPerUser: wire.views_per_user,
    },
    creative: {
      media: wire.media,
      buttonType: wire.button_type,
      promotedUrl: wire.promote_url,
      promotedTitle: wire.promote_url_title,
      promotedPhoto: wire.promote_url_photo,
      promotedPictureId: wire.promote_url_picture_id,
      showPicture: wire.show_picture,
      websiteName: wire.website_name,
      websitePhotoUrl: wire.website_photo_url,
      isWebsite: wire.is_website,
    },
    budget: { cpm: money(wire.cpm, currency), total: money(wire.budget, currency), daily: moneyOrNull(wire.daily_budget, currency) },
    schedule: {
      days: wire.schedule ? WEEKDAYS.map(([key, day]) => ({ day, hours: [...wire.schedule![key]].sort((a, b) => a - b) })) : null,
      timezoneOffsetSeconds: wire.schedule_timezone,
      useSelectedTimezone: wire.use_selected_timezone,
      startDate: adstatDate(wire.start_date),
      endDate: adstatDate(wire.end_date),
    },
    moderation: {
      declineReasons: (wire.decline_reason ?? []).map(declineReason),
      nonEditableFields: wire.cannot_edit_fields,
      afterModerationStatus: afterModeration ? advertisementStatus(afterModeration) : null,
      rawAfterModerationStatus: afterModeration,
    },
    labelling: { erid: wire.other_info, kktuIds: wire.kktu_ids },
    pixelEvent: pixelEventOf(wire.event),
  };
}

export function campaignFromWire(connectionId: string, wire: WireCampaign): AdstatCampaign {
  return {
    provider: 'ADSTAT',
    connectionId,
    id: wire.id,
    name: wire.name,
    description: wire.description,
    accountId: wire.account_id,
    accountName: wire.account_name,
    status: campaignStatus(wire.status),
    rawStatus: wire.status,
    advertisementCount: wire.number_of_advertisements,
    budget: moneyOrNull(wire.budget, DEFAULT_CURRENCY),
    statistics: {
      impressions: wire.impressions,
      clicks: wire.clicks,
      goals: wire.goals,
      conversions: null,
      videoOpens: null,
      ctr: wire.ctr,
      cvr: null,
      providerCtr: wire.ctr,
      providerCvr: null,
      cpc: moneyOrNull(wire.cpc, DEFAULT_CURRENCY),
      cpm: moneyOrNull(wire.cpm, DEFAULT_CURRENCY),
      cps: moneyOrNull(wire.cps, DEFAULT_CURRENCY),
      spent: money(wire.spent, DEFAULT_CURRENCY),
    },
  };
}

export function kktuFromWire(nodes: KktuWireNode[], level = 1, parentId: string | null = null): KktuNode[] {
  return nodes.map((n) => ({
    id: n.id,
    treeId: n.tree_id,
    code: n.code,
    name: n.name,
    level,
    parentId,
    children: kktuFromWire(n.children, level + 1, n.id),
  }));
}

export function pixelEventFromWire(connectionId: string, accountId: string, wire: WirePixelEvent): PixelEvent {
  return {
    connectionId,
    accountId,
    id: wire.id,
    pixelId: wire.pixel_id,
    tgEventId: wire.tg_event_id,
    title: wire.title,
    type: wire.type,
    status: wire.status,
    adsCount: wire.ads_count,
    createdAt: adstatDate(wire.created_at),
    lastTriggeredAt: adstatDate(wire.last_triggered_at),
    codeSnippet: wire.code_snippet,
  };
}

export function audienceFromWire(connectionId: string, accountId: string, wire: WireAudience): Audience {
  return { connectionId, accountId, telegramId: wire.telegram_id, title: wire.title };
}
