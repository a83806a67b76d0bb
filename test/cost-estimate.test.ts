/**
 * The upstream-cost estimate is an upper bound: over a corpus of queries (the example operations
 * with several variable sets, plus generated combinations of lists, sizes, filters, details and
 * links), the estimate reported in `extensions.cost` is never below the calls the simulators
 * counted, on a cold cache. The reported `upstreamCalls` equals that count. Over the budget, a
 * document is refused with QUERY_TOO_EXPENSIVE naming the estimate, budget and costliest fields.
 */
import { readFileSync } from 'node:fs';
import { parse, print, separateOperations } from 'graphql';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let ids: { ad: string; account: string; tonaiAccount: string; adstatCampaign: string; tonaiCampaign: string; kktu: string };

interface Cost {
  estimated: number;
  upstreamCalls: number;
  budget: number;
}

async function run(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const res = await request(h.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return (await res.body.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: { cost?: Cost } };
}

/** Cold cache, a new AdStat session, counts reset: the most a query can cost. */
async function measure(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  h.clearCache();
  h.resetCounts();
  const body = await run(query, variables, operationName);
  return { body, counted: h.adstatCount() + h.tonaiCount() };
}

beforeAll(async () => {
  // Cold-cache runs one after another: AdStat's 10-a-minute limit is lifted on both sides.
  h = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
  const body = await run(`{
    advertisements(first: 1) { nodes { id campaign { id } } }
    accounts { id provider }
    campaigns(provider: TONAI, first: 1) { nodes { id } }
    kktuTree { id }
  }`);
  const data = body.data as {
    advertisements: { nodes: { id: string; campaign: { id: string } }[] };
    accounts: { id: string; provider: string }[];
    campaigns: { nodes: { id: string }[] };
    kktuTree: { id: string }[];
  };
  ids = {
    ad: data.advertisements.nodes[0]!.id,
    adstatCampaign: data.advertisements.nodes[0]!.campaign.id,
    account: data.accounts.find((a) => a.provider === 'ADSTAT')!.id,
    tonaiAccount: data.accounts.find((a) => a.provider === 'TONAI')!.id,
    tonaiCampaign: data.campaigns.nodes[0]!.id,
    kktu: data.kktuTree[0]!.id,
  };
});
afterAll(async () => {
  await h?.close();
});

/** Each example query operation with just the fragments it uses. */
const operations = (): Record<string, string> => {
  const dir = new URL('../examples/operations/', import.meta.url);
  const document = parse(readFileSync(new URL('fragments.graphql', dir), 'utf8') + readFileSync(new URL('queries.graphql', dir), 'utf8'));
  return Object.fromEntries(Object.entries(separateOperations(document)).map(([name, doc]) => [name, print(doc)]));
};

function exampleCases(): [string, Record<string, unknown>][] {
  return [
    ['DashboardOverview', {}],
    ['DashboardOverview', { provider: 'ADSTAT' }],
    ['AdvertisementsPage', {}],
    ['AdvertisementsPage', { first: 600 }],
    ['AdvertisementsPage', { first: 100, status: ['ACTIVE'] }],
    ['AdvertisementsPage', { first: 50, connectionId: 'demo', showDeleted: true }],
    ['AdvertisementDetails', { id: ids.ad }],
    ['CampaignsPage', {}],
    ['CampaignsPage', { first: 200 }],
    ['CampaignsPage', { first: 50, status: ['ACTIVE', 'PAUSED'] }],
    ['CampaignsPage', { provider: 'TONAI', name: 'a' }],
    ['TonaiCampaignDetails', { id: ids.tonaiCampaign }],
    ['KktuSearch', { query: '1' }],
    ['AccountPixelAndAudiences', { accountId: ids.account }],
    ['ValidateTargetBots', { accountId: ids.account, bots: ['t.me/bot_1'] }],
  ];
}

/** Lists, sizes, filters, details and links in combination. */
function generatedCases(): [string, Record<string, unknown>][] {
  const adFields = ['id', 'title status', 'targeting { type }', 'moderation { status } creative { title }', 'campaign { name }', 'account { name }', 'statistics { clicks }'];
  const cases: [string, Record<string, unknown>][] = [];
  for (const first of [1, 50, 501]) {
    for (const fields of adFields) {
      if (first > 50 && /targeting|moderation/.test(fields)) continue;
      cases.push([`{ advertisements(first: ${first}) { nodes { ${fields} } } }`, {}]);
    }
  }
  cases.push(
    ['{ advertisements(first: 20, status: [STOPPED, ACTIVE]) { nodes { id telegramId } } }', {}],
    ['{ accounts { name status balanceTotal { amount } advertisements(first: 5) { nodes { title targeting { type } } } } }', {}],
    ['{ accounts { campaigns(first: 3) { nodes { name statistics { clicks } } } pixelEvents { adsCount } audiences { title } } }', {}],
    ['{ accounts(provider: TONAI) { campaigns(first: 20) { nodes { name ... on TonaiCampaign { budget { daily { amount } } } } } } }', {}],
    ['{ campaigns(first: 150) { nodes { name status account { name } ... on TonaiCampaign { userId billingType } } } }', {}],
    ['{ campaigns(first: 10) { nodes { ... on AdstatCampaign { advertisements(first: 5) { nodes { title } } } ... on TonaiCampaign { targeting { platform } } } } }', {}],
    ['{ environment { connections { id balances { total { amount } } } } }', {}],
    ['{ kktuTree { code children { code parent { code } } } }', {}],
    ['query($id: ID!) { node(id: $id) { id ... on Advertisement { title status targeting { type } account { name } campaign { name } } } }', { id: ids.ad }],
    ['query($id: ID!) { node(id: $id) { id ... on AdstatCampaign { name advertisements(first: 3) { nodes { title } } } } }', { id: ids.adstatCampaign }],
    ['query($id: ID!) { node(id: $id) { id ... on TonaiCampaign { name status statistics { clicks } userId budget { daily { amount } } } } }', { id: ids.tonaiCampaign }],
    [
      'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Account { name status } ... on KktuNode { code } ... on Advertisement { title } } }',
      { ids: [ids.account, ids.tonaiAccount, ids.kktu, ids.ad, ids.adstatCampaign, ids.tonaiCampaign] },
    ],
    [
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Advertisement { title moderation { status } } ... on Campaign { name } ... on Account { name } } }',
      {
        r: [
          { __typename: 'Advertisement', id: ids.ad },
          { __typename: 'Campaign', id: ids.tonaiCampaign },
          { __typename: 'Campaign', id: ids.adstatCampaign },
          { __typename: 'Account', id: ids.account },
        ],
      },
    ],
  );
  return cases;
}

describe('the upstream-cost estimate', () => {
  it('is never below the calls counted at the simulators (example operations)', async () => {
    const documents = operations();
    const seen = new Set<string>();
    for (const [name, variables] of exampleCases()) {
      const { body, counted } = await measure(documents[name]!, variables, name);
      expect(body.errors?.filter((e) => e.extensions?.code !== 'PROVIDER_REJECTED'), name).toBeUndefined();
      const cost = body.extensions!.cost!;
      expect(cost.upstreamCalls, `${name} ${JSON.stringify(variables)}`).toBe(counted);
      expect(cost.estimated, `${name} ${JSON.stringify(variables)}: estimated ${cost.estimated}, counted ${counted}`).toBeGreaterThanOrEqual(counted);
      seen.add(name);
    }
    expect(seen.size).toBe(8);
  });

  it('is never below the calls counted at the simulators (generated queries)', async () => {
    for (const [query, variables] of generatedCases()) {
      const { body, counted } = await measure(query, variables);
      expect(body.errors, `${query}: ${JSON.stringify(body.errors)}`).toBeUndefined();
      const cost = body.extensions!.cost!;
      expect(cost.upstreamCalls, query).toBe(counted);
      expect(cost.estimated, `${query}: estimated ${cost.estimated}, counted ${counted}`).toBeGreaterThanOrEqual(counted);
    }
  });

  it('is never below the calls counted at the simulators (mutations: the GraphiQL tabs, dry runs and real writes)', async () => {
    const { exampleTabs } = await import('../src/graphiql.js');
    const cases: [string, string, Record<string, unknown>][] = [];
    for (const tab of exampleTabs(new Date())) {
      if (!/^\s*(#.*\n\s*)*mutation /.test(tab.query)) continue;
      const variables = JSON.parse(tab.variables ?? '{}') as { input?: Record<string, unknown> } & Record<string, unknown>;
      cases.push([tab.query, 'as in the tab', variables]);
      // The same create for real (not a dry run): validation reads, then the write.
      if (variables.input?.validateOnly === true) cases.push([tab.query, 'for real', { ...variables, input: { ...variables.input, validateOnly: false } }]);
    }
    expect(cases.length).toBeGreaterThanOrEqual(5);
    let total = 0;
    for (const [query, label, variables] of cases) {
      const name = /mutation (\w+)/.exec(query)![1]!;
      const { body, counted } = await measure(query, variables);
      expect(body.errors, `${name} ${label}: ${JSON.stringify(body.errors)}`).toBeUndefined();
      expect(JSON.stringify(body.data), `${name} ${label}`).not.toMatch(/"__typename":"(ValidationError|ProviderFailure|OutcomeUnknown)"/);
      const cost = body.extensions!.cost!;
      total += counted;
      expect(cost.upstreamCalls, `${name} ${label}`).toBe(counted);
      expect(cost.estimated, `${name} ${label}: estimated ${cost.estimated}, counted ${counted}`).toBeGreaterThanOrEqual(counted);
    }
    expect(total, 'the corpus reaches the providers').toBeGreaterThan(cases.length);
  });

  it('lets the reference dashboard with a details field on 500 ads through', async () => {
    const { dashboardQuery } = await import('../bench/read-dashboard.js');
    const { body, counted } = await measure(dashboardQuery('details'));
    expect(body.errors).toBeUndefined();
    expect(counted).toBeGreaterThan(500);
    expect(body.extensions!.cost!.estimated).toBeGreaterThanOrEqual(counted);
    expect(body.extensions!.cost!.estimated).toBeLessThanOrEqual(body.extensions!.cost!.budget);
  });

  it('refuses over the budget with the estimate, the budget and the costliest fields, sending nothing', async () => {
    const { body, counted } = await measure('{ advertisements(first: 5000) { nodes { id moderation { status } } } campaigns(first: 10) { nodes { id } } }');
    expect(counted).toBe(0);
    const error = body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', budget: 1500 });
    expect(error.extensions!.estimated).toBeGreaterThan(5000);
    expect(error.message).toMatch(/up to \d+ upstream calls, over the budget of 1500 per request\. Costliest fields: Advertisement\.moderation ≈5000, Query\.advertisements ≈20/);
    expect(body.extensions!.cost).toMatchObject({ upstreamCalls: 0, budget: 1500 });
  });

  it('estimates a field whose argument execution will refuse as free, instead of failing', async () => {
    // A null variable in a list of non-null ids: execution refuses the argument before the resolver.
    const { body, counted } = await measure('query ($a: ID = "x") { nodes(ids: [$a]) { id } }', { a: null });
    expect(counted).toBe(0);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(body.extensions!.cost).toMatchObject({ estimated: 0, upstreamCalls: 0 });
  });

  it('follows ADGRAPH_COST_BUDGET', async () => {
    const small = await startHarness({ env: { ADGRAPH_COST_BUDGET: '3' } });
    try {
      const refused = await small.gql('{ advertisements(first: 600) { nodes { id } } }');
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', budget: 3 });
      const allowed = await small.gql('{ advertisements(first: 10, connectionId: "demo") { nodes { id } } }');
      expect(allowed.errors).toBeUndefined();
    } finally {
      await small.close();
    }
  });
});
