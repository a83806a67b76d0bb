/**
 * The shape of partial failures, as graphql-js gives it and gateways rely on: an `_entities` list
 * has exactly one item per representation whatever order the failures settle in, and a row nulled
 * by two failing non-null fields carries one error, not two. Each case runs twice: a document's
 * first execution is the standard executor's, its second compiled (src/jit.ts), and both must
 * answer so (graphql-jit on its own answers both differently).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledExecutionStats } from '../src/jit.js';
import { startHarness, type Harness } from './helpers/harness.js';

const DETAILS = 'GET /api/advertisement/telegram/:ad_id';

let h: Harness;

beforeAll(async () => {
  // Every request executes (no whole-answer cache), and each case reads fresh details.
  h = await startHarness({ env: { ADGRAPH_RESPONSE_CACHE: '0', ADGRAPH_CACHE_ITEM_TTL_MS: '1' } });
});

afterAll(async () => {
  h.sandbox.adstat.server.controls.clearFaults();
  await h?.close();
});

/** Runs `check` twice, the second time compiled, and checks that it was. */
async function underBothExecutors(check: () => Promise<void>): Promise<void> {
  await check();
  const compiled = compiledExecutionStats.compiled;
  await check();
  expect(compiledExecutionStats.compiled, 'the second execution is compiled').toBe(compiled + 1);
}

describe('partial failure shapes', () => {
  it('_entities answers one item per representation when a failed one settles after a later one', async () => {
    const ads = await h.gql<{ advertisements: { nodes: { id: string }[] } }>('{ advertisements(first: 1, connectionId: "demo") { nodes { id } } }');
    const tonai = await h.gql<{ campaigns: { nodes: { id: string }[] } }>('{ campaigns(provider: TONAI, first: 1) { nodes { id } } }');
    const representations = [
      { __typename: 'Advertisement', id: ads.data!.advertisements.nodes[0]!.id },
      { __typename: 'TonaiCampaign', id: tonai.data!.campaigns.nodes[0]!.id },
    ];
    await underBothExecutors(async () => {
      // The ad's details call fails, and late: the campaign is resolved first.
      h.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, status: 500, latencyMs: 150, times: 1 });
      const res = await h.gql<{ _entities: unknown[] }>(
        'query ($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on Advertisement { id moderation { declineReasons { message } } } ... on TonaiCampaign { id name } } }',
        { reps: representations },
      );
      expect(res.data!._entities).toHaveLength(2);
      expect(res.data!._entities[0]).toBeNull();
      expect(res.data!._entities[1]).toMatchObject({ __typename: 'TonaiCampaign', id: representations[1]!.id });
      expect(res.errors!.map((e) => e.path?.slice(0, 2))).toEqual([['_entities', 0]]);
    });
  });

  it('a row nulled by two failing non-null fields carries one error', async () => {
    await underBothExecutors(async () => {
      h.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, status: 500, times: 1 });
      const res = await h.gql<{ advertisements: { nodes: (Record<string, unknown> | null)[] } }>(
        '{ advertisements(first: 3, connectionId: "demo") { nodes { id accountProviderId currency } } }',
      );
      const nodes = res.data!.advertisements.nodes;
      expect(nodes).toHaveLength(3);
      const nulled = nodes.flatMap((node, i) => (node === null ? [i] : []));
      expect(nulled).toHaveLength(1);
      expect(res.errors).toHaveLength(1);
      const path = res.errors![0]!.path!;
      expect(path.slice(0, 3)).toEqual(['advertisements', 'nodes', nulled[0]]);
      expect(['accountProviderId', 'currency']).toContain(path[3]);
    });
  });
});
