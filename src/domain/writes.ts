/**
 * What the write graph asks of providers, in domain terms. The schema builds these from validated
 * input; each provider turns them into its own wire body in its folder.
 */
import type { AdType, Weekday } from './model.js';

/** Statuses an advertisement may take once moderation approves it. */
export type AfterModerationStatus = 'ACTIVE' | 'STOPPED' | 'ON_HOLD';
/** Statuses an advertiser sets directly. */
export type SettableAdvertisementStatus = 'ACTIVE' | 'STOPPED';

export interface NewAdvertisement {
  campaignId: number;
  title: string;
  text: string;
  adType: Exclude<AdType, 'UNKNOWN'>;
  promoteUrl: string;
  /** Where a channel invite link leads; required for invite links. */
  adObject: string | null;
  promoteUrlType: 'WEBSITE' | 'CHANNEL' | null;
  cpm: string;
  budget: string;
  dailyBudget: string | null;
  currency: string;
  useAccountCurrency: boolean;
  targeting: {
    languages: string[];
    topics: number[];
    topicsVerbose: string[];
    channels: number[];
    channelsVerbose: string[];
    excludedTopics: number[];
    excludedTopicsVerbose: string[];
    excludedChannels: number[];
    excludedChannelsVerbose: string[];
    userChannels: string[];
    userChannelsVerbose: string[];
    excludedUserChannels: string[];
    excludedUserChannelsVerbose: string[];
    countries: string[];
    locations: string[];
    locationsVerbose: string[];
    audiences: number[];
    excludedAudiences: number[];
    searchQueries: string[] | null;
    /** Each bot with its Telegram id (given, or from the provider's bot check). */
    bots: { telegramId: number; url: string }[] | null;
    splitBy: string[];
    device: string;
    onlyCrypto: boolean;
    excludeCrypto: boolean;
    excludePolitical: boolean;
    allTopicsInterestedUsers: boolean;
    viewsPerUser: number;
  };
  creative: {
    mediaToken: string | null;
    websiteName: string | null;
    showPicture: boolean;
    promoteUrlPictureId: string | null;
    buttonType: string | null;
  };
  afterModerationStatus: AfterModerationStatus;
  schedule: ScheduleChange | null;
  startDate: Date | null;
  endDate: Date | null;
  erid: string | null;
  kktuIds: string[];
  tgEventId: string | null;
}

export interface ScheduleChange {
  days: { day: Weekday; hours: number[] }[];
  timezoneOffsetSeconds: number | null;
  useSelectedTimezone: boolean;
}

/** An edit: only the fields given change (AdStat's PUT fields). `null` clears where the provider allows. */
export interface AdvertisementChange {
  title?: string;
  text?: string;
  promoteUrl?: string;
  cpm?: string;
  erid?: string | null;
  mediaToken?: string | null;
  websiteName?: string | null;
  viewsPerUser?: number;
  showPicture?: boolean;
  promoteUrlPictureId?: string | null;
  buttonType?: string | null;
  dailyBudget?: string;
  afterModerationStatus?: AfterModerationStatus;
  startDate?: Date | null;
  endDate?: Date | null;
  schedule?: ScheduleChange | null;
  kktuIds?: string[];
  /** Pixel Tag event of the advertisement's cabinet; null removes it. */
  tgEventId?: string | null;
}

export interface NewTonaiCampaign {
  name: string;
  targeting: {
    includedRegions: string[];
    excludedRegions: string[];
    includedLanguages: string[];
    excludedLanguages: string[];
    platform: 'ALL' | 'ANDROID' | 'IOS';
    telegramPremium: boolean;
    isHighValueUser: boolean;
    userLinkedTonWallet: boolean;
  };
  budget: { daily: string; total: string; startTime: Date; endTime: Date };
  bidding: { billingType: 'CPM' | 'CPC'; costPer: string };
  creative: {
    popupImage: string;
    icon: string;
    actionType: 'VISIT_WEBSITE' | 'JOIN_TELEGRAM';
    destinationUrl: string;
    text: string;
    brandName: string;
    buttonText: string;
  };
}

export type TonaiStatusAction = 'START' | 'PAUSE' | 'END';

/** What a write would send, for `validateOnly`: the provider's own request, secrets excluded. */
export interface RequestPreview {
  method: string;
  path: string;
  body: unknown;
}

/** One item of a bulk change. */
export interface ItemOutcome<K> {
  key: K;
  error: { code: string; message: string } | null;
}
