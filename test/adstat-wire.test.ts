/**
 * AdStat's wire to the letter of its docs, over real HTTP against the simulator (which refuses what
 * the docs do not describe): lists as repeated parameters, bots by bare username and with their
 * ids, the Pixel Tag event on edit, and nothing impossible sent up or false reported back.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

const LIST = 'GET /api/v2/advertisement';
const VALIDATE = 'GET /api/advertisement/bots/validate';
const CREATE = 'POST /api/advertisement/telegram';
const EDIT = 'PUT /api/advertisement/telegram/:ad_id';
const STATUS = 'POST /api/advertisement/telegram/status';

/** The sandbox's campaign whose name contains a comma (split at it, its pieces match other campaigns). */
const COMMA_CAMPAIGN = 'Always-on: wallet, trading';

const RESULT = `__typename
  ... on MutationError { message }
  ... on ValidationError { issues { field rule message } }
  ... on ProviderFailure { code provider account }`;
const AD_WRITE = '... on AdvertisementWrite { validateOnly request { method path body } advertisement { id providerId pixelEvent { tgEventId } } }';

type Result = { __typename: string; message?: string; code?: string; issues?: { field: string; rule: string; message: string }[] } & Record<string, unknown>;

let h: Harness;
let demo: string;

beforeAll(async () => {
  h = await startHarness();
  demo = h.sandbox.adstat.state.userByName('demo')!.id;
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.clearCache();
  h.resetCounts();
  h.sandbox.adstat.resetRateLimits();
  h.sandbox.adstat.server.controls.clearFaults();
});

const state = () => h.sandbox.adstat.state;
/** The query strings the simulator received at an endpoint, parsed. */
const queriesAt = (endpoint: string) => h.sandbox.adstat.server.controls.log.filter((r) => r.endpoint === endpoint).map((r) => new URLSearchParams(r.query));

function euCabinet() {
  const found = state().cabinetsOf(demo).find((c) => c.mode === 'manual_labeling' && c.status === 'active');
  if (!found) throw new Error('no active manual cabinet in the seed');
  return found;
}
function campaignGid(accountId: string): string {
  const campaign = state().campaignsOf(demo).find((c) => c.accountId === accountId)!;
  return encodeGlobalID('AdstatCampaign', `demo:${campaign.id}`);
}
const accountGid = (accountId: string) => encodeGlobalID('Account', `ADSTAT:demo:${accountId}`);
const adGid = (id: number | string) => encodeGlobalID('Advertisement', `demo:${id}`);

function newAd(extra: Record<string, unknown> = {}) {
  return {
    campaignId: campaignGid(euCabinet().accountId),
    title: 'Wire check',
    text: 'An advertisement the wire tests create',
    adType: 'TARGET_CHANNELS',
    promoteUrl: 't.me/adgraph_news',
    cpm: '2.50',
    budget: '5',
    targeting: { languages: ['en'] },
    erid: 'erid: 2VtzqWIRE',
    ...extra,
  };
}

async function mutate(name: string, inputType: string, input: Record<string, unknown>, selection = ''): Promise<Result> {
  const res = await h.gql<Record<string, Result>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![name]!;
}

type AdRow = { providerId: string; title: string; campaignName: string };
async function listAds(filter: { campaignNames?: string[]; titles?: string[] }): Promise<AdRow[]> {
  const res = await h.gql<{ advertisements: { nodes: AdRow[] } }>(
    `query($names: [String!], $titles: [String!]) { advertisements(first: 5000, connectionId: "demo", campaignNames: $names, titles: $titles) { nodes { providerId title campaignName } } }`,
    { names: filter.campaignNames ?? null, titles: filter.titles ?? null },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.advertisements.nodes;
}

/** What the simulator holds for a filter: not deleted, any one value contained (case-insensitive). */
function expectedIds(match: (ad: { title: string; campaignName: string }) => boolean): number[] {
  return state()
    .adsOf(demo)
    .filter((ad) => ad.status !== 'deleted' && match({ title: ad.title, campaignName: state().campaigns.get(ad.campaignId)!.name }))
    .map((ad) => ad.id)
    .sort((a, b) => a - b);
}
const idsOf = (rows: AdRow[]) => rows.map((r) => Number(r.providerId)).sort((a, b) => a - b);

describe('multi-valued filters go as repeated parameters', () => {
  it('a campaign name with a comma finds exactly its ads', async () => {
    const rows = await listAds({ campaignNames: [COMMA_CAMPAIGN] });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.campaignName))).toEqual(new Set([COMMA_CAMPAIGN]));
    expect(idsOf(rows)).toEqual(expectedIds((ad) => ad.campaignName === COMMA_CAMPAIGN));
    for (const q of queriesAt(LIST)) expect(q.getAll('campaign_names')).toEqual([COMMA_CAMPAIGN]);
  });

  it('two campaign names give the union of their ads, one parameter each', async () => {
    const names = ['Wallet launch', 'Курс аналитики'];
    const rows = await listAds({ campaignNames: names });
    expect(new Set(rows.map((r) => r.campaignName))).toEqual(new Set(['Wallet launch', 'Курс аналитики данных']));
    expect(idsOf(rows)).toEqual(expectedIds((ad) => names.some((n) => ad.campaignName.toLowerCase().includes(n.toLowerCase()))));
    expect(queriesAt(LIST).length).toBeGreaterThan(0);
    for (const q of queriesAt(LIST)) expect(q.getAll('campaign_names')).toEqual(names);
  });

  it('two titles give the union of their ads, one parameter each', async () => {
    const titles = [...new Set(state().adsOf(demo).filter((a) => a.status !== 'deleted').map((a) => a.title))].slice(0, 2);
    expect(titles).toHaveLength(2);
    const rows = await listAds({ titles });
    expect(idsOf(rows)).toEqual(expectedIds((ad) => titles.some((t) => ad.title.toLowerCase().includes(t.toLowerCase()))));
    expect(new Set(rows.map((r) => r.title)).size).toBeGreaterThanOrEqual(2);
    for (const q of queriesAt(LIST)) expect(q.getAll('advertisement_titles')).toEqual(titles);
  });
});

const VALIDATE_QUERY = `query($account: ID!, $bots: [String!]!) { validateTargetBots(accountId: $account, bots: $bots) { bot ok telegramId url errorCode } }`;
type Verdict = { bot: string; ok: boolean; telegramId: number | null; url: string | null; errorCode: string | null };

describe('bots go to AdStat as bare usernames', () => {
  it('asks bots/validate by username whatever form the caller used, and answers under the caller’s form', async () => {
    const bots = state().bots;
    const big = bots.filter((b) => b.dailyUsers >= 1000);
    const small = bots.find((b) => b.dailyUsers < 1000)!;
    const asked = [`t.me/${big[0]!.username}`, `https://t.me/${big[1]!.username}`, `@${big[2]!.username}`, small.username, `HTTPS://T.ME/${big[0]!.username.toUpperCase()}/`];
    const res = await h.gql<{ validateTargetBots: Verdict[] }>(VALIDATE_QUERY, { account: accountGid(euCabinet().accountId), bots: asked });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.validateTargetBots).toEqual([
      { bot: asked[0], ok: true, telegramId: big[0]!.id, url: `t.me/${big[0]!.username}`, errorCode: null },
      { bot: asked[1], ok: true, telegramId: big[1]!.id, url: `t.me/${big[1]!.username}`, errorCode: null },
      { bot: asked[2], ok: true, telegramId: big[2]!.id, url: `t.me/${big[2]!.username}`, errorCode: null },
      { bot: asked[3], ok: false, telegramId: null, url: null, errorCode: 'advertisement__target_bot_daily_users_limit_error' },
      { bot: asked[4], ok: true, telegramId: big[0]!.id, url: `t.me/${big[0]!.username}`, errorCode: null },
    ]);
    // One question per bot, each a bare username (the same bot in two spellings is asked once).
    expect(queriesAt(VALIDATE).map((q) => q.getAll('bots'))).toEqual([[big[0]!.username, big[1]!.username, big[2]!.username, small.username]]);
  });

  it('refuses a bot that no username can name, before asking AdStat', async () => {
    const res = await h.gql<{ validateTargetBots: Verdict[] }>(VALIDATE_QUERY, { account: accountGid(euCabinet().accountId), bots: ['bot_1', 't.me/+AbCdEf123'] });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'bots' });
    expect(res.errors?.[0]?.message).toContain('bots[1]');
    expect(h.adstatCount()).toBe(0);
  });
});

describe('a bot ad carries its bots’ ids', () => {
  it('a create whose bots come without a Telegram id sends the ids from AdStat’s bot check, as {id, url}', async () => {
    const big = state().bots.filter((b) => b.dailyUsers >= 1000);
    const result = await mutate(
      'createAdvertisement',
      'CreateAdvertisementInput',
      newAd({ adType: 'TARGET_BOTS', title: 'Bots with ids', targeting: { bots: [{ url: `@${big[0]!.username}` }, { url: `https://t.me/${big[1]!.username}` }] } }),
      AD_WRITE,
    );
    expect(result.__typename, JSON.stringify(result)).toBe('AdvertisementWrite');
    const sent = (result.request as { body: { target_bots: unknown } }).body.target_bots;
    expect(sent).toEqual([
      { id: big[0]!.id, url: `t.me/${big[0]!.username}` },
      { id: big[1]!.id, url: `t.me/${big[1]!.username}` },
    ]);
    const stored = state().ads.get(Number((result.advertisement as { providerId: string }).providerId))!;
    expect(stored.targetBots!.map((b) => b.id)).toEqual([big[0]!.id, big[1]!.id]);
    expect(h.adstatCount(CREATE)).toBe(1);
  });

  it('a Telegram id that is not the bot’s is refused, and nothing is created', async () => {
    const big = state().bots.filter((b) => b.dailyUsers >= 1000);
    const result = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ adType: 'TARGET_BOTS', targeting: { bots: [{ url: big[0]!.username, telegramId: big[1]!.id }] } }));
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues).toEqual([expect.objectContaining({ field: 'input.targeting.bots[0].telegramId', rule: 'TARGET_BOT_ID_MISMATCH' })]);
    expect(h.adstatCount(CREATE)).toBe(0);
  });
});

describe('edit can set the Pixel Tag event', () => {
  it('sets one of the cabinet’s own events, refuses another cabinet’s, and null removes it', async () => {
    const cabinet = euCabinet();
    const created = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ title: 'Pixel on edit' }), AD_WRITE);
    const id = (created.advertisement as { id: string }).id;
    const providerId = Number((created.advertisement as { providerId: string }).providerId);
    const own = state().pixelEventsOf(cabinet.accountId)[0]!.tgEventId;
    const foreign = state().cabinetsOf(demo).find((c) => c.accountId !== cabinet.accountId)!;
    const theirs = state().pixelEventsOf(foreign.accountId)[0]!.tgEventId;

    h.resetCounts();
    const refused = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, tgEventId: theirs });
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.issues).toEqual([expect.objectContaining({ field: 'input.tgEventId', rule: 'PIXEL_EVENT_NOT_IN_ACCOUNT' })]);
    expect(h.adstatCount(EDIT)).toBe(0);

    const set = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, tgEventId: own }, AD_WRITE);
    expect(set.__typename, JSON.stringify(set)).toBe('AdvertisementWrite');
    expect((set.request as { body: unknown }).body).toEqual({ tg_event_id: own });
    expect(state().ads.get(providerId)!.tgEventId).toBe(own);
    const read = await h.gql<{ node: { pixelEvent: { tgEventId: string } | null } }>(`query($id: ID!) { node(id: $id) { ... on Advertisement { pixelEvent { tgEventId } } } }`, { id });
    expect(read.data!.node.pixelEvent!.tgEventId).toBe(own);

    const cleared = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, tgEventId: null }, AD_WRITE);
    expect((cleared.request as { body: unknown }).body).toEqual({ tg_event_id: null });
    expect(state().ads.get(providerId)!.tgEventId).toBeNull();
  });
});

describe('nothing impossible goes upstream', () => {
  const IMPOSSIBLE = ['0', '-1364005', 'abc', '', '1e3', '01', '1.5'];

  it('node and nodes: an impossible advertisement or campaign id is a null slot, with no call at all', async () => {
    const ids = [...IMPOSSIBLE.map(adGid), ...IMPOSSIBLE.map((id) => encodeGlobalID('AdstatCampaign', `demo:${id}`))];
    const res = await h.gql<{ nodes: unknown[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual(ids.map(() => null));
    const one = await h.gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, { id: adGid('0') });
    expect(one.data!.node).toBeNull();
    expect(h.adstatCount()).toBe(0);
  });

  it('updateAdvertisement: an impossible id is a ValidationError naming input.id, with no call at all', async () => {
    for (const bad of ['0', '-7', '']) {
      const result = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id: adGid(bad), title: 'x' });
      expect(result.__typename).toBe('ValidationError');
      expect(result.issues).toEqual([expect.objectContaining({ field: 'input.id', rule: 'IMPOSSIBLE_ID' })]);
    }
    expect(h.adstatCount()).toBe(0);
  });

  it('createAdvertisement: an impossible campaign id, bot name or Telegram id is refused with no call at all', async () => {
    const result = await mutate(
      'createAdvertisement',
      'CreateAdvertisementInput',
      newAd({ campaignId: encodeGlobalID('AdstatCampaign', 'demo:0'), adType: 'TARGET_BOTS', targeting: { bots: [{ url: 'not a bot' }, { url: 'bot_1', telegramId: -5 }] } }),
    );
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues!.map((i) => `${i.rule} ${i.field}`).sort()).toEqual(
      ['IMPOSSIBLE_ID input.campaignId', 'IMPOSSIBLE_ID input.targeting.bots[1].telegramId', 'TARGET_BOT_USERNAME input.targeting.bots[0].url'].sort(),
    );
    expect(h.adstatCount()).toBe(0);
  });

  it('setAdvertisementStatus: impossible ids fail their own items and are never sent', async () => {
    const real = state().adsOf(demo).find((a) => a.status === 'stopped')!;
    const ids = [adGid('0'), adGid('-1'), adGid(real.id)];
    const res = await h.gql<{ setAdvertisementStatus: { results: { ok: boolean; error: { code: string } | null }[] } }>(
      `mutation($ids: [ID!]!) { setAdvertisementStatus(ids: $ids, status: ACTIVE) { ... on SetAdvertisementStatusPayload { results { ok error { code } } } } }`,
      { ids },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.setAdvertisementStatus.results).toEqual([
      { ok: false, error: { code: 'VALIDATION' } },
      { ok: false, error: { code: 'VALIDATION' } },
      { ok: true, error: null },
    ]);
    const sent = h.sandbox.adstat.server.controls.log.filter((r) => r.endpoint === STATUS);
    expect(sent).toHaveLength(1);
  });
});

describe('nothing false comes back', () => {
  for (const [name, body] of [
    ['an empty object', {}],
    ['an id of 0', { ad_id: 0 }],
    ['a status without an id', { status: 'ok' }],
  ] as const) {
    it(`a create answered with ${name} is PROVIDER_CONTRACT, not a success`, async () => {
      h.sandbox.adstat.server.controls.addFault({ endpoint: CREATE, status: 200, body, times: 1 });
      const result = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd(), AD_WRITE);
      expect(result).toMatchObject({ __typename: 'ProviderFailure', code: 'PROVIDER_CONTRACT', provider: 'ADSTAT', account: 'demo' });
      expect(h.adstatCount(CREATE)).toBe(1);
    });
  }

  it('an edit answered about another advertisement is PROVIDER_CONTRACT', async () => {
    const created = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ title: 'Edit answer' }), AD_WRITE);
    const { id, providerId } = created.advertisement as { id: string; providerId: string };
    h.sandbox.adstat.server.controls.addFault({ endpoint: EDIT, status: 200, body: { ad_id: Number(providerId) + 1 }, times: 1 });
    const result = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, title: 'Edited' }, AD_WRITE);
    expect(result).toMatchObject({ __typename: 'ProviderFailure', code: 'PROVIDER_CONTRACT' });
  });
});
