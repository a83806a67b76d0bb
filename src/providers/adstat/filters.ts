/**
 * AdStat's advertisement-list filters applied on our side, to the unfiltered list (all periods,
 * deleted included), so a filtered read can be answered from a list already at hand. The result
 * must equal what AdStat's own filter gives; the rules below are the ones adgraph's schema
 * documents for these arguments and the simulator implements (the provider's page is silent):
 * - `advertisement_titles` / `campaign_names`: the title (campaign name) contains one of the values,
 *   ignoring case; values are matched as given, whatever their encoding on the wire;
 * - `period`: creation time in UTC calendar days (today from 00:00 UTC, yesterday the whole UTC day
 *   before, starts_month from the 1st at 00:00 UTC);
 * - `show_deleted=false`: without the ads whose status is `deleted`.
 */
import type { AdvertisementSummary, CreationPeriod } from '../../domain/model.js';
import type { AdvertisementListFilter } from './client.js';

/** The list every other filter can be derived from. */
export const UNFILTERED: AdvertisementListFilter = { period: 'ALL', showDeleted: true, titles: [], campaignNames: [] };

export function isUnfiltered(filter: AdvertisementListFilter): boolean {
  return filter.period === 'ALL' && filter.showDeleted && filter.titles.length === 0 && filter.campaignNames.length === 0;
}

const DAY_MS = 86_400_000;

/** [from, to) in epoch ms for a creation period at instant `now`. */
export function periodBounds(period: CreationPeriod, now: number): [number, number] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const d = new Date(now);
  switch (period) {
    case 'TODAY':
      return [today, Number.POSITIVE_INFINITY];
    case 'YESTERDAY':
      return [today - DAY_MS, today];
    case 'THIS_MONTH':
      return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), Number.POSITIVE_INFINITY];
    case 'ALL':
      return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  }
}

/** Whether a period is over: its answers cannot change by new creations, only by edits. */
export function isClosedPeriod(period: CreationPeriod): boolean {
  return period === 'YESTERDAY';
}

const DELETED = 'deleted';

export function applyFilter(rows: readonly AdvertisementSummary[], filter: AdvertisementListFilter, now: number): AdvertisementSummary[] {
  const [from, to] = periodBounds(filter.period, now);
  const titles = filter.titles.map((t) => t.toLowerCase());
  const campaigns = filter.campaignNames.map((c) => c.toLowerCase());
  return rows.filter((row) => {
    if (!filter.showDeleted && row.rawStatus === DELETED) return false;
    if (filter.period !== 'ALL') {
      const created = row.createdAt?.getTime();
      if (created === undefined || Number.isNaN(created) || created < from || created >= to) return false;
    }
    if (titles.length > 0) {
      const title = row.title.toLowerCase();
      if (!titles.some((t) => title.includes(t))) return false;
    }
    if (campaigns.length > 0) {
      const name = row.campaignName.toLowerCase();
      if (!campaigns.some((c) => name.includes(c))) return false;
    }
    return true;
  });
}

/** A stable name of a filter, for counting distinct variants. */
export function filterKey(filter: AdvertisementListFilter): string {
  return JSON.stringify([filter.period, filter.showDeleted, [...filter.titles].sort(), [...filter.campaignNames].sort()]);
}
