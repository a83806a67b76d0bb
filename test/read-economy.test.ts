/**
 * Upstream economy of the read graph, counted at the simulators: AdStat allows 10 requests a
 * minute per path, so every call adgraph saves is one a dashboard can spend elsewhere.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

const ADS = 'GET /api/v2/advertisement';
const DETAILS = 'GET /api/advertisement/telegram/:ad_id';
const TONAI_LIST = 'GET /api/v2/openapi/ad/campaign/list';
const TONAI_DETAIL = 'GET /api/v2/openapi/ad/campaign/detail';

const LIST_FIELDS = 'id providerId title text status rawStatus adType createdAt statusUpdatedAt campaignName accountName cpm { amount currency } statistics { impressions clicks goals ctr cvr spent { amount currency } }';

interface Edges<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.clearCache();
  h.resetCounts();
  h.sandbox.adstat.resetRateLimits();
  h.sandbox.adstat.server.controls.clearFaults();
  h.sandbox.tonai.server.controls.clearFaults();
});

/** Upstream calls per endpoint, without the login (which the provider does not rate-limit). */
function calls(): Record<string, number> {
  const { 'POST /api/v2/login': _login, ...rest } = h.sandbox.adstat.server.controls.snapshot();
  return { ...rest, ...h.sandbox.tonai.server.controls.snapshot() };
}

describe('upstream economy', () => {
  it('500 AdStat ads with list fields = 1 call; the same query again within the TTL = 0', async () => {
    const query = `{ advertisements(first: 500, connectionId: "demo") { edges { node { ${LIST_FIELDS} } } } }`;
    const first = await h.gql<{ advertisements: Edges<{ id: string }> }>(query);
    expect(first.errors).toBeUndefined();
    expect(first.data!.advertisements.edges).toHaveLength(500);
    expect(calls()).toEqual({ [ADS]: 1 });

    h.resetCounts();
    const again = await h.gql<{ advertisements: Edges<{ id: string }> }>(query);
    expect(again.data).toEqual(first.data);
    expect(calls()).toEqual({});
  });

  it('adding a details-only field = 1 + the number of distinct ads', async () => {
    const res = await h.gql<{ advertisements: Edges<{ budget: { daily: { amount: string } | null } | null; moderation: { nonEditableFields: string[] } | null }> }>(
      `{ advertisements(first: 500, connectionId: "demo") { edges { node { ${LIST_FIELDS} budget { daily { amount } } moderation { nonEditableFields } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.advertisements.edges.every((e) => e.node.budget !== null && e.node.moderation !== null)).toBe(true);
    expect(calls()).toEqual({ [ADS]: 1, [DETAILS]: 500 });
  });

  it('1,000 ads = 2 calls, and paging on through the rest reuses them', async () => {
    const res = await h.gql<{ advertisements: Edges<{ id: string }> }>(`{ advertisements(first: 1000, connectionId: "demo", showDeleted: true) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`);
    expect(res.data!.advertisements.edges).toHaveLength(1000);
    expect(res.data!.advertisements.pageInfo.hasNextPage).toBe(true);
    expect(calls()).toEqual({ [ADS]: 2 });

    const rest = await h.gql<{ advertisements: Edges<{ id: string }> }>(
      `query($after: String) { advertisements(first: 1000, connectionId: "demo", showDeleted: true, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`,
      { after: res.data!.advertisements.pageInfo.endCursor },
    );
    expect(rest.data!.advertisements.pageInfo.hasNextPage).toBe(false);
    const ids = new Set([...res.data!.advertisements.edges, ...rest.data!.advertisements.edges].map((e) => e.node.id));
    expect(ids.size).toBe(1000 + rest.data!.advertisements.edges.length);
    expect(calls()).toEqual({ [ADS]: 3 });
  });

  it('100 TON.ai campaigns with list fields = 1 call; all 130 = 2', async () => {
    const fields = 'id providerId name status rawStatus ... on TonaiCampaign { billingType userId } statistics { impressions clicks conversions ctr cvr spent { amount currency } }';
    const hundred = await h.gql<{ campaigns: Edges<{ id: string }> }>(`{ campaigns(provider: TONAI, first: 100) { edges { node { ${fields} } } pageInfo { hasNextPage } } }`);
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data!.campaigns.edges).toHaveLength(100);
    expect(calls()).toEqual({ [TONAI_LIST]: 1 });

    h.clearCache();
    h.resetCounts();
    const all = await h.gql<{ account: { campaigns: Edges<{ id: string }> } }>(
      `{ node(id: "${Buffer.from('Account:TONAI:alpha:alpha').toString('base64')}") { ... on Account { campaigns(first: 1000) { edges { node { id } } pageInfo { hasNextPage } } } } }`,
    );
    expect(all.errors).toBeUndefined();
    expect((all.data as unknown as { node: { campaigns: Edges<{ id: string }> } }).node.campaigns.edges).toHaveLength(130);
    expect(calls()).toEqual({ [TONAI_LIST]: 2 });
  });

  it('the same ad asked for twice costs one details call; list rows prime node lookups', async () => {
    const page = await h.gql<{ advertisements: Edges<{ id: string }> }>(`{ advertisements(first: 3, connectionId: "demo") { edges { node { id } } } }`);
    const [a, b] = page.data!.advertisements.edges.map((e) => e.node.id);
    h.clearCache();
    h.resetCounts();

    const twice = await h.gql(`query($a: ID!) {
      x: node(id: $a) { ... on Advertisement { targeting { type } } }
      y: node(id: $a) { ... on Advertisement { creative { title } schedule { timezoneOffsetSeconds } } }
      z: nodes(ids: [$a, $a]) { ... on Advertisement { moderation { rawStatus } } }
    }`, { a });
    expect(twice.errors).toBeUndefined();
    expect(calls()).toEqual({ [DETAILS]: 1 });

    h.clearCache();
    h.resetCounts();
    const primed = await h.gql(`query($b: ID!) {
      advertisements(first: 3, connectionId: "demo") { edges { node { id title } } }
      node(id: $b) { ... on Advertisement { title status statistics { impressions } } }
    }`, { b });
    expect(primed.errors).toBeUndefined();
    expect((primed.data as { node: { title: string } }).node.title).toBeTruthy();
    expect(calls()).toEqual({ [ADS]: 1 });
  });

  it('ten dashboards polling one account at once share one upstream call per list', async () => {
    const query = `{ accounts(provider: ADSTAT) { name } advertisements(first: 50) { edges { node { ${LIST_FIELDS} } } } campaigns(first: 20, provider: TONAI) { edges { node { name } } } }`;
    const results = await Promise.all(Array.from({ length: 10 }, () => h.gql(query)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(calls()).toEqual({ 'GET /api/accounts/telegram/names': 2, [ADS]: 1, [TONAI_LIST]: 1 });
  });

  it('the KKTU tree is read once and then served from the cache for hours', async () => {
    const query = `{ kktuTree { code children { code children { code selectable } } } kktuSearch(query: "вино", selectableOnly: true) { code name level path { code } } }`;
    const first = await h.gql<{ kktuTree: unknown[]; kktuSearch: { code: string; level: number; path: { code: string }[] }[] }>(query);
    expect(first.errors).toBeUndefined();
    expect(first.data!.kktuSearch[0]).toMatchObject({ code: '1.1.1', level: 3, path: [{ code: '1' }, { code: '1.1' }, { code: '1.1.1' }] });
    await h.gql(query);
    expect(calls()).toEqual({ 'GET /api/kktu': 1 });
  });

  it('TON.ai details are fetched only when a details field is selected, once per campaign', async () => {
    await h.gql(`{ campaigns(provider: TONAI, first: 30) { edges { node { name } } } }`);
    expect(calls()).toEqual({ [TONAI_LIST]: 1 });
    h.resetCounts();
    const res = await h.gql<{ campaigns: Edges<{ budget: { total: { currency: string } } }> }>(
      `{ campaigns(provider: TONAI, first: 30) { edges { node { name ... on TonaiCampaign { budget { total { amount currency } startTime } creative { brandName } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.campaigns.edges.every((e) => e.node.budget.total.currency === 'USDT')).toBe(true);
    expect(calls()).toEqual({ [TONAI_DETAIL]: 30 });
  });
});

describe('partial failure', () => {
  // A fresh adgraph: the one above has used part of AdStat's per-path budget on the list path.
  beforeAll(async () => {
    await h.close();
    h = await startHarness();
  });

  it('one ad whose details fail loses only its details part, with a typed error at its path', async () => {
    h.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, status: 500, times: 1 });
    const res = await h.gql<{ advertisements: Edges<{ title: string; budget: unknown }> }>(
      `{ advertisements(first: 5, connectionId: "demo") { edges { node { title budget { cpm { amount } } } } } }`,
    );
    const nodes = res.data!.advertisements.edges.map((e) => e.node);
    expect(nodes).toHaveLength(5);
    expect(nodes.filter((n) => n.budget === null)).toHaveLength(1);
    expect(nodes.every((n) => n.title)).toBe(true);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.path).toEqual(['advertisements', 'edges', expect.any(Number), 'node', 'budget']);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'ADSTAT', account: 'demo' });
  });

  it('a query over both providers returns the healthy one’s data and a typed error for the failed one', async () => {
    h.sandbox.adstat.server.controls.addFault({ endpoint: 'GET /api/campaigns', status: 503 });
    const res = await h.gql<{ campaigns: Edges<{ provider: string }> }>(`{ campaigns(first: 50) { edges { node { provider name } } } }`);
    expect(res.status).toBe(200);
    // Each failed login is one null edge where its campaigns would be (AdStat first), its error at that edge.
    const edges = res.data!.campaigns.edges;
    expect(edges.slice(0, 2)).toEqual([null, null]);
    expect(edges.slice(2).length).toBe(50);
    expect(new Set(edges.slice(2).map((e) => e.node.provider))).toEqual(new Set(['TONAI']));
    expect(res.errors!.map((e) => e.path)).toEqual([
      ['campaigns', 'edges', 0],
      ['campaigns', 'edges', 1],
    ]);
    expect(res.errors!.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', provider: 'ADSTAT', account: 'demo' }),
      expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', provider: 'ADSTAT', account: 'agency2' }),
    ]);
  });

  it('an upstream value adgraph does not know never breaks a query', async () => {
    h.sandbox.adstat.server.controls.addFault({
      endpoint: ADS,
      status: 200,
      times: 1,
      body: {
        data: [
          {
            account_name: 'x', action_type: 'teleport', ad_text: 't', ad_type: 'target_holograms', advertisement_title: 'new kind',
            balance: 0, campaign_id: 1, campaign_name: 'c', clicks: 0, cpc: 0, cpm: 1.25, cps: 0, created_dt: 'yesterday-ish',
            ctr: 0, cvr: 0, goals: 0, id: 42, impressions: 0, kktu_codes: [], object: 't.me/x', opened: null, spent: 0,
            status: 'quantum_superposition', status_updated_dt: '2026-11-01T10:00:00.5+03:00', target_topics: [],
          },
        ],
      },
    });
    const res = await h.gql<{ advertisements: Edges<Record<string, unknown>> }>(
      `{ advertisements(first: 1, connectionId: "demo") { edges { node { status rawStatus adType rawAdType createdAt statusUpdatedAt cpm { amount currency } } } } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.advertisements.edges[0]!.node).toEqual({
      status: 'UNKNOWN',
      rawStatus: 'quantum_superposition',
      adType: 'UNKNOWN',
      rawAdType: 'target_holograms',
      createdAt: null,
      statusUpdatedAt: '2026-11-01T07:00:00.500Z',
      cpm: { amount: '1.25', currency: 'EUR' },
    });
  });
});

describe('details started as soon as the ads are known', () => {
  it('details calls only for details fields execution will resolve: @skip, @include and fragments as the request’s variables have them', async () => {
    // adgraph starts the details calls as soon as the page is read, from the selection: it must
    // read the selection as execution will, or it pays for calls nobody asked for. Its own
    // harness: the list reads here would spend the budget the tests above are tuned to.
    const own = await startHarness();
    try {
      const query = `query($skip: Boolean!, $budget: Boolean!) {
        advertisements(first: 20, connectionId: "demo") {
          nodes { id moderation @skip(if: $skip) { nonEditableFields } ... on Advertisement @include(if: $budget) { budget { daily { amount } } } ... on Node { id } campaign { id } }
          edges { node { ...D @include(if: $budget) } }
        }
      }
      fragment D on Advertisement { schedule { startDate } }`;
      const none = await own.gql(query, { skip: true, budget: false });
      expect(none.errors).toBeUndefined();
      expect(own.adstatCount(DETAILS)).toBe(0);
      own.clearCache();
      own.resetCounts();
      const some = await own.gql(query, { skip: false, budget: false });
      expect(some.errors).toBeUndefined();
      expect(own.adstatCount(DETAILS)).toBe(20);
      own.clearCache();
      own.resetCounts();
      const fragments = await own.gql(query, { skip: true, budget: true });
      expect(fragments.errors).toBeUndefined();
      expect(own.adstatCount(DETAILS)).toBe(20);
    } finally {
      await own.close();
    }
  });
});
