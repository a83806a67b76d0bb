/**
 * Every documented write rule, table-driven: each row is a valid input with ONE violation, and the
 * test checks the typed ValidationError (the rule code and the field path) and that neither
 * simulator received a single request while the mutation ran. Rules that need the provider's data
 * (KKTU tree, campaigns, cabinets, pixel events, audiences, bot checks, ad details) are answered
 * from adgraph's shared cache: each such row first runs the same reads (its `warm` step), then the
 * counts are reset, then the violating input goes in. A second table breaks several rules in one
 * input and checks that the ValidationError lists every one of them.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

type Mutation = 'createAdvertisement' | 'updateAdvertisement' | 'setAdvertisementStatus' | 'createTonaiCampaign' | 'setTonaiCampaignStatus' | 'uploadMedia' | 'createAudience';
type Kind = 'auto' | 'manual' | 'uz';
type Vars = Record<string, unknown>;
type Issue = { field: string; rule: string; message: string };
type Result = { __typename: string; message?: string; issues?: Issue[] } & Record<string, unknown>;
interface FileSpec {
  name: string;
  type: string;
  content: Buffer | string;
}

interface Row {
  mutation: Mutation;
  rule: string;
  /** The issue's field path as the API prints it, e.g. "input.targeting.bots[0].url". */
  field: string;
  /** Tells rows of the same rule and field apart. */
  note?: string;
  /** A valid input with one violation (built when the test runs: it needs the simulator's seed). */
  input: () => Vars;
  /** The upload, for uploadMedia and createAudience. */
  file?: () => FileSpec;
  /** Other issues the same single violation necessarily implies: the list must be exactly these. */
  also?: [rule: string, field: string][];
  /** Reads that put the provider data the rule needs into adgraph's cache. */
  warm?: () => Promise<void>;
}

const INPUT_TYPE: Partial<Record<Mutation, string>> = {
  createAdvertisement: 'CreateAdvertisementInput',
  updateAdvertisement: 'UpdateAdvertisementInput',
  createTonaiCampaign: 'CreateTonaiCampaignInput',
  uploadMedia: 'UploadMediaInput',
  createAudience: 'CreateAudienceInput',
};

const RESULT = `__typename
  ... on MutationError { message }
  ... on ValidationError { issues { field rule message } }
  ... on ProviderFailure { code provider account }`;

/** KKTU ids from AdStat's published example (the simulator serves it verbatim). */
const KKTU = {
  level1: '0193d46f-1888-7553-8d09-53116794ddb3',
  level2: '0193d46f-1889-7cb1-b1a0-97f889d945ad',
  level3: '0193d46f-1889-7cb1-b1a0-9800191b62e9',
  otherLevel3: '0193d46f-1889-7cb1-b1a0-98184fd25317',
};

const DAY = 86_400_000;
const jpeg = (bytes = 4096) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(bytes - 4, 7)]);
const uzNumbers = (n: number) => Array.from({ length: n }, (_, i) => `998${String(900000000 + i)}`).join('\n');

let h: Harness;
let demo: string;

beforeAll(async () => {
  // No rate limit on either side, so warming reads never trip it; the cache TTLs stay the defaults.
  h = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
  demo = h.sandbox.adstat.state.userByName('demo')!.id;
});
afterAll(async () => {
  await h?.close();
});

// ---------- the seed ----------

const state = () => h.sandbox.adstat.state;

function cabinet(kind: Kind) {
  const found = state()
    .cabinetsOf(demo)
    .find((c) => c.status === 'active' && (kind === 'uz' ? c.country === 'UZ' : c.mode === (kind === 'auto' ? 'auto_labeling' : 'manual_labeling')));
  if (!found) throw new Error(`no active ${kind} cabinet in the seed`);
  return found;
}
const accountGid = (kind: Kind) => encodeGlobalID('Account', `ADSTAT:demo:${cabinet(kind).accountId}`);
function campaignGid(kind: Kind): string {
  const found = state()
    .campaignsOf(demo)
    .find((c) => c.accountId === cabinet(kind).accountId && !c.deleted);
  if (!found) throw new Error(`no campaign in the ${kind} cabinet`);
  return encodeGlobalID('AdstatCampaign', `demo:${found.id}`);
}
function adGid(kind: Kind | 'any', statuses: string[]): string {
  const ad = state()
    .adsOf(demo)
    .find((a) => statuses.includes(a.status) && (kind === 'any' || a.accountId === cabinet(kind).accountId));
  if (!ad) throw new Error(`no ${statuses.join('/')} advertisement in the ${kind} cabinet`);
  return encodeGlobalID('Advertisement', `demo:${ad.id}`);
}
function pixelEvent(kind: Kind): string {
  const event = state().pixelEventsOf(cabinet(kind).accountId)[0];
  if (!event) throw new Error(`no pixel event in the ${kind} cabinet`);
  return event.tgEventId;
}
function audience(kind: Kind): number {
  const found = state().audiencesOf(cabinet(kind).accountId)[0];
  if (!found) throw new Error(`no audience in the ${kind} cabinet`);
  return found.telegramId;
}
function bot(big: boolean): string {
  const found = state().bots.find((b) => (big ? b.dailyUsers >= 1000 : b.dailyUsers < 1000));
  if (!found) throw new Error('no such bot in the seed');
  return `t.me/${found.username}`;
}

// ---------- valid base inputs ----------

/** A valid createAdvertisement input for a cabinet, touching every provider-checked field (KKTU, pixel event, audiences). */
function newAd(kind: Kind, extra: Vars = {}): Vars {
  const { targeting, ...rest } = extra as { targeting?: Vars };
  return {
    campaignId: campaignGid(kind),
    title: 'Autumn launch',
    text: 'Our new channel about Telegram ads',
    adType: 'TARGET_CHANNELS',
    promoteUrl: 't.me/adgraph_news',
    cpm: '2.50',
    budget: '20',
    dailyBudget: '5',
    targeting: { languages: ['en'], topics: [1, 2], ...(kind === 'uz' ? { audiences: [audience('uz')] } : {}), ...targeting },
    schedule: { days: [{ day: 'MONDAY', hours: [9, 10, 11] }, { day: 'FRIDAY', hours: [18] }], timezoneOffsetSeconds: 10800 },
    erid: 'erid: 2VtzqwXYZ',
    kktuIds: [KKTU.level3],
    tgEventId: pixelEvent(kind),
    ...rest,
  };
}

/** A valid bot ad: the bots are AdStat's verdict to warm. */
const botAd = (kind: Kind, urls: string[], extra: Vars = {}) => newAd(kind, { adType: 'TARGET_BOTS', targeting: { bots: urls.map((url) => ({ url })) }, ...extra });

function campaign(extra: Vars = {}): Vars {
  return {
    accountId: encodeGlobalID('Account', 'TONAI:alpha:alpha'),
    name: 'adgraph launch',
    targeting: { includedRegions: ['CIS'], includedLanguages: ['ru'], platform: 'ANDROID' },
    budget: { daily: '10', total: '200.50', startTime: new Date(Date.now() + DAY).toISOString(), endTime: new Date(Date.now() + 30 * DAY).toISOString() },
    bidding: { billingType: 'CPC', costPer: '0.05' },
    creative: { popupImage: 'https://file.ton.ai/abc.png', icon: 'https://file.ton.ai/icon.png', actionType: 'VISIT_WEBSITE', destinationUrl: 'https://t.me/adgraph_bot/app', text: 'Try adgraph', brandName: 'adgraph', buttonText: 'Open' },
    ...extra,
  };
}
const tonaiWith = (part: 'targeting' | 'budget' | 'bidding' | 'creative', change: Vars) => () => {
  const base = campaign();
  return { ...base, [part]: { ...(base[part] as Vars), ...change } };
};

// ---------- calls ----------

async function run(mutation: Mutation, input: Vars, file?: FileSpec): Promise<Result> {
  let res;
  if (mutation === 'setAdvertisementStatus') {
    res = await h.gql<Record<string, Result>>(`mutation($ids: [ID!]!) { setAdvertisementStatus(ids: $ids, status: ACTIVE) { ${RESULT} } }`, input);
  } else if (mutation === 'setTonaiCampaignStatus') {
    res = await h.gql<Record<string, Result>>(`mutation($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: PAUSE) { ${RESULT} } }`, input);
  } else if (file) {
    res = await h.upload<Record<string, Result>>(`mutation($input: ${INPUT_TYPE[mutation]}!) { ${mutation}(input: $input) { ${RESULT} } }`, { input: { ...input, file: null } }, { 'input.file': file });
  } else {
    res = await h.gql<Record<string, Result>>(`mutation($input: ${INPUT_TYPE[mutation]}!) { ${mutation}(input: $input) { ${RESULT} } }`, { input });
  }
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![mutation]!;
}

async function read(query: string, variables?: Vars): Promise<Record<string, unknown>> {
  const res = await h.gql(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

const upstream = () => h.adstatCount() + h.tonaiCount();

/** Runs the mutation with counts reset first; returns its result and how many requests the simulators got meanwhile. */
async function refused(mutation: Mutation, input: Vars, file?: FileSpec): Promise<{ result: Result; requests: number }> {
  h.resetCounts();
  const before = upstream();
  const result = await run(mutation, input, file);
  return { result, requests: upstream() - before };
}

const listed = (issues: Issue[] | undefined) => (issues ?? []).map((i) => `${i.rule} ${i.field}`).sort();

// ---------- warming: the same reads the checks make ----------

/** A validateOnly run of a valid input for the cabinet: campaign list, cabinet list, KKTU tree, pixel events (and audiences in UZ). */
async function warmCreate(kind: Kind, extra: Vars = {}): Promise<void> {
  const result = await run('createAdvertisement', newAd(kind, { ...extra, validateOnly: true }));
  expect(result.__typename, JSON.stringify(result)).toBe('AdvertisementWrite');
}
/** AdStat's verdict on exactly these bots for the cabinet. */
async function warmBots(kind: Kind, bots: string[]): Promise<void> {
  await read(`query($account: ID!, $bots: [String!]!) { validateTargetBots(accountId: $account, bots: $bots) { bot ok } }`, { account: accountGid(kind), bots });
}
/** The cabinet lists of every login. */
async function warmAccounts(): Promise<void> {
  await read(`{ accounts(provider: ADSTAT) { id audiencesAllowed } }`);
}
/** The ad's details (a details field), the cabinet list and the KKTU tree. */
async function warmAd(id: string): Promise<void> {
  const data = await read(`query($id: ID!) { node(id: $id) { ... on Advertisement { id moderation { nonEditableFields } } } kktuTree { id } }`, { id });
  expect(data.node).toBeTruthy();
  await warmAccounts();
}

// ---------- the table: one violation per row ----------

const ca = (rule: string, field: string, input: () => Vars, more: Partial<Row> = {}): Row => ({ mutation: 'createAdvertisement', rule, field, input, ...more });
const ua = (rule: string, field: string, input: () => Vars, more: Partial<Row> = {}): Row => ({ mutation: 'updateAdvertisement', rule, field, input, ...more });
const tc = (rule: string, field: string, input: () => Vars, more: Partial<Row> = {}): Row => ({ mutation: 'createTonaiCampaign', rule, field, input, ...more });
const um = (rule: string, field: string, file: () => FileSpec, more: Partial<Row> = {}): Row => ({ mutation: 'uploadMedia', rule, field, file, input: () => ({ accountId: accountGid('manual') }), warm: warmAccounts, ...more });
const au = (rule: string, field: string, file: () => FileSpec, more: Partial<Row> = {}): Row => ({ mutation: 'createAudience', rule, field, file, input: () => ({ accountId: accountGid('uz'), title: 'Tashkent buyers' }), warm: warmAccounts, ...more });

const manualAd = () => newAd('manual');
const editOf = (kind: Kind | 'any', statuses: string[], change: Vars) => () => ({ id: adGid(kind, statuses), ...change });
const anyEdit = (change: Vars) => () => ({ id: adGid('manual', ['active']), ...change });
const validAudienceFile = (): FileSpec => ({ name: 'numbers.csv', type: 'text/csv', content: uzNumbers(1200) });

const ROWS: Row[] = [
  // createAdvertisement: static rules (nothing upstream is needed to refuse these)
  ca('REQUIRED', 'input.title', () => newAd('manual', { title: '   ' })),
  ca('REQUIRED', 'input.text', () => newAd('manual', { text: '' })),
  ca('AD_TYPE', 'input.adType', () => newAd('manual', { adType: 'UNKNOWN' })),
  ca('PROMOTE_URL', 'input.promoteUrl', () => newAd('manual', { promoteUrl: 'not a url' })),
  ca('AD_OBJECT_REQUIRED', 'input.adObject', () => newAd('manual', { promoteUrl: 't.me/+AbCdEf123' })),
  ca('AD_OBJECT_FORMAT', 'input.adObject', () => newAd('manual', { adObject: 'https://example.com/landing' })),
  ca('POSITIVE_MONEY', 'input.cpm', () => newAd('manual', { cpm: '0' })),
  ca('POSITIVE_MONEY', 'input.budget', () => newAd('manual', { budget: '-20' }), { also: [['DAILY_WITHIN_TOTAL', 'input.dailyBudget']] }),
  ca('POSITIVE_MONEY', 'input.dailyBudget', () => newAd('manual', { dailyBudget: '-1' })),
  ca('DAILY_WITHIN_TOTAL', 'input.dailyBudget', () => newAd('manual', { dailyBudget: '25' })),
  ca('CURRENCY', 'input.currency', () => newAd('manual', { currency: 'GBP' })),
  ca('TARGET_BOTS_REQUIRED', 'input.targeting.bots', () => newAd('manual', { adType: 'TARGET_BOTS' })),
  ca('TARGET_BOTS_ONLY_FOR_BOT_ADS', 'input.targeting.bots', () => newAd('manual', { targeting: { bots: [{ url: bot(true) }] } })),
  ca('SEARCH_QUERIES_REQUIRED', 'input.targeting.searchQueries', () => newAd('manual', { adType: 'TARGET_SEARCH', targeting: { searchQueries: [] } })),
  ca('VIEWS_PER_USER', 'input.targeting.viewsPerUser', () => newAd('manual', { targeting: { viewsPerUser: 0 } })),
  ca('AFTER_MODERATION_STATUS', 'input.afterModerationStatus', () => newAd('manual', { afterModerationStatus: 'IN_REVIEW' })),
  ca('SCHEDULE_DAY_TWICE', 'input.schedule.days[1].day', () => newAd('manual', { schedule: { days: [{ day: 'MONDAY', hours: [9] }, { day: 'MONDAY', hours: [10] }] } })),
  ca('SCHEDULE_HOUR', 'input.schedule.days[0].hours[1]', () => newAd('manual', { schedule: { days: [{ day: 'MONDAY', hours: [9, 24] }] } })),
  ca('SCHEDULE_HOUR_TWICE', 'input.schedule.days[0].hours[1]', () => newAd('manual', { schedule: { days: [{ day: 'MONDAY', hours: [9, 9] }] } })),
  ca('SCHEDULE_TIMEZONE', 'input.schedule.timezoneOffsetSeconds', () => newAd('manual', { schedule: { days: [{ day: 'MONDAY', hours: [9] }], timezoneOffsetSeconds: 10801 } }), { note: 'not whole minutes' }),
  ca('SCHEDULE_TIMEZONE', 'input.schedule.timezoneOffsetSeconds', () => newAd('manual', { schedule: { days: [{ day: 'MONDAY', hours: [9] }], timezoneOffsetSeconds: 15 * 3600 } }), { note: 'beyond +14 h' }),
  ca('DATES_ORDER', 'input.endDate', () => newAd('manual', { startDate: '2030-01-02T00:00:00Z', endDate: '2030-01-01T00:00:00Z' })),
  ca('KKTU_ONE', 'input.kktuIds', () => newAd('manual', { kktuIds: [KKTU.level3, KKTU.otherLevel3] })),

  // createAdvertisement: rules answered from the provider's data, read from the warmed cache
  ca('CAMPAIGN_NOT_FOUND', 'input.campaignId', () => newAd('manual', { campaignId: encodeGlobalID('AdstatCampaign', 'nobody:1') }), { note: 'login not configured' }),
  ca('CAMPAIGN_NOT_FOUND', 'input.campaignId', () => newAd('manual', { campaignId: encodeGlobalID('AdstatCampaign', 'demo:999999999') }), { note: 'not in the campaign list', warm: () => warmCreate('manual') }),
  ca('KKTU_REQUIRED', 'input.kktuIds', () => newAd('auto', { kktuIds: null }), { note: 'auto-labelling cabinet', warm: () => warmCreate('auto') }),
  ca('KKTU_UNKNOWN', 'input.kktuIds[0]', () => newAd('manual', { kktuIds: ['not-a-kktu-id'] }), { warm: () => warmCreate('manual') }),
  ca('KKTU_THIRD_LEVEL', 'input.kktuIds[0]', () => newAd('manual', { kktuIds: [KKTU.level2] }), { note: 'second level', warm: () => warmCreate('manual') }),
  ca('KKTU_THIRD_LEVEL', 'input.kktuIds[0]', () => newAd('auto', { kktuIds: [KKTU.level1] }), { note: 'first level, auto cabinet', warm: () => warmCreate('auto') }),
  ca('PIXEL_EVENT_NOT_IN_ACCOUNT', 'input.tgEventId', () => newAd('manual', { tgEventId: pixelEvent('auto') }), { warm: () => warmCreate('manual') }),
  ca('TARGET_BOT_REJECTED', 'input.targeting.bots[0].url', () => botAd('manual', [bot(false)]), {
    note: 'under 1000 daily users',
    warm: async () => {
      await warmCreate('manual');
      await warmBots('manual', [bot(false)]);
    },
  }),
  ca('TARGET_BOT_REJECTED', 'input.targeting.bots[1].url', () => botAd('manual', [bot(true), 't.me/no_such_bot_here']), {
    note: 'unknown bot',
    warm: async () => {
      await warmCreate('manual');
      await warmBots('manual', [bot(true), 't.me/no_such_bot_here']);
    },
  }),
  ca('AUDIENCES_NOT_ALLOWED', 'input.targeting.audiences', () => newAd('manual', { targeting: { audiences: [1] } }), { warm: () => warmCreate('manual') }),
  ca('AUDIENCES_NOT_ALLOWED', 'input.targeting.excludedAudiences', () => newAd('manual', { targeting: { excludedAudiences: [1] } }), { warm: () => warmCreate('manual') }),
  ca('AUDIENCE_NOT_FOUND', 'input.targeting.audiences[0]', () => newAd('uz', { targeting: { audiences: [999_999] } }), { warm: () => warmCreate('uz') }),
  ca('AUDIENCE_NOT_FOUND', 'input.targeting.excludedAudiences[0]', () => newAd('uz', { targeting: { excludedAudiences: [999_998] } }), { warm: () => warmCreate('uz') }),

  // updateAdvertisement: static rules
  ua('REQUIRED', 'input.title', anyEdit({ title: '' }), { note: 'empty' }),
  ua('REQUIRED', 'input.title', anyEdit({ title: null }), { note: 'null' }),
  ua('REQUIRED', 'input.text', anyEdit({ text: '  ' })),
  ua('REQUIRED', 'input.promoteUrl', anyEdit({ promoteUrl: '' })),
  ua('REQUIRED', 'input.cpm', anyEdit({ cpm: null })),
  ua('AD_OBJECT_REQUIRED', 'input.promoteUrl', anyEdit({ promoteUrl: 't.me/+AbCdEf123' })),
  ua('POSITIVE_MONEY', 'input.cpm', anyEdit({ cpm: '0' })),
  ua('POSITIVE_MONEY', 'input.dailyBudget', anyEdit({ dailyBudget: '-1' })),
  ua('VIEWS_PER_USER', 'input.viewsPerUser', anyEdit({ viewsPerUser: 0 })),
  ua('AFTER_MODERATION_STATUS', 'input.afterModerationStatus', anyEdit({ afterModerationStatus: 'DECLINED' })),
  ua('SCHEDULE_DAY_TWICE', 'input.schedule.days[1].day', anyEdit({ schedule: { days: [{ day: 'SUNDAY', hours: [1] }, { day: 'SUNDAY', hours: [2] }] } })),
  ua('SCHEDULE_HOUR', 'input.schedule.days[0].hours[0]', anyEdit({ schedule: { days: [{ day: 'SUNDAY', hours: [-1] }] } })),
  ua('SCHEDULE_HOUR_TWICE', 'input.schedule.days[0].hours[2]', anyEdit({ schedule: { days: [{ day: 'SUNDAY', hours: [3, 4, 3] }] } })),
  ua('SCHEDULE_TIMEZONE', 'input.schedule.timezoneOffsetSeconds', anyEdit({ schedule: { days: [{ day: 'SUNDAY', hours: [1] }], timezoneOffsetSeconds: -13 * 3600 } })),
  ua('DATES_ORDER', 'input.endDate', anyEdit({ startDate: '2030-01-01T00:00:00Z', endDate: '2030-01-01T00:00:00Z' })),
  ua('KKTU_ONE', 'input.kktuIds', anyEdit({ kktuIds: [KKTU.level3, KKTU.otherLevel3] })),

  // updateAdvertisement: rules answered from the ad's details, the cabinet list and the KKTU tree
  ua('ADVERTISEMENT_NOT_FOUND', 'input.id', () => ({ id: encodeGlobalID('Advertisement', 'nobody:1'), title: 'x' }), { note: 'login not configured' }),
  ua('IMPOSSIBLE_ID', 'input.id', () => ({ id: encodeGlobalID('Advertisement', 'demo:abc'), title: 'x' }), { note: 'not a number' }),
  ua('IMPOSSIBLE_ID', 'input.id', () => ({ id: encodeGlobalID('Advertisement', 'demo:0'), title: 'x' }), { note: 'zero' }),
  ua('IMPOSSIBLE_ID', 'input.id', () => ({ id: encodeGlobalID('Advertisement', 'demo:-1364005'), title: 'x' }), { note: 'negative' }),
  (() => {
    const input = editOf('manual', ['active'], {});
    return ua('NOTHING_TO_CHANGE', 'input', input, { warm: () => warmAd(input().id as string) });
  })(),
  (() => {
    const input = editOf('any', ['deleted'], { title: 'Revived' });
    return ua('ADVERTISEMENT_DELETED', 'input.id', input, { also: [['NOT_EDITABLE', 'input.title']], warm: () => warmAd(input().id as string) });
  })(),
  (() => {
    const input = editOf('manual', ['active'], { promoteUrl: 't.me/another_channel' });
    return ua('NOT_EDITABLE', 'input.promoteUrl', input, { note: 'approved ad', warm: () => warmAd(input().id as string) });
  })(),
  (() => {
    const input = editOf('auto', ['active', 'stopped'], { kktuIds: [KKTU.otherLevel3] });
    return ua('NOT_EDITABLE', 'input.kktuIds', input, { note: 'approved ad, auto cabinet', warm: () => warmAd(input().id as string) });
  })(),
  (() => {
    const input = editOf('auto', ['in_review', 'declined'], { kktuIds: [] });
    return ua('KKTU_REQUIRED', 'input.kktuIds', input, { note: 'auto cabinet', warm: () => warmAd(input().id as string) });
  })(),
  (() => {
    const input = editOf('manual', ['active'], { kktuIds: ['not-a-kktu-id'] });
    return ua('KKTU_UNKNOWN', 'input.kktuIds[0]', input, { warm: () => warmAd(input().id as string) });
  })(),
  (() => {
    const input = editOf('manual', ['active'], { kktuIds: [KKTU.level2] });
    return ua('KKTU_THIRD_LEVEL', 'input.kktuIds[0]', input, { warm: () => warmAd(input().id as string) });
  })(),

  // setAdvertisementStatus / setTonaiCampaignStatus: the id count
  { mutation: 'setAdvertisementStatus', rule: 'IDS_COUNT', field: 'ids', note: 'none', input: () => ({ ids: [] }) },
  { mutation: 'setAdvertisementStatus', rule: 'IDS_COUNT', field: 'ids', note: '501', input: () => ({ ids: Array.from({ length: 501 }, (_, i) => encodeGlobalID('Advertisement', `demo:${i + 1}`)) }) },
  { mutation: 'setTonaiCampaignStatus', rule: 'IDS_COUNT', field: 'ids', note: 'none', input: () => ({ ids: [] }) },
  { mutation: 'setTonaiCampaignStatus', rule: 'IDS_COUNT', field: 'ids', note: '101', input: () => ({ ids: Array.from({ length: 101 }, (_, i) => encodeGlobalID('TonaiCampaign', `alpha:${i + 1}`)) }) },

  // createTonaiCampaign
  tc('ACCOUNT', 'input.accountId', () => campaign({ accountId: accountGid('manual') }), { note: 'an AdStat account' }),
  tc('ACCOUNT', 'input.accountId', () => campaign({ accountId: encodeGlobalID('Account', 'TONAI:nokey:nokey') }), { note: 'key not configured' }),
  tc('LENGTH', 'input.name', () => campaign({ name: '   ' }), { note: 'empty' }),
  tc('LENGTH', 'input.name', () => campaign({ name: 'n'.repeat(101) }), { note: 'too long' }),
  tc('REGION', 'input.targeting.includedRegions[1]', tonaiWith('targeting', { includedRegions: ['CIS', 'Atlantis'] })),
  tc('REGION', 'input.targeting.excludedRegions[0]', tonaiWith('targeting', { excludedRegions: ['Mars'] })),
  tc('LANGUAGE', 'input.targeting.includedLanguages[0]', tonaiWith('targeting', { includedLanguages: ['russian'] })),
  tc('LANGUAGE', 'input.targeting.excludedLanguages[0]', tonaiWith('targeting', { excludedLanguages: ['EN'] })),
  tc('REGION_BOTH', 'input.targeting.excludedRegions', tonaiWith('targeting', { excludedRegions: ['CIS'] })),
  tc('POSITIVE_MONEY', 'input.budget.daily', tonaiWith('budget', { daily: '0' })),
  tc('POSITIVE_MONEY', 'input.budget.total', tonaiWith('budget', { total: '-1' }), { also: [['DAILY_WITHIN_TOTAL', 'input.budget.daily']] }),
  tc('POSITIVE_MONEY', 'input.bidding.costPer', tonaiWith('bidding', { costPer: '0' })),
  tc('DAILY_WITHIN_TOTAL', 'input.budget.daily', tonaiWith('budget', { daily: '300' })),
  tc('START_BEFORE_END', 'input.budget.endTime', () => tonaiWith('budget', { startTime: new Date(Date.now() + 40 * DAY).toISOString() })()),
  tc('END_IN_FUTURE', 'input.budget.endTime', () => tonaiWith('budget', { startTime: new Date(Date.now() - 3 * DAY).toISOString(), endTime: new Date(Date.now() - DAY).toISOString() })()),
  tc('URL', 'input.creative.popupImage', tonaiWith('creative', { popupImage: 'file.ton.ai/abc.png' })),
  tc('URL', 'input.creative.icon', tonaiWith('creative', { icon: 'ftp://file.ton.ai/icon.png' })),
  tc('URL', 'input.creative.destinationUrl', tonaiWith('creative', { destinationUrl: 'not a url' })),
  tc('TELEGRAM_URL', 'input.creative.destinationUrl', tonaiWith('creative', { actionType: 'JOIN_TELEGRAM', destinationUrl: 'https://example.com/app' })),
  tc('LENGTH', 'input.creative.text', tonaiWith('creative', { text: 'x'.repeat(51) })),
  tc('LENGTH', 'input.creative.brandName', tonaiWith('creative', { brandName: ' ' })),
  tc('LENGTH', 'input.creative.buttonText', tonaiWith('creative', { buttonText: 'b'.repeat(21) })),

  // uploadMedia (cabinet list warmed; file rules are checked while the file streams in)
  um('ACCOUNT', 'input.accountId', () => ({ name: 'banner.jpg', type: 'image/jpeg', content: jpeg() }), { note: 'a TON.ai account', input: () => ({ accountId: encodeGlobalID('Account', 'TONAI:alpha:alpha') }), warm: undefined }),
  um('ACCOUNT', 'input.accountId', () => ({ name: 'banner.jpg', type: 'image/jpeg', content: jpeg() }), { note: 'login not configured', input: () => ({ accountId: encodeGlobalID('Account', 'ADSTAT:nobody:ACC1') }), warm: undefined }),
  um('ACCOUNT', 'input.accountId', () => ({ name: 'banner.jpg', type: 'image/jpeg', content: jpeg() }), { note: 'no such cabinet', input: () => ({ accountId: encodeGlobalID('Account', 'ADSTAT:demo:ACC0000000000') }) }),
  um('MEDIA_TYPE', 'input.file', () => ({ name: 'banner.png', type: 'image/png', content: '\x89PNG\r\n\x1a\n........' })),
  um('MEDIA_CONTENT', 'input.file', () => ({ name: 'fake.jpg', type: 'image/jpeg', content: 'GIF89a not a jpeg at all, really' }), { note: 'image' }),
  um('MEDIA_CONTENT', 'input.file', () => ({ name: 'fake.mp4', type: 'video/mp4', content: jpeg() }), { note: 'video' }),
  um('FILE_EMPTY', 'input.file', () => ({ name: 'empty.jpg', type: 'image/jpeg', content: Buffer.alloc(0) })),
  um('FILE_TOO_LARGE', 'input.file', () => ({ name: 'huge.jpg', type: 'image/jpeg', content: jpeg(10 * 1024 * 1024 + 1) })),

  // createAudience (cabinet list warmed)
  au('REQUIRED', 'input.title', validAudienceFile, { input: () => ({ accountId: accountGid('uz'), title: '  ' }), warm: undefined }),
  au('LENGTH', 'input.title', validAudienceFile, { input: () => ({ accountId: accountGid('uz'), title: 't'.repeat(256) }), warm: undefined }),
  au('ACCOUNT', 'input.accountId', validAudienceFile, { note: 'a TON.ai account', input: () => ({ accountId: encodeGlobalID('Account', 'TONAI:alpha:alpha'), title: 'x' }), warm: undefined }),
  au('ACCOUNT', 'input.accountId', validAudienceFile, { note: 'no such cabinet', input: () => ({ accountId: encodeGlobalID('Account', 'ADSTAT:demo:ACC0000000000'), title: 'x' }) }),
  au('AUDIENCES_NOT_ALLOWED', 'input.accountId', validAudienceFile, { input: () => ({ accountId: accountGid('manual'), title: 'x' }) }),
  au('AUDIENCE_FILE_TYPE', 'input.file', () => ({ name: 'numbers.pdf', type: 'application/pdf', content: uzNumbers(1200) })),
  au('AUDIENCE_ENTRY', 'input.file', () => ({ name: 'numbers.txt', type: 'text/plain', content: `${uzNumbers(5)}\n+79001234567\n${uzNumbers(1200)}` })),
  au('AUDIENCE_MIN_ENTRIES', 'input.file', () => ({ name: 'numbers.txt', type: 'text/plain', content: uzNumbers(999) })),
  au('FILE_TOO_LARGE', 'input.file', () => ({ name: 'numbers.txt', type: 'text/plain', content: `${uzNumbers(1000)}\n`.repeat(820) })),
];

const titleOf = (r: Pick<Row, 'mutation' | 'rule' | 'field' | 'note'>) => `${r.mutation}: ${r.rule} — ${r.field}${r.note ? ` (${r.note})` : ''}`;

describe('the valid base inputs pass every rule (so each row breaks exactly one)', () => {
  it.each(['auto', 'manual', 'uz'] as const)('createAdvertisement in the %s cabinet (validateOnly)', async (kind) => {
    await warmCreate(kind);
    await warmCreate(kind, { adType: 'TARGET_BOTS', targeting: { bots: [{ url: bot(true) }] } });
  });
  it('updateAdvertisement of an approved ad (validateOnly)', async () => {
    const result = await run('updateAdvertisement', { id: adGid('manual', ['active']), title: 'New title', kktuIds: [KKTU.level3], validateOnly: true });
    expect(result.__typename, JSON.stringify(result)).toBe('AdvertisementWrite');
  });
  it('createTonaiCampaign (validateOnly)', async () => {
    const result = await run('createTonaiCampaign', campaign({ validateOnly: true }));
    expect(result.__typename, JSON.stringify(result)).toBe('TonaiCampaignWrite');
  });
  it('createAudience in the Uzbekistan cabinet (validateOnly)', async () => {
    const result = await run('createAudience', { accountId: accountGid('uz'), title: 'Tashkent buyers', validateOnly: true }, validAudienceFile());
    expect(result.__typename, JSON.stringify(result)).toBe('AudienceWrite');
  });
});

describe('each documented rule: a typed ValidationError, and nothing sent upstream', () => {
  for (const row of ROWS) {
    it(titleOf(row), async () => {
      await row.warm?.();
      const { result, requests } = await refused(row.mutation, row.input(), row.file?.());
      expect(result.__typename, JSON.stringify(result)).toBe('ValidationError');
      expect(result.issues).toContainEqual(expect.objectContaining({ rule: row.rule, field: row.field }));
      expect(listed(result.issues)).toEqual([[row.rule, row.field], ...(row.also ?? [])].map(([rule, field]) => `${rule} ${field}`).sort());
      expect(requests, 'requests to the simulators during the mutation').toBe(0);
    });
  }

  it('control: with a cold cache the same check does go upstream (so the zero counts above are earned by the cache)', async () => {
    h.clearCache();
    const { result, requests } = await refused('createAdvertisement', newAd('manual', { kktuIds: ['not-a-kktu-id'] }));
    expect(result.issues).toContainEqual(expect.objectContaining({ rule: 'KKTU_UNKNOWN', field: 'input.kktuIds[0]' }));
    expect(requests).toBeGreaterThan(0);
  });
});

// ---------- several rules broken at once ----------

interface Combined {
  name: string;
  mutation: Mutation;
  input: () => Vars;
  file?: () => FileSpec;
  warm?: () => Promise<void>;
  /** Every [rule, field] the input breaks. */
  issues: [rule: string, field: string][];
}

const COMBINED: Combined[] = [
  {
    name: 'createAdvertisement, input rules',
    mutation: 'createAdvertisement',
    input: () =>
      newAd('manual', {
        title: ' ',
        text: '',
        adType: 'TARGET_SEARCH',
        promoteUrl: 'not a url',
        adObject: 'example.com/landing',
        cpm: '0',
        budget: '-5',
        dailyBudget: '1',
        currency: 'XYZ',
        targeting: { bots: [{ url: bot(true) }], viewsPerUser: 0 },
        afterModerationStatus: 'DECLINED',
        schedule: { days: [{ day: 'MONDAY', hours: [24, 5, 5] }, { day: 'MONDAY', hours: [1] }], timezoneOffsetSeconds: 30 },
        startDate: '2030-02-01T00:00:00Z',
        endDate: '2030-01-01T00:00:00Z',
        kktuIds: [KKTU.level3, KKTU.otherLevel3],
      }),
    issues: [
      ['REQUIRED', 'input.title'],
      ['REQUIRED', 'input.text'],
      ['PROMOTE_URL', 'input.promoteUrl'],
      ['AD_OBJECT_FORMAT', 'input.adObject'],
      ['POSITIVE_MONEY', 'input.cpm'],
      ['POSITIVE_MONEY', 'input.budget'],
      ['DAILY_WITHIN_TOTAL', 'input.dailyBudget'],
      ['CURRENCY', 'input.currency'],
      ['TARGET_BOTS_ONLY_FOR_BOT_ADS', 'input.targeting.bots'],
      ['SEARCH_QUERIES_REQUIRED', 'input.targeting.searchQueries'],
      ['VIEWS_PER_USER', 'input.targeting.viewsPerUser'],
      ['AFTER_MODERATION_STATUS', 'input.afterModerationStatus'],
      ['SCHEDULE_HOUR', 'input.schedule.days[0].hours[0]'],
      ['SCHEDULE_HOUR_TWICE', 'input.schedule.days[0].hours[2]'],
      ['SCHEDULE_DAY_TWICE', 'input.schedule.days[1].day'],
      ['SCHEDULE_TIMEZONE', 'input.schedule.timezoneOffsetSeconds'],
      ['DATES_ORDER', 'input.endDate'],
      ['KKTU_ONE', 'input.kktuIds'],
    ],
  },
  {
    name: 'createAdvertisement, provider rules (auto-labelling cabinet)',
    mutation: 'createAdvertisement',
    input: () => newAd('auto', { adType: 'TARGET_BOTS', kktuIds: null, tgEventId: pixelEvent('manual'), targeting: { bots: [bot(true), bot(false), 't.me/no_such_bot_here'].map((url) => ({ url })), audiences: [1] } }),
    warm: async () => {
      await warmCreate('auto');
      await warmBots('auto', [bot(true), bot(false), 't.me/no_such_bot_here']);
    },
    issues: [
      ['KKTU_REQUIRED', 'input.kktuIds'],
      ['PIXEL_EVENT_NOT_IN_ACCOUNT', 'input.tgEventId'],
      ['TARGET_BOT_REJECTED', 'input.targeting.bots[1].url'],
      ['TARGET_BOT_REJECTED', 'input.targeting.bots[2].url'],
      ['AUDIENCES_NOT_ALLOWED', 'input.targeting.audiences'],
    ],
  },
  {
    name: 'createAdvertisement, provider rules (Uzbekistan cabinet)',
    mutation: 'createAdvertisement',
    input: () => newAd('uz', { kktuIds: [KKTU.level2], tgEventId: pixelEvent('manual'), targeting: { audiences: [audience('uz'), 999_999], excludedAudiences: [999_998] } }),
    warm: () => warmCreate('uz'),
    issues: [
      ['KKTU_THIRD_LEVEL', 'input.kktuIds[0]'],
      ['PIXEL_EVENT_NOT_IN_ACCOUNT', 'input.tgEventId'],
      ['AUDIENCE_NOT_FOUND', 'input.targeting.audiences[1]'],
      ['AUDIENCE_NOT_FOUND', 'input.targeting.excludedAudiences[0]'],
    ],
  },
  {
    name: 'updateAdvertisement, input rules',
    mutation: 'updateAdvertisement',
    input: anyEdit({
      title: '',
      text: null,
      promoteUrl: 't.me/joinchat/AbCdEf',
      cpm: '0',
      dailyBudget: '-1',
      viewsPerUser: 0,
      afterModerationStatus: 'DELETED',
      schedule: { days: [{ day: 'TUESDAY', hours: [7, 7, 30] }, { day: 'TUESDAY', hours: [] }], timezoneOffsetSeconds: 51 * 3600 },
      startDate: '2030-02-01T00:00:00Z',
      endDate: '2030-01-01T00:00:00Z',
      kktuIds: [KKTU.level3, KKTU.otherLevel3],
    }),
    issues: [
      ['REQUIRED', 'input.title'],
      ['REQUIRED', 'input.text'],
      ['AD_OBJECT_REQUIRED', 'input.promoteUrl'],
      ['POSITIVE_MONEY', 'input.cpm'],
      ['POSITIVE_MONEY', 'input.dailyBudget'],
      ['VIEWS_PER_USER', 'input.viewsPerUser'],
      ['AFTER_MODERATION_STATUS', 'input.afterModerationStatus'],
      ['SCHEDULE_HOUR_TWICE', 'input.schedule.days[0].hours[1]'],
      ['SCHEDULE_HOUR', 'input.schedule.days[0].hours[2]'],
      ['SCHEDULE_DAY_TWICE', 'input.schedule.days[1].day'],
      ['SCHEDULE_TIMEZONE', 'input.schedule.timezoneOffsetSeconds'],
      ['DATES_ORDER', 'input.endDate'],
      ['KKTU_ONE', 'input.kktuIds'],
    ],
  },
  (() => {
    const input = editOf('auto', ['active', 'stopped'], { promoteUrl: 't.me/another_channel', kktuIds: ['not-a-kktu-id'] });
    return {
      name: 'updateAdvertisement, provider rules (approved ad, auto-labelling cabinet)',
      mutation: 'updateAdvertisement' as const,
      input,
      warm: () => warmAd(input().id as string),
      issues: [
        ['NOT_EDITABLE', 'input.promoteUrl'],
        ['NOT_EDITABLE', 'input.kktuIds'],
        ['KKTU_UNKNOWN', 'input.kktuIds[0]'],
      ] as [string, string][],
    };
  })(),
  {
    name: 'createTonaiCampaign',
    mutation: 'createTonaiCampaign',
    input: () =>
      campaign({
        name: '',
        targeting: { includedRegions: ['Atlantis', 'CIS'], excludedRegions: ['CIS', 'Mars'], includedLanguages: ['russian'], excludedLanguages: ['EN'] },
        budget: { daily: '0', total: '-5', startTime: new Date(Date.now() - DAY).toISOString(), endTime: new Date(Date.now() - 2 * DAY).toISOString() },
        bidding: { billingType: 'CPM', costPer: '0' },
        creative: { popupImage: 'not a url', icon: 'ftp://file.ton.ai/i.png', actionType: 'JOIN_TELEGRAM', destinationUrl: 'https://example.com', text: 'x'.repeat(51), brandName: '', buttonText: 'A button label far too long' },
      }),
    issues: [
      ['LENGTH', 'input.name'],
      ['REGION', 'input.targeting.includedRegions[0]'],
      ['REGION', 'input.targeting.excludedRegions[1]'],
      ['LANGUAGE', 'input.targeting.includedLanguages[0]'],
      ['LANGUAGE', 'input.targeting.excludedLanguages[0]'],
      ['REGION_BOTH', 'input.targeting.excludedRegions'],
      ['POSITIVE_MONEY', 'input.budget.daily'],
      ['POSITIVE_MONEY', 'input.budget.total'],
      ['DAILY_WITHIN_TOTAL', 'input.budget.daily'],
      ['START_BEFORE_END', 'input.budget.endTime'],
      ['END_IN_FUTURE', 'input.budget.endTime'],
      ['POSITIVE_MONEY', 'input.bidding.costPer'],
      ['URL', 'input.creative.popupImage'],
      ['URL', 'input.creative.icon'],
      ['TELEGRAM_URL', 'input.creative.destinationUrl'],
      ['LENGTH', 'input.creative.text'],
      ['LENGTH', 'input.creative.brandName'],
      ['LENGTH', 'input.creative.buttonText'],
    ],
  },
  {
    name: 'createAudience',
    mutation: 'createAudience',
    input: () => ({ accountId: accountGid('uz'), title: ' '.repeat(256) }),
    file: validAudienceFile,
    issues: [
      ['REQUIRED', 'input.title'],
      ['LENGTH', 'input.title'],
    ],
  },
];

for (const combined of COMBINED) {
  describe(`several rules broken at once: ${combined.name}`, () => {
    // One run of the combined input, shared by this block's tests.
    let outcome: Promise<{ result: Result; requests: number }> | undefined;
    const once = () =>
      (outcome ??= (async () => {
        await combined.warm?.();
        return refused(combined.mutation, combined.input(), combined.file?.());
      })());

    it('is one ValidationError listing exactly the broken rules, and nothing is sent upstream', async () => {
      const { result, requests } = await once();
      expect(result.__typename, JSON.stringify(result)).toBe('ValidationError');
      expect(listed(result.issues)).toEqual(combined.issues.map(([rule, field]) => `${rule} ${field}`).sort());
      expect(requests, 'requests to the simulators during the mutation').toBe(0);
    });

    for (const [rule, field] of combined.issues) {
      it(`lists ${titleOf({ mutation: combined.mutation, rule, field })}`, async () => {
        const { result } = await once();
        expect(result.issues).toContainEqual(expect.objectContaining({ rule, field }));
      });
    }
  });
}
