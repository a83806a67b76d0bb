/** Domain writes → AdStat wire bodies (field names exactly as the page documents them). */
import type { AdvertisementChange, NewAdvertisement, ScheduleChange } from '../../domain/writes.js';
import type { Weekday } from '../../domain/model.js';
import { botUsername } from './rules.js';
import { AD_TYPES, AFTER_MODERATION, PROMOTE_URL_TYPES } from './wire.js';

const DAY_KEYS: Record<Weekday, string> = {
  MONDAY: 'mon',
  TUESDAY: 'tue',
  WEDNESDAY: 'wed',
  THURSDAY: 'thu',
  FRIDAY: 'fri',
  SATURDAY: 'sat',
  SUNDAY: 'sun',
};

/** Every weekday is sent; a day not given gets no hours. */
function scheduleBody(s: ScheduleChange): Record<string, number[]> {
  const body: Record<string, number[]> = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  for (const { day, hours } of s.days) body[DAY_KEYS[day]] = [...new Set(hours)].sort((a, b) => a - b);
  return body;
}

const amount = (decimal: string): number => Number(decimal);

/** A bot as the body example writes it, `t.me/bot_1`, whatever form the caller used. */
const botLink = (value: string): string => {
  const username = botUsername(value);
  return username === null ? value : `t.me/${username}`;
};
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function createAdvertisementBody(a: NewAdvertisement): Record<string, unknown> {
  const t = a.targeting;
  return {
    campaign_id: a.campaignId,
    title: a.title,
    text: a.text,
    promote_url: a.promoteUrl,
    ...(a.adObject !== null ? { ad_object: a.adObject } : {}),
    cpm: amount(a.cpm),
    budget: amount(a.budget),
    langs: t.languages,
    topics: t.topics,
    topics_verbose: t.topicsVerbose,
    channels: t.channels,
    channels_verbose: t.channelsVerbose,
    exclude_topics: t.excludedTopics,
    exclude_topics_verbose: t.excludedTopicsVerbose,
    exclude_channels: t.excludedChannels,
    exclude_channels_verbose: t.excludedChannelsVerbose,
    media_token: a.creative.mediaToken,
    other_info: a.erid,
    split_by: t.splitBy,
    ad_source: 'web_api',
    ad_type: AD_TYPES[a.adType],
    countries: t.countries,
    locations: t.locations,
    locations_verbose: t.locationsVerbose,
    audiences: t.audiences,
    exclude_audiences: t.excludedAudiences,
    website_name: a.creative.websiteName ?? '',
    views_per_user: t.viewsPerUser,
    show_picture: a.creative.showPicture,
    promote_url_picture_id: a.creative.promoteUrlPictureId,
    exclude_politic: t.excludePolitical,
    all_topics_interested_users: t.allTopicsInterestedUsers,
    device: t.device,
    target_user_channels: t.userChannels,
    target_user_channels_verbose: t.userChannelsVerbose,
    exclude_target_user_channels: t.excludedUserChannels,
    exclude_target_user_channels_verbose: t.excludedUserChannelsVerbose,
    button_type: a.creative.buttonType,
    daily_budget: a.dailyBudget === null ? 0 : amount(a.dailyBudget),
    after_moderation_status: AFTER_MODERATION[a.afterModerationStatus],
    start_date: iso(a.startDate),
    end_date: iso(a.endDate),
    schedule: a.schedule ? scheduleBody(a.schedule) : null,
    use_selected_timezone: a.schedule?.useSelectedTimezone ?? false,
    schedule_timezone: a.schedule?.timezoneOffsetSeconds ?? null,
    ...(a.promoteUrlType ? { promote_url_type: PROMOTE_URL_TYPES[a.promoteUrlType] } : {}),
    currency_code: a.currency,
    use_account_currency: a.useAccountCurrency,
    only_crypto: t.onlyCrypto,
    exclude_crypto: t.excludeCrypto,
    kktu_ids: a.kktuIds,
    target_search: t.searchQueries,
    target_bots: t.bots ? t.bots.map((b) => ({ id: b.telegramId, url: botLink(b.url) })) : null,
    tg_event_id: a.tgEventId,
  };
}

/** Only the PUT fields the change names (absent fields are left as they are). */
export function editAdvertisementBody(c: AdvertisementChange): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) body[key] = value;
  };
  set('title', c.title);
  set('text', c.text);
  set('promote_url', c.promoteUrl);
  set('cpm', c.cpm === undefined ? undefined : amount(c.cpm));
  set('other_info', c.erid);
  set('media_token', c.mediaToken);
  set('website_name', c.websiteName);
  set('views_per_user', c.viewsPerUser);
  set('show_picture', c.showPicture);
  set('promote_url_picture_id', c.promoteUrlPictureId);
  set('button_type', c.buttonType);
  set('daily_budget', c.dailyBudget === undefined ? undefined : amount(c.dailyBudget));
  set('after_moderation_status', c.afterModerationStatus === undefined ? undefined : AFTER_MODERATION[c.afterModerationStatus]);
  set('start_date', c.startDate === undefined ? undefined : iso(c.startDate));
  set('end_date', c.endDate === undefined ? undefined : iso(c.endDate));
  if (c.schedule !== undefined) {
    set('schedule', c.schedule === null ? null : scheduleBody(c.schedule));
    set('use_selected_timezone', c.schedule?.useSelectedTimezone ?? false);
    set('schedule_timezone', c.schedule?.timezoneOffsetSeconds ?? null);
  }
  set('kktu_ids', c.kktuIds);
  // The PUT table omits it, but the 02.06.2025 update and the Pixel Tag section set it "when
  // creating or editing"; null removes the event (create's body shows it as String/null).
  set('tg_event_id', c.tgEventId);
  return body;
}
