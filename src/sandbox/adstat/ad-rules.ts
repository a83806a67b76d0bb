/**
 * The rules for creating and editing an advertisement. Every problem in a body is reported at once
 * as a 422 `{"detail": [{loc, msg, type}]}`; rule failures use type "value_error".
 *
 * Documented rules: campaign ownership (decides the cabinet), KKTU (one third-level id; required for
 * auto-labelling cabinets), tg_event_id from the cabinet's own pixel events, target bots with 1000+
 * daily users, each target bot as `{id, url}` (the body example), ad_object for channel invite
 * links, audiences only in Uzbekistan cabinets.
 * The simulator's own (the page is silent): title/text non-empty, promote_url a t.me link or an
 * http(s) URL, cpm > 0, budget > 0, daily_budget >= 0, views_per_user >= 1, the budget must fit the
 * cabinet's available balance, no new ads in an inactive cabinet, target_bots only on target_bots
 * ads and required there, target_search only on target_search ads and required there.
 */
import type { AdstatState } from './state.js';
import { round2 } from './state.js';
import {
  AD_TYPES,
  AFTER_MODERATION_STATUSES,
  WEEKDAYS,
  type Advertisement,
  type AdstatUser,
  type AdType,
  type AfterModerationStatus,
  type Cabinet,
  type Schedule,
  type TargetBot,
} from './types.js';
import { BodyReader, enumList, isObject, type Issue, type JsonObject } from './validation.js';
import { EDITABLE_FIELDS, cannotEditFields, isInviteLink, isTelegramLink, isWebsiteUrl } from './wire.js';

const CURRENCIES = ['EUR', 'TON', 'USD', 'RUB', 'USDT', 'STAR'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

type Shared = Partial<
  Pick<
    Advertisement,
    | 'title' | 'text' | 'promoteUrl' | 'cpm' | 'otherInfo' | 'mediaToken' | 'websiteName' | 'viewsPerUser'
    | 'showPicture' | 'promoteUrlPictureId' | 'buttonType' | 'dailyBudget' | 'afterModerationStatus'
    | 'startDate' | 'endDate' | 'schedule' | 'useSelectedTimezone' | 'scheduleTimezone' | 'kktuIds' | 'tgEventId'
  >
>;

interface Scope {
  state: AdstatState;
  user: AdstatUser;
  /** Unknown when the campaign could not be resolved; cabinet-bound rules are then skipped. */
  cabinet: Cabinet | undefined;
}

function nonEmpty(r: BodyReader, field: string, value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.trim() === '') return r.fail(field, `${field} must not be empty`);
  return value;
}

function isoDate(r: BodyReader, field: string): string | null | undefined {
  const value = r.string(field, { nullable: true });
  if (typeof value === 'string' && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
    return r.fail(field, `${field} must be an ISO 8601 date`);
  }
  return value;
}

function schedule(r: BodyReader): Schedule | null | undefined {
  if (!r.has('schedule')) return undefined;
  const value = r.body.schedule;
  if (value === null) return null;
  if (!isObject(value)) return r.fail('schedule', 'Input should be a valid dictionary', 'dict_type');
  const out: Schedule = {};
  let ok = true;
  for (const [day, hours] of Object.entries(value)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      r.fail(['schedule', day], `Unknown day "${day}": use ${WEEKDAYS.join(', ')}`);
      ok = false;
      continue;
    }
    if (!Array.isArray(hours) || !hours.every((h) => Number.isInteger(h) && h >= 0 && h <= 23)) {
      r.fail(['schedule', day], 'Hours must be a list of integers from 0 to 23');
      ok = false;
      continue;
    }
    out[day as (typeof WEEKDAYS)[number]] = [...new Set(hours as number[])].sort((a, b) => a - b);
  }
  return ok ? out : undefined;
}

function kktuIds(r: BodyReader, scope: Scope, required: boolean): string[] | undefined {
  const ids = r.stringArray('kktu_ids', { nullable: true });
  const auto = scope.cabinet?.mode === 'auto_labeling';
  if (ids === undefined && r.has('kktu_ids')) return undefined; // type error already reported
  const list = ids ?? [];
  if (auto && (required || r.has('kktu_ids')) && list.length === 0) {
    return r.fail('kktu_ids', 'A KKTU id is required for cabinets with automatic labeling');
  }
  if (list.length > 1) return r.fail('kktu_ids', 'Only one KKTU id may be selected');
  let ok = true;
  list.forEach((id, i) => {
    const entry = scope.state.kktu.get(id);
    if (!entry) {
      r.fail(['kktu_ids', i], `Unknown KKTU id: ${id}`);
      ok = false;
    } else if (entry.level !== 3) {
      r.fail(['kktu_ids', i], `KKTU id ${id} is a level-${entry.level} node; use an id from the third level`);
      ok = false;
    }
  });
  return ok && r.has('kktu_ids') ? list : undefined;
}

/** The fields create and edit share, read only when present; `null` stays meaningful where allowed. */
function readShared(r: BodyReader, scope: Scope, creating: boolean): Shared {
  const out: Shared = {};
  const title = nonEmpty(r, 'title', r.string('title', { required: creating }));
  if (title !== undefined) out.title = title;
  const text = nonEmpty(r, 'text', r.string('text', { required: creating }));
  if (text !== undefined) out.text = text;

  const url = nonEmpty(r, 'promote_url', r.string('promote_url', { required: creating }));
  if (url !== undefined) {
    if (isTelegramLink(url) || isWebsiteUrl(url)) out.promoteUrl = url.trim();
    else r.fail('promote_url', 'promote_url must be a t.me link or an http(s) website URL');
  }

  const cpm = r.number('cpm', { required: creating });
  if (typeof cpm === 'number') {
    if (cpm > 0) out.cpm = cpm;
    else r.fail('cpm', 'cpm must be greater than 0');
  }
  const daily = r.number('daily_budget', { nullable: true });
  if (typeof daily === 'number') {
    if (daily >= 0) out.dailyBudget = daily;
    else r.fail('daily_budget', 'daily_budget must be greater than or equal to 0');
  } else if (daily === null) out.dailyBudget = 0;

  const otherInfo = r.string('other_info', { nullable: true });
  if (otherInfo !== undefined) out.otherInfo = otherInfo;

  const media = r.string('media_token', { nullable: true });
  if (typeof media === 'string') {
    const record = scope.state.media.get(media);
    if (record && record.userId === scope.user.id) out.mediaToken = media;
    else r.fail('media_token', 'Unknown media token: upload the file with upload_media first');
  } else if (media === null) out.mediaToken = null;

  const websiteName = r.string('website_name', { nullable: true });
  if (websiteName !== undefined) out.websiteName = websiteName ?? '';
  const views = r.number('views_per_user', { integer: true });
  if (typeof views === 'number') {
    if (views >= 1) out.viewsPerUser = views;
    else r.fail('views_per_user', 'views_per_user must be at least 1');
  }
  const showPicture = r.boolean('show_picture');
  if (typeof showPicture === 'boolean') out.showPicture = showPicture;
  const pictureId = r.string('promote_url_picture_id', { nullable: true });
  if (pictureId !== undefined) out.promoteUrlPictureId = pictureId;
  const buttonType = r.string('button_type', { nullable: true });
  if (buttonType !== undefined) out.buttonType = buttonType;

  const after = r.string('after_moderation_status');
  if (typeof after === 'string') {
    if ((AFTER_MODERATION_STATUSES as readonly string[]).includes(after)) out.afterModerationStatus = after as AfterModerationStatus;
    else r.fail('after_moderation_status', `after_moderation_status should be ${enumList(AFTER_MODERATION_STATUSES)}`);
  }

  const start = isoDate(r, 'start_date');
  if (start !== undefined) out.startDate = start;
  const end = isoDate(r, 'end_date');
  if (end !== undefined) out.endDate = end;

  const sched = schedule(r);
  if (sched !== undefined) out.schedule = sched;
  const useTz = r.boolean('use_selected_timezone');
  if (typeof useTz === 'boolean') out.useSelectedTimezone = useTz;
  const tz = r.number('schedule_timezone', { nullable: true, integer: true });
  if (typeof tz === 'number') {
    // Seconds east of UTC, like the example's 10800 (UTC+3).
    if (tz >= -43_200 && tz <= 50_400) out.scheduleTimezone = tz;
    else r.fail('schedule_timezone', 'schedule_timezone must be an offset in seconds between -43200 and 50400');
  } else if (tz === null) out.scheduleTimezone = null;

  const kktu = kktuIds(r, scope, creating);
  if (kktu !== undefined) out.kktuIds = kktu;

  const event = r.string('tg_event_id', { nullable: true });
  if (typeof event === 'string') {
    if (!scope.cabinet || scope.state.pixelEventsOf(scope.cabinet.accountId).some((e) => e.tgEventId === event)) out.tgEventId = event;
    else r.fail('tg_event_id', `Unknown tg_event_id for this cabinet: ${event}`);
  } else if (event === null) out.tgEventId = null;
  return out;
}

function checkDates(r: BodyReader, start: string | null, end: string | null): void {
  if (start && end && Date.parse(end) < Date.parse(start)) r.fail('end_date', 'end_date must not be before start_date');
}

function list<T>(value: T[] | null | undefined): T[] {
  return value ?? [];
}

function targetBots(r: BodyReader, state: AdstatState): TargetBot[] | null | undefined {
  return r.array('target_bots', { nullable: true }, (item, i): TargetBot | undefined => {
    if (!isObject(item)) return r.fail(['target_bots', i], 'Input should be a valid dictionary', 'dict_type');
    // Each item is `{id, url}` as in the page's body example: the id is the bot's Telegram id, as
    // bots/validate reports it. Both are required (pydantic-style "missing" for an absent field).
    const { id, url } = item;
    const before = r.issues.length;
    if (id === undefined) r.fail(['target_bots', i, 'id'], 'Field required', 'missing');
    else if (typeof id !== 'number' || !Number.isInteger(id)) r.fail(['target_bots', i, 'id'], 'Input should be a valid integer', 'int_type');
    if (url === undefined) r.fail(['target_bots', i, 'url'], 'Field required', 'missing');
    else if (typeof url !== 'string') r.fail(['target_bots', i, 'url'], 'Input should be a valid string', 'string_type');
    if (r.issues.length > before || typeof id !== 'number' || typeof url !== 'string') return undefined;
    const bot = state.bots.find((b) => b.id === id);
    if (!bot) return r.fail(['target_bots', i], 'Advertisement: Target bot not found');
    if (state.findBot(url) !== bot) return r.fail(['target_bots', i, 'url'], 'Advertisement: Target bot url does not match its id');
    if (bot.dailyUsers < 1000) return r.fail(['target_bots', i], 'Advertisement: Target bot must have 1000+ daily users');
    return { id: bot.id, url: `t.me/${bot.username}`, title: bot.title, photoUrl: bot.photoUrl };
  });
}

export type CreateResult = { ad: Advertisement } | { issues: Issue[] };

/** Validates a create body and builds the new ad (not yet stored). */
export function buildAd(state: AdstatState, user: AdstatUser, body: JsonObject, now: number): CreateResult {
  const r = new BodyReader(body);
  const campaignId = r.number('campaign_id', { required: true, integer: true });
  const campaign = typeof campaignId === 'number' ? state.campaignOf(user.id, campaignId) : undefined;
  if (typeof campaignId === 'number' && !campaign) r.fail('campaign_id', 'Campaign not found');
  const cabinet = campaign ? state.cabinets.get(campaign.accountId) : undefined;
  if (cabinet?.status === 'inactive') r.fail('campaign_id', 'The campaign belongs to an inactive advertising account');
  const scope: Scope = { state, user, cabinet };
  const shared = readShared(r, scope, true);

  const budget = r.number('budget', { required: true });
  if (typeof budget === 'number') {
    if (budget <= 0) r.fail('budget', 'budget must be greater than 0');
    else if (cabinet && budget > cabinet.available) {
      r.fail('budget', `Insufficient funds: the advertising account has ${cabinet.available} ${cabinet.currency} available`);
    }
  }

  const adTypeRaw = r.string('ad_type', { required: true });
  let adType: AdType | undefined;
  if (typeof adTypeRaw === 'string') {
    if ((AD_TYPES as readonly string[]).includes(adTypeRaw)) adType = adTypeRaw as AdType;
    else r.fail('ad_type', `ad_type should be ${enumList(AD_TYPES)}`);
  }

  // ad_object: required for channel invite links (21.05.2026); used only for them.
  const adObjectRaw = r.string('ad_object', { nullable: true });
  let adObject: string | null = null;
  if (shared.promoteUrl !== undefined && isInviteLink(shared.promoteUrl)) {
    if (typeof adObjectRaw !== 'string' || adObjectRaw.trim() === '') {
      r.fail('ad_object', 'ad_object is required when promote_url is a channel invite link');
    } else if (!isTelegramLink(adObjectRaw) || isInviteLink(adObjectRaw)) {
      r.fail('ad_object', 'ad_object must be the public link of the destination channel (t.me/name)');
    } else {
      adObject = adObjectRaw.trim();
    }
  }

  const bots = targetBots(r, state);
  const botsInvalid = r.has('target_bots') && bots === undefined; // item problems already reported
  if (adType === 'target_bots') {
    if (!botsInvalid && (!bots || bots.length === 0)) r.fail('target_bots', 'target_bots is required for target_bots advertisements');
  } else if (adType !== undefined && bots && bots.length > 0) {
    r.fail('target_bots', 'target_bots is only allowed for target_bots advertisements');
  }

  const search = r.stringArray('target_search', { nullable: true });
  const searchInvalid = r.has('target_search') && search === undefined;
  const queries = (search ?? []).map((q) => q.trim()).filter((q) => q !== '');
  if (adType === 'target_search') {
    if (!searchInvalid && queries.length === 0) {
      r.fail('target_search', 'target_search needs at least one search query for target_search advertisements');
    }
  } else if (adType !== undefined && queries.length > 0) {
    r.fail('target_search', 'target_search is only allowed for target_search advertisements');
  }

  const audiences = list(r.numberArray('audiences', { nullable: true, integer: true }));
  const excludeAudiences = list(r.numberArray('exclude_audiences', { nullable: true, integer: true }));
  if (cabinet && (audiences.length > 0 || excludeAudiences.length > 0)) {
    if (cabinet.country !== 'UZ') {
      r.fail(audiences.length > 0 ? 'audiences' : 'exclude_audiences', 'Audiences are available only for cabinets with geolocation Uzbekistan');
    } else {
      const known = new Set(state.audiencesOf(cabinet.accountId).map((a) => a.telegramId));
      audiences.forEach((id, i) => known.has(id) || r.fail(['audiences', i], `Audience ${id} not found in this cabinet`));
      excludeAudiences.forEach((id, i) => known.has(id) || r.fail(['exclude_audiences', i], `Audience ${id} not found in this cabinet`));
    }
  }

  const currencyCode = r.string('currency_code', { nullable: true });
  if (typeof currencyCode === 'string' && !(CURRENCIES as readonly string[]).includes(currencyCode)) {
    r.fail('currency_code', `currency_code should be ${enumList(CURRENCIES)}`);
  }
  const useAccountCurrency = r.boolean('use_account_currency');

  const langs = list(r.stringArray('langs', { nullable: true }));
  const topics = list(r.numberArray('topics', { nullable: true, integer: true }));
  const topicsVerbose = list(r.stringArray('topics_verbose', { nullable: true }));
  const channels = list(r.numberArray('channels', { nullable: true, integer: true }));
  const channelsVerbose = list(r.stringArray('channels_verbose', { nullable: true }));
  const excludeTopics = list(r.numberArray('exclude_topics', { nullable: true, integer: true }));
  const excludeTopicsVerbose = list(r.stringArray('exclude_topics_verbose', { nullable: true }));
  const excludeChannels = list(r.numberArray('exclude_channels', { nullable: true, integer: true }));
  const excludeChannelsVerbose = list(r.stringArray('exclude_channels_verbose', { nullable: true }));
  const splitBy = list(r.stringArray('split_by', { nullable: true }));
  const countries = list(r.stringArray('countries', { nullable: true }));
  const locations = list(r.stringArray('locations', { nullable: true }));
  r.stringArray('locations_verbose', { nullable: true });
  const targetUserChannels = list(r.stringArray('target_user_channels', { nullable: true }));
  r.stringArray('target_user_channels_verbose', { nullable: true });
  const excludeTargetUserChannels = list(r.stringArray('exclude_target_user_channels', { nullable: true }));
  r.stringArray('exclude_target_user_channels_verbose', { nullable: true });
  const adSource = r.string('ad_source', { nullable: true });
  const device = r.string('device', { nullable: true });
  const promoteUrlType = r.string('promote_url_type', { nullable: true });
  const excludePolitic = r.boolean('exclude_politic', { nullable: true });
  const allTopics = r.boolean('all_topics_interested_users', { nullable: true });
  const onlyCrypto = r.boolean('only_crypto');
  const excludeCrypto = r.boolean('exclude_crypto');
  checkDates(r, shared.startDate ?? null, shared.endDate ?? null);

  if (r.issues.length > 0 || !campaign || !cabinet || !adType || typeof budget !== 'number') {
    return { issues: r.issues };
  }
  const promoteUrl = shared.promoteUrl!;
  const tgEventId = shared.tgEventId ?? null;
  const ad: Advertisement = {
    id: state.nextAdId++,
    telegramId: state.nextTelegramId++,
    userId: user.id,
    accountId: cabinet.accountId,
    campaignId: campaign.id,
    title: shared.title!,
    text: shared.text!,
    promoteUrl,
    adObject,
    promoteUrlType: promoteUrlType ?? (isTelegramLink(promoteUrl) ? 'channel' : 'website'),
    cpm: shared.cpm!,
    budget: round2(budget),
    dailyBudget: shared.dailyBudget ?? 0,
    langs,
    topics,
    topicsVerbose,
    channels,
    channelsVerbose,
    excludeTopics,
    excludeTopicsVerbose,
    excludeChannels,
    excludeChannelsVerbose,
    mediaToken: shared.mediaToken ?? null,
    otherInfo: shared.otherInfo ?? null,
    splitBy,
    adSource: adSource ?? 'web_api',
    adType,
    countries,
    locations,
    audiences,
    excludeAudiences,
    websiteName: shared.websiteName ?? '',
    viewsPerUser: shared.viewsPerUser ?? 1,
    showPicture: shared.showPicture ?? false,
    promoteUrlPictureId: shared.promoteUrlPictureId ?? null,
    excludePolitic: excludePolitic ?? null,
    allTopicsInterestedUsers: allTopics ?? null,
    device: device ?? null,
    targetUserChannels,
    excludeTargetUserChannels,
    buttonType: shared.buttonType ?? null,
    afterModerationStatus: shared.afterModerationStatus ?? 'active',
    startDate: shared.startDate ?? null,
    endDate: shared.endDate ?? null,
    schedule: shared.schedule ?? null,
    useSelectedTimezone: shared.useSelectedTimezone ?? false,
    scheduleTimezone: shared.scheduleTimezone ?? null,
    currency: useAccountCurrency === false && typeof currencyCode === 'string' ? currencyCode : cabinet.currency,
    onlyCrypto: onlyCrypto ?? false,
    excludeCrypto: excludeCrypto ?? false,
    kktuIds: shared.kktuIds ?? [],
    targetSearch: adType === 'target_search' ? queries : search === undefined ? null : search,
    targetBots: bots ?? null,
    tgEventId,
    actionType: tgEventId ? 'pixel_event' : null,
    status: 'in_review',
    statusUpdatedAt: now,
    createdAt: now,
    declineReasons: [],
    stats: { impressions: 0, clicks: 0, goals: 0, spent: 0, opened: null },
  };
  return { ad };
}

/** Current values of the editable fields in wire form, to tell a real change from a resent value. */
function currentEditable(ad: Advertisement): Record<(typeof EDITABLE_FIELDS)[number], unknown> {
  return {
    title: ad.title, text: ad.text, promote_url: ad.promoteUrl, cpm: ad.cpm, other_info: ad.otherInfo,
    media_token: ad.mediaToken, website_name: ad.websiteName, views_per_user: ad.viewsPerUser,
    show_picture: ad.showPicture, promote_url_picture_id: ad.promoteUrlPictureId, button_type: ad.buttonType,
    daily_budget: ad.dailyBudget, after_moderation_status: ad.afterModerationStatus, start_date: ad.startDate,
    end_date: ad.endDate, schedule: ad.schedule, use_selected_timezone: ad.useSelectedTimezone,
    schedule_timezone: ad.scheduleTimezone, kktu_ids: ad.kktuIds, tg_event_id: ad.tgEventId,
  };
}

/** Fields whose change sends the ad back to moderation. */
const REVIEWED: ReadonlyArray<keyof Shared> = ['title', 'text', 'mediaToken', 'promoteUrl'];

/**
 * Validates a PUT body and applies it. PUT is partial: absent fields keep their value; fields the
 * page does not list for PUT (budget, targeting…) are ignored, as FastAPI ignores unknown fields.
 */
export function applyEdit(state: AdstatState, user: AdstatUser, ad: Advertisement, body: JsonObject, now: number): Issue[] {
  const r = new BodyReader(body);
  const scope: Scope = { state, user, cabinet: state.cabinets.get(ad.accountId) };
  const shared = readShared(r, scope, false);
  const current = currentEditable(ad);
  for (const field of cannotEditFields(state, ad)) {
    if (r.has(field) && JSON.stringify(body[field]) !== JSON.stringify(current[field as keyof typeof current])) {
      r.fail(field, `${field} cannot be changed for this advertisement`);
    }
  }
  if (shared.promoteUrl !== undefined && isInviteLink(shared.promoteUrl) && !ad.adObject) {
    r.fail('promote_url', 'A channel invite link needs ad_object, which can only be set when the advertisement is created');
  }
  checkDates(r, shared.startDate !== undefined ? shared.startDate : ad.startDate, shared.endDate !== undefined ? shared.endDate : ad.endDate);
  if (r.issues.length > 0) return r.issues;

  const backToReview = REVIEWED.some((key) => shared[key] !== undefined && shared[key] !== ad[key]);
  Object.assign(ad, shared);
  if (shared.tgEventId !== undefined) ad.actionType = shared.tgEventId ? 'pixel_event' : null;
  if (backToReview && ad.status !== 'in_review') {
    ad.status = 'in_review';
    ad.statusUpdatedAt = now;
    ad.declineReasons = [];
  }
  return [];
}
