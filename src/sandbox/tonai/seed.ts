/**
 * Deterministic seed data: the same `seed` always gives the same campaigns, ids, names and
 * statistics, whatever the clock. Times are placed around the clock's hour (past, current and future
 * campaigns).
 */
import { Rng } from '../rng.js';
import {
  CAMPAIGN_STATUSES,
  REGIONS,
  type ActionType,
  type BillingType,
  type CampaignStatus,
  type Platform,
} from './catalog.js';
import type { TonaiAccount, TonaiAd, TonaiCampaign, TonaiStats, TonaiTargeting } from './state.js';

export const TONAI_SANDBOX_KEYS: ReadonlyArray<TonaiAccount> = [
  // userIds shaped like the page's example "664f211f8135c" (13 hex digits).
  { apiKey: 'sbx-tonai-key-alpha', label: 'Mini-app network A', userId: '664f211f8135c' },
  { apiKey: 'sbx-tonai-key-beta', label: 'Mini-app network B', userId: '6650a3e29b17d' },
];

/** Campaigns seeded per key: alpha has enough for several full 100-campaign pages' worth of paging. */
const CAMPAIGN_COUNTS: Readonly<Record<string, number>> = {
  'sbx-tonai-key-alpha': 130,
  'sbx-tonai-key-beta': 40,
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Weighted so the list looks like a live account: mostly running and finished campaigns. */
const STATUS_WEIGHTS: ReadonlyArray<readonly [CampaignStatus, number]> = [
  ['onGoing', 30],
  ['ended', 22],
  ['paused', 12],
  ['readyToStart', 8],
  ['systemPaused', 6],
  ['auditing', 6],
  ['pending', 6],
  ['reject', 5],
  ['fail', 5],
];

const PLATFORM_WEIGHTS: ReadonlyArray<readonly [Platform, number]> = [
  ['All', 60],
  ['Android', 25],
  ['iOS', 15],
];

const LANGUAGES = ['en', 'ru', 'hi', 'fr', 'es', 'pt', 'id', 'vi', 'tr', 'fa', 'ar', 'uk', 'zh', 'ko'] as const;

/** Fictional mini-apps: brand (≤ 40 chars), bot username, website host. */
const BRANDS: ReadonlyArray<{ brand: string; bot: string; site: string }> = [
  { brand: 'MeetMe', bot: 'MeetMeDatingBot', site: 'meetme.example.com' },
  { brand: 'TapVerse', bot: 'TapVerseBot', site: 'tapverse.example.com' },
  { brand: 'PixelPets', bot: 'PixelPetsGameBot', site: 'pixelpets.example.com' },
  { brand: 'TonQuest', bot: 'TonQuestBot', site: 'tonquest.example.com' },
  { brand: 'CoinDrop', bot: 'CoinDropAppBot', site: 'coindrop.example.com' },
  { brand: 'BlockRunner', bot: 'BlockRunnerBot', site: 'blockrunner.example.com' },
  { brand: 'Stellar Farm', bot: 'StellarFarmBot', site: 'stellarfarm.example.com' },
  { brand: 'WalletWise', bot: 'WalletWiseBot', site: 'walletwise.example.com' },
  { brand: 'QuizTon', bot: 'QuizTonBot', site: 'quizton.example.com' },
  { brand: 'Nebula Cards', bot: 'NebulaCardsBot', site: 'nebulacards.example.com' },
];

const THEMES = ['launch', 'retargeting', 'weekend push', 'CIS reach', 'premium users', 'holiday promo', 'airdrop', 'new season', 'evergreen', 'A/B test'];

/** Each ≤ 50 code points once the brand is substituted (brands are ≤ 12 characters). */
const TEXTS = [
  'Play {b} and earn TON every day',
  'Join {b}: 10k players online now',
  '{b} is live! Claim your welcome bonus',
  'Tap, build and win with {b}',
  'Your next favourite mini-app: {b}',
  'Invite friends to {b} and earn more',
];

const BUTTONS = ['Play Now', 'Join Now', 'Open App', 'Start', 'Claim Bonus', 'Learn More'];

function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.next() * total;
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function floorHour(t: number): number {
  return Math.floor(t / HOUR) * HOUR;
}

function schedule(rng: Rng, status: CampaignStatus, now: number): { startTime: number; endTime: number; createdAt: number } {
  let start: number;
  let end: number;
  switch (status) {
    case 'onGoing':
    case 'paused':
    case 'systemPaused':
      start = now - rng.int(1, 60) * DAY - rng.int(0, 23) * HOUR;
      end = now + rng.int(1, 90) * DAY;
      break;
    case 'ended':
      if (rng.chance(0.8)) {
        end = now - rng.int(1, 120) * DAY;
        start = end - rng.int(3, 60) * DAY;
      } else {
        // Ended early by the advertiser: the window is still open.
        start = now - rng.int(5, 60) * DAY;
        end = now + rng.int(1, 60) * DAY;
      }
      break;
    case 'readyToStart':
      start = now + rng.int(1, 30) * DAY;
      end = start + rng.int(7, 90) * DAY;
      break;
    case 'pending':
    case 'auditing':
      start = now + rng.int(-2, 14) * DAY;
      end = start + rng.int(7, 60) * DAY;
      break;
    case 'reject':
    case 'fail':
      start = now + rng.int(-30, 14) * DAY;
      end = start + rng.int(7, 60) * DAY;
      break;
  }
  const startTime = floorHour(start);
  const endTime = floorHour(end);
  const createdAt = Math.min(startTime, now) - rng.int(0, 7) * DAY - rng.int(1, 23) * HOUR - rng.int(0, 3_599_999);
  return { startTime, endTime, createdAt };
}

/** Only campaigns that have run have statistics; they stay within the budget the window allowed. */
function statistics(
  rng: Rng,
  status: CampaignStatus,
  budget: { amount: number; total: number; startTime: number; endTime: number },
  billingType: BillingType,
  costPer: number,
  now: number,
): TonaiStats {
  if (status !== 'onGoing' && status !== 'paused' && status !== 'systemPaused' && status !== 'ended') {
    return { impressions: 0, clicks: 0, conversions: 0, cost: 0 };
  }
  const days = Math.max((Math.min(now, budget.endTime) - budget.startTime) / DAY, 0.1);
  const spend = Math.min(budget.total, budget.amount * days * (0.2 + rng.next() * 0.8));
  const ctrRate = 0.004 + rng.next() * 0.076; // 0.4 % – 8 %
  const crRate = 0.02 + rng.next() * 0.28; // 2 % – 30 %
  let impressions: number;
  let clicks: number;
  let cost: number;
  if (billingType === 'CPM') {
    impressions = Math.floor((spend / costPer) * 1000);
    clicks = Math.round(impressions * ctrRate);
    cost = round2((impressions * costPer) / 1000);
  } else {
    clicks = Math.floor(spend / costPer);
    impressions = Math.max(clicks, Math.round(clicks / ctrRate));
    cost = round2(clicks * costPer);
  }
  const conversions = Math.round(clicks * crRate);
  return { impressions, clicks, conversions, cost };
}

function targeting(rng: Rng): TonaiTargeting {
  const includedRegions = rng.chance(0.5) ? rng.sample(REGIONS, rng.int(1, 3)) : [];
  const excludedRegions = rng.chance(0.25)
    ? rng.sample(REGIONS.filter((r) => !includedRegions.includes(r)), rng.int(1, 2))
    : [];
  const includedLanguages = rng.chance(0.5) ? rng.sample(LANGUAGES, rng.int(1, 3)) : [];
  const excludedLanguages = rng.chance(0.15)
    ? rng.sample(LANGUAGES.filter((l) => !includedLanguages.includes(l)), rng.int(1, 2))
    : [];
  const userLinkedTonWallet = rng.chance(0.2);
  const userLinkedWallet = rng.chance(0.1);
  return {
    includedRegions,
    excludedRegions,
    includedLanguages,
    excludedLanguages,
    platform: weighted(rng, PLATFORM_WEIGHTS),
    telegramPremium: rng.chance(0.15),
    isHighValueUser: rng.chance(0.15),
    userLinkedTonWallet,
    userLinkedWallet,
    userWalletHasBalanceOnChain: (userLinkedTonWallet || userLinkedWallet) && rng.chance(0.5),
  };
}

function creative(rng: Rng, brandIndex: number): TonaiAd {
  const { brand, bot, site } = BRANDS[brandIndex]!;
  const actionType: ActionType = rng.chance(0.55) ? 'join.telegram' : 'visit.website';
  const url =
    actionType === 'join.telegram'
      ? `https://t.me/${bot}${rng.chance(0.7) ? '/app' : ''}`
      : // As in the page's own example, a visit.website destination may itself be a t.me link.
        rng.chance(0.5) ? `https://t.me/${bot}/App` : `https://${site}/?utm_source=tonai`;
  const ext = rng.pick(['png', 'jpg', 'gif']);
  return {
    adFormat: 'image',
    popupImage: `https://file.ton.ai/${rng.hex(24)}.${ext}`,
    icon: `https://file.ton.ai/${rng.hex(24)}.png`,
    destination: { actionType, url },
    text: rng.pick(TEXTS).replace('{b}', brand),
    brandName: brand,
    buttonText: rng.pick(BUTTONS),
  };
}

export interface SeededState {
  campaigns: TonaiCampaign[];
  /** The last id handed out; created campaigns continue from here. */
  lastId: number;
}

export function seedCampaigns(seed: number, clock: number): SeededState {
  const rng = new Rng(seed);
  // Every date is a fixed offset from the start of the clock's hour, so the order of creation (and
  // with it every id) and the statistics are the same at every start; only the dates move.
  const now = floorHour(clock);
  const drafts: Array<Omit<TonaiCampaign, 'id' | 'seq'>> = [];
  for (const account of TONAI_SANDBOX_KEYS) {
    const count = CAMPAIGN_COUNTS[account.apiKey] ?? 0;
    for (let i = 0; i < count; i++) {
      // The first nine of each key cover every status; the rest follow the weights.
      const status = i < CAMPAIGN_STATUSES.length ? CAMPAIGN_STATUSES[i]! : weighted(rng, STATUS_WEIGHTS);
      const { startTime, endTime, createdAt } = schedule(rng, status, now);
      const billingType: BillingType = rng.chance(0.55) ? 'CPC' : 'CPM';
      // USDT: CPM per 1000 impressions, CPC per click.
      const costPer = billingType === 'CPM' ? rng.money(0.5, 4) : rng.money(0.01, 0.25);
      const roundFigures = rng.chance(0.4);
      const amount = roundFigures ? rng.pick([5, 10, 20, 25, 50, 100, 150, 200]) : rng.money(5, 200);
      const total = roundFigures ? amount * rng.pick([7, 10, 14, 30, 60]) : round2(amount * rng.int(1, 45));
      const budget = { amount, total, strategy: 'daily' as const, startTime, endTime };
      const brandIndex = rng.int(0, BRANDS.length - 1);
      drafts.push({
        apiKey: account.apiKey,
        userId: account.userId,
        createdAt,
        name: `${BRANDS[brandIndex]!.brand} – ${rng.pick(THEMES)} #${i + 1}`,
        campaignStatus: status,
        targeting: targeting(rng),
        budget,
        bidding: { billingType, costPer },
        ad: creative(rng, brandIndex),
        stats: statistics(rng, status, budget, billingType, costPer, now),
      });
    }
  }
  // Ids grow with creation time across both keys, as on a shared platform.
  drafts.sort((a, b) => a.createdAt - b.createdAt);
  let id = 21_000_000 + rng.int(0, 900_000);
  const seqByKey = new Map<string, number>();
  const campaigns = drafts.map((draft): TonaiCampaign => {
    id += rng.int(1, 40);
    const seq = (seqByKey.get(draft.apiKey) ?? 0) + 1;
    seqByKey.set(draft.apiKey, seq);
    return { ...draft, id: String(id), seq };
  });
  return { campaigns, lastId: id };
}
