/**
 * AdStat wire → domain. Every AdStat date, money and status conversion happens here.
 */
import type { Account, AccountDetails, AccountStatus, AdvertisementStatus, AdvertisementSummary, CampaignStatus, Statistics } from '../../domain/model.js';
import { money, moneyOrNull, parseIsoDateTime, utcDate } from '../../domain/values.js';
import { CREATED_DT_FORMAT, type WireAdvertisementRow, type WireCabinetItem, type WireCabinetName } from './wire.js';

/**
 * The advertisement list carries no currency. The create body's `currency_code` defaults to EUR and
 * the dashboard balances are in EUR, so list amounts are read as EUR; details carry their own.
 */
export const DEFAULT_CURRENCY = 'EUR';

const AD_STATUS: Record<string, AdvertisementStatus> = {
  active: 'ACTIVE',
  stopped: 'STOPPED',
  deleted: 'DELETED',
  on_hold: 'ON_HOLD',
  'on hold': 'ON_HOLD',
  declined: 'DECLINED',
  in_review: 'IN_REVIEW',
};

const CAMPAIGN_STATUS: Record<string, CampaignStatus> = { active: 'ACTIVE', not_active: 'INACTIVE' };
const ACCOUNT_STATUS: Record<string, AccountStatus> = { active: 'ACTIVE', inactive: 'INACTIVE' };

export function advertisementStatus(raw: string): AdvertisementStatus {
  return AD_STATUS[raw.trim().toLowerCase()] ?? 'UNKNOWN';
}

export function campaignStatus(raw: string): CampaignStatus {
  return CAMPAIGN_STATUS[raw.trim().toLowerCase()] ?? 'UNKNOWN';
}

/**
 * AdStat dates: "09.01.1998 09:04:26" (list `created_dt`, no zone given: read as UTC, as the
 * status times beside it are UTC) or ISO 8601 with an offset. Anything else is null, never an error.
 */
export function adstatDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const m = CREATED_DT_FORMAT.exec(text.trim());
  if (m) {
    const [, dd, mm, yyyy, hh, mi, ss] = m;
    return utcDate(Number(yyyy), Number(mm), Number(dd), Number(hh), Number(mi), Number(ss));
  }
  return parseIsoDateTime(text);
}

export function cabinetFromName(connectionId: string, wire: WireCabinetName): Account {
  return {
    provider: 'ADSTAT',
    connectionId,
    providerId: wire.account_uid,
    name: wire.name,
    currency: DEFAULT_CURRENCY,
    balance: money(wire.balance, DEFAULT_CURRENCY),
    audiencesAllowed: wire.is_audience_allowed,
    labellingMode: wire.mode,
  };
}

export function cabinetDetails(wire: WireCabinetItem): AccountDetails {
  return {
    status: ACCOUNT_STATUS[wire.status.trim().toLowerCase()] ?? 'UNKNOWN',
    rawStatus: wire.status,
    balanceTotal: money(wire.balance_total, DEFAULT_CURRENCY),
    balanceAvailable: money(wire.balance_available, DEFAULT_CURRENCY),
    balanceActive: money(wire.balance_active, DEFAULT_CURRENCY),
    balanceSpent: money(wire.balance_spent, DEFAULT_CURRENCY),
    legalName: wire.legal_name,
    categoryKey: wire.category_key,
    categoryName: wire.category_name,
    promotedObjects: wire.objects,
  };
}

export function advertisementFromRow(connectionId: string, row: WireAdvertisementRow): AdvertisementSummary {
  const statistics: Statistics = {
    impressions: row.impressions,
    clicks: row.clicks,
    goals: row.goals,
    conversions: null,
    videoOpens: row.opened,
    ctr: row.ctr,
    cvr: row.cvr,
    cpc: moneyOrNull(row.cpc, DEFAULT_CURRENCY),
    cpm: moneyOrNull(row.cpm, DEFAULT_CURRENCY),
    cps: moneyOrNull(row.cps, DEFAULT_CURRENCY),
    spent: money(row.spent, DEFAULT_CURRENCY),
  };
  return {
    provider: 'ADSTAT',
    connectionId,
    id: row.id,
    accountName: row.account_name,
    title: row.advertisement_title,
    text: row.ad_text,
    adType: row.ad_type,
    actionType: row.action_type,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    promotedObject: row.object,
    status: advertisementStatus(row.status),
    rawStatus: row.status,
    statusUpdatedAt: adstatDate(row.status_updated_dt),
    createdAt: adstatDate(row.created_dt),
    kktuCodes: row.kktu_codes,
    targetTopics: row.target_topics,
    bid: money(row.cpm, DEFAULT_CURRENCY),
    balance: money(row.balance, DEFAULT_CURRENCY),
    statistics,
  };
}
