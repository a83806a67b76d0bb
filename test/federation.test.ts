/**
 * adgraph as an Apollo Federation v2 subgraph: its `_service { sdl }` (read over HTTP from a running
 * server, as a gateway or rover would) composes with a second subgraph that extends its entities, and
 * a real @apollo/gateway, given the static supergraph, plans and runs queries across both over
 * loopback HTTP. Entity references the other subgraph returns cost adgraph one AdStat details call
 * per distinct ad (duplicates are free) and list-only fields at most the login's list pages.
 */
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeFromUrls, composeSupergraph, fetchSubgraphSdl } from '../scripts/compose.js';
import { expectedReview, expectedReviewerCount, startReviewsSubgraph, type ReviewsSubgraph } from './fixtures/reviews-subgraph.js';
import { startApolloGateway, type Gateway } from './helpers/gateways.js';
import { startHarness, type Harness } from './helpers/harness.js';

const ADS = 'GET /api/v2/advertisement';
const DETAILS = 'GET /api/advertisement/telegram/:ad_id';

let h: Harness;
let reviews: ReviewsSubgraph;
let adgraphSdl: string;
let supergraphSdl: string;
let gateway: Gateway;
/** Subgraph requests the gateway made, by subgraph name. */
const subgraphRequests: Record<string, number> = {};

/** Runs an operation through the gateway's executor (what Apollo Server does for each request). */
function viaGateway<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) {
  return gateway.gql<T>(query, variables);
}

interface AdNode {
  id: string;
  title: string;
}

beforeAll(async () => {
  // Upstream calls are counted, not rationed: this file reads AdStat's lists more than 10 times a minute.
  h = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
  reviews = await startReviewsSubgraph();

  adgraphSdl = await fetchSubgraphSdl(h.url);
  const composed = await composeFromUrls([
    { name: 'adgraph', url: h.url },
    { name: 'reviews', url: reviews.url },
  ]);
  if (!composed.ok) throw new Error(`composition failed:\n${composed.errors.join('\n')}`);
  supergraphSdl = composed.supergraphSdl;

  gateway = await startApolloGateway(supergraphSdl, {
    onSubgraphRequest: (name) => (subgraphRequests[name] = (subgraphRequests[name] ?? 0) + 1),
  });
});

afterAll(async () => {
  await gateway?.close();
  await reviews?.close();
  await h?.close();
});

beforeEach(() => {
  h.clearCache();
  h.resetCounts();
  for (const key of Object.keys(subgraphRequests)) delete subgraphRequests[key];
});

describe('composition', () => {
  it("adgraph's _service SDL declares its entities keyed by the global id", () => {
    const doc = parse(adgraphSdl);
    const keyed = new Map<string, string[]>();
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
      const keys = (def.directives ?? [])
        .filter((d) => d.name.value === 'key')
        .map((d) => d.arguments?.find((a) => a.name.value === 'fields')?.value)
        .map((v) => (v?.kind === Kind.STRING ? v.value : ''));
      if (keys.length) keyed.set(def.name.value, keys);
    }
    for (const entity of ['Account', 'Advertisement', 'Campaign', 'AdstatCampaign', 'TonaiCampaign']) {
      expect(keyed.get(entity), entity).toEqual(['id']);
    }
    expect(adgraphSdl).toContain('https://specs.apollo.dev/federation/v2.');
  });

  it('composes with a subgraph that extends Advertisement and Account, with no errors', () => {
    const result = composeSupergraph([
      { name: 'adgraph', url: h.url, sdl: adgraphSdl },
      { name: 'reviews', url: reviews.url, sdl: reviews.typeDefs },
    ]);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.supergraphSdl).toBe(supergraphSdl);

    // The supergraph joins each entity to adgraph by its key, and the shared ones to both subgraphs.
    const joinKey = (type: string, graph: string) => new RegExp(`(type|interface) ${type}\\b[^{]*@join__type\\(graph: ${graph}, key: "id"`);
    for (const entity of ['Account', 'Advertisement', 'Campaign', 'AdstatCampaign', 'TonaiCampaign']) {
      expect(supergraphSdl).toMatch(joinKey(entity, 'ADGRAPH'));
    }
    expect(supergraphSdl).toMatch(joinKey('Advertisement', 'REVIEWS'));
    expect(supergraphSdl).toMatch(joinKey('Account', 'REVIEWS'));
    expect(supergraphSdl).toContain(`@join__graph(name: "adgraph", url: "${h.url}")`);
  });

  it('a subgraph that extends Advertisement without exposing its key fails (KEY_INVALID_FIELDS)', () => {
    const broken = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
      type Advertisement @key(fields: "id") { reviewNotes: [String!]! }
      type Query { noop: Boolean }
    `;
    const result = composeSupergraph([
      { name: 'adgraph', url: h.url, sdl: adgraphSdl },
      { name: 'broken', url: 'http://127.0.0.1:1/graphql', sdl: broken },
    ]);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join('\n')).toContain('KEY_INVALID_FIELDS');
  });
});

describe('through @apollo/gateway', () => {
  it('a query across both subgraphs returns adgraph fields and the reviews fields', async () => {
    const direct = await h.gql<{ advertisements: { edges: { node: AdNode }[] } }>(`{ advertisements(first: 20) { edges { node { id title } } } }`);
    expect(direct.errors).toBeUndefined();

    const res = await viaGateway<{ advertisements: { edges: { node: AdNode & { reviewNotes: string[]; internalRating: number } }[] } }>(
      `query Reviewed { advertisements(first: 20) { edges { node { id title reviewNotes internalRating } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.advertisements.edges.map((e) => e.node);
    expect(nodes).toHaveLength(20);
    expect(nodes.map(({ id, title }) => ({ id, title }))).toEqual(direct.data!.advertisements.edges.map((e) => e.node));
    for (const node of nodes) {
      expect(node.title).toEqual(expect.any(String));
      expect({ reviewNotes: node.reviewNotes, internalRating: node.internalRating }).toEqual(expectedReview(node.id));
    }
    expect(subgraphRequests).toEqual({ adgraph: 1, reviews: 1 });
  });

  it('accounts (another entity) get the reviews subgraph field', async () => {
    const res = await viaGateway<{ accounts: { id: string; name: string; provider: string; reviewerCount: number }[] }>(`{ accounts { id name provider reviewerCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.accounts.length).toBeGreaterThan(0);
    expect(new Set(res.data!.accounts.map((a) => a.provider))).toEqual(new Set(['ADSTAT', 'TONAI']));
    for (const account of res.data!.accounts) expect(account.reviewerCount).toBe(expectedReviewerCount(account.id));
  });

  it('the Campaign interface entity plans through the gateway', async () => {
    const res = await viaGateway<{ campaigns: { edges: { node: { __typename: string; id: string; name: string; account: { id: string; reviewerCount: number } | null } }[] } }>(
      `{ campaigns(first: 5) { edges { node { __typename id name account { id reviewerCount } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.campaigns.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(['AdstatCampaign', 'TonaiCampaign']).toContain(node.__typename);
      if (node.account) expect(node.account.reviewerCount).toBe(expectedReviewerCount(node.account.id));
    }
  });
});

describe('economy of entity resolution', () => {
  let ids: string[];
  let references: string[];
  /** The AdStat logins the referenced ads belong to. */
  let logins: string[];

  beforeAll(async () => {
    const page = await h.gql<{ advertisements: { edges: { node: { id: string; connectionId: string } }[] } }>(
      `{ advertisements(first: 20) { edges { node { id connectionId } } } }`,
    );
    expect(page.errors).toBeUndefined();
    ids = page.data!.advertisements.edges.map((e) => e.node.id);
    logins = [...new Set(page.data!.advertisements.edges.map((e) => e.node.connectionId))];
    expect(new Set(ids).size).toBe(20);
    // 26 references, 20 distinct: the reviews subgraph repeats some (as a real list of reviews would).
    references = [...ids, ids[0]!, ids[3]!, ids[3]!, ids[7]!, ids[19]!, ids[0]!];
    reviews.topReviewed = references;
  });

  it('details fields for 26 references (20 distinct) = 20 AdStat details calls and no list call', async () => {
    const res = await viaGateway<{ topReviewed: { id: string; internalRating: number; title: string; budget: { cpm: { amount: string } } | null }[] }>(
      `{ topReviewed { id internalRating title budget { cpm { amount } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data!.topReviewed;
    expect(rows.map((r) => r.id)).toEqual(references);
    for (const row of rows) {
      expect(row.title).toEqual(expect.any(String));
      expect(row.budget?.cpm.amount).toEqual(expect.any(String));
      expect(row.internalRating).toBe(expectedReview(row.id).internalRating);
    }
    // Repeated references resolve to the same data.
    expect(rows[20]).toEqual(rows[0]);
    expect(rows[21]).toEqual(rows[3]);

    expect(subgraphRequests).toEqual({ reviews: 1, adgraph: 1 });
    expect(h.adstatCount(DETAILS)).toBe(new Set(references).size);
    expect(h.adstatCount(ADS)).toBe(0);
  });

  it('list-only fields for the references cost at most the login list pages, not one call per ad', async () => {
    // How many list pages a full read of the referenced ads' logins takes: what list-only fields may cost at most.
    for (const login of logins) {
      const all = await h.gql(`query($login: String) { advertisements(first: 5000, showDeleted: true, connectionId: $login) { edges { node { id } } } }`, { login });
      expect(all.errors).toBeUndefined();
    }
    const listPages = h.adstatCount(ADS);
    expect(listPages).toBeGreaterThan(0);
    h.clearCache();
    h.resetCounts();

    const res = await viaGateway<{ topReviewed: { id: string; title: string; createdAt: string | null; statistics: { impressions: number } | null; reviewNotes: string[] }[] }>(
      `{ topReviewed { id reviewNotes title createdAt statistics { impressions } } }`,
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data!.topReviewed;
    expect(rows).toHaveLength(references.length);
    expect(rows.every((r) => r.createdAt !== null && r.statistics !== null)).toBe(true);

    expect(subgraphRequests).toEqual({ reviews: 1, adgraph: 1 });
    expect(h.adstatCount(ADS)).toBeGreaterThan(0);
    expect(h.adstatCount(ADS)).toBeLessThanOrEqual(listPages);
    expect(h.adstatCount(DETAILS)).toBeLessThanOrEqual(new Set(references).size);
  });

  it('the same references again within the cache TTL cost no list call', async () => {
    const query = `{ topReviewed { id createdAt } }`;
    expect((await viaGateway(query)).errors).toBeUndefined();
    const first = h.adstatCount(ADS);
    h.resetCounts();
    expect((await viaGateway(query)).errors).toBeUndefined();
    expect(h.adstatCount(ADS)).toBe(0);
    expect(first).toBeGreaterThan(0);
  });
});
