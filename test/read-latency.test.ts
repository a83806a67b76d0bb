/**
 * Reads near the upstream critical path (issue 13): pages at known offsets, sources of a merged
 * list and details calls go out together instead of one after another, within AdStat's budget and
 * without extra calls. Proved by order, not by time: with L ms on every simulator request, a call
 * sent only after an earlier one's answer arrives at least L after it; calls sent together arrive
 * well within L of each other (L is large, so a loaded machine does not blur the two).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

const L = 1_000;
const ADS = 'GET /api/v2/advertisement';
const CAMPAIGNS = 'GET /api/campaigns';
const TONAI_LIST = 'GET /api/v2/openapi/ad/campaign/list';
const DETAILS = 'GET /api/advertisement/telegram/:ad_id';

interface Arrival {
  endpoint: string;
  query: string;
  at: number;
}

function arrivals(h: Harness): Arrival[] {
  return [...h.sandbox.adstat.server.controls.log, ...h.sandbox.tonai.server.controls.log]
    .filter((r) => r.endpoint !== 'POST /api/v2/login')
    .map((r) => ({ endpoint: r.endpoint, query: r.query, at: r.at }))
    .sort((a, b) => a.at - b.at);
}

/** Spread of arrival times: under L means nobody waited for another's answer. */
const spread = (xs: Arrival[]) => Math.max(...xs.map((x) => x.at)) - Math.min(...xs.map((x) => x.at));

function slow(h: Harness): void {
  for (const c of [h.sandbox.adstat.server.controls, h.sandbox.tonai.server.controls]) c.addFault({ endpoint: '*', latencyMs: L });
}

describe('reads together', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.gql('{ environment { mode } advertisements(first: 1, connectionId: "demo") { nodes { id } } }'); // log in before timing
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    h.clearCache();
    h.sandbox.adstat.resetRateLimits();
    for (const c of [h.sandbox.adstat.server.controls, h.sandbox.tonai.server.controls]) c.clearFaults();
    h.resetCounts();
  });

  it('reads the pages of a 1,000-ad window at once (no total: within the budget), still 2 calls', async () => {
    slow(h);
    const res = await h.gql<{ advertisements: { nodes: { id: string }[] } }>(`{ advertisements(first: 1000, connectionId: "demo", showDeleted: true) { nodes { id } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.advertisements.nodes).toHaveLength(1000);
    const pages = arrivals(h).filter((a) => a.endpoint === ADS);
    expect(pages.map((p) => new URLSearchParams(p.query).get('offset')).sort()).toEqual(['0', '500']);
    expect(spread(pages)).toBeLessThan(L);
  });

  it('starts the sources a merged list will need together once their lengths are known, with no extra call', async () => {
    const query = `{ campaigns(first: 100) { pageInfo { hasNextPage } nodes { id provider } } }`;
    const first = await h.gql<{ campaigns: { nodes: { id: string; provider: string }[] } }>(query);
    expect(first.errors).toBeUndefined();
    h.clearCache();
    h.resetCounts();
    slow(h);
    const again = await h.gql<{ campaigns: { nodes: { id: string }[] } }>(query);
    expect(again.data).toEqual(first.data);
    const calls = arrivals(h);
    // demo (12) and agency2 (2) end short of 100, so TON.ai alpha gives the rest; beta is not read.
    expect(calls.map((c) => c.endpoint).sort()).toEqual([CAMPAIGNS, CAMPAIGNS, TONAI_LIST]);
    expect(spread(calls)).toBeLessThan(L);
  });

  it('a source that came up shorter than its hint is asked for the rest, keeping order and first', async () => {
    const query = `{ campaigns(first: 100) { nodes { id } } }`;
    const ids = async (q: string) => ((await h.gql<{ campaigns: { nodes: { id: string }[] } }>(q)).data!.campaigns.nodes).map((n) => n.id);
    const before = await ids(query);
    const adstat = before.slice(0, 14); // demo's 12, then agency2's 2
    h.clearCache();
    // One login's list now comes back empty (whichever asks first: both start together).
    h.sandbox.adstat.server.controls.addFault({ endpoint: CAMPAIGNS, status: 200, times: 1, body: { count: 0, items: [] } });
    const after = await ids(query);
    const alpha = await ids(`{ campaigns(provider: TONAI, first: 100) { nodes { id } } }`);
    // TON.ai alpha was started for the 86 the hints promised and is asked for the rest.
    expect([
      [...adstat.slice(12), ...alpha.slice(0, 98)],
      [...adstat.slice(0, 12), ...alpha.slice(0, 88)],
    ]).toContainEqual(after);
  });

  it('sends the details calls of a 500-ad page in one wave (the default pool of 512 holds them all)', async () => {
    slow(h);
    const res = await h.gql<{ advertisements: { nodes: unknown[] } }>(`{ advertisements(first: 500, connectionId: "demo") { nodes { title moderation { rawStatus } } } }`);
    expect(res.errors).toBeUndefined();
    const details = arrivals(h).filter((a) => a.endpoint === DETAILS);
    expect(details).toHaveLength(500);
    expect(spread(details)).toBeLessThan(L);
  });
});

describe('reads within the budget', () => {
  let h: Harness;
  beforeAll(async () => {
    // One request may take 1 slot of a window on a path before it yields to others: no room to read ahead.
    h = await startHarness({ providers: { adstat: { rateLimit: { requestShare: 1 } } } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('reads pages one after another when the budget cannot pay for a read-ahead', async () => {
    h.sandbox.adstat.server.controls.addFault({ endpoint: ADS, latencyMs: L });
    const res = await h.gql<{ advertisements: { nodes: unknown[] } }>(`{ advertisements(first: 600, connectionId: "demo", showDeleted: true) { nodes { id } } }`);
    expect(res.errors).toBeUndefined();
    const pages = arrivals(h).filter((a) => a.endpoint === ADS);
    expect(pages).toHaveLength(2);
    expect(spread(pages)).toBeGreaterThanOrEqual(L);
  });
});

describe('whole lists', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('reads the pages of a whole list at once once its length is known (no total), with no extra call', async () => {
    // A status filter reads the login's whole list (AdStat cannot filter by status). The first read
    // goes page after page (nothing names the pages past the first); it teaches the list's length.
    const query = `{ advertisements(first: 5, connectionId: "demo", showDeleted: true, status: [ACTIVE]) { nodes { id } } }`;
    const first = await h.gql(query);
    expect(first.errors).toBeUndefined();
    const pagesFirst = arrivals(h).filter((a) => a.endpoint === ADS);
    expect(pagesFirst.length).toBeGreaterThan(1);
    h.clearCache();
    h.resetCounts();
    slow(h);
    const again = await h.gql(query);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    const pages = arrivals(h).filter((a) => a.endpoint === ADS);
    expect(pages.map((p) => new URLSearchParams(p.query).get('offset')).sort()).toEqual(pagesFirst.map((p) => new URLSearchParams(p.query).get('offset')).sort());
    expect(spread(pages)).toBeLessThan(L);
  });
});
