/**
 * AdStat's budget, planned, against the sandbox with the provider's real limit (10 requests per
 * 60 s per login and path): stale answers with their age instead of RATE_LIMITED, filters answered
 * from the cached unfiltered list, fair shares between requests, and a slot kept for writes. Time
 * is a hand-moved clock shared by the simulator and adgraph, so no test waits a minute.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ENDPOINTS, advertisementDetails, advertisementList, cabinetNames } from '../src/providers/adstat/wire.js';
import { ProviderError } from '../src/providers/errors.js';
import { newRequestScope, runInScope } from '../src/providers/request-scope.js';
import { manualClock, type ManualClock } from './helpers/clock.js';
import { startHarness, type Harness } from './helpers/harness.js';

const ADS = 'GET /api/v2/advertisement';
const DETAILS = 'GET /api/advertisement/telegram/:ad_id';
const EDIT = 'PUT /api/advertisement/telegram/:ad_id';
/** A fixed instant: the seed's dates follow the clock, so every period below has ads. */
const START = Date.UTC(2026, 10, 18, 12, 0, 0);

interface Freshness {
  provider: string;
  account: string;
  path: string;
  fetchedAt: string;
  ageSeconds: number;
  stale: boolean;
}
interface Ads {
  advertisements: { nodes: { id: string; title: string; fetchedAt: string }[] };
}

let h: Harness;
let clock: ManualClock;
afterEach(async () => {
  await h?.close();
});

async function start(env: Record<string, string> = {}): Promise<void> {
  clock = manualClock(START);
  h = await startHarness({ sandbox: { adstat: { now: clock.now } }, providers: { clock }, env });
}

/** The raw body, for `extensions`. */
async function post<T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors?: unknown[]; extensions?: { freshness?: Freshness[] } }> {
  const { request } = await import('undici');
  const res = await request(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.body.json()) as { data: T; errors?: unknown[]; extensions?: { freshness?: Freshness[] } };
}

const client = () => h.app.providers.adstat.get('demo')!;
/** 429s AdStat answered, as the clients saw them (the simulator does not log statuses). */
const no429 = () => [...h.app.providers.adstat.values()].map((c) => c.planner.stats.upstream429).filter((n) => n > 0);

describe('stale-while-revalidate', () => {
  it('serves the last answer with its age when the path’s budget is spent, then refreshes within the budget', async () => {
    await start();
    const query = `{ advertisements(first: 5, connectionId: "demo") { nodes { id title fetchedAt } } }`;
    const first = await post<Ads>(query);
    expect(first.errors).toBeUndefined();
    expect(first.extensions?.freshness).toEqual([
      { provider: 'AdStat', account: 'demo', path: '/api/v2/advertisement/', fetchedAt: new Date(START).toISOString(), ageSeconds: 0, stale: false },
    ]);
    expect(first.data.advertisements.nodes.every((n) => n.fetchedAt === new Date(START).toISOString())).toBe(true);

    // Someone else spends the rest of the path's read budget (8 of the 9 read slots remain).
    const spend = await Promise.allSettled(Array.from({ length: 8 }, () => client().call(ENDPOINTS.advertisements, { schema: advertisementList })));
    expect(spend.every((r) => r.status === 'fulfilled')).toBe(true);
    await clock.advance(20_000); // past the 15 s list lifetime
    const calls = h.adstatCount(ADS);

    const stale = await post<Ads>(query);
    expect(stale.errors).toBeUndefined();
    expect(stale.data.advertisements.nodes).toEqual(first.data.advertisements.nodes);
    expect(stale.extensions?.freshness).toEqual([expect.objectContaining({ path: '/api/v2/advertisement/', ageSeconds: 20, stale: true })]);
    expect(h.adstatCount(ADS)).toBe(calls); // nothing sent: no slot was free
    expect(client().planner.stats.staleAnswers).toBe(1);

    // The refresh waits for a slot and goes out once one frees; the next reader gets fresh data.
    await clock.advance(45_000);
    expect(h.adstatCount(ADS)).toBe(calls + 1);
    const fresh = await post<Ads>(query);
    expect(fresh.extensions?.freshness).toEqual([expect.objectContaining({ stale: false })]);
    expect(fresh.extensions!.freshness![0]!.ageSeconds).toBeLessThan(15);
    expect(no429()).toEqual([]);
  });

  it('answers RATE_LIMITED only when there is no answer at all and the wait exceeds the maximum', async () => {
    await start();
    await Promise.all(Array.from({ length: 9 }, () => client().call(ENDPOINTS.advertisements, { schema: advertisementList })));
    const res = await post<Ads>(`{ advertisements(first: 5, connectionId: "demo") { nodes { id } } }`);
    expect(res.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', account: 'demo' }) })]);
    expect(no429()).toEqual([]);
  });
});

describe('filters from the cached unfiltered list', () => {
  const FILTERS: Record<string, unknown>[] = [
    { showDeleted: false },
    { period: 'TODAY', showDeleted: true },
    { period: 'YESTERDAY' },
    { period: 'THIS_MONTH', showDeleted: true },
  ];

  it('equal what AdStat’s own filter answers for the same data, at no upstream cost', async () => {
    await start();
    const ads = h.sandbox.adstat.state.adsOf(h.sandbox.adstat.state.userByName('demo')!.id);
    const title = ads[ads.length - 3]!.title;
    const campaign = h.sandbox.adstat.state.campaigns.get(ads[10]!.campaignId)!.name;
    const filters = [...FILTERS, { titles: [title] }, { titles: [title.slice(0, 4).toUpperCase()], period: 'THIS_MONTH' }, { campaignNames: [campaign] }];
    const query = `query($f: Boolean, $p: CreationPeriod, $t: [String!], $c: [String!]) {
      advertisements(first: 500, connectionId: "demo", showDeleted: $f, period: $p, titles: $t, campaignNames: $c) { nodes { id title status createdAt campaignName } }
    }`;
    const vars = (f: Record<string, unknown>) => ({ f: f.showDeleted ?? false, p: f.period ?? 'ALL', t: f.titles ?? null, c: f.campaignNames ?? null });

    // AdStat's answers: each variant alone in its window, so the planner asks AdStat to filter.
    const upstream: unknown[] = [];
    for (const f of filters) {
      h.clearCache();
      await clock.advance(62_000);
      const before = h.adstatCount(ADS);
      const res = await post<Ads>(query, vars(f));
      expect(res.errors).toBeUndefined();
      expect(h.adstatCount(ADS) - before).toBeGreaterThan(0);
      const url = h.sandbox.adstat.server.controls.log.filter((r) => r.endpoint === ADS).at(-1)!.query;
      const unfiltered = url.includes('show_deleted=true') && url.includes('period=all') && !url.includes('advertisement_titles') && !url.includes('campaign_names');
      expect(unfiltered, url).toBe(false); // AdStat filtered this one
      upstream.push(res.data.advertisements.nodes);
    }
    expect((upstream as unknown[][]).every((nodes) => nodes.length > 0)).toBe(true);

    // The whole list once; then every variant from it.
    h.clearCache();
    await clock.advance(62_000);
    const whole = await post<Ads>(`{ advertisements(first: 5000, connectionId: "demo", showDeleted: true) { nodes { id } } }`);
    expect(whole.data.advertisements.nodes.length).toBeGreaterThan(1000);
    const before = h.adstatCount(ADS);
    for (const [i, f] of filters.entries()) {
      const res = await post<Ads>(query, vars(f));
      expect(res.errors).toBeUndefined();
      expect(res.data.advertisements.nodes, JSON.stringify(f)).toEqual(upstream[i]);
    }
    expect(h.adstatCount(ADS)).toBe(before);
    expect(client().planner.stats.localFilterAnswers).toBeGreaterThanOrEqual(filters.length);
  });

  it('twelve aliased lists with different titles in one request cost a few calls and deny no other client', async () => {
    await start();
    const ads = h.sandbox.adstat.state.adsOf(h.sandbox.adstat.state.userByName('demo')!.id);
    const live = ads.filter((a) => a.status !== 'deleted');
    const titles = Array.from({ length: 12 }, (_, i) => live[i * 50]!.title);
    const aliases = titles.map((t, i) => `a${i}: advertisements(first: 20, connectionId: "demo", titles: [${JSON.stringify(t)}]) { nodes { id title } }`).join('\n');
    const big = await post<Record<string, { nodes: { title: string }[] }>>(`{ ${aliases} }`);
    expect(big.errors).toBeUndefined();
    titles.forEach((t, i) => expect(big.data[`a${i}`]!.nodes.some((n) => n.title.toLowerCase().includes(t.toLowerCase()))).toBe(true));
    expect(h.adstatCount(ADS)).toBeLessThanOrEqual(4);

    // Other clients right after: their list reads are answered, none RATE_LIMITED.
    const others = await Promise.all([
      post<Ads>(`{ advertisements(first: 50, connectionId: "demo") { nodes { id } } }`),
      post<Ads>(`{ advertisements(first: 50, connectionId: "demo", period: TODAY) { nodes { id } } }`),
      post<Ads>(`{ advertisements(first: 50, connectionId: "demo", titles: ["zzz-no-such-title"]) { nodes { id } } }`),
      post<Ads>(`{ advertisements(first: 600, connectionId: "demo", showDeleted: true) { nodes { id } } }`),
    ]);
    for (const r of others) expect(r.errors).toBeUndefined();
    expect(no429()).toEqual([]);
  });
});

describe('fair shares', () => {
  it('one request cannot take the whole read budget of a path: others still get slots, and a write the reserved one', async () => {
    await start();
    const names = () => client().call(ENDPOINTS.cabinetNames, { schema: cabinetNames });
    const greedy = await runInScope(newRequestScope(), () => Promise.allSettled(Array.from({ length: 12 }, names)));
    const greedyOk = greedy.filter((r) => r.status === 'fulfilled').length;
    expect(greedyOk).toBe(7); // its share, then only what leaves two reads to others and one to writes
    const other = await runInScope(newRequestScope(), () => Promise.allSettled(Array.from({ length: 3 }, names)));
    expect(other.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const refused = other.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as ProviderError;
    expect(refused.code).toBe('RATE_LIMITED');
    expect(no429()).toEqual([]);
  });

  it('a write goes through while reads saturate its path', async () => {
    await start();
    const ads = await client().advertisements(0, 50, { period: 'ALL', showDeleted: false, titles: [], campaignNames: [] });
    const ad = ads.items.find((a) => a.status !== 'DELETED' && a.rawStatus === 'stopped') ?? ads.items[0]!;
    const id = Buffer.from(`Advertisement:demo:${ad.id}`).toString('base64');
    // The edit checks the ad first: read it once, so that check is answered from the cache.
    expect((await post(`query($id: ID!) { node(id: $id) { ... on Advertisement { title moderation { rawStatus } } } }`, { id })).errors).toBeUndefined();
    const reads = await Promise.allSettled(Array.from({ length: 15 }, () => client().call(ENDPOINTS.advertisement, { params: { ad_id: ad.id }, schema: advertisementDetails })));
    expect(reads.filter((r) => r.status === 'rejected').length).toBeGreaterThan(0); // the path is saturated for reads
    const edit = await post<{ updateAdvertisement: { __typename: string } }>(
      `mutation($input: UpdateAdvertisementInput!) { updateAdvertisement(input: $input) { __typename ... on MutationError { message } } }`,
      { input: { id, title: 'Edited while busy' } },
    );
    expect(edit.errors).toBeUndefined();
    expect(edit.data.updateAdvertisement.__typename).toBe('AdvertisementWrite');
    expect(h.adstatCount(EDIT)).toBe(1);
    expect(h.adstatCount(DETAILS)).toBe(9); // the read slots: 1 for the check + 8 reads; the 10th was the write's
    expect(no429()).toEqual([]);
  });
});

describe('configuration', () => {
  it('the budget is configuration: with ADSTAT_RATE_LIMIT_MAX=30, twenty reads of one path all go', async () => {
    clock = manualClock(START);
    h = await startHarness({ sandbox: { adstat: { now: clock.now, rateLimit: false } }, providers: { clock }, env: { ADSTAT_RATE_LIMIT_MAX: '30' } });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => client().call(ENDPOINTS.cabinetNames, { schema: cabinetNames })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
  });
});

describe('freshness', () => {
  it('reports TON.ai’s paths too, and the oldest data per path when a request mixes ages', async () => {
    await start();
    const query = `{ campaigns(provider: TONAI, first: 5) { nodes { name } } }`;
    const first = await post(query);
    expect(first.extensions?.freshness).toEqual(
      expect.arrayContaining([expect.objectContaining({ provider: 'TON.ai', path: '/api/v2/openapi/ad/campaign/list', stale: false })]),
    );
    const old = await post(`{ advertisements(first: 5, connectionId: "demo") { nodes { id } } }`);
    expect(old.extensions?.freshness).toHaveLength(1);
    await clock.advance(10_000);
    // Page 0 from the cache (10 s old) and, for the first 600, page 1 fetched now: the entry is the older.
    const mixed = await post(`{ advertisements(first: 600, connectionId: "demo") { nodes { id } } }`);
    expect(mixed.extensions?.freshness).toEqual([expect.objectContaining({ path: '/api/v2/advertisement/', ageSeconds: 10, stale: false })]);
  });
});

describe('lifetimes', () => {
  it('lists of a closed period live longer than today’s', async () => {
    await start({ ADGRAPH_CACHE_CLOSED_PERIOD_TTL_MS: '600000' });
    const read = (period: string) => post<Ads>(`{ advertisements(first: 5, connectionId: "demo", period: ${period}) { nodes { id } } }`);
    await read('YESTERDAY');
    await clock.advance(62_000);
    const today = await read('TODAY');
    const yesterday = await read('YESTERDAY');
    expect(h.adstatCount(ADS)).toBe(2);
    expect(today.extensions?.freshness?.[0]).toMatchObject({ ageSeconds: 0, stale: false });
    expect(yesterday.extensions?.freshness?.[0]).toMatchObject({ ageSeconds: 62, stale: false });
  });
});
