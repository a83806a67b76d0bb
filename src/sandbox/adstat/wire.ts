/**
 * Wire shapes: every field name, order, date format and nullability AdStat publishes is produced
 * here from the simulator's records, and nowhere else.
 */
import { createHash } from 'node:crypto';
import { round2, type AdstatState } from './state.js';
import type { Advertisement, Cabinet, Campaign, DeclineReason, PixelEvent } from './types.js';

/** Topic catalogue: ads are created with topic ids; the details and the list show names. */
export const TOPICS: ReadonlyMap<number, string> = new Map([
  [1, 'Crypto'], [2, 'Education'], [3, 'Business & Startups'], [4, 'Technology'], [5, 'News & Media'],
  [6, 'Economics & Finance'], [7, 'Marketing'], [8, 'Travel'], [9, 'Health & Fitness'], [10, 'Food & Cooking'],
  [11, 'Fashion & Beauty'], [12, 'Games'], [13, 'Music'], [14, 'Movies'], [15, 'Real Estate'],
  [16, 'Sports'], [17, 'Psychology'], [18, 'Languages'], [19, 'Career'], [20, 'Entertainment'],
]);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `created_dt`: "DD.MM.YYYY HH:mm:ss" in UTC, as in the list example. */
export function formatCreatedDt(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** ISO 8601 in UTC with "+00:00"; with microseconds (the last three digits derived from `salt`) like `status_updated_dt`. */
export function formatIso(ms: number, micros?: { salt: number }): string {
  const d = new Date(ms);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (!micros) return `${base}+00:00`;
  return `${base}.${pad(d.getUTCMilliseconds(), 3)}${pad(Math.abs(micros.salt * 7919) % 1000, 3)}+00:00`;
}

const TELEGRAM_LINK = /^(https?:\/\/)?(www\.)?(t|telegram)\.me\/(.+)$/i;
/** Private channel invite links: t.me/+HASH or t.me/joinchat/HASH, with or without a scheme. */
const INVITE_LINK = /^(https?:\/\/)?(www\.)?(t|telegram)\.me\/(\+|joinchat\/)[\w-]+\/?$/i;

export const isInviteLink = (url: string): boolean => INVITE_LINK.test(url.trim());
export const isTelegramLink = (url: string): boolean => TELEGRAM_LINK.test(url.trim());
export const isWebsiteUrl = (url: string): boolean => /^https?:\/\/[^\s/.]+\.[^\s]+$/i.test(url.trim()) && !isTelegramLink(url);

/** "t.me/name" for a Telegram link, the host for a website. */
export function objectOf(url: string): string {
  const trimmed = url.trim();
  const tg = TELEGRAM_LINK.exec(trimmed);
  if (tg) return `t.me/${tg[4]!.replace(/\/+$/, '')}`;
  try {
    return new URL(trimmed).host;
  } catch {
    return trimmed;
  }
}

const shortHash = (value: string): string => createHash('sha1').update(value).digest('hex').slice(0, 16);

function telegramName(url: string): string {
  return objectOf(url).replace(/^t\.me\//, '');
}

function titleCase(name: string): string {
  return name
    .split(/[_\-.]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * `tg_account_type` (a number, values unpublished): the simulator's choice is 0 for a website,
 * 1 for a channel, 2 for a bot.
 */
function tgAccountType(ad: Advertisement): number {
  if (!isTelegramLink(ad.promoteUrl)) return 0;
  return /bot$/i.test(telegramName(ad.adObject ?? ad.promoteUrl)) ? 2 : 1;
}

/** The one place that decides the unpublished `decline_reason` item shape. */
export function declineReasonWire(reason: DeclineReason): { code: string; text: string } {
  return { code: reason.code, text: reason.text };
}

function topicNames(ids: number[], verbose: string[]): string[] {
  return ids.map((id, i) => TOPICS.get(id) ?? verbose[i] ?? String(id));
}

function channelNames(ids: number[], verbose: string[]): string[] {
  return verbose.length > 0 ? [...verbose] : ids.map(String);
}

function rates(ad: Advertisement): { ctr: number; cpc: number; cps: number; cvr: number } {
  const { impressions, clicks, goals, spent } = ad.stats;
  return {
    ctr: impressions > 0 ? round2((clicks / impressions) * 100) : 0,
    cpc: clicks > 0 ? round2(spent / clicks) : 0,
    cps: goals > 0 ? round2(spent / goals) : 0,
    cvr: clicks > 0 ? round2((goals / clicks) * 100) : 0,
  };
}

/** One item of `GET /api/v2/advertisement/`: exactly the documented fields. */
export function adListItem(state: AdstatState, ad: Advertisement): Record<string, unknown> {
  const cabinet = state.cabinets.get(ad.accountId);
  const campaign = state.campaigns.get(ad.campaignId);
  const r = rates(ad);
  return {
    account_name: cabinet?.name ?? '',
    action_type: ad.actionType,
    ad_text: ad.text,
    ad_type: ad.adType,
    advertisement_title: ad.title,
    balance: state.adBalance(ad),
    campaign_id: ad.campaignId,
    campaign_name: campaign?.name ?? '',
    clicks: ad.stats.clicks,
    cpc: r.cpc,
    cpm: ad.cpm,
    cps: r.cps,
    created_dt: formatCreatedDt(ad.createdAt),
    ctr: r.ctr,
    cvr: r.cvr,
    goals: ad.stats.goals,
    id: ad.id,
    impressions: ad.stats.impressions,
    kktu_codes: ad.kktuIds.map((id) => state.kktu.get(id)?.node.code).filter((c): c is string => c !== undefined),
    object: ad.adObject ? objectOf(ad.adObject) : objectOf(ad.promoteUrl),
    opened: ad.stats.opened,
    spent: ad.stats.spent,
    status: ad.status,
    status_updated_dt: formatIso(ad.statusUpdatedAt, { salt: ad.id }),
    target_topics: topicNames(ad.topics, ad.topicsVerbose),
  };
}

/**
 * `cannot_edit_fields` (values unpublished; the simulator's rule): once an ad has passed moderation
 * its promoted URL is fixed, and in an auto-labelling cabinet so is its KKTU (the creative is
 * registered with the ORD under it). A deleted ad can change nothing.
 */
export function cannotEditFields(state: AdstatState, ad: Advertisement): string[] {
  if (ad.status === 'deleted') return [...EDITABLE_FIELDS];
  if (ad.status === 'in_review' || ad.status === 'declined') return [];
  const cabinet = state.cabinets.get(ad.accountId);
  return cabinet?.mode === 'auto_labeling' ? ['promote_url', 'kktu_ids'] : ['promote_url'];
}

/** The documented PUT body fields, plus `tg_event_id` (the 02.06.2025 update says edit takes it; the PUT table omits it). */
export const EDITABLE_FIELDS = [
  'title', 'text', 'promote_url', 'cpm', 'other_info', 'media_token', 'website_name', 'views_per_user',
  'show_picture', 'promote_url_picture_id', 'button_type', 'daily_budget', 'after_moderation_status',
  'start_date', 'end_date', 'schedule', 'use_selected_timezone', 'schedule_timezone', 'kktu_ids', 'tg_event_id',
] as const;

/** `GET /api/advertisement/telegram/{ad_id}`: exactly the documented details fields, in the page's order. */
export function adDetails(state: AdstatState, ad: Advertisement): Record<string, unknown> {
  const cabinet = state.cabinets.get(ad.accountId);
  const campaign = state.campaigns.get(ad.campaignId);
  const media = ad.mediaToken ? state.media.get(ad.mediaToken) : undefined;
  const isWebsite = !isTelegramLink(ad.promoteUrl);
  const shown = ad.adObject ?? ad.promoteUrl;
  const event = ad.tgEventId ? state.pixelEvents.find((e) => e.accountId === ad.accountId && e.tgEventId === ad.tgEventId) : undefined;
  return {
    ad_id: ad.id,
    telegram_id: ad.telegramId,
    account_id: ad.accountId,
    account_name: cabinet?.name ?? '',
    campaign_id: ad.campaignId,
    campaign_name: campaign?.name ?? '',
    title: ad.title,
    text: ad.text,
    promote_url: ad.promoteUrl,
    promote_url_title: isWebsite ? ad.websiteName || objectOf(ad.promoteUrl) : titleCase(telegramName(shown)),
    promote_url_photo: `/file/${shortHash(shown)}.jpg`,
    media: media ? { token: media.token, url: media.url, type: media.kind } : null,
    cpm: ad.cpm,
    budget: ad.budget,
    langs: [...ad.langs],
    topics: topicNames(ad.topics, ad.topicsVerbose),
    channels: channelNames(ad.channels, ad.channelsVerbose),
    exclude_topics: topicNames(ad.excludeTopics, ad.excludeTopicsVerbose),
    exclude_channels: channelNames(ad.excludeChannels, ad.excludeChannelsVerbose),
    other_info: ad.otherInfo,
    decline_reason: ad.declineReasons.map(declineReasonWire),
    status: ad.status,
    status_updated_dt: formatIso(ad.statusUpdatedAt, { salt: ad.id }),
    cannot_edit_fields: cannotEditFields(state, ad),
    ad_type: ad.adType,
    countries: [...ad.countries],
    user_locations: [...ad.locations],
    audiences: [...ad.audiences],
    exclude_audiences: [...ad.excludeAudiences],
    is_audiences: ad.audiences.length > 0,
    is_exclude_audiences: ad.excludeAudiences.length > 0,
    website_name: ad.websiteName,
    is_website: isWebsite,
    views_per_user: ad.viewsPerUser,
    show_picture: ad.showPicture,
    exclude_politic: ad.excludePolitic,
    promote_url_picture_id: ad.promoteUrlPictureId,
    all_topics_interested_users: ad.allTopicsInterestedUsers,
    device: ad.device,
    target_user_channels: [...ad.targetUserChannels],
    exclude_target_user_channels: [...ad.excludeTargetUserChannels],
    button_type: ad.buttonType,
    daily_budget: ad.dailyBudget,
    after_moderation_status: ad.afterModerationStatus,
    start_date: ad.startDate,
    end_date: ad.endDate,
    schedule: ad.schedule ? { ...ad.schedule } : null,
    use_selected_timezone: ad.useSelectedTimezone,
    schedule_timezone: ad.scheduleTimezone,
    website_photo_url: isWebsite ? `https://cdn4.telesco.pe/file/site_${shortHash(ad.promoteUrl)}.jpg` : '',
    tg_account_type: tgAccountType(ad),
    currency: ad.currency,
    only_crypto: ad.onlyCrypto,
    exclude_crypto: ad.excludeCrypto,
    kktu_ids: [...ad.kktuIds],
    target_search: ad.targetSearch ? [...ad.targetSearch] : null,
    target_bots: ad.targetBots ? ad.targetBots.map((b) => ({ url: b.url, title: b.title, photo_url: b.photoUrl })) : null,
    // The example has `tg_id` and `name` (the field table says `event.tg_event_id`); the example wins.
    // AdStat always sends the object; an ad without a Pixel Tag event gets one of nulls.
    event: event ? { tg_id: event.tgEventId, name: event.title } : { tg_id: null, name: null },
  };
}

export function cabinetName(cabinet: Cabinet): Record<string, unknown> {
  return {
    account_uid: cabinet.accountId,
    name: cabinet.name,
    balance: cabinet.available,
    mode: cabinet.mode,
    is_audience_allowed: cabinet.country === 'UZ',
  };
}

export interface CabinetMoney {
  available: number;
  active: number;
  spent: number;
  total: number;
}

/** available: not allocated; active: the rest of live ads' budgets; total = available + active. */
export function cabinetMoney(state: AdstatState, cabinet: Cabinet): CabinetMoney {
  let active = 0;
  let spent = 0;
  for (const ad of state.adsOfCabinet(cabinet.accountId)) {
    active += state.adBalance(ad);
    spent += ad.stats.spent;
  }
  return { available: cabinet.available, active: round2(active), spent: round2(spent), total: round2(cabinet.available + active) };
}

export function cabinetItem(state: AdstatState, cabinet: Cabinet): Record<string, unknown> {
  const money = cabinetMoney(state, cabinet);
  const objects = new Set<string>();
  for (const ad of state.adsOfCabinet(cabinet.accountId)) {
    if (ad.status !== 'deleted') objects.add(ad.adObject ? objectOf(ad.adObject) : objectOf(ad.promoteUrl));
  }
  return {
    account_id: cabinet.accountId,
    account_name: cabinet.name,
    status: cabinet.status,
    balance_total: money.total,
    balance_available: money.available,
    balance_active: money.active,
    balance_spent: money.spent,
    objects: [...objects].filter((o) => o.startsWith('t.me/')).sort(),
    legal_name: cabinet.legalName,
    category_key: cabinet.categoryKey,
    category_name: cabinet.categoryName,
  };
}

/**
 * A campaign with its ads' sums. `status` is "active" while any of its ads is active;
 * `number_of_advertisements` leaves deleted ads out, the statistics keep them (their money was spent).
 */
export function campaignItem(state: AdstatState, campaign: Campaign): Record<string, unknown> {
  const cabinet = state.cabinets.get(campaign.accountId);
  let count = 0;
  let active = false;
  let impressions = 0;
  let clicks = 0;
  let goals = 0;
  let spent = 0;
  let budget = 0;
  for (const ad of state.adsOfCampaign(campaign.id)) {
    if (ad.status !== 'deleted') {
      count += 1;
      budget += ad.budget;
    }
    if (ad.status === 'active') active = true;
    impressions += ad.stats.impressions;
    clicks += ad.stats.clicks;
    goals += ad.stats.goals;
    spent += ad.stats.spent;
  }
  spent = round2(spent);
  return {
    id: campaign.id,
    name: campaign.name,
    description: campaign.description,
    account_id: campaign.accountId,
    account_name: cabinet?.name ?? '',
    status: active ? 'active' : 'not_active',
    number_of_advertisements: count,
    goals,
    impressions,
    budget: round2(budget),
    cps: goals > 0 ? round2(spent / goals) : 0,
    cpm: impressions > 0 ? round2((spent / impressions) * 1000) : 0,
    ctr: impressions > 0 ? round2((clicks / impressions) * 100) : 0,
    cpc: clicks > 0 ? round2(spent / clicks) : 0,
    clicks,
    spent,
  };
}

export function campaignIsActive(state: AdstatState, campaign: Campaign): boolean {
  return state.adsOfCampaign(campaign.id).some((a) => a.status === 'active');
}

export function pixelEventItem(state: AdstatState, event: PixelEvent): Record<string, unknown> {
  const adsCount = state.adsOfCabinet(event.accountId).filter((a) => a.tgEventId === event.tgEventId && a.status !== 'deleted').length;
  return {
    id: event.id,
    pixel_id: event.pixelId,
    tg_event_id: event.tgEventId,
    title: event.title,
    type: event.type,
    status: event.status,
    ads_count: adsCount,
    created_at: formatIso(event.createdAt),
    last_triggered_at: event.lastTriggeredAt === null ? null : formatIso(event.lastTriggeredAt),
    code_snippet: `<script>\ntgp("event","${event.tgEventId}");\n</script>`,
  };
}
