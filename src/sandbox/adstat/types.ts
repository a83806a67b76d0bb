/**
 * The simulator's in-memory records. Names here are the simulator's own (camelCase); the wire
 * shapes AdStat publishes are produced from them in `wire.ts`.
 */

export const AD_STATUSES = ['active', 'stopped', 'deleted', 'on_hold', 'declined', 'in_review'] as const;
export type AdStatus = (typeof AD_STATUSES)[number];

/** The create table lists three types, the list and the bot/search fields imply the fourth. */
export const AD_TYPES = ['target_channels', 'target_users', 'target_bots', 'target_search'] as const;
export type AdType = (typeof AD_TYPES)[number];

/**
 * `after_moderation_status` values. The page's own examples use "active" and "on hold" (with a
 * space); "stopped" and "on_hold" are accepted too because a client may reasonably send the status
 * spelling of the list. The simulator stores whatever spelling was sent.
 */
export const AFTER_MODERATION_STATUSES = ['active', 'stopped', 'on hold', 'on_hold'] as const;
export type AfterModerationStatus = (typeof AFTER_MODERATION_STATUSES)[number];

/**
 * Cabinet `mode` (the supplement shows the field, not its values; these are the simulator's choice):
 * - `auto_labeling`: AdStat registers creatives with the ORD itself, so a KKTU id is REQUIRED on create.
 * - `manual_labeling`: the advertiser labels creatives; the ERID goes in `other_info`.
 * - `no_labeling`: cabinets outside Russian labelling rules (the Uzbekistan cabinet).
 */
export const CABINET_MODES = ['auto_labeling', 'manual_labeling', 'no_labeling'] as const;
export type CabinetMode = (typeof CABINET_MODES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Schedule = Partial<Record<Weekday, number[]>>;

export interface AdstatUser {
  /** uuid, returned by login as `user_id` and used as the JWT `sub`. */
  id: string;
  username: string;
  password: string;
  label: string;
}

export interface Cabinet {
  /** `account_uid` / `account_id` on the wire, e.g. `ACC0000222`. */
  accountId: string;
  userId: string;
  name: string;
  mode: CabinetMode;
  status: 'active' | 'inactive';
  /** ISO country of the cabinet's geolocation; `UZ` cabinets may use phone-number audiences. */
  country: string;
  currency: 'EUR';
  /** Money not yet allocated to ads; an ad's budget is taken from here and its rest returned on delete. */
  available: number;
  legalName: string;
  categoryKey: string;
  categoryName: string;
  pixelId: string;
  createdAt: number;
}

export interface Campaign {
  id: number;
  accountId: string;
  userId: string;
  name: string;
  description: string;
  createdAt: number;
  deleted: boolean;
}

export interface DeclineReason {
  code: string;
  text: string;
}

export interface TargetBot {
  id: number;
  url: string;
  title: string;
  photoUrl: string;
}

export interface AdStats {
  impressions: number;
  clicks: number;
  goals: number;
  spent: number;
  /** Video opens; null for ads without a video. */
  opened: number | null;
}

export interface Advertisement {
  id: number;
  telegramId: number;
  userId: string;
  accountId: string;
  campaignId: number;
  title: string;
  text: string;
  promoteUrl: string;
  /** The destination channel when `promoteUrl` is an invite link. */
  adObject: string | null;
  promoteUrlType: string;
  cpm: number;
  budget: number;
  dailyBudget: number;
  langs: string[];
  topics: number[];
  topicsVerbose: string[];
  channels: number[];
  channelsVerbose: string[];
  excludeTopics: number[];
  excludeTopicsVerbose: string[];
  excludeChannels: number[];
  excludeChannelsVerbose: string[];
  mediaToken: string | null;
  otherInfo: string | null;
  splitBy: string[];
  adSource: string;
  adType: AdType;
  countries: string[];
  locations: string[];
  audiences: number[];
  excludeAudiences: number[];
  websiteName: string;
  viewsPerUser: number;
  showPicture: boolean;
  promoteUrlPictureId: string | null;
  excludePolitic: boolean | null;
  allTopicsInterestedUsers: boolean | null;
  device: string | null;
  targetUserChannels: string[];
  excludeTargetUserChannels: string[];
  buttonType: string | null;
  afterModerationStatus: AfterModerationStatus;
  startDate: string | null;
  endDate: string | null;
  schedule: Schedule | null;
  useSelectedTimezone: boolean;
  scheduleTimezone: number | null;
  currency: string;
  onlyCrypto: boolean;
  excludeCrypto: boolean;
  kktuIds: string[];
  targetSearch: string[] | null;
  targetBots: TargetBot[] | null;
  tgEventId: string | null;
  actionType: string | null;
  status: AdStatus;
  statusUpdatedAt: number;
  createdAt: number;
  declineReasons: DeclineReason[];
  stats: AdStats;
}

export interface Audience {
  telegramId: number;
  accountId: string;
  title: string;
  /** Entries counted in the uploaded file. */
  size: number;
  createdAt: number;
}

/** Metadata of an uploaded media file; the bytes are never kept. */
export interface MediaRecord {
  token: string;
  userId: string;
  accountId: string;
  contentType: 'image/jpeg' | 'video/mp4';
  kind: 'image' | 'video';
  size: number;
  url: string;
  uploadedAt: number;
}

export interface PixelEvent {
  id: string;
  pixelId: string;
  tgEventId: string;
  accountId: string;
  title: string;
  type: 'custom' | 'standard';
  status: 'active' | 'inactive';
  createdAt: number;
  lastTriggeredAt: number | null;
}

export interface Bot {
  id: number;
  /** Username without `t.me/` or `@`. */
  username: string;
  title: string;
  photoUrl: string;
  dailyUsers: number;
}

export interface KktuNode {
  id: string;
  treeId: number;
  code: string;
  name: string;
  children: KktuNode[];
}
