/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Account status, normalized across providers (the provider value is in `rawStatus`). */
export type AccountStatus =
  /** The account can run ads. */
  | 'ACTIVE'
  /** The account is switched off at the provider. */
  | 'INACTIVE'
  /** The provider reports no status, or one adgraph does not know yet (see `rawStatus`). */
  | 'UNKNOWN';

/** Where an AdStat advertisement is shown (its targeting type). */
export type AdType =
  /** In bots (each must have 1000+ daily users). */
  | 'TARGET_BOTS'
  /** In Telegram channels, chosen by topic or by channel. */
  | 'TARGET_CHANNELS'
  /** In Telegram search results for chosen queries. */
  | 'TARGET_SEARCH'
  /** To users, chosen by their interests and the channels they read. */
  | 'TARGET_USERS'
  /** A type adgraph does not know yet; `rawAdType` has the provider’s value. */
  | 'UNKNOWN';

/** Media and presentation. */
export type AdvertisementCreativeInput = {
  /** Button type, e.g. "open_website". */
  buttonType?: string | null | undefined;
  /** Token of a file uploaded with uploadMedia. */
  mediaToken?: string | null | undefined;
  /** Id of the promoted object’s picture. */
  promoteUrlPictureId?: string | null | undefined;
  /** Show the avatar. */
  showPicture?: boolean | null | undefined;
  /** Website name (external links). */
  websiteName?: string | null | undefined;
};

/** When to show the advertisement. Weekdays not listed get no hours. */
export type AdvertisementScheduleInput = {
  /** Hours per weekday. */
  days: Array<ScheduleDayInput>;
  /** Time zone of the hours, seconds east of UTC (10800 = UTC+3), from −43200 to 50400, whole minutes. */
  timezoneOffsetSeconds?: number | null | undefined;
  /** Whether the hours are in that time zone. */
  useSelectedTimezone?: boolean | null | undefined;
};

/** Advertisement status, normalized (the provider value is in `rawStatus`). */
export type AdvertisementStatus =
  /** Running. */
  | 'ACTIVE'
  /** Declined by moderation; see `moderation.declineReasons`. */
  | 'DECLINED'
  /** Deleted. */
  | 'DELETED'
  /** Waiting for moderation. */
  | 'IN_REVIEW'
  /** On hold (e.g. waiting for budget or a start date). */
  | 'ON_HOLD'
  /** Stopped by the advertiser. */
  | 'STOPPED'
  /** A status adgraph does not know yet; `rawStatus` has the provider’s value. */
  | 'UNKNOWN';

/** Who sees the advertisement. Lists default to empty. */
export type AdvertisementTargetingInput = {
  /** Target users interested in all topics. */
  allTopicsInterestedUsers?: boolean | null | undefined;
  /** Phone-number audiences (Telegram ids; Uzbekistan cabinets only). */
  audiences?: Array<number> | null | undefined;
  /** Bots (bot ads; required for them, each with 1000+ daily users). */
  bots?: Array<TargetBotInput> | null | undefined;
  /** Channel ids. */
  channels?: Array<number> | null | undefined;
  /** Channel identifiers, beside the ids. */
  channelsVerbose?: Array<string> | null | undefined;
  /** Countries. */
  countries?: Array<string> | null | undefined;
  /** Device ("all"). */
  device?: string | null | undefined;
  /** Exclude crypto channels. */
  excludeCrypto?: boolean | null | undefined;
  /** Exclude political content. */
  excludePolitical?: boolean | null | undefined;
  /** Excluded audiences. */
  excludedAudiences?: Array<number> | null | undefined;
  /** Excluded channel ids. */
  excludedChannels?: Array<number> | null | undefined;
  /** Excluded channel identifiers. */
  excludedChannelsVerbose?: Array<string> | null | undefined;
  /** Excluded topic ids. */
  excludedTopics?: Array<number> | null | undefined;
  /** Excluded topic identifiers. */
  excludedTopicsVerbose?: Array<string> | null | undefined;
  /** Channels whose readers to exclude. */
  excludedUserChannels?: Array<string> | null | undefined;
  /** Their identifiers. */
  excludedUserChannelsVerbose?: Array<string> | null | undefined;
  /** Languages. */
  languages?: Array<string> | null | undefined;
  /** Cities. */
  locations?: Array<string> | null | undefined;
  /** City identifiers. */
  locationsVerbose?: Array<string> | null | undefined;
  /** Show only in crypto channels. */
  onlyCrypto?: boolean | null | undefined;
  /** Search queries (search ads; required for them). */
  searchQueries?: Array<string> | null | undefined;
  /** Targeting split parameters. */
  splitBy?: Array<string> | null | undefined;
  /** Topic ids. */
  topics?: Array<number> | null | undefined;
  /** Topic identifiers (names), beside the ids. */
  topicsVerbose?: Array<string> | null | undefined;
  /** Channels whose readers to target (user ads). */
  userChannels?: Array<string> | null | undefined;
  /** Their identifiers. */
  userChannelsVerbose?: Array<string> | null | undefined;
  /** How many times one user may see it (1 or more). */
  viewsPerUser?: number | null | undefined;
};

/** Campaign status, normalized across providers (the provider value is in `rawStatus`). */
export type CampaignStatus =
  /** Running (AdStat active, TON.ai onGoing). */
  | 'ACTIVE'
  /** Ended; cannot be restarted. */
  | 'ENDED'
  /** Failed at the platform (TON.ai fail). */
  | 'FAILED'
  /** Not running (AdStat not_active). */
  | 'INACTIVE'
  /** Under review by the platform (TON.ai auditing). */
  | 'IN_REVIEW'
  /** Paused by the advertiser. */
  | 'PAUSED'
  /** Paused by the platform, e.g. for low balance (TON.ai systemPaused). */
  | 'PAUSED_BY_PLATFORM'
  /** Created, not started yet (TON.ai pending). */
  | 'PENDING'
  /** Rejected by review (TON.ai reject). */
  | 'REJECTED'
  /** Started, waiting for its start time (TON.ai readyToStart). */
  | 'SCHEDULED'
  /** A status adgraph does not know yet; `rawStatus` has the provider’s value. */
  | 'UNKNOWN';

/** A new AdStat advertisement. Every documented field of AdStat’s create body; its cabinet is its campaign’s. */
export type CreateAdvertisementInput = {
  /** Required when promoteUrl is a channel invite link (t.me/+…): the public link of the destination channel. */
  adObject?: string | null | undefined;
  /** Targeting type. */
  adType: AdType;
  /** Status once approved: ACTIVE, STOPPED or ON_HOLD. */
  afterModerationStatus?: AdvertisementStatus | null | undefined;
  /** Total budget (more than zero). */
  budget: string;
  /** The AdStat campaign (its global id) — it decides the cabinet. */
  campaignId: string | number;
  /** Price per thousand impressions (more than zero). */
  cpm: string;
  /** Media and presentation. */
  creative?: AdvertisementCreativeInput | null | undefined;
  /** Currency code: EUR, TON, USD, RUB, USDT, STAR. */
  currency?: string | null | undefined;
  /** Daily limit, at most the budget (0 or absent: none). */
  dailyBudget?: string | null | undefined;
  /** End (after the start). */
  endDate?: string | null | undefined;
  /** ERID token, for cabinets that label manually (AdStat `other_info`). */
  erid?: string | null | undefined;
  /** A key of your choice (kept 24 h): retrying with the same key and input returns the first result instead of creating twice, even when the first answer was lost: adgraph looks for what the first attempt made before sending again. Without a key a create is NOT safe to retry: if its answer is lost (OutcomeUnknown), a retry may create a second one. */
  idempotencyKey?: string | null | undefined;
  /** KKTU id of the product: exactly one, from the third level (required in cabinets with automatic labelling). */
  kktuIds?: Array<string> | null | undefined;
  /** What to promote: a t.me link or a website URL. */
  promoteUrl: string;
  /** Whether promoteUrl is a website or a channel. */
  promoteUrlType?: PromotedObjectType | null | undefined;
  /** Hours per weekday; absent: always. */
  schedule?: AdvertisementScheduleInput | null | undefined;
  /** Start. */
  startDate?: string | null | undefined;
  /** Who sees it. */
  targeting?: AdvertisementTargetingInput | null | undefined;
  /** Text. */
  text: string;
  /** Pixel Tag event: one of the cabinet’s own (see Account.pixelEvents). */
  tgEventId?: string | null | undefined;
  /** Title. */
  title: string;
  /** Use the cabinet’s currency instead. */
  useAccountCurrency?: boolean | null | undefined;
  /** Run every check, including the provider’s, and return the request without creating anything. */
  validateOnly?: boolean | null | undefined;
};

/** A new TON.ai campaign: every field TON.ai requires, checked before sending. */
export type CreateTonaiCampaignInput = {
  /** The TON.ai account (Account global id) — which configured key creates it. */
  accountId: string | number;
  /** Billing and bid. */
  bidding: TonaiBiddingInput;
  /** Budget and run time. */
  budget: TonaiBudgetInput;
  /** The ad. */
  creative: TonaiCreativeInput;
  /** A key of your choice (kept 24 h): retrying with the same key and input returns the first result instead of creating twice, even when the first answer was lost: adgraph looks for what the first attempt made before sending again. Without a key a create is NOT safe to retry: if its answer is lost (OutcomeUnknown), a retry may create a second one. */
  idempotencyKey?: string | null | undefined;
  /** Campaign name, 1–100 characters. */
  name: string;
  /** Who sees it. */
  targeting?: TonaiTargetingInput | null | undefined;
  /** Check everything and return the request without creating. */
  validateOnly?: boolean | null | undefined;
};

/** Filter by creation time, as the provider defines it (UTC days). */
export type CreationPeriod =
  /** Any time. */
  | 'ALL'
  /** Created since the start of this month. */
  | 'THIS_MONTH'
  /** Created today. */
  | 'TODAY'
  /** Created yesterday. */
  | 'YESTERDAY';

/** Whether adgraph talks to the real providers. */
export type EnvironmentMode =
  /** The real provider APIs with the configured credentials. */
  | 'PRODUCTION'
  /** Built-in simulators on loopback with seeded data: nothing is real, nothing is spent. */
  | 'SANDBOX';

/** Why adgraph cannot tell whether a change was applied. */
export type OutcomeUnknownReason =
  /** The connection was lost after the request was sent; the change may have been applied. */
  | 'CONNECTION_LOST'
  /** A retry with the same idempotency key looked for what the earlier attempt would have made and could not tell. */
  | 'NOT_RECONCILED'
  /** The provider did not answer within the deadline; the change may still have been applied. */
  | 'TIMED_OUT';

/** What the promoted URL is. */
export type PromotedObjectType =
  /** A Telegram channel. */
  | 'CHANNEL'
  /** An external website. */
  | 'WEBSITE';

/** An advertising platform behind adgraph. */
export type Provider =
  /** AdStat, a Telegram Ads agency platform (channels, users, bots, search). */
  | 'ADSTAT'
  /** TON.ai, an ad network inside Telegram mini-apps. */
  | 'TONAI';

/** Why a provider call failed. */
export type ProviderErrorCode =
  /** The provider does not know the item. */
  | 'NOT_FOUND'
  /** The provider refused the configured credentials. */
  | 'PROVIDER_AUTH'
  /** The provider answered something that does not match its documentation. */
  | 'PROVIDER_CONTRACT'
  /** The provider rejected the request’s content; see `message`. */
  | 'PROVIDER_REJECTED'
  /** The provider could not be reached, timed out or failed (5xx). Safe to retry later. */
  | 'PROVIDER_UNAVAILABLE'
  /** The provider’s rate limit forbids the call now; see `retryAfterSeconds`. */
  | 'RATE_LIMITED';

/** Delivery hours of one weekday. */
export type ScheduleDayInput = {
  /** The weekday. */
  day: Weekday;
  /** Hours 0–23 to show the ad in (each once). */
  hours: Array<number>;
};

/** Statuses an advertiser can set. */
export type SettableAdvertisementStatus =
  /** Run it. */
  | 'ACTIVE'
  /** Stop it. */
  | 'STOPPED';

/** A bot to show the advertisement in (AdStat checks it has 1000+ daily users). */
export type TargetBotInput = {
  /** The bot’s Telegram id, when known (from validateTargetBots). Absent: adgraph takes it from AdStat’s bot check, which every create makes. */
  telegramId?: number | null | undefined;
  /** The bot: its link or username, e.g. "t.me/some_bot", "https://t.me/some_bot", "@some_bot" or "some_bot". */
  url: string;
};

/** What a click on a TON.ai ad does. */
export type TonaiActionType =
  /** Opens a Telegram link (t.me). */
  | 'JOIN_TELEGRAM'
  /** Opens a URL. */
  | 'VISIT_WEBSITE';

/** Billing type and bid. */
export type TonaiBiddingInput = {
  /** CPM or CPC. */
  billingType: TonaiBillingType;
  /** Bid in USDT per thousand impressions (CPM) or per click (CPC). */
  costPer: string;
};

/** How a TON.ai campaign pays. */
export type TonaiBillingType =
  /** Per click. */
  | 'CPC'
  /** Per thousand impressions. */
  | 'CPM';

/** Budget in USDT and run time. */
export type TonaiBudgetInput = {
  /** Daily budget, USDT (more than zero, at most the total). */
  daily: string;
  /** End: after the start, in the future. */
  endTime: string;
  /** Start. */
  startTime: string;
  /** Total budget, USDT. */
  total: string;
};

/** The image ad. */
export type TonaiCreativeInput = {
  /** What a click does. */
  actionType: TonaiActionType;
  /** Brand name, 1–40 characters. */
  brandName: string;
  /** Button label, 1–20 characters. */
  buttonText: string;
  /** Landing URL (a t.me link for JOIN_TELEGRAM). */
  destinationUrl: string;
  /** URL of the icon (100×100, ≤ 100 KB). */
  icon: string;
  /** URL of the image (1:1, 800×800, ≤ 1 MB). */
  popupImage: string;
  /** Ad text, 1–50 characters. */
  text: string;
};

/** Device platform. */
export type TonaiPlatform =
  /** Every device. */
  | 'ALL'
  /** Android. */
  | 'ANDROID'
  /** iOS. */
  | 'IOS';

/** What to do with a TON.ai campaign. */
export type TonaiStatusAction =
  /** End it for good. */
  | 'END'
  /** Pause it. */
  | 'PAUSE'
  /** Start (or resume) it. */
  | 'START';

/** Who sees the campaign. Regions from TON.ai’s list (e.g. "CIS", "Eastern Asia"); languages as two-letter codes. */
export type TonaiTargetingInput = {
  /** Language codes to leave out. */
  excludedLanguages?: Array<string> | null | undefined;
  /** Regions to leave out. */
  excludedRegions?: Array<string> | null | undefined;
  /** Language codes to show to, e.g. "hi". */
  includedLanguages?: Array<string> | null | undefined;
  /** Regions to show in: Africa, Middle East, South-eastern Asia, Europe and America, CIS, Eastern Asia, Southern Asia, Central Asia, Northern Africa, Western Europe, Eastern Europe, Northern America, Latin America and the Caribbean. */
  includedRegions?: Array<string> | null | undefined;
  /** Only the platform’s high-value users. */
  isHighValueUser?: boolean | null | undefined;
  /** Device platform. */
  platform?: TonaiPlatform | null | undefined;
  /** Only Telegram Premium users. */
  telegramPremium?: boolean | null | undefined;
  /** Only users who linked a TON wallet. */
  userLinkedTonWallet?: boolean | null | undefined;
};

/** Changes to an AdStat advertisement (the fields AdStat’s edit takes). Only the fields given change; null clears where allowed. */
export type UpdateAdvertisementInput = {
  /** Status once approved: ACTIVE, STOPPED or ON_HOLD. */
  afterModerationStatus?: AdvertisementStatus | null | undefined;
  /** Button type. */
  buttonType?: string | null | undefined;
  /** Price per thousand impressions. */
  cpm?: string | null | undefined;
  /** Daily limit (0: none). */
  dailyBudget?: string | null | undefined;
  /** End; null clears. */
  endDate?: string | null | undefined;
  /** ERID token (AdStat `other_info`); null clears. */
  erid?: string | null | undefined;
  /** The advertisement. */
  id: string | number;
  /** KKTU id: exactly one, third level. */
  kktuIds?: Array<string> | null | undefined;
  /** Media token; null removes the media. */
  mediaToken?: string | null | undefined;
  /** Promoted URL. */
  promoteUrl?: string | null | undefined;
  /** Id of the promoted object’s picture. */
  promoteUrlPictureId?: string | null | undefined;
  /** Schedule; null removes it (always on). */
  schedule?: AdvertisementScheduleInput | null | undefined;
  /** Show the avatar. */
  showPicture?: boolean | null | undefined;
  /** Start; null clears. */
  startDate?: string | null | undefined;
  /** Text. */
  text?: string | null | undefined;
  /** Pixel Tag event: one of the advertisement’s cabinet’s own (see Account.pixelEvents); null removes it. */
  tgEventId?: string | null | undefined;
  /** Title. */
  title?: string | null | undefined;
  /** Run every check and return the request without changing anything. */
  validateOnly?: boolean | null | undefined;
  /** Views per user (1 or more). */
  viewsPerUser?: number | null | undefined;
  /** Website name. */
  websiteName?: string | null | undefined;
};

/** Day of the week. */
export type Weekday =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

export type MoneyFragment = { amount: string, currency: string };

export type PageInfoFieldsFragment = { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null };

export type StatisticsFieldsFragment = { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } };

export type AccountSummaryFragment = { id: string, provider: Provider, providerId: string, connectionId: string, name: string, legalName: string | null, categoryName: string | null, currency: string, status: AccountStatus, rawStatus: string | null, labellingMode: string | null, audiencesAllowed: boolean | null, balance: { amount: string, currency: string } | null, balanceTotal: { amount: string, currency: string } | null, balanceAvailable: { amount: string, currency: string } | null, balanceActive: { amount: string, currency: string } | null, balanceSpent: { amount: string, currency: string } | null };

export type AdvertisementListItemFragment = { id: string, providerId: string, connectionId: string, title: string, text: string, adType: AdType, status: AdvertisementStatus, rawStatus: string, createdAt: string | null, statusUpdatedAt: string | null, campaignName: string, accountName: string, promotedObject: string, cpm: { amount: string, currency: string }, balance: { amount: string, currency: string } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null };

export type AdvertisementDetailsFieldsFragment = { accountProviderId: string, currency: string, telegramId: number | null, campaign: { id: string, name: string, status: CampaignStatus } | null, targeting: { type: AdType, countries: Array<string>, languages: Array<string>, locations: Array<string>, topics: Array<string>, excludedTopics: Array<string>, channels: Array<string>, excludedChannels: Array<string>, userChannels: Array<string>, searchQueries: Array<string> | null, audiences: Array<number>, excludedAudiences: Array<number>, device: string | null, viewsPerUser: number | null, onlyCrypto: boolean | null, excludeCrypto: boolean | null, excludePolitical: boolean | null, bots: Array<{ url: string, title: string | null, telegramId: number | null }> | null } | null, creative: { title: string, text: string, buttonType: string | null, promotedUrl: string, promotedTitle: string | null, websiteName: string | null, showPicture: boolean | null, media: { type: string, token: string, url: string | null } | null } | null, budget: { cpm: { amount: string, currency: string }, daily: { amount: string, currency: string } | null, total: { amount: string, currency: string } } | null, schedule: { startDate: string | null, endDate: string | null, timezoneOffsetSeconds: number | null, useSelectedTimezone: boolean | null, days: Array<{ day: Weekday, hours: Array<number> }> | null } | null, moderation: { status: AdvertisementStatus, rawStatus: string, statusAfterModeration: AdvertisementStatus | null, statusUpdatedAt: string | null, nonEditableFields: Array<string>, declineReasons: Array<{ code: string | null, message: string }> } | null, labelling: { erid: string | null, kktuIds: Array<string>, kktuCodes: Array<string> | null } | null, pixelEvent: { tgEventId: string | null, name: string | null } | null };

export type TonaiBudgetFieldsFragment = { strategy: string, startTime: string | null, endTime: string | null, daily: { amount: string, currency: string }, total: { amount: string, currency: string } };

type CampaignListItem_AdstatCampaign_Fragment = { __typename: 'AdstatCampaign', accountName: string, accountProviderId: string, advertisementCount: number, id: string, provider: Provider, providerId: string, connectionId: string, name: string, status: CampaignStatus, rawStatus: string, budget: { amount: string, currency: string } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null };

type CampaignListItem_TonaiCampaign_Fragment = { __typename: 'TonaiCampaign', billingType: string, id: string, provider: Provider, providerId: string, connectionId: string, name: string, status: CampaignStatus, rawStatus: string, budget: { strategy: string, startTime: string | null, endTime: string | null, daily: { amount: string, currency: string }, total: { amount: string, currency: string } } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null };

export type CampaignListItemFragment =
  | CampaignListItem_AdstatCampaign_Fragment
  | CampaignListItem_TonaiCampaign_Fragment
;

type MutationErrorFields_IdempotencyKeyInProgress_Fragment = { __typename: 'IdempotencyKeyInProgress', key: string, retryAfterSeconds: number | null, message: string };

type MutationErrorFields_IdempotencyKeyReused_Fragment = { __typename: 'IdempotencyKeyReused', key: string, message: string };

type MutationErrorFields_IdempotencyUnavailable_Fragment = { __typename: 'IdempotencyUnavailable', message: string };

type MutationErrorFields_OutcomeUnknown_Fragment = { __typename: 'OutcomeUnknown', reason: OutcomeUnknownReason, provider: Provider, account: string | null, sentAt: string, check: string | null, idempotencyKey: string | null, retryAfterSeconds: number | null, candidateProviderIds: Array<string>, message: string };

type MutationErrorFields_ProviderFailure_Fragment = { __typename: 'ProviderFailure', code: ProviderErrorCode, provider: Provider, account: string | null, retryAfterSeconds: number | null, message: string };

type MutationErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', message: string, issues: Array<{ field: string, path: Array<string>, rule: string, message: string }> };

export type MutationErrorFieldsFragment =
  | MutationErrorFields_IdempotencyKeyInProgress_Fragment
  | MutationErrorFields_IdempotencyKeyReused_Fragment
  | MutationErrorFields_IdempotencyUnavailable_Fragment
  | MutationErrorFields_OutcomeUnknown_Fragment
  | MutationErrorFields_ProviderFailure_Fragment
  | MutationErrorFields_ValidationError_Fragment
;

export type RequestPreviewFieldsFragment = { method: string, path: string, body: unknown };

export type PreviewAdvertisementMutationVariables = Exact<{
  input: CreateAdvertisementInput;
}>;


export type PreviewAdvertisementMutation = { createAdvertisement:
    | { __typename: 'AdvertisementWrite', validateOnly: boolean, request: { method: string, path: string, body: unknown } }
    | { __typename: 'IdempotencyKeyInProgress', key: string, retryAfterSeconds: number | null, message: string }
    | { __typename: 'IdempotencyKeyReused', key: string, message: string }
    | { __typename: 'IdempotencyUnavailable', message: string }
    | { __typename: 'OutcomeUnknown', reason: OutcomeUnknownReason, provider: Provider, account: string | null, sentAt: string, check: string | null, idempotencyKey: string | null, retryAfterSeconds: number | null, candidateProviderIds: Array<string>, message: string }
    | { __typename: 'ProviderFailure', code: ProviderErrorCode, provider: Provider, account: string | null, retryAfterSeconds: number | null, message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ field: string, path: Array<string>, rule: string, message: string }> }
   };

export type CreateAdvertisementMutationVariables = Exact<{
  input: CreateAdvertisementInput;
}>;


export type CreateAdvertisementMutation = { createAdvertisement:
    | { __typename: 'AdvertisementWrite', validateOnly: boolean, request: { method: string, path: string, body: unknown }, advertisement: { id: string, providerId: string, connectionId: string, title: string, text: string, adType: AdType, status: AdvertisementStatus, rawStatus: string, createdAt: string | null, statusUpdatedAt: string | null, campaignName: string, accountName: string, promotedObject: string, moderation: { status: AdvertisementStatus, nonEditableFields: Array<string> } | null, cpm: { amount: string, currency: string }, balance: { amount: string, currency: string } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null } | null }
    | { __typename: 'IdempotencyKeyInProgress', key: string, retryAfterSeconds: number | null, message: string }
    | { __typename: 'IdempotencyKeyReused', key: string, message: string }
    | { __typename: 'IdempotencyUnavailable', message: string }
    | { __typename: 'OutcomeUnknown', reason: OutcomeUnknownReason, provider: Provider, account: string | null, sentAt: string, check: string | null, idempotencyKey: string | null, retryAfterSeconds: number | null, candidateProviderIds: Array<string>, message: string }
    | { __typename: 'ProviderFailure', code: ProviderErrorCode, provider: Provider, account: string | null, retryAfterSeconds: number | null, message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ field: string, path: Array<string>, rule: string, message: string }> }
   };

export type UpdateAdvertisementMutationVariables = Exact<{
  input: UpdateAdvertisementInput;
}>;


export type UpdateAdvertisementMutation = { updateAdvertisement:
    | { __typename: 'AdvertisementWrite', validateOnly: boolean, request: { method: string, path: string, body: unknown }, advertisement: { id: string, providerId: string, connectionId: string, title: string, text: string, adType: AdType, status: AdvertisementStatus, rawStatus: string, createdAt: string | null, statusUpdatedAt: string | null, campaignName: string, accountName: string, promotedObject: string, moderation: { status: AdvertisementStatus, nonEditableFields: Array<string> } | null, cpm: { amount: string, currency: string }, balance: { amount: string, currency: string } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null } | null }
    | { __typename: 'IdempotencyKeyInProgress', key: string, retryAfterSeconds: number | null, message: string }
    | { __typename: 'IdempotencyKeyReused', key: string, message: string }
    | { __typename: 'IdempotencyUnavailable', message: string }
    | { __typename: 'OutcomeUnknown', reason: OutcomeUnknownReason, provider: Provider, account: string | null, sentAt: string, check: string | null, idempotencyKey: string | null, retryAfterSeconds: number | null, candidateProviderIds: Array<string>, message: string }
    | { __typename: 'ProviderFailure', code: ProviderErrorCode, provider: Provider, account: string | null, retryAfterSeconds: number | null, message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ field: string, path: Array<string>, rule: string, message: string }> }
   };

export type SetAdvertisementStatusMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  status: SettableAdvertisementStatus;
}>;


export type SetAdvertisementStatusMutation = { setAdvertisementStatus:
    | { __typename: 'IdempotencyKeyInProgress', key: string, retryAfterSeconds: number | null, message: string }
    | { __typename: 'IdempotencyKeyReused', key: string, message: string }
    | { __typename: 'IdempotencyUnavailable', message: string }
    | { __typename: 'OutcomeUnknown', reason: OutcomeUnknownReason, provider: Provider, account: string | null, sentAt: string, check: string | null, idempotencyKey: string | null, retryAfterSeconds: number | null, candidateProviderIds: Array<string>, message: string }
    | { __typename: 'ProviderFailure', code: ProviderErrorCode, provider: Provider, account: string | null, retryAfterSeconds: number | null, message: string }
    | { __typename: 'SetAdvertisementStatusPayload', succeeded: number, failed: number, results: Array<{ id: string, ok: boolean, error: { code: string, message: string } | null, advertisement: { id: string, status: AdvertisementStatus, rawStatus: string } | null }> }
    | { __typename: 'ValidationError', message: string, issues: Array<{ field: string, path: Array<string>, rule: string, message: string }> }
   };

export type CreateTonaiCampaignMutationVariables = Exact<{
  input: CreateTonaiCampaignInput;
}>;


export type CreateTonaiCampaignMutation = { createTonaiCampaign:
    | { __typename: 'IdempotencyKeyInProgress', key: string, retryAfterSeconds: number | null, message: string }
    | { __typename: 'IdempotencyKeyReused', key: string, message: string }
    | { __typename: 'IdempotencyUnavailable', message: string }
    | { __typename: 'OutcomeUnknown', reason: OutcomeUnknownReason, provider: Provider, account: string | null, sentAt: string, check: string | null, idempotencyKey: string | null, retryAfterSeconds: number | null, candidateProviderIds: Array<string>, message: string }
    | { __typename: 'ProviderFailure', code: ProviderErrorCode, provider: Provider, account: string | null, retryAfterSeconds: number | null, message: string }
    | { __typename: 'TonaiCampaignWrite', validateOnly: boolean, request: { method: string, path: string, body: unknown }, campaign: { __typename: 'TonaiCampaign', billingType: string, id: string, provider: Provider, providerId: string, connectionId: string, name: string, status: CampaignStatus, rawStatus: string, budget: { strategy: string, startTime: string | null, endTime: string | null, daily: { amount: string, currency: string }, total: { amount: string, currency: string } } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null } | null }
    | { __typename: 'ValidationError', message: string, issues: Array<{ field: string, path: Array<string>, rule: string, message: string }> }
   };

export type SetTonaiCampaignStatusMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  action: TonaiStatusAction;
}>;


export type SetTonaiCampaignStatusMutation = { setTonaiCampaignStatus:
    | { __typename: 'IdempotencyKeyInProgress', key: string, retryAfterSeconds: number | null, message: string }
    | { __typename: 'IdempotencyKeyReused', key: string, message: string }
    | { __typename: 'IdempotencyUnavailable', message: string }
    | { __typename: 'OutcomeUnknown', reason: OutcomeUnknownReason, provider: Provider, account: string | null, sentAt: string, check: string | null, idempotencyKey: string | null, retryAfterSeconds: number | null, candidateProviderIds: Array<string>, message: string }
    | { __typename: 'ProviderFailure', code: ProviderErrorCode, provider: Provider, account: string | null, retryAfterSeconds: number | null, message: string }
    | { __typename: 'SetTonaiCampaignStatusPayload', succeeded: number, failed: number, results: Array<{ id: string, ok: boolean, error: { code: string, message: string } | null, campaign: { id: string, status: CampaignStatus, rawStatus: string } | null }> }
    | { __typename: 'ValidationError', message: string, issues: Array<{ field: string, path: Array<string>, rule: string, message: string }> }
   };

export type DashboardOverviewQueryVariables = Exact<{
  provider?: Provider | null | undefined;
}>;


export type DashboardOverviewQuery = { environment: { mode: EnvironmentMode, simulated: boolean, notice: string | null, connections: Array<{ id: string, label: string, provider: Provider, balances: { total: { amount: string, currency: string }, available: { amount: string, currency: string }, active: { amount: string, currency: string } } | null }> }, accounts: Array<{ id: string, provider: Provider, providerId: string, connectionId: string, name: string, legalName: string | null, categoryName: string | null, currency: string, status: AccountStatus, rawStatus: string | null, labellingMode: string | null, audiencesAllowed: boolean | null, balance: { amount: string, currency: string } | null, balanceTotal: { amount: string, currency: string } | null, balanceAvailable: { amount: string, currency: string } | null, balanceActive: { amount: string, currency: string } | null, balanceSpent: { amount: string, currency: string } | null } | null> };

export type AdvertisementsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  connectionId?: string | null | undefined;
  status?: Array<AdvertisementStatus> | AdvertisementStatus | null | undefined;
  titles?: Array<string> | string | null | undefined;
  campaignNames?: Array<string> | string | null | undefined;
  period?: CreationPeriod | null | undefined;
  showDeleted?: boolean | null | undefined;
}>;


export type AdvertisementsPageQuery = { advertisements: { edges: Array<{ cursor: string, node: { id: string, providerId: string, connectionId: string, title: string, text: string, adType: AdType, status: AdvertisementStatus, rawStatus: string, createdAt: string | null, statusUpdatedAt: string | null, campaignName: string, accountName: string, promotedObject: string, cpm: { amount: string, currency: string }, balance: { amount: string, currency: string } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null } } | null>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type AdvertisementDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type AdvertisementDetailsQuery = { node:
    | { __typename: 'Account', id: string }
    | { __typename: 'AdstatCampaign', id: string }
    | { __typename: 'Advertisement', id: string, providerId: string, connectionId: string, title: string, text: string, adType: AdType, status: AdvertisementStatus, rawStatus: string, createdAt: string | null, statusUpdatedAt: string | null, campaignName: string, accountName: string, promotedObject: string, accountProviderId: string, currency: string, telegramId: number | null, cpm: { amount: string, currency: string }, balance: { amount: string, currency: string } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null, campaign: { id: string, name: string, status: CampaignStatus } | null, targeting: { type: AdType, countries: Array<string>, languages: Array<string>, locations: Array<string>, topics: Array<string>, excludedTopics: Array<string>, channels: Array<string>, excludedChannels: Array<string>, userChannels: Array<string>, searchQueries: Array<string> | null, audiences: Array<number>, excludedAudiences: Array<number>, device: string | null, viewsPerUser: number | null, onlyCrypto: boolean | null, excludeCrypto: boolean | null, excludePolitical: boolean | null, bots: Array<{ url: string, title: string | null, telegramId: number | null }> | null } | null, creative: { title: string, text: string, buttonType: string | null, promotedUrl: string, promotedTitle: string | null, websiteName: string | null, showPicture: boolean | null, media: { type: string, token: string, url: string | null } | null } | null, budget: { cpm: { amount: string, currency: string }, daily: { amount: string, currency: string } | null, total: { amount: string, currency: string } } | null, schedule: { startDate: string | null, endDate: string | null, timezoneOffsetSeconds: number | null, useSelectedTimezone: boolean | null, days: Array<{ day: Weekday, hours: Array<number> }> | null } | null, moderation: { status: AdvertisementStatus, rawStatus: string, statusAfterModeration: AdvertisementStatus | null, statusUpdatedAt: string | null, nonEditableFields: Array<string>, declineReasons: Array<{ code: string | null, message: string }> } | null, labelling: { erid: string | null, kktuIds: Array<string>, kktuCodes: Array<string> | null } | null, pixelEvent: { tgEventId: string | null, name: string | null } | null }
    | { __typename: 'KktuNode', id: string }
    | { __typename: 'TonaiCampaign', id: string }
   | null };

export type CampaignsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  provider?: Provider | null | undefined;
  active?: boolean | null | undefined;
  status?: Array<CampaignStatus> | CampaignStatus | null | undefined;
  name?: string | null | undefined;
  period?: CreationPeriod | null | undefined;
}>;


export type CampaignsPageQuery = { campaigns: { edges: Array<{ cursor: string, node:
        | { __typename: 'AdstatCampaign', accountName: string, accountProviderId: string, advertisementCount: number, id: string, provider: Provider, providerId: string, connectionId: string, name: string, status: CampaignStatus, rawStatus: string, budget: { amount: string, currency: string } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null }
        | { __typename: 'TonaiCampaign', billingType: string, id: string, provider: Provider, providerId: string, connectionId: string, name: string, status: CampaignStatus, rawStatus: string, budget: { strategy: string, startTime: string | null, endTime: string | null, daily: { amount: string, currency: string }, total: { amount: string, currency: string } } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null }
       } | null>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type TonaiCampaignDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type TonaiCampaignDetailsQuery = { node:
    | { __typename: 'Account', id: string }
    | { __typename: 'AdstatCampaign', id: string }
    | { __typename: 'Advertisement', id: string }
    | { __typename: 'KktuNode', id: string }
    | { __typename: 'TonaiCampaign', userId: string | null, id: string, billingType: string, provider: Provider, providerId: string, connectionId: string, name: string, status: CampaignStatus, rawStatus: string, bidding: { billingType: string, costPer: { amount: string, currency: string } } | null, targeting: { platform: string | null, includedRegions: Array<string>, excludedRegions: Array<string>, includedLanguages: Array<string>, excludedLanguages: Array<string>, telegramPremium: boolean | null, userLinkedTonWallet: boolean | null, isHighValueUser: boolean | null } | null, creative: { adFormat: string, actionType: string, brandName: string, text: string, buttonText: string, destinationUrl: string, icon: string, popupImage: string } | null, budget: { strategy: string, startTime: string | null, endTime: string | null, daily: { amount: string, currency: string }, total: { amount: string, currency: string } } | null, statistics: { impressions: number, clicks: number, goals: number | null, conversions: number | null, ctr: number | null, cvr: number | null, spent: { amount: string, currency: string } } | null }
   | null };

export type KktuSearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
  selectableOnly?: boolean | null | undefined;
}>;


export type KktuSearchQuery = { kktuSearch: Array<{ id: string, kktuId: string, code: string, name: string, level: number, selectable: boolean, path: Array<{ code: string, name: string }> }> };

export type AccountPixelAndAudiencesQueryVariables = Exact<{
  accountId: string | number;
}>;


export type AccountPixelAndAudiencesQuery = { node:
    | { __typename: 'Account', name: string, provider: Provider, providerId: string, promotedObjects: Array<string>, audiencesAllowed: boolean | null, id: string, pixelEvents: Array<{ id: string, tgEventId: string, pixelId: string, title: string, type: string, status: string, adsCount: number, createdAt: string | null, lastTriggeredAt: string | null }>, audiences: Array<{ telegramId: number, title: string }> }
    | { __typename: 'AdstatCampaign', id: string }
    | { __typename: 'Advertisement', id: string }
    | { __typename: 'KktuNode', id: string }
    | { __typename: 'TonaiCampaign', id: string }
   | null };

export type ValidateTargetBotsQueryVariables = Exact<{
  accountId: string | number;
  bots: Array<string> | string;
}>;


export type ValidateTargetBotsQuery = { validateTargetBots: Array<{ bot: string, ok: boolean, url: string | null, title: string | null, telegramId: number | null, photoUrl: string | null, errorCode: string | null, errorMessage: string | null }> };

export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const MoneyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<MoneyFragment, unknown>;
export const AccountSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"labellingMode"}},{"kind":"Field","name":{"kind":"Name","value":"audiencesAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceAvailable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceActive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceSpent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<AccountSummaryFragment, unknown>;
export const StatisticsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<StatisticsFieldsFragment, unknown>;
export const AdvertisementListItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdvertisementListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Advertisement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"adType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"promotedObject"}},{"kind":"Field","name":{"kind":"Name","value":"cpm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}}]} as unknown as DocumentNode<AdvertisementListItemFragment, unknown>;
export const AdvertisementDetailsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdvertisementDetailsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Advertisement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountProviderId"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"telegramId"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"countries"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"locations"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"excludedTopics"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"excludedChannels"}},{"kind":"Field","name":{"kind":"Name","value":"userChannels"}},{"kind":"Field","name":{"kind":"Name","value":"searchQueries"}},{"kind":"Field","name":{"kind":"Name","value":"bots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"telegramId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audiences"}},{"kind":"Field","name":{"kind":"Name","value":"excludedAudiences"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"viewsPerUser"}},{"kind":"Field","name":{"kind":"Name","value":"onlyCrypto"}},{"kind":"Field","name":{"kind":"Name","value":"excludeCrypto"}},{"kind":"Field","name":{"kind":"Name","value":"excludePolitical"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creative"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"buttonType"}},{"kind":"Field","name":{"kind":"Name","value":"promotedUrl"}},{"kind":"Field","name":{"kind":"Name","value":"promotedTitle"}},{"kind":"Field","name":{"kind":"Name","value":"websiteName"}},{"kind":"Field","name":{"kind":"Name","value":"showPicture"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneOffsetSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"useSelectedTimezone"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfterModeration"}},{"kind":"Field","name":{"kind":"Name","value":"statusUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nonEditableFields"}},{"kind":"Field","name":{"kind":"Name","value":"declineReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"labelling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"erid"}},{"kind":"Field","name":{"kind":"Name","value":"kktuIds"}},{"kind":"Field","name":{"kind":"Name","value":"kktuCodes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pixelEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tgEventId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<AdvertisementDetailsFieldsFragment, unknown>;
export const TonaiBudgetFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TonaiBudgetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiBudget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<TonaiBudgetFieldsFragment, unknown>;
export const CampaignListItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CampaignListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Campaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdstatCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"accountProviderId"}},{"kind":"Field","name":{"kind":"Name","value":"advertisementCount"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingType"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TonaiBudgetFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TonaiBudgetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiBudget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}}]} as unknown as DocumentNode<CampaignListItemFragment, unknown>;
export const MutationErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyInProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeUnknown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"candidateProviderIds"}}]}}]}}]} as unknown as DocumentNode<MutationErrorFieldsFragment, unknown>;
export const RequestPreviewFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]} as unknown as DocumentNode<RequestPreviewFieldsFragment, unknown>;
export const PreviewAdvertisementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PreviewAdvertisement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAdvertisementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAdvertisement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdvertisementWrite"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateOnly"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestPreviewFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyInProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeUnknown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"candidateProviderIds"}}]}}]}}]} as unknown as DocumentNode<PreviewAdvertisementMutation, PreviewAdvertisementMutationVariables>;
export const CreateAdvertisementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAdvertisement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAdvertisementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAdvertisement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdvertisementWrite"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateOnly"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestPreviewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"advertisement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdvertisementListItem"}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nonEditableFields"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdvertisementListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Advertisement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"adType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"promotedObject"}},{"kind":"Field","name":{"kind":"Name","value":"cpm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyInProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeUnknown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"candidateProviderIds"}}]}}]}}]} as unknown as DocumentNode<CreateAdvertisementMutation, CreateAdvertisementMutationVariables>;
export const UpdateAdvertisementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAdvertisement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAdvertisementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAdvertisement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdvertisementWrite"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateOnly"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestPreviewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"advertisement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdvertisementListItem"}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nonEditableFields"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdvertisementListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Advertisement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"adType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"promotedObject"}},{"kind":"Field","name":{"kind":"Name","value":"cpm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyInProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeUnknown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"candidateProviderIds"}}]}}]}}]} as unknown as DocumentNode<UpdateAdvertisementMutation, UpdateAdvertisementMutationVariables>;
export const SetAdvertisementStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetAdvertisementStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SettableAdvertisementStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAdvertisementStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SetAdvertisementStatusPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"advertisement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyInProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeUnknown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"candidateProviderIds"}}]}}]}}]} as unknown as DocumentNode<SetAdvertisementStatusMutation, SetAdvertisementStatusMutationVariables>;
export const CreateTonaiCampaignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTonaiCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTonaiCampaignInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTonaiCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiCampaignWrite"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateOnly"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestPreviewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CampaignListItem"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TonaiBudgetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiBudget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CampaignListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Campaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdstatCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"accountProviderId"}},{"kind":"Field","name":{"kind":"Name","value":"advertisementCount"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingType"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TonaiBudgetFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyInProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeUnknown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"candidateProviderIds"}}]}}]}}]} as unknown as DocumentNode<CreateTonaiCampaignMutation, CreateTonaiCampaignMutationVariables>;
export const SetTonaiCampaignStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTonaiCampaignStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiStatusAction"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTonaiCampaignStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SetTonaiCampaignStatusPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyInProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeUnknown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"candidateProviderIds"}}]}}]}}]} as unknown as DocumentNode<SetTonaiCampaignStatusMutation, SetTonaiCampaignStatusMutationVariables>;
export const DashboardOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"environment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"simulated"}},{"kind":"Field","name":{"kind":"Name","value":"notice"}},{"kind":"Field","name":{"kind":"Name","value":"connections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"active"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"labellingMode"}},{"kind":"Field","name":{"kind":"Name","value":"audiencesAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceAvailable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceActive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceSpent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}}]} as unknown as DocumentNode<DashboardOverviewQuery, DashboardOverviewQueryVariables>;
export const AdvertisementsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdvertisementsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdvertisementStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"titles"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"campaignNames"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CreationPeriod"}},"defaultValue":{"kind":"EnumValue","value":"ALL"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"showDeleted"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"advertisements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"connectionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"titles"},"value":{"kind":"Variable","name":{"kind":"Name","value":"titles"}}},{"kind":"Argument","name":{"kind":"Name","value":"campaignNames"},"value":{"kind":"Variable","name":{"kind":"Name","value":"campaignNames"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"showDeleted"},"value":{"kind":"Variable","name":{"kind":"Name","value":"showDeleted"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdvertisementListItem"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdvertisementListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Advertisement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"adType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"promotedObject"}},{"kind":"Field","name":{"kind":"Name","value":"cpm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<AdvertisementsPageQuery, AdvertisementsPageQueryVariables>;
export const AdvertisementDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdvertisementDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Advertisement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdvertisementListItem"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdvertisementDetailsFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdvertisementListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Advertisement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"adType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"promotedObject"}},{"kind":"Field","name":{"kind":"Name","value":"cpm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdvertisementDetailsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Advertisement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountProviderId"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"telegramId"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"countries"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"locations"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"excludedTopics"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"excludedChannels"}},{"kind":"Field","name":{"kind":"Name","value":"userChannels"}},{"kind":"Field","name":{"kind":"Name","value":"searchQueries"}},{"kind":"Field","name":{"kind":"Name","value":"bots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"telegramId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audiences"}},{"kind":"Field","name":{"kind":"Name","value":"excludedAudiences"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"viewsPerUser"}},{"kind":"Field","name":{"kind":"Name","value":"onlyCrypto"}},{"kind":"Field","name":{"kind":"Name","value":"excludeCrypto"}},{"kind":"Field","name":{"kind":"Name","value":"excludePolitical"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creative"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"buttonType"}},{"kind":"Field","name":{"kind":"Name","value":"promotedUrl"}},{"kind":"Field","name":{"kind":"Name","value":"promotedTitle"}},{"kind":"Field","name":{"kind":"Name","value":"websiteName"}},{"kind":"Field","name":{"kind":"Name","value":"showPicture"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneOffsetSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"useSelectedTimezone"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfterModeration"}},{"kind":"Field","name":{"kind":"Name","value":"statusUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nonEditableFields"}},{"kind":"Field","name":{"kind":"Name","value":"declineReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"labelling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"erid"}},{"kind":"Field","name":{"kind":"Name","value":"kktuIds"}},{"kind":"Field","name":{"kind":"Name","value":"kktuCodes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pixelEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tgEventId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AdvertisementDetailsQuery, AdvertisementDetailsQueryVariables>;
export const CampaignsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CampaignsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"active"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CampaignStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CreationPeriod"}},"defaultValue":{"kind":"EnumValue","value":"ALL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"active"},"value":{"kind":"Variable","name":{"kind":"Name","value":"active"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CampaignListItem"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TonaiBudgetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiBudget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CampaignListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Campaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdstatCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"accountProviderId"}},{"kind":"Field","name":{"kind":"Name","value":"advertisementCount"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingType"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TonaiBudgetFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<CampaignsPageQuery, CampaignsPageQueryVariables>;
export const TonaiCampaignDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TonaiCampaignDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CampaignListItem"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"bidding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingType"}},{"kind":"Field","name":{"kind":"Name","value":"costPer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"targeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"includedRegions"}},{"kind":"Field","name":{"kind":"Name","value":"excludedRegions"}},{"kind":"Field","name":{"kind":"Name","value":"includedLanguages"}},{"kind":"Field","name":{"kind":"Name","value":"excludedLanguages"}},{"kind":"Field","name":{"kind":"Name","value":"telegramPremium"}},{"kind":"Field","name":{"kind":"Name","value":"userLinkedTonWallet"}},{"kind":"Field","name":{"kind":"Name","value":"isHighValueUser"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creative"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adFormat"}},{"kind":"Field","name":{"kind":"Name","value":"actionType"}},{"kind":"Field","name":{"kind":"Name","value":"brandName"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"buttonText"}},{"kind":"Field","name":{"kind":"Name","value":"destinationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"popupImage"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Money"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Statistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TonaiBudgetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiBudget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CampaignListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Campaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdstatCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"accountProviderId"}},{"kind":"Field","name":{"kind":"Name","value":"advertisementCount"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Money"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TonaiCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingType"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TonaiBudgetFields"}}]}}]}}]}}]} as unknown as DocumentNode<TonaiCampaignDetailsQuery, TonaiCampaignDetailsQueryVariables>;
export const KktuSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KktuSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"selectableOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kktuSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"selectableOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"selectableOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kktuId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"selectable"}},{"kind":"Field","name":{"kind":"Name","value":"path"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<KktuSearchQuery, KktuSearchQueryVariables>;
export const AccountPixelAndAudiencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountPixelAndAudiences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"promotedObjects"}},{"kind":"Field","name":{"kind":"Name","value":"pixelEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tgEventId"}},{"kind":"Field","name":{"kind":"Name","value":"pixelId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"adsCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastTriggeredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audiencesAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"audiences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"telegramId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountPixelAndAudiencesQuery, AccountPixelAndAudiencesQueryVariables>;
export const ValidateTargetBotsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ValidateTargetBots"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bots"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateTargetBots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"bots"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bots"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bot"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"telegramId"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]}}]} as unknown as DocumentNode<ValidateTargetBotsQuery, ValidateTargetBotsQueryVariables>;