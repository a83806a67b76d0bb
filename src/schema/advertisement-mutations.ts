/**
 * Writing AdStat advertisements: create, edit, bulk status, and the bot check. Input rules run in
 * two stages, both before anything is written: static rules through the validation plugin (zod),
 * then the rules that need the provider's own data (KKTU tree, the cabinet's pixel events and
 * audiences, bot eligibility), read through the cache. Any broken rule → ValidationError, nothing sent.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import type { Context } from '../context.js';
import type { Account, AdvertisementDetails, AdvertisementStatus, BotCheck } from '../domain/model.js';
import type { AdvertisementChange, AfterModerationStatus, NewAdvertisement, ScheduleChange } from '../domain/writes.js';
import type { AdstatClient } from '../providers/adstat/client.js';
import {
  CURRENCIES,
  KKTU_LEVEL,
  KKTU_MAX_IDS,
  TIMEZONE_OFFSET_RANGE,
  botUsername,
  isChannelInviteLink,
  isPublicTelegramLink,
  nonEditableChanges,
  parseAdstatId,
  requiresKktu,
} from '../providers/adstat/rules.js';
import { ProviderError } from '../providers/errors.js';
import { advertisementCreate } from '../providers/adstat/reconcile.js';
import { WriteOutcomeUnknown } from '../providers/outcome.js';
import { AdTypeEnum, AdvertisementRef, AdvertisementStatusEnum, WeekdayEnum, type AdRef } from './advertisement.js';
import { builder } from './builder.js';
import { upstreamCost, wholeAdstatList } from './costs.js';
import { AdstatCampaignRef } from './campaign.js';
import { InputError as GraphQLInputError } from './errors.js';
import { kktuIndex } from './kktu.js';
import { RequestPreviewRef, WRITE_ERRORS, bulkPayload, type ItemChange } from './mutation-errors.js';
import { globalIdOf, IssueList, rule } from './validation.js';

// ---------- inputs ----------

const PromotedObjectTypeEnum = builder.enumType('PromotedObjectType', {
  description: 'What the promoted URL is.',
  values: { WEBSITE: { description: 'An external website.' }, CHANNEL: { description: 'A Telegram channel.' } } as const,
});

const ScheduleDayInput = builder.inputType('ScheduleDayInput', {
  description: 'Delivery hours of one weekday.',
  fields: (t) => ({
    day: t.field({ type: WeekdayEnum, required: true, description: 'The weekday.' }),
    hours: t.intList({ required: true, description: 'Hours 0–23 to show the ad in (each once).' }),
  }),
});

const ScheduleInput = builder.inputType('AdvertisementScheduleInput', {
  description: 'When to show the advertisement. Weekdays not listed get no hours.',
  fields: (t) => ({
    days: t.field({ type: [ScheduleDayInput], required: true, description: 'Hours per weekday.' }),
    timezoneOffsetSeconds: t.int({ required: false, description: 'Time zone of the hours, seconds east of UTC (10800 = UTC+3), from −43200 to 50400, whole minutes.' }),
    useSelectedTimezone: t.boolean({ required: false, defaultValue: true, description: 'Whether the hours are in that time zone.' }),
  }),
});

const TargetBotInput = builder.inputType('TargetBotInput', {
  description: 'A bot to show the advertisement in (AdStat checks it has 1000+ daily users).',
  fields: (t) => ({
    url: t.string({ required: true, description: 'The bot: its link or username, e.g. "t.me/some_bot", "https://t.me/some_bot", "@some_bot" or "some_bot".' }),
    telegramId: t.float({ required: false, description: 'The bot’s Telegram id, when known (from validateTargetBots). Absent: adgraph takes it from AdStat’s bot check, which every create makes.' }),
  }),
});

const TargetingInput = builder.inputType('AdvertisementTargetingInput', {
  description: 'Who sees the advertisement. Lists default to empty.',
  fields: (t) => ({
    languages: t.stringList({ required: false, description: 'Languages.' }),
    topics: t.intList({ required: false, description: 'Topic ids.' }),
    topicsVerbose: t.stringList({ required: false, description: 'Topic identifiers (names), beside the ids.' }),
    channels: t.intList({ required: false, description: 'Channel ids.' }),
    channelsVerbose: t.stringList({ required: false, description: 'Channel identifiers, beside the ids.' }),
    excludedTopics: t.intList({ required: false, description: 'Excluded topic ids.' }),
    excludedTopicsVerbose: t.stringList({ required: false, description: 'Excluded topic identifiers.' }),
    excludedChannels: t.intList({ required: false, description: 'Excluded channel ids.' }),
    excludedChannelsVerbose: t.stringList({ required: false, description: 'Excluded channel identifiers.' }),
    userChannels: t.stringList({ required: false, description: 'Channels whose readers to target (user ads).' }),
    userChannelsVerbose: t.stringList({ required: false, description: 'Their identifiers.' }),
    excludedUserChannels: t.stringList({ required: false, description: 'Channels whose readers to exclude.' }),
    excludedUserChannelsVerbose: t.stringList({ required: false, description: 'Their identifiers.' }),
    countries: t.stringList({ required: false, description: 'Countries.' }),
    locations: t.stringList({ required: false, description: 'Cities.' }),
    locationsVerbose: t.stringList({ required: false, description: 'City identifiers.' }),
    audiences: t.intList({ required: false, description: 'Phone-number audiences (Telegram ids; Uzbekistan cabinets only).' }),
    excludedAudiences: t.intList({ required: false, description: 'Excluded audiences.' }),
    searchQueries: t.stringList({ required: false, description: 'Search queries (search ads; required for them).' }),
    bots: t.field({ type: [TargetBotInput], required: false, description: 'Bots (bot ads; required for them, each with 1000+ daily users).' }),
    splitBy: t.stringList({ required: false, description: 'Targeting split parameters.' }),
    device: t.string({ required: false, defaultValue: 'all', description: 'Device ("all").' }),
    onlyCrypto: t.boolean({ required: false, defaultValue: false, description: 'Show only in crypto channels.' }),
    excludeCrypto: t.boolean({ required: false, defaultValue: false, description: 'Exclude crypto channels.' }),
    excludePolitical: t.boolean({ required: false, defaultValue: false, description: 'Exclude political content.' }),
    allTopicsInterestedUsers: t.boolean({ required: false, defaultValue: false, description: 'Target users interested in all topics.' }),
    viewsPerUser: t.int({ required: false, defaultValue: 1, description: 'How many times one user may see it (1 or more).' }),
  }),
});

const CreativeInput = builder.inputType('AdvertisementCreativeInput', {
  description: 'Media and presentation.',
  fields: (t) => ({
    mediaToken: t.string({ required: false, description: 'Token of a file uploaded with uploadMedia.' }),
    websiteName: t.string({ required: false, description: 'Website name (external links).' }),
    showPicture: t.boolean({ required: false, defaultValue: false, description: 'Show the avatar.' }),
    promoteUrlPictureId: t.string({ required: false, description: 'Id of the promoted object’s picture.' }),
    buttonType: t.string({ required: false, description: 'Button type, e.g. "open_website".' }),
  }),
});

const AFTER_MODERATION = new Set<AdvertisementStatus>(['ACTIVE', 'STOPPED', 'ON_HOLD']);
const isAfterModeration = (s: AdvertisementStatus): s is AfterModerationStatus => AFTER_MODERATION.has(s);

type ScheduleShape = { days: { day: string; hours: number[] }[]; timezoneOffsetSeconds?: number | null; useSelectedTimezone?: boolean | null };

const money = (v: unknown): number => (typeof v === 'string' ? Number(v) : NaN);

function checkSchedule(s: ScheduleShape | null | undefined, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (!s) return;
  const seen = new Set<string>();
  s.days.forEach((d, i) => {
    if (seen.has(d.day)) ctx.addIssue({ code: 'custom', path: [...path, 'days', i, 'day'], ...rule('SCHEDULE_DAY_TWICE', `${d.day} is listed twice`) });
    seen.add(d.day);
    const hours = new Set<number>();
    d.hours.forEach((h, j) => {
      if (!Number.isInteger(h) || h < 0 || h > 23) ctx.addIssue({ code: 'custom', path: [...path, 'days', i, 'hours', j], ...rule('SCHEDULE_HOUR', `hours are 0–23 (got ${h})`) });
      if (hours.has(h)) ctx.addIssue({ code: 'custom', path: [...path, 'days', i, 'hours', j], ...rule('SCHEDULE_HOUR_TWICE', `hour ${h} is listed twice`) });
      hours.add(h);
    });
  });
  const tz = s.timezoneOffsetSeconds;
  if (tz !== null && tz !== undefined && (tz < TIMEZONE_OFFSET_RANGE.min || tz > TIMEZONE_OFFSET_RANGE.max || tz % 60 !== 0)) {
    ctx.addIssue({ code: 'custom', path: [...path, 'timezoneOffsetSeconds'], ...rule('SCHEDULE_TIMEZONE', `must be whole minutes from ${TIMEZONE_OFFSET_RANGE.min} to ${TIMEZONE_OFFSET_RANGE.max} seconds (got ${tz})`) });
  }
}

function checkDates(start: Date | null | undefined, end: Date | null | undefined, ctx: z.RefinementCtx): void {
  if (start && end && start.getTime() >= end.getTime()) ctx.addIssue({ code: 'custom', path: ['endDate'], ...rule('DATES_ORDER', 'must be after startDate') });
}

function checkPromoteUrl(url: string, adObject: string | null | undefined, ctx: z.RefinementCtx): void {
  if (!/^(https?:\/\/)?([\w-]+\.)+[a-z]{2,}(\/\S*)?$/i.test(url.trim())) {
    ctx.addIssue({ code: 'custom', path: ['promoteUrl'], ...rule('PROMOTE_URL', 'must be a t.me link or a website URL') });
  }
  if (isChannelInviteLink(url) && !adObject) {
    ctx.addIssue({ code: 'custom', path: ['adObject'], ...rule('AD_OBJECT_REQUIRED', 'is required when promoteUrl is a channel invite link: give the public link of the destination channel') });
  }
  if (adObject && !isPublicTelegramLink(adObject)) {
    ctx.addIssue({ code: 'custom', path: ['adObject'], ...rule('AD_OBJECT_FORMAT', 'must be the public link of a Telegram channel, e.g. "t.me/target_channel"') });
  }
}

function checkMoney(value: unknown, path: string, ctx: z.RefinementCtx, allowZero = false): void {
  if (value === null || value === undefined) return;
  const n = money(value);
  if (!(allowZero ? n >= 0 : n > 0)) ctx.addIssue({ code: 'custom', path: [path], ...rule('POSITIVE_MONEY', allowZero ? 'must be zero or more' : 'must be more than zero') });
}

function checkKktuCount(ids: string[] | null | undefined, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (ids && ids.length > KKTU_MAX_IDS) ctx.addIssue({ code: 'custom', path, ...rule('KKTU_ONE', 'only one KKTU id may be chosen') });
}

/** An empty event id names no event (null, on edit, is how to remove one). */
function checkEventId(id: string | null | undefined, ctx: z.RefinementCtx): void {
  if (typeof id === 'string' && id.trim() === '') ctx.addIssue({ code: 'custom', path: ['tgEventId'], ...rule('REQUIRED', 'must not be empty: give one of the cabinet’s Pixel Tag events') });
}

interface CreateShape {
  title: string;
  text: string;
  adType: string;
  promoteUrl: string;
  adObject?: string | null;
  cpm: string;
  budget: string;
  dailyBudget?: string | null;
  currency?: string | null;
  targeting?: { bots?: { url: string }[] | null; searchQueries?: string[] | null; viewsPerUser?: number | null } | null;
  afterModerationStatus?: AdvertisementStatus | null;
  schedule?: ScheduleShape | null;
  startDate?: Date | null;
  endDate?: Date | null;
  kktuIds?: string[] | null;
  tgEventId?: string | null;
}

const createRules = z.custom<CreateShape>().superRefine((input, ctx) => {
  if (input.title.trim() === '') ctx.addIssue({ code: 'custom', path: ['title'], ...rule('REQUIRED', 'must not be empty') });
  if (input.text.trim() === '') ctx.addIssue({ code: 'custom', path: ['text'], ...rule('REQUIRED', 'must not be empty') });
  if (input.adType === 'UNKNOWN') ctx.addIssue({ code: 'custom', path: ['adType'], ...rule('AD_TYPE', 'choose TARGET_CHANNELS, TARGET_USERS, TARGET_BOTS or TARGET_SEARCH') });
  checkPromoteUrl(input.promoteUrl, input.adObject, ctx);
  checkMoney(input.cpm, 'cpm', ctx);
  checkMoney(input.budget, 'budget', ctx);
  checkMoney(input.dailyBudget, 'dailyBudget', ctx, true);
  if (input.dailyBudget && money(input.dailyBudget) > money(input.budget)) ctx.addIssue({ code: 'custom', path: ['dailyBudget'], ...rule('DAILY_WITHIN_TOTAL', 'must not exceed budget') });
  if (input.currency && !(CURRENCIES as readonly string[]).includes(input.currency)) ctx.addIssue({ code: 'custom', path: ['currency'], ...rule('CURRENCY', `must be one of ${CURRENCIES.join(', ')}`) });
  const bots = input.targeting?.bots ?? [];
  if (input.adType === 'TARGET_BOTS' && bots.length === 0) ctx.addIssue({ code: 'custom', path: ['targeting', 'bots'], ...rule('TARGET_BOTS_REQUIRED', 'bot ads need at least one bot') });
  if (input.adType !== 'TARGET_BOTS' && bots.length > 0) ctx.addIssue({ code: 'custom', path: ['targeting', 'bots'], ...rule('TARGET_BOTS_ONLY_FOR_BOT_ADS', 'bots can be targeted only by TARGET_BOTS ads') });
  const queries = input.targeting?.searchQueries ?? [];
  if (input.adType === 'TARGET_SEARCH' && queries.length === 0) ctx.addIssue({ code: 'custom', path: ['targeting', 'searchQueries'], ...rule('SEARCH_QUERIES_REQUIRED', 'search ads need at least one query') });
  const views = input.targeting?.viewsPerUser;
  if (views !== null && views !== undefined && views < 1) ctx.addIssue({ code: 'custom', path: ['targeting', 'viewsPerUser'], ...rule('VIEWS_PER_USER', 'must be 1 or more') });
  if (input.afterModerationStatus && !isAfterModeration(input.afterModerationStatus)) {
    ctx.addIssue({ code: 'custom', path: ['afterModerationStatus'], ...rule('AFTER_MODERATION_STATUS', 'choose ACTIVE, STOPPED or ON_HOLD') });
  }
  checkSchedule(input.schedule, ['schedule'], ctx);
  checkDates(input.startDate, input.endDate, ctx);
  checkKktuCount(input.kktuIds, ['kktuIds'], ctx);
  checkEventId(input.tgEventId, ctx);
});

const CreateAdvertisementInput = builder.inputType('CreateAdvertisementInput', {
  description: 'A new AdStat advertisement. Every documented field of AdStat’s create body; its cabinet is its campaign’s.',
  validate: createRules,
  fields: (t) => ({
    campaignId: t.globalID({ required: true, description: 'The AdStat campaign (its global id) — it decides the cabinet.', validate: globalIdOf('AdstatCampaign') }),
    title: t.string({ required: true, description: 'Title.' }),
    text: t.string({ required: true, description: 'Text.' }),
    adType: t.field({ type: AdTypeEnum, required: true, description: 'Targeting type.' }),
    promoteUrl: t.string({ required: true, description: 'What to promote: a t.me link or a website URL.' }),
    promoteUrlType: t.field({ type: PromotedObjectTypeEnum, required: false, description: 'Whether promoteUrl is a website or a channel.' }),
    adObject: t.string({ required: false, description: 'Required when promoteUrl is a channel invite link (t.me/+…): the public link of the destination channel.' }),
    cpm: t.field({ type: 'Decimal', required: true, description: 'Price per thousand impressions (more than zero).' }),
    budget: t.field({ type: 'Decimal', required: true, description: 'Total budget (more than zero).' }),
    dailyBudget: t.field({ type: 'Decimal', required: false, description: 'Daily limit, at most the budget (0 or absent: none).' }),
    currency: t.string({ required: false, defaultValue: 'EUR', description: `Currency code: ${CURRENCIES.join(', ')}.` }),
    useAccountCurrency: t.boolean({ required: false, defaultValue: false, description: 'Use the cabinet’s currency instead.' }),
    targeting: t.field({ type: TargetingInput, required: false, description: 'Who sees it.' }),
    creative: t.field({ type: CreativeInput, required: false, description: 'Media and presentation.' }),
    afterModerationStatus: t.field({ type: AdvertisementStatusEnum, required: false, defaultValue: 'ACTIVE', description: 'Status once approved: ACTIVE, STOPPED or ON_HOLD.' }),
    schedule: t.field({ type: ScheduleInput, required: false, description: 'Hours per weekday; absent: always.' }),
    startDate: t.field({ type: 'DateTime', required: false, description: 'Start.' }),
    endDate: t.field({ type: 'DateTime', required: false, description: 'End (after the start).' }),
    erid: t.string({ required: false, description: 'ERID token, for cabinets that label manually (AdStat `other_info`).' }),
    kktuIds: t.stringList({ required: false, description: 'KKTU id of the product: exactly one, from the third level (required in cabinets with automatic labelling).' }),
    tgEventId: t.string({ required: false, description: 'Pixel Tag event: one of the cabinet’s own (see Account.pixelEvents).' }),
    validateOnly: t.boolean({ required: false, defaultValue: false, description: 'Run every check, including the provider’s, and return the request without creating anything.' }),
    idempotencyKey: t.string({ required: false, description: 'A key of your choice (kept 24 h): retrying with the same key and input returns the first result instead of creating twice, even when the first answer was lost: adgraph looks for what the first attempt made before sending again. Without a key a create is NOT safe to retry: if its answer is lost (OutcomeUnknown), a retry may create a second one.' }),
  }),
});

interface UpdateShape {
  title?: string | null;
  text?: string | null;
  promoteUrl?: string | null;
  cpm?: string | null;
  dailyBudget?: string | null;
  viewsPerUser?: number | null;
  afterModerationStatus?: AdvertisementStatus | null;
  schedule?: ScheduleShape | null;
  startDate?: Date | null;
  endDate?: Date | null;
  kktuIds?: string[] | null;
  tgEventId?: string | null;
}

/** Edit fields AdStat's PUT takes as plain values: null cannot be sent for them. */
const NOT_NULLABLE_EDITS = ['cpm', 'viewsPerUser', 'showPicture', 'dailyBudget', 'afterModerationStatus', 'kktuIds', 'websiteName', 'buttonType', 'promoteUrlPictureId'] as const;

const updateRules = z.custom<UpdateShape & Record<string, unknown>>().superRefine((input, ctx) => {
  for (const key of ['title', 'text', 'promoteUrl'] as const) {
    if (input[key] !== undefined && (input[key] === null || input[key]!.trim() === '')) ctx.addIssue({ code: 'custom', path: [key], ...rule('REQUIRED', 'must not be empty when given') });
  }
  for (const key of NOT_NULLABLE_EDITS) {
    if (input[key] === null) ctx.addIssue({ code: 'custom', path: [key], ...rule('REQUIRED', key === 'kktuIds' ? 'must be a list (AdStat takes no null here)' : 'must not be null (leave it out to keep the current value)') });
  }
  if (typeof input.promoteUrl === 'string' && input.promoteUrl.trim() !== '') {
    if (isChannelInviteLink(input.promoteUrl)) ctx.addIssue({ code: 'custom', path: ['promoteUrl'], ...rule('AD_OBJECT_REQUIRED', 'an invite link needs an adObject, which an edit cannot set: create a new advertisement') });
    else checkPromoteUrl(input.promoteUrl, null, ctx);
  }
  checkMoney(input.cpm, 'cpm', ctx);
  checkMoney(input.dailyBudget, 'dailyBudget', ctx, true);
  if (input.viewsPerUser !== undefined && input.viewsPerUser !== null && input.viewsPerUser < 1) ctx.addIssue({ code: 'custom', path: ['viewsPerUser'], ...rule('VIEWS_PER_USER', 'must be 1 or more') });
  if (input.afterModerationStatus && !isAfterModeration(input.afterModerationStatus)) {
    ctx.addIssue({ code: 'custom', path: ['afterModerationStatus'], ...rule('AFTER_MODERATION_STATUS', 'choose ACTIVE, STOPPED or ON_HOLD') });
  }
  checkSchedule(input.schedule, ['schedule'], ctx);
  checkDates(input.startDate, input.endDate, ctx);
  checkKktuCount(input.kktuIds, ['kktuIds'], ctx);
  checkEventId(input.tgEventId, ctx);
});

const UpdateAdvertisementInput = builder.inputType('UpdateAdvertisementInput', {
  description: 'Changes to an AdStat advertisement (the fields AdStat’s edit takes). Only the fields given change; null clears where allowed.',
  validate: updateRules,
  fields: (t) => ({
    id: t.globalID({ required: true, description: 'The advertisement.', validate: globalIdOf('Advertisement') }),
    title: t.string({ required: false, description: 'Title.' }),
    text: t.string({ required: false, description: 'Text.' }),
    promoteUrl: t.string({ required: false, description: 'Promoted URL.' }),
    cpm: t.field({ type: 'Decimal', required: false, description: 'Price per thousand impressions.' }),
    erid: t.string({ required: false, description: 'ERID token (AdStat `other_info`); null clears.' }),
    mediaToken: t.string({ required: false, description: 'Media token; null removes the media.' }),
    websiteName: t.string({ required: false, description: 'Website name.' }),
    viewsPerUser: t.int({ required: false, description: 'Views per user (1 or more).' }),
    showPicture: t.boolean({ required: false, description: 'Show the avatar.' }),
    promoteUrlPictureId: t.string({ required: false, description: 'Id of the promoted object’s picture.' }),
    buttonType: t.string({ required: false, description: 'Button type.' }),
    dailyBudget: t.field({ type: 'Decimal', required: false, description: 'Daily limit (0: none).' }),
    afterModerationStatus: t.field({ type: AdvertisementStatusEnum, required: false, description: 'Status once approved: ACTIVE, STOPPED or ON_HOLD.' }),
    startDate: t.field({ type: 'DateTime', required: false, description: 'Start; null clears.' }),
    endDate: t.field({ type: 'DateTime', required: false, description: 'End; null clears.' }),
    schedule: t.field({ type: ScheduleInput, required: false, description: 'Schedule; null removes it (always on).' }),
    kktuIds: t.stringList({ required: false, description: 'KKTU id: exactly one, third level.' }),
    tgEventId: t.string({ required: false, description: 'Pixel Tag event: one of the advertisement’s cabinet’s own (see Account.pixelEvents); null removes it.' }),
    validateOnly: t.boolean({ required: false, defaultValue: false, description: 'Run every check and return the request without changing anything.' }),
  }),
});

// ---------- provider-dependent checks ----------

function clientFor(ctx: Context, login: string): AdstatClient {
  const client = ctx.providers.adstat.get(login);
  if (!client) throw new ProviderError('NOT_FOUND', `no AdStat login "${login}" is configured`, { provider: 'AdStat', endpoint: '-', account: login });
  return client;
}

async function checkKktu(ctx: Context, ids: string[], cabinet: Account | undefined, required: boolean, issues: IssueList): Promise<void> {
  if (required && cabinet && requiresKktu(cabinet.labellingMode) && ids.length !== 1) {
    issues.add(['input', 'kktuIds'], 'KKTU_REQUIRED', `cabinet "${cabinet.name}" labels ads automatically: exactly one KKTU id from the third level is required`);
  }
  if (ids.length === 0) return;
  const { byId } = await kktuIndex(ctx);
  ids.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) issues.add(['input', 'kktuIds', i], 'KKTU_UNKNOWN', `"${id}" is not a KKTU id (see kktuTree / kktuSearch)`);
    else if (node.level !== KKTU_LEVEL) issues.add(['input', 'kktuIds', i], 'KKTU_THIRD_LEVEL', `"${node.code} ${node.name}" is on level ${node.level}: choose one of its third-level nodes`);
  });
}

async function checkPixelEvent(client: AdstatClient, cabinet: Account, tgEventId: string | null | undefined, issues: IssueList): Promise<void> {
  if (!tgEventId) return;
  const events = await client.pixelEvents(cabinet.providerId);
  if (!events.some((e) => e.tgEventId === tgEventId)) {
    issues.add(['input', 'tgEventId'], 'PIXEL_EVENT_NOT_IN_ACCOUNT', `"${tgEventId}" is not one of cabinet "${cabinet.name}"’s Pixel Tag events`);
  }
}

/** Bots given in a form no Telegram username has, or with an id no bot can have: refused before any call. */
function checkBotForms(bots: { url: string; telegramId?: number | null }[], issues: IssueList): void {
  bots.forEach((b, i) => {
    if (botUsername(b.url) === null) issues.add(['input', 'targeting', 'bots', i, 'url'], 'TARGET_BOT_USERNAME', `"${b.url}" names no Telegram bot: give its username or link, e.g. "some_bot" or "t.me/some_bot"`);
    const id = b.telegramId;
    if (id !== null && id !== undefined && !(Number.isSafeInteger(id) && id > 0)) issues.add(['input', 'targeting', 'bots', i, 'telegramId'], 'IMPOSSIBLE_ID', `${id} cannot be a Telegram id (a positive whole number)`);
  });
}

/** AdStat's verdict on each bot (one per bot, in order; every accepted one carries its Telegram id). */
async function checkBots(client: AdstatClient, cabinet: Account, bots: { url: string; telegramId?: number | null }[], issues: IssueList): Promise<BotCheck[]> {
  if (bots.length === 0) return [];
  const checks = await client.validateBots(cabinet.providerId, bots.map((b) => b.url));
  checks.forEach((c, i) => {
    const given = bots[i]!.telegramId;
    if (!c.ok) issues.add(['input', 'targeting', 'bots', i, 'url'], 'TARGET_BOT_REJECTED', `AdStat does not accept bot "${c.bot}": ${c.errorMessage}`);
    else if (given !== null && given !== undefined && given !== c.telegramId) {
      issues.add(['input', 'targeting', 'bots', i, 'telegramId'], 'TARGET_BOT_ID_MISMATCH', `AdStat knows bot "${c.bot}" as Telegram id ${c.telegramId}, not ${given}`);
    }
  });
  return checks;
}

async function checkAudiences(client: AdstatClient, cabinet: Account, audiences: number[], excluded: number[], issues: IssueList): Promise<void> {
  if (audiences.length === 0 && excluded.length === 0) return;
  if (!cabinet.audiencesAllowed) {
    for (const [field, list] of [['audiences', audiences], ['excludedAudiences', excluded]] as const) {
      if (list.length) issues.add(['input', 'targeting', field], 'AUDIENCES_NOT_ALLOWED', `cabinet "${cabinet.name}" cannot use phone-number audiences (Uzbekistan cabinets only)`);
    }
    return;
  }
  const known = new Set((await client.audiences(cabinet.providerId)).map((a) => a.telegramId));
  for (const [field, list] of [['audiences', audiences], ['excludedAudiences', excluded]] as const) {
    list.forEach((id, i) => {
      if (!known.has(id)) issues.add(['input', 'targeting', field, i], 'AUDIENCE_NOT_FOUND', `audience ${id} is not one of cabinet "${cabinet.name}"’s audiences`);
    });
  }
}

// ---------- domain values from input ----------

type ScheduleInputShape = { days: { day: ScheduleChange['days'][number]['day']; hours: number[] }[]; timezoneOffsetSeconds?: number | null; useSelectedTimezone?: boolean | null };

function scheduleOf(s: ScheduleInputShape | null | undefined): ScheduleChange | null {
  if (!s) return null;
  return { days: s.days.map((d) => ({ day: d.day, hours: d.hours })), timezoneOffsetSeconds: s.timezoneOffsetSeconds ?? null, useSelectedTimezone: s.useSelectedTimezone ?? true };
}

const list = <T>(v: T[] | null | undefined): T[] => v ?? [];

// ---------- results ----------

interface AdvertisementWrite {
  advertisement: AdRef | null;
  validateOnly: boolean;
  request: { method: string; path: string; body: unknown };
}

const AdvertisementWriteRef = builder.objectRef<AdvertisementWrite>('AdvertisementWrite').implement({
  description: 'The result of creating or editing an advertisement.',
  fields: (t) => ({
    advertisement: t.field({ type: AdvertisementRef, nullable: true, description: 'The advertisement as it now is; null with validateOnly.', resolve: (w) => w.advertisement }),
    validateOnly: t.exposeBoolean('validateOnly', { description: 'True when nothing was written (validateOnly).' }),
    request: t.field({ type: RequestPreviewRef, description: 'The request sent to AdStat (or that would be sent, with validateOnly).', resolve: (w) => w.request }),
  }),
});

function adRef(login: string, id: number, details: AdvertisementDetails | null): AdRef {
  return { connectionId: login, id, row: null, details };
}

builder.mutationType({ description: 'Create and change advertisements and campaigns. Every mutation returns a typed result: its payload or a MutationError.' });

builder.mutationField('createAdvertisement', (t) =>
  t.field({
    // Directory reads (cabinets, the login's campaigns, KKTU), the create, and the details of the result.
    extensions: upstreamCost((_args, scope) => ({ adstat: 4, shared: wholeAdstatList(scope, 'campaigns:directory', 1) })),
    type: AdvertisementWriteRef,
    description: 'Creates an AdStat advertisement after checking every documented rule (including KKTU level, the cabinet’s pixel events and audiences, and bot eligibility with AdStat). New ads go to moderation. Safe to retry only with an idempotencyKey.',
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'CreateAdvertisementResult', description: 'The outcome: the payload, or a MutationError to switch on by __typename.' } },
    args: { input: t.arg({ type: CreateAdvertisementInput, required: true, description: 'The advertisement.' }) },
    resolve: async (_root, { input }, ctx) => {
      const [login, campaignText] = splitGlobal(input.campaignId.id);
      const campaignId = parseAdstatId(campaignText);
      const issues = new IssueList();
      if (!ctx.providers.adstat.has(login)) issues.add(['input', 'campaignId'], 'CAMPAIGN_NOT_FOUND', `no AdStat login "${login}" is configured`);
      else if (campaignId === null) issues.add(['input', 'campaignId'], 'IMPOSSIBLE_ID', `"${campaignText}" cannot be an AdStat campaign id (a positive whole number)`);
      const targeting = input.targeting;
      checkBotForms(list(targeting?.bots), issues);
      // Nothing goes upstream for an input that names what cannot exist.
      issues.throwIfAny();
      const client = clientFor(ctx, login);
      const campaignCabinet = (await client.campaignDirectory()).get(campaignId!);
      if (!campaignCabinet) issues.add(['input', 'campaignId'], 'CAMPAIGN_NOT_FOUND', `campaign ${campaignText} does not exist for login "${login}"`);
      const cabinet = campaignCabinet ? (await client.cabinetDirectory()).find((a) => a.providerId === campaignCabinet) : undefined;
      await checkKktu(ctx, list(input.kktuIds), cabinet, true, issues);
      let botChecks: BotCheck[] = [];
      if (cabinet) {
        await checkPixelEvent(client, cabinet, input.tgEventId, issues);
        botChecks = await checkBots(client, cabinet, list(targeting?.bots), issues);
        await checkAudiences(client, cabinet, list(targeting?.audiences), list(targeting?.excludedAudiences), issues);
      }
      issues.throwIfAny();

      const ad: NewAdvertisement = {
        campaignId: campaignId!,
        title: input.title,
        text: input.text,
        adType: input.adType as NewAdvertisement['adType'],
        promoteUrl: input.promoteUrl.trim(),
        adObject: input.adObject ?? null,
        promoteUrlType: input.promoteUrlType ?? null,
        cpm: input.cpm,
        budget: input.budget,
        dailyBudget: input.dailyBudget ?? null,
        currency: input.currency ?? 'EUR',
        useAccountCurrency: input.useAccountCurrency ?? false,
        targeting: {
          languages: list(targeting?.languages),
          topics: list(targeting?.topics),
          topicsVerbose: list(targeting?.topicsVerbose),
          channels: list(targeting?.channels),
          channelsVerbose: list(targeting?.channelsVerbose),
          excludedTopics: list(targeting?.excludedTopics),
          excludedTopicsVerbose: list(targeting?.excludedTopicsVerbose),
          excludedChannels: list(targeting?.excludedChannels),
          excludedChannelsVerbose: list(targeting?.excludedChannelsVerbose),
          userChannels: list(targeting?.userChannels),
          userChannelsVerbose: list(targeting?.userChannelsVerbose),
          excludedUserChannels: list(targeting?.excludedUserChannels),
          excludedUserChannelsVerbose: list(targeting?.excludedUserChannelsVerbose),
          countries: list(targeting?.countries),
          locations: list(targeting?.locations),
          locationsVerbose: list(targeting?.locationsVerbose),
          audiences: list(targeting?.audiences),
          excludedAudiences: list(targeting?.excludedAudiences),
          searchQueries: targeting?.searchQueries ?? null,
          // AdStat's body takes each bot as {id, url}: the id from the bot check when not given.
          bots: targeting?.bots ? targeting.bots.map((b, i) => ({ url: b.url, telegramId: b.telegramId ?? botChecks[i]!.telegramId! })) : null,
          splitBy: list(targeting?.splitBy),
          device: targeting?.device ?? 'all',
          onlyCrypto: targeting?.onlyCrypto ?? false,
          excludeCrypto: targeting?.excludeCrypto ?? false,
          excludePolitical: targeting?.excludePolitical ?? false,
          allTopicsInterestedUsers: targeting?.allTopicsInterestedUsers ?? false,
          viewsPerUser: targeting?.viewsPerUser ?? 1,
        },
        creative: {
          mediaToken: input.creative?.mediaToken ?? null,
          websiteName: input.creative?.websiteName ?? null,
          showPicture: input.creative?.showPicture ?? false,
          promoteUrlPictureId: input.creative?.promoteUrlPictureId ?? null,
          buttonType: input.creative?.buttonType ?? null,
        },
        afterModerationStatus: input.afterModerationStatus && isAfterModeration(input.afterModerationStatus) ? input.afterModerationStatus : 'ACTIVE',
        schedule: scheduleOf(input.schedule),
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        erid: input.erid ?? null,
        kktuIds: list(input.kktuIds),
        tgEventId: input.tgEventId ?? null,
      };
      const request = client.previewCreate(ad);
      if (input.validateOnly) return { advertisement: null, validateOnly: true, request };
      const { idempotencyKey, validateOnly: _v, ...fingerprint } = input;
      const created = await ctx.providers.idempotency.run({ scope: `adstat:${login}:createAdvertisement`, key: idempotencyKey, input: fingerprint, ...advertisementCreate(client, ad) });
      return { advertisement: adRef(login, created.id, created.details), validateOnly: false, request };
    },
  }),
);

/** The change as the domain sees it: only the fields the input names. */
function changeOf(input: Record<string, unknown>): { change: AdvertisementChange; changed: string[] } {
  const change: Record<string, unknown> = {};
  const skip = new Set(['id', 'validateOnly']);
  for (const [key, value] of Object.entries(input)) {
    if (skip.has(key) || value === undefined) continue;
    if (key === 'afterModerationStatus') change[key] = value;
    else if (key === 'schedule') change[key] = value === null ? null : scheduleOf(value as ScheduleInputShape);
    else change[key] = value;
  }
  return { change: change as AdvertisementChange, changed: Object.keys(change) };
}

builder.mutationField('updateAdvertisement', (t) =>
  t.field({
    extensions: upstreamCost((_args, scope) => ({ adstat: 5, shared: wholeAdstatList(scope, 'campaigns:directory', 1) })),
    type: AdvertisementWriteRef,
    description: 'Edits an AdStat advertisement (AdStat’s edit fields). Fields AdStat no longer lets edit (moderation.nonEditableFields) are refused before sending. Changing title, text, media or URL sends the ad back to moderation.',
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'UpdateAdvertisementResult', description: 'The outcome: the payload, or a MutationError to switch on by __typename.' } },
    args: { input: t.arg({ type: UpdateAdvertisementInput, required: true, description: 'The changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const [login, idText] = splitGlobal(input.id.id);
      const parsed = parseAdstatId(idText);
      const issues = new IssueList();
      if (!ctx.providers.adstat.has(login)) issues.add(['input', 'id'], 'ADVERTISEMENT_NOT_FOUND', 'not the global id of an advertisement of a configured AdStat login');
      else if (parsed === null) issues.add(['input', 'id'], 'IMPOSSIBLE_ID', `"${idText}" cannot be an AdStat advertisement id (a positive whole number)`);
      issues.throwIfAny();
      const adId = parsed!;
      const client = clientFor(ctx, login);
      const { change, changed } = changeOf(input as unknown as Record<string, unknown>);
      if (changed.length === 0) issues.add(['input'], 'NOTHING_TO_CHANGE', 'give at least one field to change');
      let current: AdvertisementDetails | null = null;
      try {
        current = await ctx.loaders.adstatDetails.load(`${login}:${adId}`);
      } catch (error) {
        if (!(error instanceof ProviderError && error.code === 'NOT_FOUND')) throw error;
        issues.add(['input', 'id'], 'ADVERTISEMENT_NOT_FOUND', `advertisement ${adId} does not exist for login "${login}"`);
      }
      if (current) {
        if (current.status === 'DELETED') issues.add(['input', 'id'], 'ADVERTISEMENT_DELETED', 'a deleted advertisement cannot be edited');
        for (const field of nonEditableChanges(changed, current.moderation.nonEditableFields)) {
          issues.add(['input', field], 'NOT_EDITABLE', `AdStat no longer lets this advertisement’s ${field} be edited`);
        }
        const cabinet = (await client.cabinetDirectory()).find((a) => a.providerId === current!.accountId);
        if (change.kktuIds !== undefined) await checkKktu(ctx, change.kktuIds, cabinet, true, issues);
        // The same rule as create: one of the cabinet's own events (null removes it).
        if (change.tgEventId && cabinet) await checkPixelEvent(client, cabinet, change.tgEventId, issues);
        // Against what the advertisement already has: the edit must leave it consistent.
        if (change.dailyBudget !== undefined && Number(change.dailyBudget) > Number(current.budget.total.amount)) {
          issues.add(['input', 'dailyBudget'], 'DAILY_WITHIN_TOTAL', `must not exceed the advertisement’s budget (${current.budget.total.amount} ${current.budget.total.currency})`);
        }
        const start = change.startDate !== undefined ? change.startDate : current.schedule.startDate;
        const end = change.endDate !== undefined ? change.endDate : current.schedule.endDate;
        if (start && end && start.getTime() >= end.getTime() && (change.startDate !== undefined || change.endDate !== undefined)) {
          issues.add(['input', change.endDate !== undefined ? 'endDate' : 'startDate'], 'DATES_ORDER', 'the end must be after the start (counting the advertisement’s current dates)');
        }
      }
      issues.throwIfAny();
      const request = client.previewEdit(adId, change);
      if (input.validateOnly) return { advertisement: null, validateOnly: true, request };
      const edited = await client.editAdvertisement(adId, change);
      ctx.loaders.adstatDetails.clear(`${login}:${adId}`);
      return { advertisement: adRef(login, adId, edited.details), validateOnly: false, request };
    },
  }),
);

// ---------- bulk status ----------

const BulkStatusRef = bulkPayload(
  { payload: 'SetAdvertisementStatusPayload', result: 'AdvertisementStatusChange', field: 'advertisement', noun: 'advertisement' },
  AdvertisementRef,
);

const SettableStatusEnum = builder.enumType('SettableAdvertisementStatus', {
  description: 'Statuses an advertiser can set.',
  values: { ACTIVE: { description: 'Run it.' }, STOPPED: { description: 'Stop it.' } } as const,
});

builder.mutationField('setAdvertisementStatus', (t) =>
  t.field({
    // One status call per login; the results' advertisements read the lists again.
    extensions: upstreamCost((args, scope) => ({ adstat: scope.adstatLogins.length, shared: wholeAdstatList(scope, 'ads:ALL'), items: Array.isArray(args.ids) ? args.ids.length : 0 })),
    type: BulkStatusRef,
    description:
      'Starts or stops many AdStat advertisements, with a result per advertisement. AdStat lists a status path but publishes no body: adgraph sends `{"ad_ids": [...], "status": ...}` (one call per login) — an unverified guess kept in one place (providers/adstat/wire.ts, UNVERIFIED).',
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'SetAdvertisementStatusResult', description: 'The outcome: the payload, or a MutationError to switch on by __typename.' } },
    args: {
      ids: t.arg.idList({ required: true, description: 'Advertisement global ids (1–500).', validate: z.array(z.string()).min(1, rule('IDS_COUNT', 'give at least one id').message).max(500, rule('IDS_COUNT', 'at most 500 ids').message) }),
      status: t.arg({ type: SettableStatusEnum, required: true, description: 'ACTIVE or STOPPED.' }),
    },
    resolve: async (_root, args, ctx) => {
      const results: ItemChange<AdRef>[] = args.ids.map((id) => ({ id: String(id), item: null, error: null }));
      const byLogin = new Map<string, { index: number; adId: number }[]>();
      results.forEach((r, index) => {
        const decoded = decodeAdvertisementId(r.id);
        if (!decoded || !ctx.providers.adstat.has(decoded.login)) {
          r.error = { code: 'VALIDATION', message: 'not the global id of an AdStat advertisement' };
          return;
        }
        r.item = adRef(decoded.login, decoded.adId, null);
        byLogin.set(decoded.login, [...(byLogin.get(decoded.login) ?? []), { index, adId: decoded.adId }]);
      });
      await Promise.all(
        [...byLogin].map(async ([login, items]) => {
          try {
            const outcomes = await clientFor(ctx, login).setAdvertisementStatus([...new Set(items.map((i) => i.adId))], args.status);
            const byId = new Map(outcomes.map((o) => [o.key, o.error]));
            for (const item of items) {
              const result = results[item.index]!;
              result.error = byId.get(item.adId) ?? null;
              // A failed item may not exist at all: only successes carry the advertisement.
              if (result.error) result.item = null;
            }
          } catch (error) {
            const failure =
              error instanceof ProviderError
                ? { code: error.code, message: error.message }
                : error instanceof WriteOutcomeUnknown
                  ? { code: 'OUTCOME_UNKNOWN', message: error.message }
                  : { code: 'INTERNAL', message: 'unexpected error' };
            for (const item of items) Object.assign(results[item.index]!, { error: failure, item: null });
          }
          for (const item of items) ctx.loaders.adstatDetails.clear(`${login}:${item.adId}`);
        }),
      );
      return { results };
    },
  }),
);

// ---------- bot check ----------

const TargetBotCheckRef = builder.objectRef<Awaited<ReturnType<AdstatClient['validateBots']>>[number]>('TargetBotCheck').implement({
  description: 'AdStat’s verdict on one bot for bot ads (bots need 1000+ daily users).',
  fields: (t) => ({
    bot: t.exposeString('bot', { description: 'The bot as given.' }),
    ok: t.exposeBoolean('ok', { description: 'Whether it can be targeted.' }),
    telegramId: t.exposeFloat('telegramId', { nullable: true, description: 'Its Telegram id (when accepted).' }),
    title: t.exposeString('title', { nullable: true, description: 'Its name.' }),
    url: t.exposeString('url', { nullable: true, description: 'Its link.' }),
    photoUrl: t.exposeString('photoUrl', { nullable: true, description: 'Its avatar.' }),
    errorCode: t.exposeString('errorCode', { nullable: true, description: 'AdStat’s code when refused, e.g. "advertisement__target_bot_daily_users_limit_error".' }),
    errorMessage: t.exposeString('errorMessage', { nullable: true, description: 'AdStat’s reason when refused.' }),
  }),
});

builder.queryField('validateTargetBots', (t) =>
  t.field({
    extensions: upstreamCost({ adstat: 1 }),
    type: [TargetBotCheckRef],
    description: 'Asks AdStat whether bots can be targeted by a cabinet’s bot ads: one verdict per bot, in order. A read: nothing changes.',
    args: {
      accountId: t.arg.globalID({ required: true, description: 'The AdStat cabinet (Account global id).', validate: globalIdOf('Account') }),
      bots: t.arg.stringList({ required: true, description: 'Bot links or usernames, e.g. "t.me/some_bot", "@some_bot" or "some_bot" (1–50). Each verdict names the bot as given here.', validate: z.array(z.string().trim().min(1, rule('BOT_EMPTY', 'a bot link or name must not be empty'))).min(1, rule('BOTS_COUNT', 'give at least 1 bot')).max(50, rule('BOTS_COUNT', 'at most 50 bots per check')) }),
    },
    resolve: async (_root, args, ctx) => {
      const [provider, login, cabinetId] = args.accountId.id.split(':');
      if (args.accountId.typename !== 'Account' || provider !== 'ADSTAT' || !login || !cabinetId) {
        throw new GraphQLInputError('accountId', 'must be the global id of an AdStat account', 'GLOBAL_ID');
      }
      const bad = args.bots.findIndex((bot) => botUsername(bot) === null);
      if (bad >= 0) throw new GraphQLInputError('bots', `bots[${bad}] ("${args.bots[bad]}") names no Telegram bot: give its username or link, e.g. "some_bot" or "t.me/some_bot"`, 'TARGET_BOT_USERNAME');
      return clientFor(ctx, login).validateBots(cabinetId, args.bots);
    },
  }),
);

// ---------- ids ----------

function splitGlobal(localId: string): [string, string] {
  const at = localId.indexOf(':');
  return at < 0 ? ['', localId] : [localId.slice(0, at), localId.slice(at + 1)];
}

function decodeAdvertisementId(id: string): { login: string; adId: number } | null {
  try {
    const { typename, id: local } = decodeGlobalID(id);
    if (typename !== 'Advertisement') return null;
    const [login, adText] = splitGlobal(local);
    const adId = parseAdstatId(adText);
    return login && adId !== null ? { login, adId } : null;
  } catch {
    return null;
  }
}
