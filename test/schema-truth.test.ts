/** The schema says what it returns: no event is null, and rates have one unit across providers. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADSTAT_AD_DETAILS } from './fixtures/documented-examples.js';
import { startHarness, type Harness } from './helpers/harness.js';

interface Stats {
  impressions: number;
  clicks: number;
  goals: number | null;
  conversions: number | null;
  ctr: number | null;
  cvr: number | null;
  providerCtr: number | null;
  providerCvr: number | null;
}
const STATS = 'statistics { impressions clicks goals conversions ctr cvr providerCtr providerCvr }';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
});
afterAll(async () => {
  await h.close();
});

describe('what the schema says it returns', () => {
  it('pixelEvent is null for an ad without one (AdStat sends an event of nulls), and set for an ad with one', async () => {
    const res = await h.gql<{ advertisements: { nodes: { actionType: string | null; pixelEvent: { tgEventId: string | null; name: string | null } | null }[] } }>(
      '{ advertisements(first: 60, showDeleted: true) { nodes { actionType pixelEvent { tgEventId name } } } }',
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const ads = res.data!.advertisements.nodes;
    const without = ads.filter((a) => a.actionType !== 'pixel_event');
    const withEvent = ads.filter((a) => a.actionType === 'pixel_event');
    expect(without.length).toBeGreaterThan(0);
    expect(withEvent.length).toBeGreaterThan(0);
    expect(without.map((a) => a.pixelEvent)).toEqual(without.map(() => null));
    for (const ad of withEvent) expect(ad.pixelEvent?.tgEventId).toEqual(expect.any(String));
  });

  it('pixelEvent is null when AdStat answers the documented details with an event of nulls', async () => {
    const adId = 4243;
    h.sandbox.adstat.server.controls.addFault({ endpoint: 'GET /api/advertisement/telegram/:ad_id', status: 200, body: { ...ADSTAT_AD_DETAILS, ad_id: adId, event: { tg_event_id: null, name: null } }, times: 1 });
    try {
      const res = await h.gql('query ($id: ID!) { node(id: $id) { ... on Advertisement { title pixelEvent { tgEventId name } } } }', { id: encodeGlobalID('Advertisement', `demo:${adId}`) });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data).toEqual({ node: { title: ADSTAT_AD_DETAILS.title, pixelEvent: null } });
    } finally {
      h.sandbox.adstat.server.controls.clearFaults();
    }
  });

  it('TON.ai rates are computed from the counts, in percent, with TON.ai’s raw figures beside them', async () => {
    const res = await h.gql<{ campaigns: { nodes: { statistics: Stats }[] } }>(`{ campaigns(provider: TONAI, first: 5000) { nodes { ${STATS} } } }`);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const stats = res.data!.campaigns.nodes.map((c) => c.statistics);
    expect(stats.some((s) => s.impressions > 0 && s.clicks > 0 && (s.conversions ?? 0) > 0)).toBe(true);
    for (const s of stats) {
      if (s.impressions > 0) expect(s.ctr!).toBeCloseTo((s.clicks / s.impressions) * 100, 9);
      else expect(s.ctr).toBeNull();
      if (s.clicks > 0 && s.conversions !== null) expect(s.cvr!).toBeCloseTo((s.conversions / s.clicks) * 100, 9);
      else expect(s.cvr).toBeNull();
      expect(s.providerCtr).toEqual(expect.any(Number));
      expect(s.providerCvr).toEqual(expect.any(Number));
    }
    // The raw figures are TON.ai's own (rounded by it), not a copy of the computed rates.
    expect(stats.some((s) => s.ctr !== null && s.providerCtr !== s.ctr)).toBe(true);
  });

  it('AdStat rates are in the same unit: percent of impressions and of clicks', async () => {
    const res = await h.gql<{ advertisements: { nodes: { statistics: Stats }[] }; campaigns: { nodes: { statistics: Stats }[] } }>(
      `{ advertisements(first: 5000, showDeleted: true) { nodes { ${STATS} } } campaigns(provider: ADSTAT, first: 5000) { nodes { ${STATS} } } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const all = [...res.data!.advertisements.nodes, ...res.data!.campaigns.nodes].map((n) => n.statistics);
    const shown = all.filter((s) => s.impressions > 0 && s.clicks > 0);
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) {
      // AdStat rounds its percentages to two decimals.
      expect(Math.abs(s.ctr! - (s.clicks / s.impressions) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(s.providerCtr).toBe(s.ctr);
    }
  });
});
