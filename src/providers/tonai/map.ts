/** TON.ai wire → domain. Every TON.ai money, time and status conversion happens here. */
import type { CampaignStatus, TonaiCampaignSummary } from '../../domain/model.js';
import { money } from '../../domain/values.js';
import { CURRENCY, type WireListCampaign } from './wire.js';

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
      ctr: wire.ctr,
      cvr: wire.cr,
      cpc: null,
      cpm: null,
      cps: null,
      spent: money(wire.cost, CURRENCY),
    },
  };
}
