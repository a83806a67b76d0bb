/**
 * Compiled execution (src/jit.ts) answers as graphql-js does: the cases where graphql-jit 0.8 on its
 * own answers differently, each run over HTTP twice, first by the executor (a document's first
 * execution), then compiled, and the two answers compared; then checked against what graphql-js
 * gives. The response cache is off, so the second request executes too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLScalarType } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledExecutionStats, useCompiledExecution } from '../src/jit.js';
import { COMPILED_EXECUTION_ENV, startHarness, type GraphQLResponse, type Harness } from './helpers/harness.js';

/** CI's second run of the suite compiles every document at its first execution. */
const FORCED = COMPILED_EXECUTION_ENV.ADGRAPH_COMPILED_EXECUTION === 'always';

type Located = { locations?: { line: number; column: number }[]; path?: (string | number)[] };

let h: Harness;

beforeAll(async () => {
  // Every request executes (no whole-answer cache), and each reads fresh details.
  h = await startHarness({ env: { ADGRAPH_RESPONSE_CACHE: '0', ADGRAPH_CACHE_ITEM_TTL_MS: '1' } });
});

/**
 * The answer of the second run, which is compiled (or, `fallsBack`, refused by compiled execution
 * and answered by the executor), after checking that it equals the first run's, by the executor.
 */
async function bothExecutors<T>(query: string, variables?: Record<string, unknown>, fallsBack = false): Promise<GraphQLResponse<T>> {
  const before = { ...compiledExecutionStats };
  const first = await h.gql<T>(query, variables);
  const ranFirst = { ...compiledExecutionStats };
  if (!FORCED) expect(ranFirst, 'the first execution of a document is not compiled').toEqual(before);
  const second = await h.gql<T>(query, variables);
  const { compilations: _, ...counts } = compiledExecutionStats;
  const { compilations: __, ...countsFirst } = ranFirst;
  expect(counts).toEqual(fallsBack ? { ...countsFirst, fellBack: countsFirst.fellBack + 1 } : { ...countsFirst, compiled: countsFirst.compiled + 1 });
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

  it('a document refused over the upstream budget is never compiled', async () => {
    const before = { ...compiledExecutionStats };
    const query = '{ advertisements(first: 5000) { nodes { id moderation { status } } } }';
    for (let i = 0; i < 3; i++) expect((await h.gql(query)).errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE' });
    expect(compiledExecutionStats).toEqual(before);
  });

  it('a variable inside an input object literal keeps the executor (graphql-jit would read it as missing)', async () => {
    const ad = (await h.gql<{ advertisements: { nodes: { id: string }[] } }>('{ advertisements(first: 1, connectionId: "demo") { nodes { id } } }')).data!.advertisements.nodes[0]!.id;
    const before = { ...compiledExecutionStats };
    const query = 'query ($id: ID!) { _entities(representations: [{ __typename: "Advertisement", id: $id }]) { __typename ... on Advertisement { id } } }';
    for (let i = 0; i < 2; i++) {
      const res = await h.gql<{ _entities: unknown[] }>(query, { id: ad });
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([{ __typename: 'Advertisement', id: ad }]);
    }
    expect(compiledExecutionStats).toEqual(before);
  });

  it('several root fields with a non-null one keep the executor, which answers at the first failure', async () => {
    const before = { ...compiledExecutionStats };
    const query = '{ campaigns(first: 6000) { nodes { id } } advertisements(first: 1, connectionId: "demo") { nodes { id } } }';
    for (let i = 0; i < 2; i++) {
      const res = await h.gql(query);
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    }
    expect(compiledExecutionStats).toEqual(before);
  });

  it('a null for a variable with a default, where the argument is non-null, gets graphql-js’s refusal', async () => {
    const res = await bothExecutors('query ($id: ID = "x") { node(id: $id) { id } }', { id: null }, true);
    expect(res.data).toEqual({ node: null });
    expect(res.errors!.map((e) => [e.message, e.extensions?.code])).toEqual([['Argument "id" of non-null type "ID!" must not be null.', 'BAD_USER_INPUT']]);
  });

  it('an answer with errors lists errors before data, as graphql-js does', async () => {
    const body = JSON.stringify({ query: '{ advertisements(first: 2, connectionId: "demo") { nodes { id accountProviderId } } }' });
    const texts: string[] = [];
    const before = compiledExecutionStats.compiled;
    for (let i = 0; i < 2; i++) {
      h.clearCache();
      h.sandbox.adstat.server.controls.addFault({ endpoint: 'GET /api/advertisement/telegram/:ad_id', status: 500, times: 1 });
      const res = await request(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      texts.push(await res.body.text());
    }
    expect(compiledExecutionStats.compiled, 'the second one compiled').toBe(before + (FORCED ? 2 : 1));
    for (const text of texts) expect(text.startsWith('{"errors":['), text.slice(0, 200)).toBe(true);
    const [first, second] = texts.map((t) => JSON.parse(t) as GraphQLResponse);
    expect({ errors: second!.errors, data: second!.data }).toEqual({ errors: first!.errors, data: first!.data });
  });

  it('a mutation is never compiled', async () => {
    const before = { ...compiledExecutionStats };
    // An id that is not a TonaiCampaign's: answered without any write upstream.
    const query = 'mutation ($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: PAUSE) { __typename } }';
    for (let i = 0; i < 2; i++) expect((await h.gql(query, { ids: ['not-a-campaign'] })).data).toBeDefined();
    expect(compiledExecutionStats).toEqual(before);
  });
});

/**
 * What graphql-jit does on its own where adgraph's resolvers never lead (a bug of ours would): a
 * scalar whose serialize returns null, a resolveType that throws under an async parent. A small
 * schema of its own in a bare Yoga over HTTP, once with compiled execution always and once off.
 */
describe('compiled execution where graphql-jit alone would differ', () => {
  const sdl = /* GraphQL */ `
    scalar Odd
    interface Thing { name: String }
    type Cube implements Thing { name: String }
    type Box { thing: Thing odd: Odd! label: String cube: Cube }
    type Query { box: Box boxes: [Box] }
  `;
  const resolvers = {
    Odd: new GraphQLScalarType({ name: 'Odd', serialize: (v) => (v === 'bad' ? null : v) }),
    Thing: {
      __resolveType: () => {
        throw new Error('resolveType failed');
      },
    },
    Cube: {
      __isTypeOf: () => {
        throw new Error('isTypeOf failed');
      },
    },
    // Async parents: the resolveType and the serializer run in a promise's continuation.
    Query: { box: async () => ({ thing: {}, cube: {}, odd: 'bad', label: 'kept' }), boxes: async () => [{ thing: {}, cube: {}, odd: 1, label: 'a' }] },
  };
  const servers: Server[] = [];
  const urls: Record<'always' | 'off', string> = { always: '', off: '' };

  beforeAll(async () => {
    for (const mode of ['always', 'off'] as const) {
      const yoga = createYoga({ schema: createSchema({ typeDefs: sdl, resolvers }), plugins: [useCompiledExecution(mode)], logging: false });
      const server = createServer(yoga);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      urls[mode] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    }
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  const ask = async (mode: 'always' | 'off', query: string) => {
    const res = await request(urls[mode], { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return (await res.body.json()) as GraphQLResponse;
  };

  it('a serialize that returns null fails the non-null field, as graphql-js does, and its message is masked', async () => {
    const query = '{ box { odd label } }';
    const before = compiledExecutionStats.compiled;
    const compiled = await ask('always', query);
    expect(compiledExecutionStats.compiled).toBe(before + 1);
    const stats = { ...compiledExecutionStats };
    const executor = await ask('off', query);
    expect(compiledExecutionStats, 'off: never compiled').toEqual(stats);
    expect(executor.data).toEqual({ box: null });
    expect(compiled.data).toEqual(executor.data);
    expect(compiled.errors!.map((e) => [e.path, e.message])).toEqual([[['box', 'odd'], 'Unexpected error.']]);
    expect(executor.errors!.map((e) => e.path)).toEqual([['box', 'odd']]);
  });

  it('a throwing resolveType or isTypeOf under an async parent is that field’s error, not an unhandled rejection', async () => {
    for (const query of ['{ box { label thing { name } } }', '{ boxes { label thing { name } } }', '{ box { label cube { name } } }', '{ boxes { label cube { name } } }']) {
      const compiled = await ask('always', query);
      const executor = await ask('off', query);
      expect(compiled.data).toEqual(executor.data);
      expect(compiled.errors!.map((e) => [e.path, e.message])).toEqual(executor.errors!.map((e) => [e.path, e.message]));
    }
    // The compiled query keeps the safe resolveType; the schema has its own back.
    expect(compiledExecutionStats.compiled).toBeGreaterThan(0);
  });
});
