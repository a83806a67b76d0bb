/** TON.ai wire → domain. Every TON.ai money, time and status conversion happens here. */
import type { CampaignStatus, TonaiCampaignDetails, TonaiCampaignSummary } from '../../domain/model.js';
import type { NewTonaiCampaign } from '../../domain/writes.js';
import { fromEpochMs, money, percentOf } from '../../domain/values.js';
import { ACTION_TYPES, AD_FORMAT, BUDGET_STRATEGY, CURRENCY, PLATFORMS, type WireDetail, type WireListCampaign } from './wire.js';

/** `campaignStatus` values published by the provider's newer documentation. */
const CAMPAIGN_STATUS: Record<string, CampaignStatus> = {
  onGoing: 'ACTIVE',
  paused: 'PAUSED',
  systemPaused: 'PAUSED_BY_PLATFORM',
  ended: 'ENDED',
  auditing: 'IN_REVIEW',
  reject: 'REJECTED',
  pending: 'PENDING',
  readyToStart: 'SCHEDULED',
  fail: 'FAILED',
};

export function campaignStatus(raw: string): CampaignStatus {
  return CAMPAIGN_STATUS[raw.trim()] ?? 'UNKNOWN';
}

export function campaignFromList(connectionId: string, wire: WireListCampaign): TonaiCampaignSummary {
  return {
    provider: 'TONAI',
    connectionId,
    id: wire.id,
    userId: wire.userId,
    name: wire.name,
    status: campaignStatus(wire.campaignStatus),
    rawStatus: wire.campaignStatus,
    billingType: wire.billingType,
    statistics: {
      impressions: wire.impressions,
      clicks: wire.clicks,
      goals: null,
      conversions: wire.conversions ?? null,
      videoOpens: null,
      // TON.ai does not say what unit `ctr` and `cr` are in (percent or fraction), so the rates are
      // computed from the counts, in AdStat's unit (percent); the raw figures stay beside them.
      ctr: percentOf(wire.clicks, wire.impressions),
      cvr: percentOf(wire.conversions ?? null, wire.clicks),
      providerCtr: wire.ctr,
      providerCvr: wire.cr,
      cpc: null,
      cpm: null,
      cps: null,
      spent: money(wire.cost, CURRENCY),
    },
  };
}

/** Budget times are epoch milliseconds on the wire. */
export function campaignFromDetail(wire: WireDetail): TonaiCampaignDetails {
  const t = wire.targeting;
  return {
    name: wire.name,
    status: campaignStatus(wire.campaignStatus),
    rawStatus: wire.campaignStatus,
    budget: {
      daily: money(wire.budget.amount, CURRENCY),
      total: money(wire.budget.total, CURRENCY),
      strategy: wire.budget.strategy,
      startTime: fromEpochMs(wire.budget.startTime),
      endTime: fromEpochMs(wire.budget.endTime),
    },
    targeting: {
      includedRegions: t.includedRegions ?? [],
      excludedRegions: t.excludedRegions ?? [],
      includedLanguages: t.includedLanguages ?? [],
      excludedLanguages: t.excludedLanguages ?? [],
      platform: t.platform ?? null,
      telegramPremium: t.telegramPremium ?? null,
      userLinkedWallet: t.userLinkedWallet ?? null,
      userWalletHasBalanceOnChain: t.userWalletHasBalanceOnChain ?? null,
      userLinkedTonWallet: t.userLinkedTonWallet ?? null,
      isHighValueUser: t.isHighValueUser ?? null,
    },
    bidding: { billingType: wire.bidding.billingType, costPer: money(wire.bidding.costPer, CURRENCY) },
    creative: {
      adFormat: wire.ad.adFormat,
      popupImage: wire.ad.popupImage,
      icon: wire.ad.icon,
      destinationUrl: wire.ad.destination.url,
      actionType: wire.ad.destination.actionType,
      text: wire.ad.text,
      brandName: wire.ad.brandName,
      buttonText: wire.ad.buttonText,
    },
  };
}

/** Domain → create body. Amounts are USDT; times go out as epoch milliseconds. */
export function createCampaignBody(c: NewTonaiCampaign): Record<string, unknown> {
  return {
    name: c.name,
    targeting: {
      includedRegions: c.targeting.includedRegions,
      excludedRegions: c.targeting.excludedRegions,
      includedLanguages: c.targeting.includedLanguages,
      excludedLanguages: c.targeting.excludedLanguages,
      platform: PLATFORMS[c.targeting.platform],
      telegramPremium: c.targeting.telegramPremium,
      isHighValueUser: c.targeting.isHighValueUser,
      userLinkedTonWallet: c.targeting.userLinkedTonWallet,
    },
    budget: {
      amount: Number(c.budget.daily),
      total: Number(c.budget.total),
      strategy: BUDGET_STRATEGY,
      startTime: c.budget.startTime.getTime(),
      endTime: c.budget.endTime.getTime(),
    },
    bidding: { billingType: c.bidding.billingType, costPer: Number(c.bidding.costPer) },
    ad: {
      adFormat: AD_FORMAT,
      popupImage: c.creative.popupImage,
      icon: c.creative.icon,
      destination: { actionType: ACTION_TYPES[c.creative.actionType], url: c.creative.destinationUrl },
      text: c.creative.text,
      brandName: c.creative.brandName,
      buttonText: c.creative.buttonText,
    },
  };
}
