/**
 * Compiled execution (src/jit.ts) answers as graphql-js does: the cases where graphql-jit 0.8 on its
 * own answers differently, each run over HTTP twice, first by the executor (a document's first
 * execution), then compiled, and the two answers compared; then checked against what graphql-js
 * gives. The response cache is off, so the second request executes too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledExecutionStats } from '../src/jit.js';
import { startHarness, type GraphQLResponse, type Harness } from './helpers/harness.js';

type Located = { locations?: { line: number; column: number }[]; path?: (string | number)[] };

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { ADGRAPH_RESPONSE_CACHE: '0' } });
});

/**
 * The answer of the second run, which is compiled (or, `fallsBack`, refused by compiled execution
 * and answered by the executor), after checking that it equals the first run's, by the executor.
 */
async function bothExecutors<T>(query: string, variables?: Record<string, unknown>, fallsBack = false): Promise<GraphQLResponse<T>> {
  const before = { ...compiledExecutionStats };
  const first = await h.gql<T>(query, variables);
  expect(compiledExecutionStats, 'the first execution of a document is not compiled').toEqual(before);
  const second = await h.gql<T>(query, variables);
  expect(compiledExecutionStats).toEqual(fallsBack ? { ...before, fellBack: before.fellBack + 1 } : { ...before, compiled: before.compiled + 1 });
  expect({ data: second.data, errors: second.errors }).toEqual({ data: first.data, errors: first.errors });
  return second;
}

afterAll(async () => {
  await h.close();
});

/** 1-based column of the first `text` in a one-line query, as `locations` reports it. */
const columnOf = (query: string, text: string): number => query.indexOf(text) + 1;

describe('compiled execution', () => {
  it('keys come in document order when a fragment comes before a field', async () => {
    const res = await bothExecutors<{ campaigns: { nodes: Record<string, unknown>[] } }>(
      '{ campaigns(provider: TONAI, first: 2) { nodes { id ... on TonaiCampaign { billingType } name ...Status } } } fragment Status on Campaign { status }',
    );
    expect(res.errors).toBeUndefined();
    for (const node of res.data!.campaigns.nodes) expect(Object.keys(node)).toEqual(['id', 'billingType', 'name', 'status']);
  });

  it('failed sources are null slots at their index, their errors with path and locations', async () => {
    h.sandbox.adstat.server.controls.addFault({ endpoint: 'GET /api/campaigns', status: 503 });
    try {
      const query = '{ campaigns(first: 50) { edges { node { provider } } nodes { provider } } }';
      const res = await bothExecutors<{ campaigns: { edges: unknown[]; nodes: unknown[] } }>(query);
      expect(res.data!.campaigns.edges).toHaveLength(52);
      expect(res.data!.campaigns.edges.slice(0, 2)).toEqual([null, null]);
      expect(res.data!.campaigns.nodes).toHaveLength(52);
      expect(res.data!.campaigns.nodes.slice(0, 2)).toEqual([null, null]);
      const errors = res.errors as Located[];
      expect(errors.map((e) => e.path)).toEqual([
        ['campaigns', 'edges', 0],
        ['campaigns', 'edges', 1],
        ['campaigns', 'nodes', 0],
        ['campaigns', 'nodes', 1],
      ]);
      expect(errors.map((e) => e.locations)).toEqual([
        [{ line: 1, column: columnOf(query, 'edges') }],
        [{ line: 1, column: columnOf(query, 'edges') }],
        [{ line: 1, column: columnOf(query, 'nodes') }],
        [{ line: 1, column: columnOf(query, 'nodes') }],
      ]);
    } finally {
      h.sandbox.adstat.server.controls.clearFaults();
    }
  });

  it('a variable of the wrong type gets graphql-js’s message', async () => {
    const res = await bothExecutors('query ($period: CreationPeriod) { advertisements(period: $period, first: 1) { nodes { id } } }', { period: 'LAST_YEAR' }, true);
    expect(res.data).toBeUndefined();
    expect(res.errors!.map((e) => e.message)).toEqual(['Variable "$period" got invalid value "LAST_YEAR"; Value "LAST_YEAR" does not exist in "CreationPeriod" enum.']);
  });

  it('a mutation is never compiled', async () => {
    const before = { ...compiledExecutionStats };
    // An id that is not a TonaiCampaign's: answered without any write upstream.
    const query = 'mutation ($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: PAUSE) { __typename } }';
    for (let i = 0; i < 2; i++) expect((await h.gql(query, { ids: ['not-a-campaign'] })).data).toBeDefined();
    expect(compiledExecutionStats).toEqual(before);
  });
});
