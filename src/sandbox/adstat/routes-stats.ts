/**
 * `POST /api/v1/stats/page`. The request is documented; of the response the page shows only that it
 * starts with `{"columns": [{"key": "period_date", ...}], ...}`.
 *
 * UNVERIFIED — the response below is the simulator's guess, kept in this file:
 *   {"columns": [{"key", "title"}], "rows": [{<column key>: value}], "next_cursor": string | null}
 * Rows are one per (period bucket, group) with any activity; `period_date` is the bucket start as
 * ISO 8601 UTC ("2025-06-01T00:00:00+00:00"). Without `grouping` the rows are per period only.
 * Money columns are converted from EUR at fixed rates (below). `cursor` is opaque.
 *
 * Each ad's lifetime totals are spread evenly over the time it ran (creation to its last status
 * change, or to now while active), so any period's rows add up consistently with the ad list.
 */
import type { AdstatContext } from './context.js';
import { round2, type AdstatState } from './state.js';
import type { Advertisement, AdstatUser } from './types.js';
import { BodyReader, enumList, readJsonObject, validationError } from './validation.js';
import { objectOf } from './wire.js';

const UNITS = ['day', 'week', 'month', 'year', 'hour', '30_minutes', '5_minutes'] as const;
type Unit = (typeof UNITS)[number];
const FINE_UNITS: readonly Unit[] = ['hour', '30_minutes', '5_minutes'];
const GROUPINGS = ['cabinet', 'ad_object', 'ad', 'campaign'] as const;
type Grouping = (typeof GROUPINGS)[number];
const CURRENCIES = ['EUR', 'TON', 'USD', 'RUB', 'USDT', 'STAR'] as const;
type Currency = (typeof CURRENCIES)[number];
/** Units of each currency per 1 EUR (fixed, the simulator's choice). */
const PER_EUR: Record<Currency, number> = { EUR: 1, USD: 1.08, USDT: 1.08, RUB: 98, TON: 0.3, STAR: 77 };

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_BUCKETS = 20_000;

function bucketStart(t: number, unit: Unit): number {
  const d = new Date(t);
  switch (unit) {
    case '5_minutes':
      return Math.floor(t / (5 * MINUTE)) * 5 * MINUTE;
    case '30_minutes':
      return Math.floor(t / (30 * MINUTE)) * 30 * MINUTE;
    case 'hour':
      return Math.floor(t / (60 * MINUTE)) * 60 * MINUTE;
    case 'day':
      return Math.floor(t / DAY) * DAY;
    case 'week': {
      const day = Math.floor(t / DAY) * DAY;
      return day - ((d.getUTCDay() + 6) % 7) * DAY; // weeks start on Monday
    }
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'year':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
  }
}

function nextBucket(start: number, unit: Unit): number {
  const d = new Date(start);
  switch (unit) {
    case '5_minutes':
      return start + 5 * MINUTE;
    case '30_minutes':
      return start + 30 * MINUTE;
    case 'hour':
      return start + 60 * MINUTE;
    case 'day':
      return start + DAY;
    case 'week':
      return start + 7 * DAY;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    case 'year':
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const GROUP_COLUMNS: Record<Grouping, Array<{ key: string; title: string }>> = {
  cabinet: [{ key: 'cabinet_id', title: 'Cabinet ID' }, { key: 'cabinet_name', title: 'Cabinet' }],
  campaign: [{ key: 'campaign_id', title: 'Campaign ID' }, { key: 'campaign_name', title: 'Campaign' }],
  ad: [{ key: 'ad_id', title: 'Ad ID' }, { key: 'ad_title', title: 'Ad' }],
  ad_object: [{ key: 'ad_object', title: 'Ad object' }],
};
const METRIC_COLUMNS = [
  { key: 'impressions', title: 'Impressions' }, { key: 'clicks', title: 'Clicks' }, { key: 'ctr', title: 'CTR, %' },
  { key: 'spent', title: 'Spent' }, { key: 'cpm', title: 'CPM' }, { key: 'cpc', title: 'CPC' },
  { key: 'goals', title: 'Goals' }, { key: 'cps', title: 'CPS' },
];

function groupOf(state: AdstatState, ad: Advertisement, grouping: Grouping | undefined): [string, Record<string, unknown>] {
  switch (grouping) {
    case 'cabinet':
      return [ad.accountId, { cabinet_id: ad.accountId, cabinet_name: state.cabinets.get(ad.accountId)?.name ?? '' }];
    case 'campaign':
      return [String(ad.campaignId), { campaign_id: ad.campaignId, campaign_name: state.campaigns.get(ad.campaignId)?.name ?? '' }];
    case 'ad':
      return [String(ad.id).padStart(12, '0'), { ad_id: ad.id, ad_title: ad.title }];
    case 'ad_object': {
      const object = objectOf(ad.adObject ?? ad.promoteUrl);
      return [object, { ad_object: object }];
    }
    case undefined:
      return ['', {}];
  }
}

interface Sums {
  bucket: number;
  key: string;
  group: Record<string, unknown>;
  impressions: number;
  clicks: number;
  goals: number;
  spent: number;
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'o' in value && Number.isInteger(value.o) && (value.o as number) >= 0) {
      return value.o as number;
    }
  } catch {
    // fall through
  }
  return undefined;
}

function parseDate(r: BodyReader, field: string): number | undefined {
  const value = r.string(field, { required: true });
  if (typeof value !== 'string') return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return r.fail(field, 'Input should be a valid datetime', 'datetime_parsing');
  return ms;
}

function oneOf<T extends string>(r: BodyReader, field: string, allowed: readonly T[]): T | undefined {
  const value = r.string(field, { nullable: true });
  if (typeof value !== 'string') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return r.fail(field, `Input should be ${enumList(allowed)}`, 'enum');
}

export function registerStatsRoutes({ router, state, now }: AdstatContext): void {
  router.authed('POST', '/api/v1/stats/page', async (req, user) => {
    const read = await readJsonObject(req);
    if ('error' in read) return read.error;
    const r = new BodyReader(read.body);
    const from = parseDate(r, 'period_from');
    const to = parseDate(r, 'period_to');
    const unit = oneOf(r, 'period_grouping_unit', UNITS) ?? 'day';
    const grouping = oneOf(r, 'grouping', GROUPINGS);
    const currency = oneOf(r, 'currency_code', CURRENCIES) ?? 'EUR';
    const orderBy = oneOf(r, 'order_by', ['period', '-period'] as const) ?? 'period';
    const cabinetIds = r.stringArray('platform_cabinet_ids', { nullable: true }) ?? [];
    const adObjects = (r.stringArray('ad_objects', { nullable: true }) ?? []).map(objectOf);
    const limit = r.number('limit', { integer: true, nullable: true }) ?? 100;
    if (limit < 1 || limit > 500) r.fail('limit', 'limit must be between 1 and 500');
    const cursorRaw = r.string('cursor', { nullable: true });
    const offset = typeof cursorRaw === 'string' ? decodeCursor(cursorRaw) : 0;
    if (offset === undefined) r.fail('cursor', 'Invalid cursor');
    cabinetIds.forEach((id, i) => state.cabinetOf(user.id, id) || r.fail(['platform_cabinet_ids', i], `Account not found: ${id}`));
    const at = now();
    if (from !== undefined && to !== undefined) {
      if (to <= from) r.fail('period_to', 'period_to must be after period_from');
      else if (FINE_UNITS.includes(unit)) {
        if (from < at - 5 * DAY) r.fail('period_grouping_unit', `${unit} grouping is available only for the last 5 days`);
        else if (to - from > 2 * DAY) r.fail('period_grouping_unit', `${unit} grouping allows at most 2 days per request`);
      }
    }
    if (r.issues.length > 0 || from === undefined || to === undefined || offset === undefined) return validationError(r.issues);

    const starts: number[] = [];
    for (let t = bucketStart(from, unit); t < to; t = nextBucket(t, unit)) {
      starts.push(t);
      if (starts.length > MAX_BUCKETS) return validationError([{ loc: ['body', 'period_from'], msg: 'The period has too many buckets for this grouping unit', type: 'value_error' }]);
    }
    const perBucket = aggregate(state, user, { from, to, unit, starts, grouping, cabinetIds, adObjects, now: at });
    const rate = PER_EUR[currency];
    const money = (eur: number): number => (currency === 'TON' ? Math.round(eur * rate * 10_000) / 10_000 : round2(eur * rate));
    // Walk buckets in the requested order, groups by key, and stop one row past the page.
    const ordered: Sums[] = [];
    const wanted = offset + limit + 1;
    for (let n = 0; n < perBucket.length && ordered.length < wanted; n++) {
      const groups = perBucket[orderBy === 'period' ? n : perBucket.length - 1 - n];
      if (!groups) continue;
      const keys = [...groups.keys()].sort();
      for (const key of keys) ordered.push(groups.get(key)!);
    }
    const page = ordered.slice(offset, offset + limit).map((s) => {
      const impressions = Math.round(s.impressions);
      const clicks = Math.round(s.clicks);
      const goals = Math.round(s.goals);
      return {
        period_date: iso(s.bucket),
        ...s.group,
        impressions,
        clicks,
        ctr: impressions > 0 ? round2((clicks / impressions) * 100) : 0,
        spent: money(s.spent),
        cpm: impressions > 0 ? money((s.spent / impressions) * 1000) : 0,
        cpc: clicks > 0 ? money(s.spent / clicks) : 0,
        goals,
        cps: goals > 0 ? money(s.spent / goals) : 0,
      };
    });
    return {
      status: 200,
      body: {
        columns: [{ key: 'period_date', title: 'Period' }, ...(grouping ? GROUP_COLUMNS[grouping] : []), ...METRIC_COLUMNS],
        rows: page,
        next_cursor: ordered.length > offset + limit ? encodeCursor(offset + limit) : null,
      },
    };
  });
}

interface Scope {
  from: number;
  to: number;
  unit: Unit;
  starts: number[];
  grouping: Grouping | undefined;
  cabinetIds: string[];
  adObjects: string[];
  now: number;
}

/** Sums per bucket index, then per group key. */
function aggregate(state: AdstatState, user: AdstatUser, scope: Scope): Array<Map<string, Sums> | undefined> {
  const out: Array<Map<string, Sums> | undefined> = new Array(scope.starts.length);
  const { from, to, starts, unit } = scope;
  for (const ad of state.adsOf(user.id)) {
    if (ad.stats.impressions === 0) continue;
    if (scope.cabinetIds.length > 0 && !scope.cabinetIds.includes(ad.accountId)) continue;
    if (scope.adObjects.length > 0 && !scope.adObjects.includes(objectOf(ad.adObject ?? ad.promoteUrl))) continue;
    const s = ad.createdAt;
    const e = Math.max(s + 60 * MINUTE, ad.status === 'active' ? scope.now : ad.statusUpdatedAt);
    const lo = Math.max(s, from);
    const hi = Math.min(e, to);
    if (hi <= lo) continue;
    // Last bucket starting at or before `lo`.
    let a = 0;
    let b = starts.length - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (starts[mid]! <= lo) a = mid;
      else b = mid - 1;
    }
    const [key, group] = groupOf(state, ad, scope.grouping);
    for (let i = a; i < starts.length && starts[i]! < hi; i++) {
      const bucketEnd = i + 1 < starts.length ? starts[i + 1]! : nextBucket(starts[i]!, unit);
      const overlap = Math.min(bucketEnd, hi) - Math.max(starts[i]!, lo);
      if (overlap <= 0) continue;
      const share = overlap / (e - s);
      let groups = out[i];
      if (!groups) out[i] = groups = new Map();
      let sum = groups.get(key);
      if (!sum) groups.set(key, (sum = { bucket: starts[i]!, key, group, impressions: 0, clicks: 0, goals: 0, spent: 0 }));
      sum.impressions += ad.stats.impressions * share;
      sum.clicks += ad.stats.clicks * share;
      sum.goals += ad.stats.goals * share;
      sum.spent += ad.stats.spent * share;
    }
  }
  return out;
}
