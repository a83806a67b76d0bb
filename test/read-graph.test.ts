import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

interface Edges<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.resetCounts();
});

async function ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await h.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

describe('the read graph', () => {
  it('filters across providers by status, and AdStat campaigns by active and name', async () => {
    const data = await ok<{ active: Edges<{ provider: string; status: string }>; inactive: Edges<{ provider: string; status: string }>; named: Edges<{ name: string }> }>(`{
      active: campaigns(first: 500, status: [ACTIVE]) { edges { node { provider status } } }
      inactive: campaigns(first: 500, active: false, provider: ADSTAT) { edges { node { provider status } } }
      named: campaigns(first: 500, name: "a") { edges { node { name } } }
    }`);
    expect(new Set(data.active.edges.map((e) => e.node.provider))).toEqual(new Set(['ADSTAT', 'TONAI']));
    expect(data.active.edges.every((e) => e.node.status === 'ACTIVE')).toBe(true);
    expect(data.inactive.edges.every((e) => e.node.status !== 'ACTIVE')).toBe(true);
    expect(data.named.edges.every((e) => e.node.name.toLowerCase().includes('a'))).toBe(true);
  });

  it('filters advertisements by status, period and deletion, as the provider defines them', async () => {
    const data = await ok<{ declined: Edges<{ status: string; moderation: { declineReasons: { message: string }[] } }>; today: Edges<{ createdAt: string }>; all: Edges<{ status: string }>; live: Edges<{ status: string }> }>(`{
      declined: advertisements(first: 20, status: [DECLINED]) { edges { node { status moderation { declineReasons { message } } } } }
      today: advertisements(first: 500, period: TODAY) { edges { node { createdAt } } }
      all: advertisements(first: 5000, showDeleted: true) { edges { node { status } } }
      live: advertisements(first: 5000) { edges { node { status } } }
    }`);
    expect(data.declined.edges.length).toBeGreaterThan(0);
    expect(data.declined.edges.every((e) => e.node.status === 'DECLINED' && e.node.moderation.declineReasons.length > 0)).toBe(true);
    const midnight = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z').getTime();
    expect(data.today.edges.length).toBeGreaterThan(0);
    expect(data.today.edges.every((e) => new Date(e.node.createdAt).getTime() >= midnight)).toBe(true);
    expect(data.all.edges.some((e) => e.node.status === 'DELETED')).toBe(true);
    expect(data.live.edges.some((e) => e.node.status === 'DELETED')).toBe(false);
    expect(new Set(data.all.edges.map((e) => e.node.status))).toEqual(new Set(['ACTIVE', 'STOPPED', 'ON_HOLD', 'IN_REVIEW', 'DECLINED', 'DELETED']));
  });

  it('hangs each cabinet’s own ads, campaigns, pixel events and audiences off its account', async () => {
    const data = await ok<{
      accounts: {
        providerId: string;
        name: string;
        audiencesAllowed: boolean | null;
        status: string;
        balanceAvailable: { amount: string } | null;
        advertisements: Edges<{ accountName: string; account: { providerId: string } }>;
        campaigns: Edges<{ provider: string; account: { providerId: string } }>;
        pixelEvents: { tgEventId: string; accountProviderId: string }[];
        audiences: { telegramId: number; title: string }[];
      }[];
    }>(`{
      accounts(provider: ADSTAT) {
        providerId name audiencesAllowed status balanceAvailable { amount }
        advertisements(first: 5) { edges { node { accountName account { providerId } } } }
        campaigns(first: 50) { edges { node { provider account { providerId } } } }
        pixelEvents { tgEventId accountProviderId }
        audiences { telegramId title }
      }
    }`);
    for (const account of data.accounts) {
      for (const { node } of account.advertisements.edges) {
        expect(node.accountName).toBe(account.name);
        expect(node.account.providerId).toBe(account.providerId);
      }
      for (const { node } of account.campaigns.edges) expect(node.account.providerId).toBe(account.providerId);
      expect(account.pixelEvents.every((e) => e.accountProviderId === account.providerId)).toBe(true);
      if (!account.audiencesAllowed) expect(account.audiences).toEqual([]);
    }
    const uz = data.accounts.find((a) => a.audiencesAllowed);
    expect(uz?.audiences.length).toBeGreaterThan(0);
    // Audiences are read only for the cabinets that may have them.
    expect(h.adstatCount('GET /api/advertisement/telegram/:account_id/audiences')).toBe(1);
  });

  it('round-trips every node type through node(id)', async () => {
    const data = await ok<{
      accounts: { id: string }[];
      advertisements: Edges<{ id: string; campaign: { id: string } }>;
      campaigns: Edges<{ id: string; __typename: string }>;
      kktuTree: { id: string }[];
    }>(`{
      accounts { id }
      advertisements(first: 1) { edges { node { id campaign { id } } } }
      campaigns(first: 1000) { edges { node { id __typename } } }
      kktuTree { id }
    }`);
    const tonai = data.campaigns.edges.find((e) => e.node.__typename === 'TonaiCampaign')!.node.id;
    const ids = [data.accounts[0]!.id, data.accounts.at(-1)!.id, data.advertisements.edges[0]!.node.id, data.advertisements.edges[0]!.node.campaign.id, tonai, data.kktuTree[0]!.id];
    const back = await ok<{ nodes: ({ id: string; __typename: string } | null)[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, { ids });
    expect(back.nodes.map((n) => n?.id)).toEqual(ids);
    expect(back.nodes.map((n) => n?.__typename)).toEqual(['Account', 'Account', 'Advertisement', 'AdstatCampaign', 'TonaiCampaign', 'KktuNode']);

    const unknown = Buffer.from('Advertisement:demo:999999999').toString('base64');
    const missing = await ok<{ node: null }>(`query($id: ID!) { node(id: $id) { id } }`, { id: unknown });
    expect(missing.node).toBeNull();
  });

  it('reads a node by id with list-only and details-only fields together', async () => {
    const page = await ok<{ advertisements: Edges<{ id: string; title: string; statistics: { impressions: number } }> }>(`{ advertisements(first: 1) { edges { node { id title statistics { impressions } } } } }`);
    const ad = page.advertisements.edges[0]!.node;
    h.clearCache();
    const data = await ok<{ node: { title: string; createdAt: string; statistics: { impressions: number }; targeting: { type: string }; labelling: { kktuIds: string[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on Advertisement { title createdAt statistics { impressions } targeting { type } labelling { kktuIds } } } }`,
      { id: ad.id },
    );
    expect(data.node.title).toBe(ad.title);
    expect(data.node.statistics.impressions).toBe(ad.statistics.impressions);
    expect(data.node.createdAt).toMatch(/Z$/);
  });

  it('pages backwards from a cursor', async () => {
    const forward = await ok<{ advertisements: Edges<{ id: string }> }>(`{ advertisements(first: 30) { edges { cursor node { id } } pageInfo { endCursor } } }`);
    const backward = await ok<{ advertisements: Edges<{ id: string }> }>(
      `query($before: String) { advertisements(last: 10, before: $before) { edges { node { id } } pageInfo { hasPreviousPage hasNextPage } } }`,
      { before: forward.advertisements.pageInfo.endCursor },
    );
    expect(backward.advertisements.edges.map((e) => e.node.id)).toEqual(forward.advertisements.edges.slice(19, 29).map((e) => e.node.id));
    expect(backward.advertisements.pageInfo.hasPreviousPage).toBe(true);
    const noBefore = await h.gql(`{ advertisements(last: 10) { edges { cursor } } }`);
    expect(noBefore.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'last' });
    const badCursor = await h.gql(`{ advertisements(first: 10, after: "nonsense") { edges { cursor } } }`);
    expect(badCursor.errors?.[0]?.message).toBe('after: not a cursor of this list (use a cursor returned by it)');
  });

  it('shows each login’s balances and the TON.ai details of a campaign in USDT with UTC times', async () => {
    const data = await ok<{ environment: { connections: { provider: string; balances: { total: { currency: string } } | null }[] }; campaigns: Edges<{ budget: { daily: { amount: string; currency: string }; startTime: string }; bidding: { costPer: { currency: string } }; targeting: { platform: string } }> }>(`{
      environment { connections { provider balances { total { amount currency } } } }
      campaigns(provider: TONAI, first: 3) { edges { node { ... on TonaiCampaign { budget { daily { amount currency } startTime } bidding { costPer { currency } } targeting { platform } } } } }
    }`);
    expect(data.environment.connections.filter((c) => c.provider === 'ADSTAT').every((c) => c.balances?.total.currency === 'EUR')).toBe(true);
    expect(data.environment.connections.filter((c) => c.provider === 'TONAI').every((c) => c.balances === null)).toBe(true);
    for (const { node } of data.campaigns.edges) {
      expect(node.budget.daily.currency).toBe('USDT');
      expect(node.budget.startTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(node.bidding.costPer.currency).toBe('USDT');
    }
  });
});
