/**
 * Provider-neutral domain: one definition of each idea, produced by both providers' mappings and
 * consumed by the schema. No wire field names here.
 */

export type Provider = 'ADSTAT' | 'TONAI';

/**
 * An exact amount: `amount` is a decimal string as the provider wrote it (no binary float
 * rounding on our side), always with its currency.
 */
export interface Money {
  amount: string;
  currency: string;
}

/** Statuses normalized across providers; the provider's own value always travels beside them. */
export type AdvertisementStatus = 'ACTIVE' | 'STOPPED' | 'ON_HOLD' | 'IN_REVIEW' | 'DECLINED' | 'DELETED' | 'UNKNOWN';
export type CampaignStatus =
  | 'ACTIVE'
  | 'INACTIVE'
  | 'PENDING'
  | 'SCHEDULED'
  | 'IN_REVIEW'
  | 'PAUSED'
  | 'PAUSED_BY_PLATFORM'
  | 'ENDED'
  | 'REJECTED'
  | 'FAILED'
  | 'UNKNOWN';
export type AccountStatus = 'ACTIVE' | 'INACTIVE' | 'UNKNOWN';
/** Where an AdStat advertisement is shown. */
export type AdType = 'TARGET_CHANNELS' | 'TARGET_USERS' | 'TARGET_BOTS' | 'TARGET_SEARCH' | 'UNKNOWN';
/** AdStat's creation-time filter. */
export type CreationPeriod = 'TODAY' | 'YESTERDAY' | 'THIS_MONTH' | 'ALL';

/** An AdStat cabinet or a TON.ai API-key account. */
export interface Account {
  provider: Provider;
  /** The configured login (AdStat) or key (TON.ai) this account is reached through. */
  connectionId: string;
  /** The provider's own account id (AdStat `ACC…` cabinet uid; for TON.ai the configured key id). */
  providerId: string;
  name: string;
  currency: string;
  /** The balance the account list gives (AdStat); null where the provider gives none (TON.ai). */
  balance: Money | null;
  /** AdStat: whether phone-number audiences are allowed (Uzbekistan cabinets). */
  audiencesAllowed: boolean | null;
  /** AdStat: labelling mode as the provider names it. */
  labellingMode: string | null;
}

/** What AdStat's detailed cabinet list adds to an account. */
export interface AccountDetails {
  status: AccountStatus;
  rawStatus: string;
  balanceTotal: Money;
  balanceAvailable: Money;
  balanceActive: Money;
  balanceSpent: Money;
  legalName: string | null;
  categoryKey: string | null;
  categoryName: string | null;
  /** Promoted objects (t.me links) of the cabinet. */
  promotedObjects: string[];
}

/** Delivery statistics; `ctr` and `cvr` are percentages (see each provider's mapping for how). */
export interface Statistics {
  impressions: number;
  clicks: number;
  goals: number | null;
  conversions: number | null;
  videoOpens: number | null;
  /** Click-through rate in percent. */
  ctr: number | null;
  /** Conversion rate in percent. */
  cvr: number | null;
  /** The provider's own click-through figure, as sent (unit as the provider has it). */
  providerCtr: number | null;
  /** The provider's own conversion figure, as sent. */
  providerCvr: number | null;
  cpc: Money | null;
  cpm: Money | null;
  cps: Money | null;
  spent: Money;
}

/** An AdStat advertisement as the list gives it (details add more: see AdvertisementDetails). */
export interface AdvertisementSummary {
  provider: 'ADSTAT';
  connectionId: string;
  id: number;
  accountName: string;
  title: string;
  text: string;
  adType: AdType;
  rawAdType: string;
  actionType: string | null;
  campaignId: number;
  campaignName: string;
  promotedObject: string;
  status: AdvertisementStatus;
  rawStatus: string;
  statusUpdatedAt: Date | null;
  createdAt: Date | null;
  kktuCodes: string[];
  targetTopics: string[];
  bid: Money;
  balance: Money;
  statistics: Statistics;
  /** When adgraph read this row from AdStat. */
  fetchedAt?: Date;
}

export interface TonaiCampaignSummary {
  provider: 'TONAI';
  connectionId: string;
  id: string;
  userId: string;
  name: string;
  status: CampaignStatus;
  rawStatus: string;
  billingType: string;
  statistics: Statistics;
}

/** One page walked from a provider's paginated list. */
export interface Page<T> {
  items: T[];
  /** True when the provider has more after these (exact where the provider reports a total). */
  hasMore: boolean;
  /** Total count when the provider reports it. */
  total: number | null;
}

export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export interface TargetBot {
  id: number | null;
  url: string;
  title: string | null;
  photoUrl: string | null;
}

/** Everything AdStat's details call adds to an advertisement. */
export interface AdvertisementDetails {
  /** When adgraph read these details from AdStat. */
  fetchedAt?: Date;
  connectionId: string;
  id: number;
  telegramId: number | null;
  accountId: string;
  accountName: string;
  campaignId: number;
  campaignName: string;
  title: string;
  text: string;
  adType: AdType;
  rawAdType: string;
  status: AdvertisementStatus;
  rawStatus: string;
  statusUpdatedAt: Date | null;
  currency: string;
  tgAccountType: number | null;
  targeting: {
    languages: string[];
    topics: string[];
    channels: string[];
    userChannels: string[];
    bots: TargetBot[] | null;
    searchQueries: string[] | null;
    countries: string[];
    locations: string[];
    audiences: number[];
    excludedTopics: string[];
    excludedChannels: string[];
    excludedUserChannels: string[];
    excludedAudiences: number[];
    usesAudiences: boolean | null;
    usesExcludedAudiences: boolean | null;
    device: string | null;
    onlyCrypto: boolean | null;
    excludeCrypto: boolean | null;
    excludePolitical: boolean | null;
    allTopicsInterestedUsers: boolean | null;
    viewsPerUser: number | null;
  };
  creative: {
    media: { token: string; url: string | null; type: string } | null;
    buttonType: string | null;
    promotedUrl: string;
    promotedTitle: string | null;
    promotedPhoto: string | null;
    promotedPictureId: string | null;
    showPicture: boolean | null;
    websiteName: string | null;
    websitePhotoUrl: string | null;
    isWebsite: boolean | null;
  };
  budget: { cpm: Money; total: Money; daily: Money | null };
  schedule: {
    days: { day: Weekday; hours: number[] }[] | null;
    /** Offset from UTC in seconds (AdStat `schedule_timezone`, e.g. 10800 for UTC+3). */
    timezoneOffsetSeconds: number | null;
    useSelectedTimezone: boolean | null;
    startDate: Date | null;
    endDate: Date | null;
  };
  moderation: {
    declineReasons: { code: string | null; message: string }[];
    nonEditableFields: string[];
    afterModerationStatus: AdvertisementStatus | null;
    rawAfterModerationStatus: string | null;
  };
  labelling: { erid: string | null; kktuIds: string[] };
  pixelEvent: { tgEventId: string | null; name: string | null } | null;
}

export interface AdstatCampaign {
  provider: 'ADSTAT';
  connectionId: string;
  id: number;
  name: string;
  description: string | null;
  accountId: string;
  accountName: string;
  status: CampaignStatus;
  rawStatus: string;
  advertisementCount: number;
  budget: Money | null;
  statistics: Statistics;
}

export interface KktuNode {
  id: string;
  treeId: number;
  code: string;
  name: string;
  /** 1 for the top groups; only level-3 nodes may be chosen for an advertisement. */
  level: number;
  parentId: string | null;
  children: KktuNode[];
}

export interface PixelEvent {
  connectionId: string;
  accountId: string;
  id: string;
  pixelId: string;
  tgEventId: string;
  title: string;
  type: string;
  status: string;
  adsCount: number;
  createdAt: Date | null;
  lastTriggeredAt: Date | null;
  codeSnippet: string | null;
}

export interface Audience {
  connectionId: string;
  accountId: string;
  telegramId: number;
  title: string;
}

export interface TonaiCampaignDetails {
  name: string;
  status: CampaignStatus;
  rawStatus: string;
  budget: { daily: Money; total: Money; strategy: string; startTime: Date | null; endTime: Date | null };
  targeting: {
    includedRegions: string[];
    excludedRegions: string[];
    includedLanguages: string[];
    excludedLanguages: string[];
    platform: string | null;
    telegramPremium: boolean | null;
    userLinkedWallet: boolean | null;
    userWalletHasBalanceOnChain: boolean | null;
    userLinkedTonWallet: boolean | null;
    isHighValueUser: boolean | null;
  };
  bidding: { billingType: string; costPer: Money };
  creative: {
    adFormat: string;
    popupImage: string;
    icon: string;
    destinationUrl: string;
    actionType: string;
    text: string;
    brandName: string;
    buttonText: string;
  };
}

/** AdStat's verdict on one bot for targeting (bots need 1000+ daily users). */
export interface BotCheck {
  bot: string;
  ok: boolean;
  telegramId: number | null;
  title: string | null;
  url: string | null;
  photoUrl: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}
