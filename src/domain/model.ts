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

/** Delivery statistics; rates are percentages as the provider reports them. */
export interface Statistics {
  impressions: number;
  clicks: number;
  goals: number | null;
  conversions: number | null;
  videoOpens: number | null;
  ctr: number | null;
  cvr: number | null;
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
  adType: string;
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
