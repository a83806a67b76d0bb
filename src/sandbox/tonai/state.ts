/**
 * The simulator's in-memory state: campaigns per API key, in creation order. Tests may read it (and,
 * to set up a case, change a campaign's status directly); routes are the only other writer.
 */
import type { ActionType, BillingType, CampaignStatus, Platform, Region } from './catalog.js';

/** Targeting as the detail returns it: the create fields plus two that only the platform sets. */
export interface TonaiTargeting {
  includedRegions: Region[];
  excludedRegions: Region[];
  includedLanguages: string[];
  excludedLanguages: string[];
  platform: Platform;
  telegramPremium: boolean;
  isHighValueUser: boolean;
  userLinkedTonWallet: boolean;
  /** Detail-only; create does not take it, so created campaigns get false. */
  userLinkedWallet: boolean;
  /** Detail-only; create does not take it, so created campaigns get false. */
  userWalletHasBalanceOnChain: boolean;
}

export interface TonaiBudget {
  /** Daily budget, USDT. */
  amount: number;
  /** Total budget, USDT. */
  total: number;
  strategy: 'daily';
  /** Epoch milliseconds. */
  startTime: number;
  endTime: number;
}

export interface TonaiBidding {
  billingType: BillingType;
  /** USDT per 1000 impressions (CPM) or per click (CPC). */
  costPer: number;
}

export interface TonaiAd {
  adFormat: 'image';
  popupImage: string;
  icon: string;
  destination: { actionType: ActionType; url: string };
  text: string;
  brandName: string;
  buttonText: string;
}

/** Statistics are fixed at seeding (zero for created campaigns); status changes do not move them. */
export interface TonaiStats {
  impressions: number;
  clicks: number;
  conversions: number;
  /** USDT spent, rounded to cents. */
  cost: number;
}

export interface TonaiCampaign {
  /** String of digits, unique across all keys. */
  id: string;
  apiKey: string;
  userId: string;
  /** 1-based position in this key's creation order; drives the every-7th string-stats quirk. */
  seq: number;
  /** Epoch ms; not on the wire, kept for inspection. */
  createdAt: number;
  name: string;
  campaignStatus: CampaignStatus;
  targeting: TonaiTargeting;
  budget: TonaiBudget;
  bidding: TonaiBidding;
  ad: TonaiAd;
  stats: TonaiStats;
}

/** What create supplies; the state adds id, seq, status and stats. */
export type TonaiCampaignInput = Pick<TonaiCampaign, 'name' | 'targeting' | 'budget' | 'bidding' | 'ad'>;

export interface TonaiAccount {
  apiKey: string;
  label: string;
  userId: string;
}

export class TonaiState {
  private readonly byKey = new Map<string, TonaiCampaign[]>();
  private readonly accountsByKey = new Map<string, TonaiAccount>();
  private nextId: number;

  constructor(accounts: readonly TonaiAccount[], campaigns: readonly TonaiCampaign[], nextId: number) {
    for (const account of accounts) this.accountsByKey.set(account.apiKey, account);
    this.nextId = nextId;
    this.replace(campaigns, nextId);
  }

  /** Drops every campaign and loads these (used to restore the seeded state). */
  replace(campaigns: readonly TonaiCampaign[], nextId: number): void {
    this.byKey.clear();
    for (const apiKey of this.accountsByKey.keys()) this.byKey.set(apiKey, []);
    for (const campaign of campaigns) this.listFor(campaign.apiKey).push(campaign);
    this.nextId = nextId;
  }

  account(apiKey: string): TonaiAccount | undefined {
    return this.accountsByKey.get(apiKey);
  }

  /** This key's campaigns, oldest first (the list endpoint reverses it). */
  campaigns(apiKey: string): readonly TonaiCampaign[] {
    return this.byKey.get(apiKey) ?? [];
  }

  /** A campaign of this key; another key's campaign is treated as unknown. */
  find(apiKey: string, id: string): TonaiCampaign | undefined {
    return this.byKey.get(apiKey)?.find((c) => c.id === id);
  }

  add(apiKey: string, input: TonaiCampaignInput, createdAt: number): TonaiCampaign {
    const account = this.accountsByKey.get(apiKey);
    if (!account) throw new Error(`unknown api key ${apiKey}`);
    const list = this.listFor(apiKey);
    // Ids keep growing from the seeded ones: step by a small amount, as other advertisers would too.
    this.nextId += 7;
    const campaign: TonaiCampaign = {
      ...input,
      id: String(this.nextId),
      apiKey,
      userId: account.userId,
      seq: list.length + 1,
      createdAt,
      // Choice: a new campaign waits for the advertiser's "start" (the page is silent).
      campaignStatus: 'pending',
      stats: { impressions: 0, clicks: 0, conversions: 0, cost: 0 },
    };
    list.push(campaign);
    return campaign;
  }

  private listFor(apiKey: string): TonaiCampaign[] {
    const list = this.byKey.get(apiKey);
    if (!list) throw new Error(`unknown api key ${apiKey}`);
    return list;
  }
}
