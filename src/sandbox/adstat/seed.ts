/**
 * Seed data, reproducible from the seed: ids, names, relationships, statuses and figures are a pure
 * function of the seed. Only dates follow the clock at start, so the list's period filters (today,
 * yesterday, starts_month) always have data.
 */
import { Rng } from '../rng.js';
import { round2, type AdstatState } from './state.js';
import type {
  Advertisement,
  AdStatus,
  AdType,
  AfterModerationStatus,
  Bot,
  Cabinet,
  CabinetMode,
  DeclineReason,
  Schedule,
  TargetBot,
} from './types.js';
import { TOPICS, isInviteLink, isTelegramLink } from './wire.js';

export const ADSTAT_SANDBOX_USERS: ReadonlyArray<{ username: string; password: string; label: string }> = [
  { username: 'demo', password: 'demo-password', label: 'Demo agency' },
  { username: 'agency2', password: 'agency2-password', label: 'Second agency' },
];

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Lang = 'ru' | 'en' | 'uz';

interface CabinetSpec {
  username: string;
  name: string;
  mode: CabinetMode;
  status: 'active' | 'inactive';
  country: string;
  legalName: string;
  categoryKey: string;
  categoryName: string;
  available: number;
  lang: Lang;
  langs: string[];
  timezone: number;
  campaigns: Array<[name: string, description: string]>;
  /** Promoted URLs; invite links promote `inviteTarget`. */
  objects: string[];
  inviteTarget?: string;
  websiteName: string;
  /** KKTU groups (first-level codes) the cabinet's ads are classified under (auto-labelling only). */
  kktuGroups: string[];
  ads: number;
  audiences?: Array<[title: string, size: number]>;
  events: Array<[title: string, type: 'custom' | 'standard']>;
}

const CABINETS: CabinetSpec[] = [
  {
    username: 'demo', name: 'Demo RU Auto-labelling', mode: 'auto_labeling', status: 'active', country: 'RU',
    legalName: 'ООО «Демо Медиа»', categoryKey: 'education', categoryName: 'Образование', available: 8400, lang: 'ru',
    langs: ['ru'], timezone: 10800,
    campaigns: [
      ['Осенний набор', 'Набор на курсы программирования'],
      ['Бесплатный вебинар', 'Регистрации на вебинар по Python'],
      ['Ретаргетинг подписчиков', ''],
      ['Курс аналитики данных', 'Лиды на курс аналитики'],
    ],
    objects: ['t.me/demo_code_school', 't.me/demo_it_news', 'https://code-school.example.ru/python', 't.me/+Qw3rTy12345xyz', 't.me/demo_school_bot'],
    inviteTarget: 't.me/demo_code_club', websiteName: 'Кодовая школа', kktuGroups: ['3', '6'], ads: 540,
    events: [['Покупка курса', 'standard'], ['Регистрация на вебинар', 'custom'], ['Заявка', 'custom'], ['Открытие оплаты', 'custom']],
  },
  {
    username: 'demo', name: 'Demo EU Manual', mode: 'manual_labeling', status: 'active', country: 'DE',
    legalName: 'Demo Agency GmbH', categoryKey: 'finance', categoryName: 'Финансы', available: 5200, lang: 'en',
    langs: ['en', 'de'], timezone: 3600,
    campaigns: [
      ['Wallet launch', 'New wallet app, EU markets'],
      ['Trading academy', 'Leads for the trading course'],
      ['Always-on: wallet, trading', ''],
    ],
    objects: ['t.me/demo_wallet', 't.me/demo_wallet_bot', 'https://wallet.example.com/get', 't.me/demo_trading', 'https://t.me/joinchat/AAAAAEdemoTrade'],
    inviteTarget: 't.me/demo_trading_vip', websiteName: 'Demo Wallet', kktuGroups: [], ads: 360,
    events: [['Purchase', 'standard'], ['Sign up', 'custom'], ['Deposit', 'custom']],
  },
  {
    username: 'demo', name: 'Demo Uzbekistan', mode: 'no_labeling', status: 'active', country: 'UZ',
    legalName: 'OOO «Demo Savdo»', categoryKey: 'ecommerce', categoryName: 'Электронная коммерция', available: 3100, lang: 'uz',
    langs: ['uz', 'ru'], timezone: 18000,
    campaigns: [
      ['Yangi kolleksiya', 'Kuzgi kolleksiya'],
      ['Yetkazib berish', 'Bepul yetkazib berish aksiyasi'],
      ['Mobil ilova', ''],
    ],
    objects: ['t.me/demo_savdo_uz', 'https://savdo.example.uz/aksiya', 't.me/demo_savdo_bot'],
    websiteName: 'Demo Savdo', kktuGroups: [], ads: 180,
    audiences: [['Mijozlar 2024', 15230], ['Obunachilar', 4120], ['Ilova foydalanuvchilari', 28900], ['Sodiq mijozlar', 1200]],
    events: [['Xarid', 'standard'], ['Ro‘yxatdan o‘tish', 'custom'], ['Savatga qo‘shish', 'custom'], ['Buyurtma', 'custom'], ['Qo‘ng‘iroq', 'custom']],
  },
  {
    username: 'demo', name: 'Demo Archive', mode: 'manual_labeling', status: 'inactive', country: 'RU',
    legalName: 'ИП Демов Д. Д.', categoryKey: 'retail', categoryName: 'Розничная торговля', available: 0, lang: 'ru',
    langs: ['ru'], timezone: 10800,
    campaigns: [
      ['Летняя распродажа 2024', ''],
      ['Тест креативов', 'A/B тест заголовков'],
    ],
    objects: ['t.me/demo_old_shop', 'https://old-shop.example.ru/sale'],
    websiteName: 'Старый магазин', kktuGroups: [], ads: 120,
    events: [['Покупка', 'standard'], ['Корзина', 'custom'], ['Подписка', 'custom']],
  },
  {
    username: 'agency2', name: 'Second Agency Main', mode: 'manual_labeling', status: 'active', country: 'RU',
    legalName: 'ООО «Второе агентство»', categoryKey: 'travel', categoryName: 'Туризм', available: 1500, lang: 'ru',
    langs: ['ru'], timezone: 10800,
    campaigns: [
      ['Brand awareness', 'Охватная кампания'],
      ['Performance', 'Заявки на туры'],
    ],
    objects: ['t.me/agency2_travel', 'https://tours.example.ru/hot'],
    websiteName: 'Горящие туры', kktuGroups: [], ads: 30,
    events: [['Заявка на тур', 'standard'], ['Звонок', 'custom'], ['Подписка', 'custom']],
  },
];

const BOTS: Bot[] = [
  { id: 123456789, username: 'bot_1', title: 'Bot name 1', photoUrl: 'https://cdn4.telesco.pe/file/path_to_photo_url_for_bot_1.jpg', dailyUsers: 15_400 },
  { id: 123456780, username: 'bot_2', title: 'Bot name 2', photoUrl: 'https://cdn4.telesco.pe/file/path_to_photo_url_for_bot_2.jpg', dailyUsers: 8_700 },
  { id: 123456771, username: 'bot_3', title: 'Bot name 3', photoUrl: 'https://cdn4.telesco.pe/file/path_to_photo_url_for_bot_3.jpg', dailyUsers: 420 },
  { id: 5012345671, username: 'demo_school_bot', title: 'Кодовая школа — бот', photoUrl: 'https://cdn4.telesco.pe/file/demo_school_bot.jpg', dailyUsers: 3_200 },
  { id: 5012345672, username: 'crypto_wallet_helper_bot', title: 'Wallet Helper', photoUrl: 'https://cdn4.telesco.pe/file/crypto_wallet_helper_bot.jpg', dailyUsers: 52_000 },
  { id: 5012345673, username: 'tiny_quiz_bot', title: 'Tiny Quiz', photoUrl: 'https://cdn4.telesco.pe/file/tiny_quiz_bot.jpg', dailyUsers: 140 },
  { id: 5012345674, username: 'weather_uz_bot', title: 'Ob-havo', photoUrl: 'https://cdn4.telesco.pe/file/weather_uz_bot.jpg', dailyUsers: 12_800 },
  { id: 5012345675, username: 'recipes_daily_bot', title: 'Рецепты дня', photoUrl: 'https://cdn4.telesco.pe/file/recipes_daily_bot.jpg', dailyUsers: 990 },
  { id: 5012345676, username: 'job_finder_bot', title: 'Job Finder', photoUrl: 'https://cdn4.telesco.pe/file/job_finder_bot.jpg', dailyUsers: 1_000 },
  { id: 5012345677, username: 'music_search_bot', title: 'Music Search', photoUrl: 'https://cdn4.telesco.pe/file/music_search_bot.jpg', dailyUsers: 230_000 },
];

const CHANNEL_POOL: Array<[id: number, url: string]> = [
  [1001234501, 't.me/tech_digest'], [1001234502, 't.me/python_daily'], [1001234503, 't.me/crypto_signals_eu'],
  [1001234504, 't.me/finance_today'], [1001234505, 't.me/uz_news_live'], [1001234506, 't.me/travel_deals_ru'],
  [1001234507, 't.me/marketing_cases'], [1001234508, 't.me/startups_weekly'],
];

const SEARCH_QUERIES: Record<Lang, string[]> = {
  ru: ['курсы программирования', 'python с нуля', 'обучение аналитике', 'вебинар it', 'горящие туры', 'распродажа'],
  en: ['crypto wallet', 'bitcoin trading', 'ton wallet', 'trading course', 'stablecoin'],
  uz: ['onlayn do‘kon', 'chegirma', 'yetkazib berish', 'kiyim'],
};

const TEXTS: Record<Lang, { titles: string[]; texts: string[] }> = {
  ru: {
    titles: ['Старт потока', 'Скидка 30%', 'Бесплатный урок', 'Последние места', 'Новая программа', 'Подписка'],
    texts: [
      'Освойте Python за 3 месяца с наставником. Первый урок бесплатно.',
      'Скидка 30% на весь курс до конца недели. Успейте записаться!',
      'Разбираем реальные кейсы аналитики каждый день — подписывайтесь.',
      'Новый поток стартует в понедельник. Осталось 12 мест.',
      'Практика вместо теории: 40 проектов в портфолио.',
    ],
  },
  en: {
    titles: ['Launch offer', 'Zero fees week', 'Learn to trade', 'Join the community', 'Secure wallet'],
    texts: [
      'Send, store and swap crypto in one tap. Zero fees this week.',
      'Learn to trade from pros: free first lesson.',
      'Your keys, your coins. Try the new wallet today.',
      'Daily market insights for 50,000+ traders.',
    ],
  },
  uz: {
    titles: ['Yangi kolleksiya', 'Chegirma 20%', 'Bepul yetkazib berish', 'Ilovani yuklang'],
    texts: [
      'Yangi kuzgi kolleksiya — 20% chegirma bilan!',
      'Toshkent bo‘ylab bepul yetkazib berish.',
      'Ilovada buyurtma bering va bonus oling.',
    ],
  },
};

const DECLINE_REASONS: DeclineReason[] = [
  { code: 'misleading_claims', text: 'The ad contains misleading or unverifiable claims.' },
  { code: 'forbidden_topic', text: 'The promoted object covers a topic not allowed in Telegram Ads.' },
  { code: 'text_formatting', text: 'Excessive capital letters or emoji in the ad text.' },
  { code: 'landing_mismatch', text: 'The ad text does not match the promoted page.' },
  { code: 'erid_missing', text: 'The ad must be labelled: the ERID token is missing.' },
];

function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function alnum(rng: Rng, length: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < length; i++) s += chars[rng.int(0, chars.length - 1)];
  return s;
}

function pickWeighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = rng.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

const FULL_WEEK: Schedule = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, Array.from({ length: 24 }, (_, h) => h)]),
);
const BUSINESS_HOURS: Schedule = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, Array.from({ length: 13 }, (_, h) => h + 9)]),
);

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function startOfUtcMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** When an ad was created, as a function of the seed alone: a period and a position in it. */
interface CreationSlot {
  /** 0: the past ~13 months, 1: earlier this month, 2: yesterday, 3: today. */
  period: 0 | 1 | 2 | 3;
  /** Position within the period, in [0, 1). */
  at: number;
}

/**
 * Fixed shares today, yesterday and earlier this month, the rest over the past ~13 months. The slots
 * depend on the seed only, so the order of ads (and with it every id) is the same at every start;
 * `slotTime` turns a slot into a date at the clock, monotonically, so creation order never changes.
 */
function creationSlots(rng: Rng, count: number): CreationSlot[] {
  const nToday = Math.max(1, Math.round(count * 0.025));
  const nYesterday = Math.max(1, Math.round(count * 0.03));
  const nMonth = Math.round(count * 0.08);
  const slots: CreationSlot[] = [];
  for (let i = 0; i < count; i++) {
    const period = i < nToday ? 3 : i < nToday + nYesterday ? 2 : i < nToday + nYesterday + nMonth ? 1 : 0;
    slots.push({ period, at: rng.next() });
  }
  return slots;
}

/**
 * The date of a slot at `now`. Periods never overlap and keep their order: older < this month <
 * yesterday < today. On the first days of a month "earlier this month" is empty; its ads then fall in
 * the two days before yesterday (still after every older ad), so no period filter sees a gap in order.
 */
function slotTime(slot: CreationSlot, now: number): number {
  const today = startOfUtcDay(now);
  const yesterday = today - DAY;
  const month = startOfUtcMonth(now);
  const monthStart = yesterday > month ? month : yesterday - 2 * DAY;
  const oldest = now - 400 * DAY;
  const [from, to] =
    slot.period === 3 ? [today, Math.max(today + 1, now)]
      : slot.period === 2 ? [yesterday, today]
        : slot.period === 1 ? [monthStart, yesterday]
          : [oldest, monthStart];
  return from + Math.floor(slot.at * (to - from));
}

/** A nominal age in days for statistics, from the slot alone (so figures do not move with the clock). */
function nominalAgeDays(slot: CreationSlot): number {
  return slot.period === 3 ? slot.at * 0.9 : slot.period === 2 ? 1 + slot.at : slot.period === 1 ? 2 + slot.at * 12 : 15 + slot.at * 385;
}

function statusFor(rng: Rng, cabinet: CabinetSpec, slot: CreationSlot): AdStatus {
  if (cabinet.status === 'inactive') return pickWeighted<AdStatus>(rng, [['stopped', 7], ['deleted', 3]]);
  if (slot.period >= 2) {
    return pickWeighted<AdStatus>(rng, [['in_review', 40], ['active', 40], ['declined', 10], ['stopped', 10]]);
  }
  return pickWeighted<AdStatus>(rng, [['active', 35], ['stopped', 30], ['deleted', 12], ['on_hold', 10], ['declined', 10], ['in_review', 3]]);
}

/** `adsScale` multiplies every cabinet's ad count (benchmarks of long lists); 1 keeps the documented seed. */
export function seedState(state: AdstatState, seed: number, now: number, adsScale = 1): void {
  const rng = new Rng(seed);
  state.bots.push(...BOTS.map((b) => ({ ...b })));
  const eligibleBots = BOTS.filter((b) => b.dailyUsers >= 1000);
  const leaves = state.kktu.leaves();

  for (const u of ADSTAT_SANDBOX_USERS) {
    const id = uuid(rng);
    state.users.set(id, { id, username: u.username, password: u.password, label: u.label });
  }

  interface Pending {
    spec: CabinetSpec;
    cabinet: Cabinet;
    campaignIds: number[];
    createdAt: number;
  }
  const pending: Pending[] = [];
  let campaignId = 4_567_100;
  for (const spec of CABINETS) {
    const user = state.userByName(spec.username)!;
    const cabinet: Cabinet = {
      accountId: `ACC${String(rng.int(1, 9_999_999_999)).padStart(10, '0')}`,
      userId: user.id,
      name: spec.name,
      mode: spec.mode,
      status: spec.status,
      country: spec.country,
      currency: 'EUR',
      available: spec.available,
      legalName: spec.legalName,
      categoryKey: spec.categoryKey,
      categoryName: spec.categoryName,
      pixelId: `px_${rng.hex(12)}`,
      createdAt: now - rng.int(420, 600) * DAY,
    };
    state.cabinets.set(cabinet.accountId, cabinet);
    const campaignIds: number[] = [];
    for (const [name, description] of spec.campaigns) {
      campaignId += rng.int(1, 40);
      state.campaigns.set(campaignId, {
        id: campaignId, accountId: cabinet.accountId, userId: user.id, name, description, createdAt: cabinet.createdAt, deleted: false,
      });
      campaignIds.push(campaignId);
    }
    for (const [title, size] of spec.audiences ?? []) {
      state.audiences.push({ telegramId: state.nextAudienceId++, accountId: cabinet.accountId, title, size, createdAt: cabinet.createdAt + rng.int(1, 60) * DAY });
    }
    spec.events.forEach(([title, type], i) => {
      const createdAt = cabinet.createdAt + rng.int(1, 90) * DAY;
      const active = i < spec.events.length - 1; // the last event of each cabinet is inactive
      state.pixelEvents.push({
        id: uuid(rng), pixelId: cabinet.pixelId, tgEventId: alnum(rng, 10), accountId: cabinet.accountId, title, type,
        status: active ? 'active' : 'inactive', createdAt, lastTriggeredAt: active ? now - rng.int(1, 48 * 60) * 60_000 : null,
      });
    });
    pending.push({ spec, cabinet, campaignIds, createdAt: cabinet.createdAt });
  }

  // Creation times across all cabinets, then ids in creation order (ids are global, as on the platform).
  // The order is by slot (period, then position), never by date, so it is the same at every start.
  const drafts: Array<{ owner: Pending; slot: CreationSlot }> = [];
  for (const owner of pending) {
    for (const slot of creationSlots(rng, Math.round(owner.spec.ads * adsScale))) drafts.push({ owner, slot });
  }
  drafts.sort((a, b) => a.slot.period - b.slot.period || a.slot.at - b.slot.at);

  let adId = 1_364_000;
  let telegramId = 700_000_000;
  const earliestAd = new Map<number, number>();
  for (const { owner, slot } of drafts) {
    const createdAt = slotTime(slot, now);
    adId += rng.int(1, 9);
    telegramId += rng.int(1, 50);
    const { spec, cabinet } = owner;
    const campaign = rng.pick(owner.campaignIds);
    if (!earliestAd.has(campaign)) earliestAd.set(campaign, createdAt);
    const status = statusFor(rng, spec, slot);
    const adType = pickWeighted<AdType>(rng, [['target_channels', 45], ['target_users', 20], ['target_bots', 15], ['target_search', 20]]);
    const promoteUrl = rng.pick(spec.objects);
    const invite = isInviteLink(promoteUrl);
    const website = !isTelegramLink(promoteUrl);
    const texts = TEXTS[spec.lang];
    const cpm = rng.money(0.5, 6);
    const budget = rng.money(5, 150);
    const statusUpdatedAt = status === 'in_review' ? createdAt : Math.min(now, createdAt + rng.int(10, Math.max(11, Math.floor((now - createdAt) / 60_000))) * 60_000);

    let mediaToken: string | null = null;
    let video = false;
    if (rng.chance(0.4)) {
      video = rng.chance(0.2);
      mediaToken = state.newMediaToken();
      state.media.set(mediaToken, {
        token: mediaToken, userId: cabinet.userId, accountId: cabinet.accountId,
        contentType: video ? 'video/mp4' : 'image/jpeg', kind: video ? 'video' : 'image',
        size: video ? rng.int(800_000, 30_000_000) : rng.int(40_000, 2_000_000),
        url: `https://cdn4.telesco.pe/file/${mediaToken}.${video ? 'mp4' : 'jpg'}`, uploadedAt: createdAt - rng.int(1, 60) * 60_000,
      });
    }

    // Statistics: spend a share of the budget at the ad's CPM, then clicks and goals from rates.
    let impressions = 0;
    let clicks = 0;
    let goals = 0;
    let spent = 0;
    if (status !== 'in_review' && status !== 'declined') {
      const ageDays = nominalAgeDays(slot);
      const share = status === 'on_hold' ? 1 : Math.min(0.95, rng.next() * Math.min(1, 0.1 + ageDays / 10));
      impressions = Math.floor(((budget * share) / cpm) * 1000);
      spent = round2((impressions * cpm) / 1000);
      if (status === 'on_hold') spent = budget; // budget exhausted: that is why it is on hold
      clicks = Math.round(impressions * (0.003 + rng.next() * 0.027));
      goals = Math.round(clicks * (0.02 + rng.next() * 0.23));
    }

    const events = state.pixelEvents.filter((e) => e.accountId === cabinet.accountId && e.status === 'active');
    const tgEventId = events.length > 0 && rng.chance(0.15) ? rng.pick(events).tgEventId : null;
    const uzAudiences = state.audiencesOf(cabinet.accountId);
    const schedule = pickWeighted<Schedule | null>(rng, [[FULL_WEEK, 6], [BUSINESS_HOURS, 2], [null, 2]]);
    const channels = adType === 'target_channels' && rng.chance(0.3) ? rng.sample(CHANNEL_POOL, rng.int(1, 3)) : [];
    const targetBots: TargetBot[] | null = adType === 'target_bots'
      ? rng.sample(eligibleBots, rng.int(1, 3)).map((b) => ({ id: b.id, url: `t.me/${b.username}`, title: b.title, photoUrl: b.photoUrl }))
      : null;
    const audiences = adType === 'target_users' && uzAudiences.length > 0 && rng.chance(0.4) ? [rng.pick(uzAudiences).telegramId] : [];
    const excludeAudiences = audiences.length > 0 && rng.chance(0.3)
      ? uzAudiences.filter((a) => !audiences.includes(a.telegramId)).slice(0, 1).map((a) => a.telegramId)
      : [];
    const startDate = rng.chance(0.1) ? new Date(createdAt + DAY).toISOString() : null;

    const ad: Advertisement = {
      id: adId,
      telegramId,
      userId: cabinet.userId,
      accountId: cabinet.accountId,
      campaignId: campaign,
      title: `${rng.pick(texts.titles)} #${(adId % 997) + 1}`,
      text: rng.pick(texts.texts),
      promoteUrl,
      adObject: invite ? spec.inviteTarget ?? null : null,
      promoteUrlType: website ? 'website' : 'channel',
      cpm,
      budget,
      dailyBudget: rng.chance(0.3) ? rng.money(1, 20) : 0,
      langs: [...spec.langs],
      topics: adType === 'target_channels' || adType === 'target_users' ? rng.sample([...TOPICS.keys()], rng.int(1, 3)) : [],
      topicsVerbose: [],
      channels: channels.map(([id]) => id),
      channelsVerbose: channels.map(([, url]) => url),
      excludeTopics: [],
      excludeTopicsVerbose: [],
      excludeChannels: [],
      excludeChannelsVerbose: [],
      mediaToken,
      otherInfo: spec.mode === 'manual_labeling' ? `erid: 2Vtzq${alnum(rng, 7)}` : null,
      splitBy: [],
      adSource: 'web_api',
      adType,
      countries: adType === 'target_users' ? [spec.country] : [],
      locations: [],
      audiences,
      excludeAudiences,
      websiteName: website ? spec.websiteName : '',
      viewsPerUser: rng.int(1, 3),
      showPicture: rng.chance(0.5),
      promoteUrlPictureId: null,
      excludePolitic: rng.chance(0.5) ? null : rng.chance(0.5),
      allTopicsInterestedUsers: adType === 'target_users' ? rng.chance(0.3) : null,
      device: rng.chance(0.5) ? 'all' : null,
      targetUserChannels: adType === 'target_users' && rng.chance(0.4) ? rng.sample(CHANNEL_POOL, 2).map(([, url]) => url) : [],
      excludeTargetUserChannels: [],
      buttonType: website ? rng.pick(['open_website', 'learn_more']) : null,
      afterModerationStatus: pickWeighted<AfterModerationStatus>(rng, [['active', 85], ['on hold', 15]]),
      startDate,
      endDate: startDate && rng.chance(0.5) ? new Date(createdAt + 31 * DAY).toISOString() : null,
      schedule,
      useSelectedTimezone: schedule !== null,
      scheduleTimezone: schedule !== null ? spec.timezone : null,
      currency: cabinet.currency,
      onlyCrypto: spec.categoryKey === 'finance' && rng.chance(0.3),
      excludeCrypto: false,
      kktuIds: spec.mode === 'auto_labeling'
        ? [rng.pick(leaves.filter((l) => spec.kktuGroups.includes(l.code.split('.')[0]!))).id]
        : [],
      targetSearch: adType === 'target_search' ? rng.sample(SEARCH_QUERIES[spec.lang], rng.int(1, 4)) : [],
      targetBots,
      tgEventId,
      actionType: tgEventId ? 'pixel_event' : null,
      status,
      statusUpdatedAt,
      createdAt,
      declineReasons: status === 'declined' ? rng.sample(DECLINE_REASONS, rng.int(1, 2)).map((r) => ({ ...r })) : [],
      stats: { impressions, clicks, goals, spent, opened: video ? Math.round(impressions * (0.1 + rng.next() * 0.3)) : null },
    };
    state.addAd(ad);
  }

  // Campaigns begin shortly before their first ad.
  for (const [id, first] of earliestAd) {
    const campaign = state.campaigns.get(id)!;
    campaign.createdAt = first - rng.int(1, 72) * HOUR;
  }

  state.nextAdId = adId + 1;
  state.nextTelegramId = telegramId + 1;
  state.nextCampaignId = campaignId + 1;
}
