/** AdStat advertisements. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { AdvertisementSummary } from '../domain/model.js';
import { PERIODS } from '../providers/adstat/wire.js';
import { builder } from './builder.js';
import { mergedConnection } from './pagination.js';
import { MoneyRef, ProviderEnum, StatisticsRef } from './scalars.js';

export const AdvertisementStatusEnum = builder.enumType('AdvertisementStatus', {
  description: 'Advertisement status, normalized (the provider value is in `rawStatus`).',
  values: {
    ACTIVE: { description: 'Running.' },
    STOPPED: { description: 'Stopped by the advertiser.' },
    ON_HOLD: { description: 'On hold (e.g. waiting for budget or a start date).' },
    IN_REVIEW: { description: 'Waiting for moderation.' },
    DECLINED: { description: 'Declined by moderation; see the decline reasons.' },
    DELETED: { description: 'Deleted.' },
    UNKNOWN: { description: 'A status adgraph does not know yet; `rawStatus` has the provider’s value.' },
  } as const,
});

export const AdTypeEnum = builder.enumType('AdType', {
  description: 'Where an AdStat advertisement is shown (its targeting type).',
  values: {
    TARGET_CHANNELS: { value: 'target_channels', description: 'In Telegram channels, chosen by topic or by channel.' },
    TARGET_USERS: { value: 'target_users', description: 'To users, chosen by their interests and the channels they read.' },
    TARGET_BOTS: { value: 'target_bots', description: 'In bots (each must have 1000+ daily users).' },
    TARGET_SEARCH: { value: 'target_search', description: 'In Telegram search results for chosen queries.' },
    UNKNOWN: { value: 'unknown', description: 'A type adgraph does not know yet; `rawAdType` has the provider’s value.' },
  } as const,
});

const KNOWN_AD_TYPES = new Set(['target_channels', 'target_users', 'target_bots', 'target_search']);

const PeriodEnum = builder.enumType('CreationPeriod', {
  description: 'Filter by creation time, as the provider defines it (UTC days).',
  values: {
    TODAY: { value: 'today' as (typeof PERIODS)[number], description: 'Created today.' },
    YESTERDAY: { value: 'yesterday' as (typeof PERIODS)[number], description: 'Created yesterday.' },
    THIS_MONTH: { value: 'starts_month' as (typeof PERIODS)[number], description: 'Created since the start of this month.' },
    ALL: { value: 'all' as (typeof PERIODS)[number], description: 'Any time.' },
  } as const,
});

export const AdvertisementRef = builder.objectRef<AdvertisementSummary>('Advertisement').implement({
  description: 'An AdStat advertisement: creative, targeting type, bid, status and statistics.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (ad) => encodeGlobalID('Advertisement', `${ad.connectionId}:${ad.id}`) }),
    provider: t.field({ type: ProviderEnum, description: 'Always ADSTAT.', resolve: (ad) => ad.provider }),
    providerId: t.string({ description: 'AdStat’s advertisement id.', resolve: (ad) => String(ad.id) }),
    connectionId: t.exposeString('connectionId', { description: 'The configured AdStat login it was read through.' }),
    accountName: t.exposeString('accountName', { description: 'Name of the cabinet the advertisement belongs to.' }),
    title: t.exposeString('title', { description: 'Advertisement title.' }),
    text: t.exposeString('text', { description: 'Creative text.' }),
    adType: t.field({ type: AdTypeEnum, description: 'Targeting type.', resolve: (ad) => (KNOWN_AD_TYPES.has(ad.adType) ? (ad.adType as 'target_bots') : 'unknown') }),
    rawAdType: t.exposeString('adType', { description: 'The provider’s own targeting-type value.' }),
    actionType: t.exposeString('actionType', { nullable: true, description: 'Target action type, when set.' }),
    status: t.field({ type: AdvertisementStatusEnum, description: 'Normalized status.', resolve: (ad) => ad.status }),
    rawStatus: t.exposeString('rawStatus', { description: 'The provider’s own status value.' }),
    statusUpdatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the status last changed (UTC).', resolve: (ad) => ad.statusUpdatedAt }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When the advertisement was created (UTC).', resolve: (ad) => ad.createdAt }),
    campaignProviderId: t.string({ description: 'AdStat’s id of the advertisement’s campaign.', resolve: (ad) => String(ad.campaignId) }),
    campaignName: t.exposeString('campaignName', { description: 'Name of the advertisement’s campaign.' }),
    promotedObject: t.exposeString('promotedObject', { description: 'The promoted object (a t.me link or a website).' }),
    cpm: t.field({ type: MoneyRef, description: 'Price per thousand impressions.', resolve: (ad) => ad.bid }),
    balance: t.field({ type: MoneyRef, description: 'Budget left on the advertisement.', resolve: (ad) => ad.balance }),
    kktuCodes: t.exposeStringList('kktuCodes', { description: 'KKTU codes (ad-law product categories) of the advertisement.' }),
    targetTopics: t.exposeStringList('targetTopics', { description: 'Targeted topics.' }),
    statistics: t.field({ type: StatisticsRef, description: 'Delivery statistics.', resolve: (ad) => ad.statistics }),
  }),
});

builder.queryField('advertisements', (t) =>
  t.connection({
    type: AdvertisementRef,
    description:
      'AdStat advertisements of every configured login, newest first. Pages of any size: adgraph walks AdStat’s 500-row pages. A login that fails is reported in `errors` and skipped.',
    args: {
      period: t.arg({ type: PeriodEnum, required: false, defaultValue: 'all', description: 'Creation period.' }),
      showDeleted: t.arg.boolean({ required: false, defaultValue: false, description: 'Include deleted advertisements.' }),
      titles: t.arg.stringList({ required: false, description: 'Only advertisements whose title contains one of these.' }),
      campaignNames: t.arg.stringList({ required: false, description: 'Only advertisements of campaigns whose name contains one of these.' }),
    },
    resolve: (_root, args, ctx, info) =>
      mergedConnection(
        args,
        [...ctx.providers.adstat.values()].map((client) => ({
          fetch: (offset, count) =>
            client.advertisements(offset, count, {
              period: args.period ?? 'all',
              showDeleted: args.showDeleted ?? false,
              titles: args.titles ?? [],
              campaignNames: args.campaignNames ?? [],
            }),
        })),
        ctx,
        info,
      ),
  }),
);
