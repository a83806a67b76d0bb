/**
 * Deadlines over real HTTP: a provider trickling its body (1 byte a second) cannot hold the
 * response. Its part fails as PROVIDER_UNAVAILABLE (timed out) when the upstream call's total
 * deadline, or the request's overall one, passes; the other provider's data is answered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

const TONAI_LIST = 'GET /api/v2/openapi/ad/campaign/list';
const DETAILS = 'GET /api/advertisement/telegram/:ad_id';
const QUERY = `{
  ads: advertisements(first: 3, connectionId: "demo") { edges { node { title } } }
  tonai: campaigns(provider: TONAI, first: 3) { edges { node { name } } }
}`;

type Answer = { ads: { edges: unknown[] } | null; tonai: { edges: unknown[] } | null };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function trickled(env: Record<string, string>) {
  h = await startHarness({ env });
  h.sandbox.tonai.server.controls.addFault({ endpoint: TONAI_LIST, trickleBytesPerSecond: 1 });
  return h.gql<Answer>(QUERY);
}

function expectTonaiTimedOut(res: Awaited<ReturnType<typeof trickled>>) {
  expect(res.status).toBe(200);
  expect(res.data!.ads!.edges.length).toBeGreaterThan(0);
  const errors = res.errors ?? [];
  // One error per configured TON.ai key (the sandbox has two), none for AdStat.
  expect(errors.length, JSON.stringify(errors)).toBe(2);
  for (const error of errors) {
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TONAI' });
    expect(error.message).toMatch(/timed out/);
  }
}

describe('a provider trickling its body', () => {
  it('is cut off by the upstream call’s total deadline; the other provider’s data is answered', async () => {
    const res = await trickled({ ADGRAPH_UPSTREAM_DEADLINE_MS: '1000' });
    expectTonaiTimedOut(res);
    // The trickle had begun: the simulator sent headers, adgraph was reading the body when it gave up.
    expect(h!.tonaiCount(TONAI_LIST)).toBe(2);
  });

  it('is cut off by the request’s overall deadline when that comes first', async () => {
    const res = await trickled({ ADGRAPH_UPSTREAM_DEADLINE_MS: '120000', ADGRAPH_REQUEST_DEADLINE_MS: '1000' });
    expectTonaiTimedOut(res);
  });
});

describe('calls waiting for a free connection', () => {
  it('are not cut off by their own deadline while they wait: it runs from the moment a connection takes them', async () => {
    // One connection to AdStat: six details calls go out one after another, 150 ms each, so the
    // last waits about 750 ms for the connection. Each call's own deadline (500 ms) runs only
    // while it is on the wire; counted from when it was asked for, the later ones would time out.
    h = await startHarness({ env: { ADGRAPH_UPSTREAM_CONNECTIONS: '1', ADGRAPH_UPSTREAM_DEADLINE_MS: '500' } });
    h.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, latencyMs: 150 });
    const res = await h.gql<{ advertisements: { nodes: { moderation: unknown }[] } }>(
      '{ advertisements(first: 6, connectionId: "demo") { nodes { moderation { declineReasons { message } } } } }',
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.advertisements.nodes).toHaveLength(6);
    expect(h.adstatCount(DETAILS)).toBe(6);
  });
});

describe('a write that times out', () => {
  it('is reported as outcome unknown, never as a clean failure', async () => {
    h = await startHarness({ env: { ADGRAPH_UPSTREAM_DEADLINE_MS: '500' } });
    const campaign = h.sandbox.tonai.state.campaigns('sbx-tonai-key-alpha')[0]!;
    const { encodeGlobalID } = await import('@pothos/plugin-relay');
    h.sandbox.tonai.server.controls.addFault({ endpoint: 'POST /api/v2/openapi/ad/campaign/status', latencyMs: 2_000, times: 1 });
    const res = await h.gql<{ setTonaiCampaignStatus: { results: { ok: boolean; error: { code: string } | null }[] } }>(
      `mutation($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: PAUSE) { ... on SetTonaiCampaignStatusPayload { results { ok error { code } } } } }`,
      { ids: [encodeGlobalID('TonaiCampaign', `alpha:${campaign.id}`)] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.setTonaiCampaignStatus.results[0]).toEqual({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
  });
});
