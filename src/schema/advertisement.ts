/**
 * AdStat advertisements. An Advertisement is backed by a list row, by details, or by both: fields
 * the list carries are served from the row (no extra call), the rest from the details call, made
 * only when a selected field needs it and at most once per ad per request.
 */
import type { GraphQLField, GraphQLResolveInfo } from 'graphql';
import { listReadsSettled, splitKey, trackListRead, type Context } from '../context.js';
import type { AdvertisementDetails, AdvertisementStatus, AdvertisementSummary, CreationPeriod, Weekday } from '../domain/model.js';
import type { AdstatClient, AdvertisementListFilter } from '../providers/adstat/client.js';
import { parseAdstatId } from '../providers/adstat/rules.js';
import { ProviderError } from '../providers/errors.js';
import { builder } from './builder.js';
import { ASSUME, declarationOf } from '../security/cost.js';
import { ADSTAT_DETAILS, adstatWindow, loginsOf, upstreamCost, wholeAdstatList, windowSize } from './costs.js';
import { lazyArraySource, mergedConnection, type Connection, type ConnectionArgs, type Source } from './pagination.js';
import { itemsSelect } from './selection.js';
import { MoneyRef, ProviderEnum, StatisticsRef } from './scalars.js';

/** What an Advertisement object holds: its key, and whichever of row and details is known. */
export interface AdRef {
  connectionId: string;
  id: number;
  row: AdvertisementSummary | null;
  details: AdvertisementDetails | null;
}

export const adKey = (ad: { connectionId: string; id: number }): string => `${ad.connectionId}:${ad.id}`;

/** A row from a list: remembered for the request so later lookups of the same ad cost nothing. */
export function adFromRow(ctx: Context, row: AdvertisementSummary): AdRef {
  ctx.seen.advertisements.set(adKey(row), row);
  return { connectionId: row.connectionId, id: row.id, row, details: null };
}

function adstatClient(ctx: Context, connectionId: string): AdstatClient {
  const client = ctx.providers.adstat.get(connectionId);
  if (!client) throw new ProviderError('NOT_FOUND', `no AdStat login "${connectionId}" is configured`, { provider: 'AdStat', endpoint: '-', account: connectionId });
  return client;
}

export const ALL_ADS: AdvertisementListFilter = { period: 'ALL', showDeleted: true, titles: [], campaignNames: [] };

/** Every row of a login for a filter, read once per request (and through the shared cache). */
export function allAdRows(ctx: Context, client: AdstatClient, filter: AdvertisementListFilter): Promise<AdvertisementSummary[]> {
  // JSON, not a comma join: ["a,b"] and ["a", "b"] are different filters.
  const key = `adstat:${client.id}:all-ads:${JSON.stringify([filter.period, filter.showDeleted, filter.titles, filter.campaignNames])}`;
  return ctx.once(key, async () => {
    const rows = await trackListRead(ctx, `adstat:${client.id}`, client.allAdvertisements(filter));
    for (const row of rows) ctx.seen.advertisements.set(adKey(row), row);
    return rows;
  });
}

/** The row of an ad, when this request already holds it (no promise: see `fromRow`). */
function heldRow(ad: AdRef, ctx: Context): AdvertisementSummary | undefined {
  return ad.row ?? ctx.seen.advertisements.get(adKey(ad));
}

/** The row of an ad known only by id or details: from this request's lists, else the full list. */
async function listedRow(ad: AdRef, ctx: Context): Promise<AdvertisementSummary | null> {
  const rows = await allAdRows(ctx, adstatClient(ctx, ad.connectionId), ALL_ADS);
  return rows.find((r) => r.id === ad.id) ?? null;
}

/**
 * A list-only field: synchronous when the row is held (a list page holds 500 of them, and a promise
 * per field per row was a tenth of a page's CPU), from the login's full list otherwise.
 */
function fromRow<T>(ad: AdRef, ctx: Context, pick: (r: AdvertisementSummary) => T): T | null | Promise<T | null> {
  const row = heldRow(ad, ctx);
  if (row) return pick(row) ?? null;
  return listedRow(ad, ctx).then((r) => (r ? (pick(r) ?? null) : null));
}

async function detailsOf(ad: AdRef, ctx: Context): Promise<AdvertisementDetails> {
  return ad.details ?? ctx.loaders.adstatDetails.load(adKey(ad));
}

/** A details-only field: synchronous when the ad already holds its details (reached by id). */
function fromDetails<T>(ad: AdRef, ctx: Context, pick: (d: AdvertisementDetails) => T): T | Promise<T> {
  return ad.details ? pick(ad.details) : ctx.loaders.adstatDetails.load(adKey(ad)).then(pick);
}

/** Loads an ad by key for `node`: a row this request has seen, else its details (which prove it exists). */
export async function loadAd(key: string, ctx: Context): Promise<AdRef | null> {
  const [connectionId, idText] = splitKey(key);
  const id = parseAdstatId(idText);
  // An id no advertisement can have is a null slot, with no call to AdStat.
  if (!ctx.providers.adstat.has(connectionId) || id === null) return null;
  await listReadsSettled(ctx, `adstat:${connectionId}`);
  const row = ctx.seen.advertisements.get(key);
  if (row) return { connectionId, id, row, details: null };
  try {
    return { connectionId, id, row: null, details: await ctx.loaders.adstatDetails.load(key) };
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export const AdvertisementStatusEnum = builder.enumType('AdvertisementStatus', {
  description: 'Advertisement status, normalized (the provider value is in `rawStatus`).',
  values: {
    ACTIVE: { description: 'Running.' },
    STOPPED: { description: 'Stopped by the advertiser.' },
    ON_HOLD: { description: 'On hold (e.g. waiting for budget or a start date).' },
    IN_REVIEW: { description: 'Waiting for moderation.' },
    DECLINED: { description: 'Declined by moderation; see `moderation.declineReasons`.' },
    DELETED: { description: 'Deleted.' },
    UNKNOWN: { description: 'A status adgraph does not know yet; `rawStatus` has the provider’s value.' },
  } as const,
});

export const AdTypeEnum = builder.enumType('AdType', {
  description: 'Where an AdStat advertisement is shown (its targeting type).',
  values: {
    TARGET_CHANNELS: { description: 'In Telegram channels, chosen by topic or by channel.' },
    TARGET_USERS: { description: 'To users, chosen by their interests and the channels they read.' },
    TARGET_BOTS: { description: 'In bots (each must have 1000+ daily users).' },
    TARGET_SEARCH: { description: 'In Telegram search results for chosen queries.' },
    UNKNOWN: { description: 'A type adgraph does not know yet; `rawAdType` has the provider’s value.' },
  } as const,
});

export const PeriodEnum = builder.enumType('CreationPeriod', {
  description: 'Filter by creation time, as the provider defines it (UTC days).',
  values: {
    TODAY: { description: 'Created today.' },
    YESTERDAY: { description: 'Created yesterday.' },
    THIS_MONTH: { description: 'Created since the start of this month.' },
    ALL: { description: 'Any time.' },
  } as const,
});

export const WeekdayEnum = builder.enumType('Weekday', {
  description: 'Day of the week.',
  values: {
    MONDAY: { description: 'Monday.' },
    TUESDAY: { description: 'Tuesday.' },
    WEDNESDAY: { description: 'Wednesday.' },
    THURSDAY: { description: 'Thursday.' },
    FRIDAY: { description: 'Friday.' },
    SATURDAY: { description: 'Saturday.' },
    SUNDAY: { description: 'Sunday.' },
  } as const,
});

type Details = AdvertisementDetails;

const TargetBotRef = builder.objectRef<NonNullable<Details['targeting']['bots']>[number]>('TargetBot').implement({
  description: 'A bot an advertisement is shown in.',
  fields: (t) => ({
    telegramId: t.exposeFloat('id', { nullable: true, description: 'Telegram id of the bot (when the provider gives it).' }),
    url: t.exposeString('url', { description: 'Link to the bot, e.g. "t.me/some_bot".' }),
    title: t.exposeString('title', { nullable: true, description: 'Bot name.' }),
    photoUrl: t.exposeString('photoUrl', { nullable: true, description: 'Bot avatar URL.' }),
  }),
});

const TargetingRef = builder.objectRef<Details['targeting'] & { type: AdvertisementDetails['adType'] }>('AdvertisementTargeting').implement({
  description: 'Who sees the advertisement.',
  fields: (t) => ({
    type: t.field({ type: AdTypeEnum, description: 'Targeting type.', resolve: (x) => x.type }),
    languages: t.exposeStringList('languages', { description: 'Targeted languages.' }),
    topics: t.exposeStringList('topics', { description: 'Targeted topics.' }),
    channels: t.exposeStringList('channels', { description: 'Targeted channels.' }),
    userChannels: t.exposeStringList('userChannels', { description: 'Channels whose readers are targeted (user targeting).' }),
    bots: t.field({ type: [TargetBotRef], nullable: true, description: 'Targeted bots (bot ads).', resolve: (x) => x.bots }),
    searchQueries: t.exposeStringList('searchQueries', { nullable: true, description: 'Targeted search queries (search ads).' }),
    countries: t.exposeStringList('countries', { description: 'Targeted countries.' }),
    locations: t.exposeStringList('locations', { description: 'Targeted cities.' }),
    audiences: t.exposeIntList('audiences', { description: 'Targeted phone-number audiences (their Telegram ids).' }),
    excludedTopics: t.exposeStringList('excludedTopics', { description: 'Excluded topics.' }),
    excludedChannels: t.exposeStringList('excludedChannels', { description: 'Excluded channels.' }),
    excludedUserChannels: t.exposeStringList('excludedUserChannels', { description: 'Excluded user-targeting channels.' }),
    excludedAudiences: t.exposeIntList('excludedAudiences', { description: 'Excluded audiences.' }),
    usesAudiences: t.exposeBoolean('usesAudiences', { nullable: true, description: 'Whether audience targeting is used.' }),
    usesExcludedAudiences: t.exposeBoolean('usesExcludedAudiences', { nullable: true, description: 'Whether excluded audiences are used.' }),
    device: t.exposeString('device', { nullable: true, description: 'Targeted device ("all").' }),
    onlyCrypto: t.exposeBoolean('onlyCrypto', { nullable: true, description: 'Shown only in crypto channels.' }),
    excludeCrypto: t.exposeBoolean('excludeCrypto', { nullable: true, description: 'Crypto channels excluded.' }),
    excludePolitical: t.exposeBoolean('excludePolitical', { nullable: true, description: 'Political content excluded.' }),
    allTopicsInterestedUsers: t.exposeBoolean('allTopicsInterestedUsers', { nullable: true, description: 'Targets users interested in all topics.' }),
    viewsPerUser: t.exposeInt('viewsPerUser', { nullable: true, description: 'How many times one user may see it.' }),
  }),
});

const MediaRef = builder.objectRef<NonNullable<Details['creative']['media']>>('Media').implement({
  description: 'An uploaded image or video.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Media token (as returned by an upload).' }),
    url: t.exposeString('url', { nullable: true, description: 'Where the file is served.' }),
    type: t.exposeString('type', { description: 'Media type, e.g. "image" or "video".' }),
  }),
});

const CreativeRef = builder.objectRef<Details['creative'] & { title: string; text: string }>('AdvertisementCreative').implement({
  description: 'What the advertisement shows.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Title.' }),
    text: t.exposeString('text', { description: 'Text.' }),
    media: t.field({ type: MediaRef, nullable: true, description: 'Image or video, if any.', resolve: (c) => c.media }),
    buttonType: t.exposeString('buttonType', { nullable: true, description: 'Button type as AdStat names it (e.g. "open_website", "learn_more").' }),
    promotedUrl: t.exposeString('promotedUrl', { description: 'URL of the promoted object.' }),
    promotedTitle: t.exposeString('promotedTitle', { nullable: true, description: 'Title of the promoted object.' }),
    promotedPhoto: t.exposeString('promotedPhoto', { nullable: true, description: 'Path of the promoted object’s picture.' }),
    promotedPictureId: t.exposeString('promotedPictureId', { nullable: true, description: 'Id of the promoted object’s picture.' }),
    showPicture: t.exposeBoolean('showPicture', { nullable: true, description: 'Whether the avatar is shown.' }),
    websiteName: t.exposeString('websiteName', { nullable: true, description: 'Website name (external links).' }),
    websitePhotoUrl: t.exposeString('websitePhotoUrl', { nullable: true, description: 'Website picture URL.' }),
    isWebsite: t.exposeBoolean('isWebsite', { nullable: true, description: 'Whether the promoted object is a website.' }),
  }),
});

const BudgetRef = builder.objectRef<Details['budget']>('AdvertisementBudget').implement({
  description: 'Bid and budgets, in the advertisement’s currency.',
  fields: (t) => ({
    cpm: t.field({ type: MoneyRef, description: 'Price per thousand impressions.', resolve: (b) => b.cpm }),
    total: t.field({ type: MoneyRef, description: 'Total budget.', resolve: (b) => b.total }),
    daily: t.field({ type: MoneyRef, nullable: true, description: 'Daily budget limit (0 means none).', resolve: (b) => b.daily }),
  }),
});

const ScheduleDayRef = builder.objectRef<{ day: Weekday; hours: number[] }>('ScheduleDay').implement({
  description: 'Delivery hours of one weekday.',
  fields: (t) => ({
    day: t.field({ type: WeekdayEnum, description: 'The weekday.', resolve: (d) => d.day }),
    hours: t.exposeIntList('hours', { description: 'Hours 0–23 when the ad is shown, in the schedule’s time zone.' }),
  }),
});

const ScheduleRef = builder.objectRef<Details['schedule']>('AdvertisementSchedule').implement({
  description: 'When the advertisement runs.',
  fields: (t) => ({
    startDate: t.field({ type: 'DateTime', nullable: true, description: 'Start (UTC).', resolve: (s) => s.startDate }),
    endDate: t.field({ type: 'DateTime', nullable: true, description: 'End (UTC).', resolve: (s) => s.endDate }),
    days: t.field({ type: [ScheduleDayRef], nullable: true, description: 'Hours per weekday; null means no schedule (always on).', resolve: (s) => s.days }),
    timezoneOffsetSeconds: t.exposeInt('timezoneOffsetSeconds', { nullable: true, description: 'Time zone of the hours, as seconds east of UTC (10800 = UTC+3).' }),
    useSelectedTimezone: t.exposeBoolean('useSelectedTimezone', { nullable: true, description: 'Whether the hours are in that time zone.' }),
  }),
});

const DeclineReasonRef = builder.objectRef<{ code: string | null; message: string }>('DeclineReason').implement({
  description: 'Why moderation declined the advertisement.',
  fields: (t) => ({
    code: t.exposeString('code', { nullable: true, description: 'The provider’s reason code, when it gives one.' }),
    message: t.exposeString('message', { description: 'The reason as text.' }),
  }),
});

const ModerationRef = builder
  .objectRef<Details['moderation'] & { status: AdvertisementStatus; rawStatus: string; statusUpdatedAt: Date | null }>('AdvertisementModeration')
  .implement({
    description: 'Moderation state.',
    fields: (t) => ({
      status: t.field({ type: AdvertisementStatusEnum, description: 'Current status.', resolve: (m) => m.status }),
      rawStatus: t.exposeString('rawStatus', { description: 'The provider’s own status value.' }),
      statusUpdatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the status last changed (UTC).', resolve: (m) => m.statusUpdatedAt }),
      declineReasons: t.field({ type: [DeclineReasonRef], description: 'Why it was declined (empty unless declined).', resolve: (m) => m.declineReasons }),
      nonEditableFields: t.exposeStringList('nonEditableFields', { description: 'Fields that can no longer be edited, as AdStat names them.' }),
      statusAfterModeration: t.field({ type: AdvertisementStatusEnum, nullable: true, description: 'Status the ad takes once approved.', resolve: (m) => m.afterModerationStatus }),
      rawStatusAfterModeration: t.exposeString('rawAfterModerationStatus', { nullable: true, description: 'The provider’s own value for it.' }),
    }),
  });

export const KktuIdsHolder = builder.objectRef<Details['labelling'] & { kktuCodes: string[] | null }>('AdvertisementLabelling').implement({
  description: 'Russian ad-law labelling.',
  fields: (t) => ({
    erid: t.exposeString('erid', { nullable: true, description: 'ERID token or labelling note (AdStat `other_info`), e.g. "erid: 2Vtzq…".' }),
    kktuIds: t.exposeStringList('kktuIds', { description: 'KKTU ids (third level) of the advertised product.' }),
    kktuCodes: t.exposeStringList('kktuCodes', { nullable: true, description: 'KKTU codes as the list shows them (e.g. "1.1.1"); null when the ad was not read from a list.' }),
  }),
});

const AdPixelEventRef = builder.objectRef<NonNullable<Details['pixelEvent']>>('AdvertisementPixelEvent').implement({
  description: 'The Pixel Tag event the advertisement optimizes for.',
  fields: (t) => ({
    tgEventId: t.exposeString('tgEventId', { nullable: true, description: 'Pixel Tag event id.' }),
    name: t.exposeString('name', { nullable: true, description: 'Event name.' }),
  }),
});

export const AdvertisementRef = builder.objectRef<AdRef>('Advertisement');

/**
 * Field from the row when the ad came from a list, else from details (always one of the two).
 * Synchronous when the row is held: no promise per field per row on a list page.
 */
function either<T>(ad: AdRef, ctx: Context, fromRow: (r: AdvertisementSummary) => T, fromDetails: (d: AdvertisementDetails) => T): T | Promise<T> {
  const row = heldRow(ad, ctx);
  if (row) return fromRow(row);
  if (ad.details) return fromDetails(ad.details);
  return detailsOf(ad, ctx).then(fromDetails);
}

/**
 * Resolvers made once per field, with their pickers: written inline in the resolver, two closures
 * were allocated per field per row.
 */
function rowOrDetails<T>(fromRow: (r: AdvertisementSummary) => T, fromDetails: (d: AdvertisementDetails) => T) {
  return (ad: AdRef, _args: unknown, ctx: Context): T | Promise<T> => either(ad, ctx, fromRow, fromDetails);
}

function listField<T>(pick: (r: AdvertisementSummary) => T) {
  return (ad: AdRef, _args: unknown, ctx: Context): T | null | Promise<T | null> => fromRow(ad, ctx, pick);
}

builder.node(AdvertisementRef, {
  description:
    'An AdStat advertisement. Fields from AdStat’s list cost no extra call; `targeting`, `creative`, `budget`, `schedule`, `moderation`, `labelling`, `pixelEvent` and `telegramId` need one details call per advertisement (made once per request, shared across requests for a short time).',
  id: { resolve: (ad) => adKey(ad) },
  loadOne: (key, ctx) => loadAd(key, ctx),
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'row' in value && 'details' in value && typeof (value as AdRef).id === 'number',
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, description: 'Always ADSTAT.', resolve: () => 'ADSTAT' as const }),
    providerId: t.string({ description: 'AdStat’s advertisement id.', resolve: (ad) => String(ad.id) }),
    connectionId: t.exposeString('connectionId', { description: 'The configured AdStat login it was read through.' }),
    title: t.string({ description: 'Title.', resolve: rowOrDetails((r) => r.title, (d) => d.title) }),
    text: t.string({ description: 'Creative text.', resolve: rowOrDetails((r) => r.text, (d) => d.text) }),
    adType: t.field({ type: AdTypeEnum, description: 'Targeting type.', resolve: rowOrDetails((r) => r.adType, (d) => d.adType) }),
    rawAdType: t.string({ description: 'The provider’s own targeting-type value.', resolve: rowOrDetails((r) => r.rawAdType, (d) => d.rawAdType) }),
    status: t.field({ type: AdvertisementStatusEnum, description: 'Normalized status.', resolve: rowOrDetails((r) => r.status, (d) => d.status) }),
    rawStatus: t.string({ description: 'The provider’s own status value.', resolve: rowOrDetails((r) => r.rawStatus, (d) => d.rawStatus) }),
    statusUpdatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the status last changed (UTC).',
      resolve: rowOrDetails((r) => r.statusUpdatedAt, (d) => d.statusUpdatedAt),
    }),
    accountName: t.string({ description: 'Name of the cabinet it belongs to.', resolve: rowOrDetails((r) => r.accountName, (d) => d.accountName) }),
    campaignProviderId: t.string({ description: 'AdStat’s id of its campaign.', resolve: rowOrDetails((r) => String(r.campaignId), (d) => String(d.campaignId)) }),
    campaignName: t.string({ description: 'Name of its campaign.', resolve: rowOrDetails((r) => r.campaignName, (d) => d.campaignName) }),
    cpm: t.field({ type: MoneyRef, description: 'Price per thousand impressions.', resolve: rowOrDetails((r) => r.bid, (d) => d.budget.cpm) }),
    promotedObject: t.string({ description: 'The promoted object (a t.me link or a website).', resolve: rowOrDetails((r) => r.promotedObject, (d) => d.creative.promotedUrl) }),
    fetchedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When adgraph read this advertisement’s data from AdStat (UTC): its list row, or its details when it was reached by id. Show it beside the figures: when AdStat’s budget (10 calls a minute per path) is spent, adgraph answers with the last data it has rather than an error, and this says how old that is. `extensions.freshness` gives the same per upstream path.',
      resolve: rowOrDetails((r) => r.fetchedAt ?? null, (d) => d.fetchedAt ?? null),
    }),
    // List-only fields: for an ad reached by id they come from the login's (cached) full list.
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was created (UTC).', resolve: listField((r) => r.createdAt) }),
    actionType: t.string({ nullable: true, description: 'Target action type, when set.', resolve: listField((r) => r.actionType) }),
    balance: t.field({ type: MoneyRef, nullable: true, description: 'Budget left on it.', resolve: listField((r) => r.balance) }),
    kktuCodes: t.stringList({ nullable: true, description: 'KKTU codes of the advertised product (e.g. "1.1.1").', resolve: listField((r) => r.kktuCodes) }),
    targetTopics: t.stringList({ nullable: true, description: 'Targeted topics as the list names them.', resolve: listField((r) => r.targetTopics) }),
    statistics: t.field({ type: StatisticsRef, nullable: true, description: 'Delivery statistics (EUR).', resolve: listField((r) => r.statistics) }),
    // Details-only fields.
    telegramId: t.float({ nullable: true, description: 'The advertisement’s id in Telegram (details call).', extensions: upstreamCost(ADSTAT_DETAILS), resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => d.telegramId) }),
    accountProviderId: t.string({ description: 'Id of its cabinet, e.g. "ACC0000222" (details call).', extensions: upstreamCost(ADSTAT_DETAILS), resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => d.accountId) }),
    telegramAccountType: t.int({ nullable: true, description: 'Telegram account type of the promoted object, as AdStat numbers it (details call).', extensions: upstreamCost(ADSTAT_DETAILS), resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => d.tgAccountType) }),
    targeting: t.field({
      extensions: upstreamCost(ADSTAT_DETAILS),
      type: TargetingRef,
      nullable: true,
      description: 'Who sees it (details call).',
      resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => ({ ...d.targeting, type: d.adType })),
    }),
    creative: t.field({
      extensions: upstreamCost(ADSTAT_DETAILS),
      type: CreativeRef,
      nullable: true,
      description: 'What it shows (details call).',
      resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => ({ ...d.creative, title: d.title, text: d.text })),
    }),
    budget: t.field({ type: BudgetRef, nullable: true, description: 'Bid and budgets (details call).', extensions: upstreamCost(ADSTAT_DETAILS), resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => d.budget) }),
    currency: t.string({ description: 'Currency of its budget and bid, as the details give it (details call).', extensions: upstreamCost(ADSTAT_DETAILS), resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => d.currency) }),
    schedule: t.field({ type: ScheduleRef, nullable: true, description: 'When it runs (details call).', extensions: upstreamCost(ADSTAT_DETAILS), resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => d.schedule) }),
    moderation: t.field({
      extensions: upstreamCost(ADSTAT_DETAILS),
      type: ModerationRef,
      nullable: true,
      description: 'Moderation state, decline reasons and non-editable fields (details call).',
      resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => ({ ...d.moderation, status: d.status, rawStatus: d.rawStatus, statusUpdatedAt: d.statusUpdatedAt })),
    }),
    labelling: t.field({
      extensions: upstreamCost(ADSTAT_DETAILS),
      type: KktuIdsHolder,
      nullable: true,
      description: 'ERID and KKTU labelling (details call).',
      resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => ({ ...d.labelling, kktuCodes: heldRow(ad, ctx)?.kktuCodes ?? null })),
    }),
    pixelEvent: t.field({ type: AdPixelEventRef, nullable: true, description: 'Pixel Tag event the ad optimizes for (details call); null when it has none (AdStat then sends an event of nulls).', extensions: upstreamCost(ADSTAT_DETAILS), resolve: (ad, _a, ctx) => fromDetails(ad, ctx, (d) => d.pixelEvent) }),
  }),
});

export interface AdvertisementQueryArgs extends ConnectionArgs {
  period?: CreationPeriod | null;
  showDeleted?: boolean | null;
  titles?: string[] | null;
  campaignNames?: string[] | null;
  status?: AdvertisementStatus[] | null;
}

export function adFilter(args: AdvertisementQueryArgs): AdvertisementListFilter {
  return { period: args.period ?? 'ALL', showDeleted: args.showDeleted ?? false, titles: args.titles ?? [], campaignNames: args.campaignNames ?? [] };
}

/**
 * A login's ads as a connection source. Unfiltered by status, the provider's pages serve any window;
 * with a status filter (which AdStat lacks) or a local predicate, the full list is read and sliced.
 */
export function adSource(ctx: Context, client: AdstatClient, args: AdvertisementQueryArgs, predicate?: (row: AdvertisementSummary) => boolean): Source<AdRef> {
  const filter = adFilter(args);
  const statuses = args.status?.length ? new Set(args.status) : null;
  if (!statuses && !predicate) {
    return {
      fetch: async (offset, count) => {
        const page = await trackListRead(ctx, `adstat:${client.id}`, client.advertisements(offset, count, filter));
        return { ...page, items: page.items.map((row) => adFromRow(ctx, row)) };
      },
      sizeHint: () => client.advertisementCountHint(filter),
    };
  }
  return lazyArraySource(async () =>
    (await allAdRows(ctx, client, filter)).filter((r) => (!statuses || statuses.has(r.status)) && (!predicate || predicate(r))).map((r) => adFromRow(ctx, r)),
  );
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type ArgBuilder = PothosSchemaTypes.RootFieldBuilder<Types, unknown>['arg'];

/** The filters of every advertisement list (top level, per account, per campaign). */
export function advertisementListArgs(arg: ArgBuilder) {
  return {
    period: arg({ type: PeriodEnum, required: false, defaultValue: 'ALL', description: 'Creation period.' }),
    showDeleted: arg.boolean({ required: false, defaultValue: false, description: 'Include deleted advertisements.' }),
    titles: arg.stringList({ required: false, description: 'Only advertisements whose title contains one of these.' }),
    campaignNames: arg.stringList({ required: false, description: 'Only advertisements of campaigns whose name contains one of these.' }),
    status: arg({
      type: [AdvertisementStatusEnum],
      required: false,
      description: 'Only these statuses. AdStat cannot filter by status, so adgraph reads the whole list (through the cache) and filters it.',
    }),
  };
}

/**
 * The connection of these logins' ads. When the document selects a details field on every ad, the
 * details calls start as soon as the ads are known, not when execution reaches each ad's field:
 * execution of a 500-ad page's list fields is one long stretch of synchronous work, and the
 * request's loader sends what it was asked only after it (its dispatch waits for the microtasks
 * to drain), so the calls would leave once every row had been resolved. Started here, the loader
 * is primed with each call, so the fields get the same answers and nothing is read that they would
 * not read; then the connection waits one turn of the event loop, which lets the calls reach the
 * wire before execution takes the loop, and execution runs while they are in flight.
 *
 * Under @defer the client asked for the rows first, and two things change:
 * - The calls start one turn of the event loop later (`setImmediate`), behind the work already
 *   queued: once the last list the first part needs has arrived, the rows' execution, the first
 *   part's serialization and its write run as one chain of microtasks, and sending 500 calls
 *   (planner, cache, undici: tens of milliseconds of CPU) waits until they are done. With the
 *   loader's own timing (a tick after each field asks) the write came first too, but only because
 *   the calls' chain of microtasks to the wire is the longer one. When the first part is still
 *   waiting for another list, the turn comes while it waits and the calls leave at once.
 *   DataLoader's `batchScheduleFn` could delay its dispatch the same way, but a field resolver
 *   cannot tell whether it runs in a deferred part; the connection knows from the document.
 * - The answers reach the fields a turn of the event loop at a time (`releasePerTurn`), so the
 *   rows whose details arrived in the same turn complete together and go out as one part.
 */
export async function resolveAdvertisements(
  args: AdvertisementQueryArgs,
  ctx: Context,
  clients: AdstatClient[],
  predicate: ((row: AdvertisementSummary) => boolean) | undefined,
  info: GraphQLResolveInfo,
): Promise<Connection<AdRef>> {
  const connection = await mergedConnection(args, clients.map((client) => adSource(ctx, client, args, predicate)));
  const when = itemsSelect(info, needsDetails);
  if (!when) return connection;
  const deferred = when === 'deferred' ? { start: new Promise<void>((resolve) => setImmediate(resolve)), release: releaserOf(ctx) } : null;
  let started = 0;
  for (const edge of connection.edges) {
    if (edge instanceof Promise || edge.node.details) continue;
    const key = adKey(edge.node);
    // Asked for already (a `node` field, another alias): the loader answers it, with no second call.
    if (ctx.loaders.adstatDetailsHeld.has(key)) continue;
    const client = ctx.providers.adstat.get(edge.node.connectionId);
    if (!client) continue;
    const id = edge.node.id;
    const details = deferred ? deferred.release(deferred.start.then(() => client.advertisement(id))) : client.advertisement(id);
    // Awaited by the fields; handled here too, should an ad's fields not be reached (its parent failed).
    details.catch(() => undefined);
    ctx.loaders.adstatDetails.prime(key, details);
    started += 1;
  }
  if (started > 0 && !deferred) await new Promise<void>((resolve) => setImmediate(resolve));
  return connection;
}

type Releaser = <T>(promise: Promise<T>) => Promise<T>;

/** One per request: the rows of every connection in it whose details answer in one turn share a part. */
const releasers = new WeakMap<Context, Releaser>();

function releaserOf(ctx: Context): Releaser {
  let releaser = releasers.get(ctx);
  if (!releaser) releasers.set(ctx, (releaser = releasePerTurn()));
  return releaser;
}

/**
 * Hands on settled promises a turn of the event loop at a time: each settles as its own did, but at
 * the end of the turn it settled in, together with the others of that turn. Hand-written because
 * the executor (@graphql-tools/executor 2.x, under Yoga's defer-stream plugin) pays for every part
 * it sends in proportion to the deferred parts still pending (it races all of them anew for each
 * part), and each part then runs every plugin's hook, its serialization and a socket write: 500
 * rows whose details settle one by one cost about twice the CPU of the same answer without @defer.
 * Released together, the rows of one turn complete in one pass of microtasks and the executor sends
 * them as one part; a row waits at most for the rest of its turn. The busier the loop, the more
 * answers a turn holds, so the saving grows with the load.
 */
function releasePerTurn(): Releaser {
  let held: (() => void)[] = [];
  const hold = (settle: () => void) => {
    if (held.length === 0) {
      setImmediate(() => {
        const now = held;
        held = [];
        for (const release of now) release();
      });
    }
    held.push(settle);
  };
  return <T>(promise: Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      promise.then(
        (value) => hold(() => resolve(value)),
        (error: unknown) => hold(() => reject(error)),
      );
    });
}

const NO_SCOPE = { adstatLogins: [], tonaiKeys: [], assume: ASSUME };
const detailsOnly = new WeakMap<GraphQLField<unknown, unknown>, boolean>();

/**
 * Whether resolving the field on an ad from a list makes its details call: the fields whose whole
 * declared cost is the one details call per item (`ADSTAT_DETAILS`) are the details-only ones,
 * which read the details for every ad without them. A field that only may need them (`campaign`,
 * when the row lacks the campaign id) declares more than that and is not counted.
 */
function needsDetails(field: GraphQLField<unknown, unknown>): boolean {
  let known = detailsOnly.get(field);
  if (known === undefined) {
    known = declarationOf(field)?.({}, NO_SCOPE) === ADSTAT_DETAILS;
    detailsOnly.set(field, known);
  }
  return known;
}

builder.queryField('advertisements', (t) =>
  t.connection({
    type: AdvertisementRef,
    // Pages of 500 per login up to the window's end; a status filter reads whole lists.
    extensions: upstreamCost((args, scope) => {
      const logins = loginsOf(scope, args.connectionId);
      const statuses = Array.isArray(args.status) && args.status.length > 0;
      return statuses
        ? { shared: wholeAdstatList(scope, `ads:${JSON.stringify([args.period, args.showDeleted, args.titles, args.campaignNames])}`, logins), items: windowSize(args) }
        : { adstat: adstatWindow(args, logins), items: windowSize(args) };
    }),
    description:
      'AdStat advertisements of every configured login, newest first. Pages of any size: adgraph reads AdStat’s 500-row pages (1,000 ads = 2 calls) and shares them across requests for a short time. A login that fails is one null edge where its ads would be, with its error in `errors` at that edge’s path.',
    args: {
      ...advertisementListArgs(t.arg),
      connectionId: t.arg.string({ required: false, description: 'Only this configured AdStat login.' }),
    },
    resolve: (_root, args, ctx, info) => {
      const clients = [...ctx.providers.adstat.values()].filter((c) => !args.connectionId || c.id === args.connectionId);
      return resolveAdvertisements(args, ctx, clients, undefined, info);
    },
  }),
);
