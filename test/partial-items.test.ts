/** One failing item never fails its neighbours: `nodes` nulls only the slot whose load failed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

const DETAILS = 'GET /api/advertisement/telegram/:ad_id';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
});
afterAll(async () => {
  await h.close();
});

describe('nodes(ids) with one failing item', () => {
  it('returns the others and nulls only that slot, with the error at ["nodes", i]', async () => {
    const list = await h.gql<{ advertisements: { nodes: { id: string; providerId: string; title: string }[] } }>('{ advertisements(first: 3) { nodes { id providerId title } } }');
    const ads = list.data!.advertisements.nodes;
    expect(ads).toHaveLength(3);
    const broken = ads[1]!;
    h.clearCache();
    // Only the middle ad's details call fails, every time (so retries cannot hide it).
    h.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, path: `/api/advertisement/telegram/${broken.providerId}`, status: 500 });
    try {
      const res = await h.gql<{ nodes: ({ id: string; title: string; telegramId: number | null } | null)[] }>(
        'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Advertisement { title telegramId } } }',
        { ids: ads.map((a) => a.id) },
      );
      expect(res.status).toBe(200);
      expect(res.data?.nodes, JSON.stringify(res)).toHaveLength(3);
      expect(res.data!.nodes[0]).toMatchObject({ id: ads[0]!.id, title: ads[0]!.title });
      expect(res.data!.nodes[1]).toBeNull();
      expect(res.data!.nodes[2]).toMatchObject({ id: ads[2]!.id, title: ads[2]!.title });
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.path).toEqual(['nodes', 1]);
      expect(res.errors![0]!.extensions).toMatchObject({ provider: 'ADSTAT' });
      expect(res.errors![0]!.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      // The neighbours really were loaded by their own details calls, not skipped.
      expect(h.adstatCount(DETAILS)).toBeGreaterThanOrEqual(3);
    } finally {
      h.sandbox.adstat.server.controls.clearFaults();
    }
  });

  it('in a list, an item whose details fail keeps its row fields and its neighbours (error at its field)', async () => {
    const list = await h.gql<{ advertisements: { nodes: { id: string; providerId: string; telegramId: number | null }[] } }>('{ advertisements(first: 3) { nodes { id providerId telegramId } } }');
    const ads = list.data!.advertisements.nodes;
    h.clearCache();
    h.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, path: `/api/advertisement/telegram/${ads[1]!.providerId}`, status: 500 });
    try {
      const res = await h.gql<{ advertisements: { nodes: { id: string; telegramId: number | null }[] } }>('{ advertisements(first: 3) { nodes { id telegramId } } }');
      expect(res.data!.advertisements.nodes).toEqual([
        { id: ads[0]!.id, telegramId: ads[0]!.telegramId },
        { id: ads[1]!.id, telegramId: null },
        { id: ads[2]!.id, telegramId: ads[2]!.telegramId },
      ]);
      expect(res.errors?.map((e) => e.path)).toEqual([['advertisements', 'nodes', 1, 'telegramId']]);
    } finally {
      h.sandbox.adstat.server.controls.clearFaults();
    }
  });
});
