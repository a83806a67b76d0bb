import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.resetCounts();
  h.clearCache();
  h.sandbox.adstat.server.controls.clearFaults();
  h.sandbox.tonai.server.controls.clearFaults();
});

const OVERVIEW = /* GraphQL */ `
  query Overview($ads: Int, $campaigns: Int) {
    environment { mode simulated notice connections { provider id label } }
    accounts { id provider providerId name currency balance { amount currency } }
    advertisements(first: $ads) {
      edges { cursor node { id providerId title status rawStatus adType createdAt cpm { amount currency } statistics { impressions clicks ctr spent { amount currency } } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
    campaigns(first: $campaigns, provider: TONAI) {
      edges { node { id provider providerId name status rawStatus statistics { impressions spent { amount currency } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Overview {
  environment: { mode: string; simulated: boolean; notice: string | null; connections: { provider: string; id: string }[] };
  accounts: { id: string; provider: string; providerId: string; currency: string; balance: { amount: string; currency: string } | null }[];
  advertisements: { edges: { cursor: string; node: { id: string; status: string; createdAt: string; cpm: { currency: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  campaigns: { edges: { node: { provider: string; status: string; statistics: { spent: { currency: string } } } }[]; pageInfo: { hasNextPage: boolean } };
}

describe('the first slice of the graph, over HTTP and the simulators', () => {
  it('says plainly that the data is simulated, and lists accounts plus a first page of ads and campaigns', async () => {
    const res = await h.gql<Overview>(OVERVIEW, { ads: 20, campaigns: 20 });
    expect(res.errors).toBeUndefined();
    const data = res.data!;
    expect(data.environment).toMatchObject({ mode: 'SANDBOX', simulated: true });
    expect(data.environment.notice).toMatch(/simulated/i);
    expect(data.environment.connections.map((c) => `${c.provider}:${c.id}`)).toEqual(['ADSTAT:demo', 'ADSTAT:agency2', 'TONAI:alpha', 'TONAI:beta']);

    const providers = new Set(data.accounts.map((a) => a.provider));
    expect(providers).toEqual(new Set(['ADSTAT', 'TONAI']));
    expect(data.accounts.filter((a) => a.provider === 'TONAI').every((a) => a.currency === 'USDT' && a.balance === null)).toBe(true);
    expect(data.accounts.filter((a) => a.provider === 'ADSTAT').every((a) => a.balance !== null && /^ACC/.test(a.providerId))).toBe(true);

    expect(data.advertisements.edges).toHaveLength(20);
    expect(data.advertisements.pageInfo.hasNextPage).toBe(true);
    for (const { node } of data.advertisements.edges) {
      expect(node.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(node.cpm.currency).toBe('EUR');
    }
    expect(data.campaigns.edges).toHaveLength(20);
    expect(data.campaigns.edges.every((e) => e.node.provider === 'TONAI' && e.node.statistics.spent.currency === 'USDT')).toBe(true);

    // One names call per AdStat login, one ads page (first login fills the page), one TON.ai page.
    expect(h.adstatCount('GET /api/accounts/telegram/names')).toBe(2);
    expect(h.adstatCount('GET /api/v2/advertisement')).toBe(1);
    expect(h.tonaiCount('GET /api/v2/openapi/ad/campaign/list')).toBe(1);
  });

  it('pages on with cursors without repeating or skipping an item', async () => {
    const first = await h.gql<Overview>(OVERVIEW, { ads: 30, campaigns: 1 });
    const after = first.data!.advertisements.pageInfo.endCursor;
    const next = await h.gql<{ advertisements: Overview['advertisements'] }>(
      `query($after: String) { advertisements(first: 30, after: $after) { edges { node { id } } pageInfo { hasPreviousPage } } }`,
      { after },
    );
    const both = await h.gql<{ advertisements: Overview['advertisements'] }>(`{ advertisements(first: 60) { edges { node { id } } } }`);
    const ids = [...first.data!.advertisements.edges, ...next.data!.advertisements.edges].map((e) => e.node.id);
    expect(ids).toEqual(both.data!.advertisements.edges.map((e) => e.node.id));
  });

  it('returns partial data and a typed error when one provider fails', async () => {
    h.sandbox.tonai.server.controls.addFault({ endpoint: 'GET /api/v2/openapi/ad/campaign/list', status: 500 });
    const res = await h.gql<Overview>(OVERVIEW, { ads: 5, campaigns: 5 });
    expect(res.status).toBe(200);
    expect(res.data!.advertisements.edges).toHaveLength(5);
    expect(res.data!.accounts.length).toBeGreaterThan(0);
    // One null edge per failed TON.ai key, each with its error at that edge's path (a gateway keeps
    // an error only where the data is null; before, the errors sat beside an empty list).
    expect(res.data!.campaigns.edges).toEqual([null, null]);
    expect(res.errors!.map((e) => e.path)).toEqual([
      ['campaigns', 'edges', 0],
      ['campaigns', 'edges', 1],
    ]);
    for (const error of res.errors!) expect(error.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TONAI' });
    expect(res.errors!.map((e) => e.extensions!.account)).toEqual(['alpha', 'beta']);
  });

  it('reports a malformed AdStat body as a provider-contract error on that part only', async () => {
    h.sandbox.adstat.server.controls.addFault({ endpoint: 'GET /api/v2/advertisement', rawBody: '{"data": [', times: 1 });
    const res = await h.gql<Overview>(OVERVIEW, { ads: 5, campaigns: 5 });
    expect(res.data!.campaigns.edges).toHaveLength(5);
    const error = res.errors!.find((e) => e.path?.[0] === 'advertisements');
    expect(error?.extensions).toMatchObject({ code: 'PROVIDER_CONTRACT', provider: 'ADSTAT', account: 'demo' });
    // The failed login (the first) is the null edge at the error's path; the next login fills the page.
    expect(error?.path).toEqual(['advertisements', 'edges', 0]);
    expect(res.data!.advertisements.edges[0]).toBeNull();
    expect(res.data!.advertisements.edges.slice(1)).toHaveLength(5);
  });

  it('rejects a bad page size with an error naming the argument and the rule, sending nothing upstream', async () => {
    const res = await h.gql(`{ advertisements(first: 100000) { edges { cursor } } }`);
    expect(res.errors?.[0]?.message).toBe('first: must be a whole number from 0 to 5000 (got 100000)');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(h.adstatCount()).toBe(0);
  });

  it('serves GraphiQL and a health check', async () => {
    const page = await request(h.url, { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(await page.body.text()).toContain('GraphiQL');
    const health = await request(h.url.replace('/graphql', '/health'));
    expect(await health.body.json()).toEqual({ status: 'ok', mode: 'sandbox' });
  });
});
