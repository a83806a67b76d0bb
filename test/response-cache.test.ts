/**
 * The whole-answer response cache over real HTTP: a repeated query is answered from it with no
 * upstream call and true ages; it never outlives the provider data behind it, never keeps an
 * answer built from stale data, errors or a mutation, never serves one caller another's grant, and
 * the next read after a write (on this replica or another over Redis) shows the write.
 */
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { captureLogs, setLogLevel } from '../src/log.js';
import { ResponseCache } from '../src/response-cache.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { startWithCallers, type CallersApp } from './helpers/callers.js';
import { manualClock, type ManualClock } from './helpers/clock.js';
import { startHarness, type Harness } from './helpers/harness.js';
import { startRedis, type RedisServer } from './helpers/redis.js';

const START = Date.UTC(2026, 10, 18, 12, 0, 0);
const DASHBOARD = `query Dashboard {
  accounts { id name balance { amount currency } }
  advertisements(first: 20) { nodes { id title status statistics { impressions } } }
  campaigns(first: 10) { nodes { id provider name status } }
}`;
/** TON.ai statuses a PAUSE applies to (readyToStart, onGoing). */
const PAUSABLE = ['SCHEDULED', 'ACTIVE'];
const TONAI_CAMPAIGNS = `query Tonai { campaigns(provider: TONAI, first: 20) { nodes { id status } } }`;

interface Freshness {
  provider: string;
  account: string;
  path: string;
  fetchedAt: string;
  ageSeconds: number;
  stale: boolean;
}
interface Answer<T> {
  status: number;
  headers: Record<string, unknown>;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: { freshness?: Freshness[]; cost?: { upstreamCalls: number; estimated: number } };
}

async function post<T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.statusCode, headers: res.headers, ...((await res.body.json()) as object) };
}

function cacheOf(app: Adgraph): ResponseCache {
  const cache = app.server.responseCache;
  if (!cache) throw new Error('no response cache on this app');
  return cache;
}

async function metric(app: Adgraph, result: string): Promise<number> {
  const text = await app.observability.metrics.render();
  const line = text.split('\n').find((l) => l.startsWith(`adgraph_response_cache_total{result="${result}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('one replica', () => {
  let clock: ManualClock;
  let h: Harness;
  const calls = () => h.adstatCount() + h.tonaiCount();

  beforeAll(async () => {
    clock = manualClock(START);
    h = await startHarness({ sandbox: { adstat: { now: clock.now } }, providers: { clock } });
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(async () => {
    h.clearCache();
    // A new window of AdStat's budget for each test: no answer is served stale for want of a slot.
    await clock.advance(61_000);
  });

  it('answers a repeated query from the cache: no upstream call, the same data, ages and cost as of the hit', async () => {
    const first = await post(h.url, DASHBOARD);
    expect(first.errors).toBeUndefined();
    expect(first.extensions!.cost!.upstreamCalls).toBeGreaterThan(0);
    const hitsBefore = await metric(h.app, 'hit');
    h.resetCounts();
    await clock.advance(5_000);
    const lines: string[] = [];
    setLogLevel('info');
    const stop = captureLogs(lines);
    let second: Answer<unknown>;
    try {
      second = await post(h.url, DASHBOARD);
      // The access line is written when the response closes.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stop();
      setLogLevel('error');
    }
    expect(calls()).toBe(0);
    expect(second.data).toEqual(first.data);
    expect(second.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(await metric(h.app, 'hit')).toBe(hitsBefore + 1);
    // Ages computed when served, not frozen when kept; the cost says no call was made for it.
    expect(second.extensions!.freshness!.map((f) => ({ ...f, ageSeconds: f.ageSeconds - 5 }))).toEqual(first.extensions!.freshness);
    expect(second.extensions!.cost).toEqual({ ...first.extensions!.cost, upstreamCalls: 0 });
    const access = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request');
    expect(access).toMatchObject({ responseCache: 'hit', operation: 'Dashboard', caller: 'anonymous', upstreamCalls: 0 });
  });

  it('serves hits to browsers and GET requests too, through Yoga', async () => {
    const first = await post(h.url, TONAI_CAMPAIGNS);
    const hits = cacheOf(h.app).stats.hits;
    const viaGet = await request(`${h.url}?query=${encodeURIComponent(TONAI_CAMPAIGNS)}`, { headers: { accept: 'application/json' } });
    expect(((await viaGet.body.json()) as { data: unknown }).data).toEqual(first.data);
    expect(cacheOf(h.app).stats.hits).toBe(hits + 1);
  });

  it('keys by document, operation name and variables (in any key order)', async () => {
    const query = `query Ads($first: Int, $showDeleted: Boolean) { advertisements(first: $first, showDeleted: $showDeleted) { nodes { id } } }`;
    const a = await post<{ advertisements: { nodes: unknown[] } }>(h.url, query, { first: 3, showDeleted: false });
    const stats = cacheOf(h.app).stats;
    const hits = stats.hits;
    const b = await post<{ advertisements: { nodes: unknown[] } }>(h.url, query, { first: 4, showDeleted: false });
    expect(b.data!.advertisements.nodes).toHaveLength(4);
    expect(stats.hits).toBe(hits);
    const c = await post(h.url, query, { showDeleted: false, first: 3 });
    expect(c.data).toEqual(a.data);
    expect(stats.hits).toBe(hits + 1);
  });

  it('never outlives the provider data behind it: past the earliest lifetime the query runs again', async () => {
    const first = await post(h.url, DASHBOARD);
    expect(first.errors).toBeUndefined();
    h.resetCounts();
    const stats = cacheOf(h.app).stats;
    const hits = stats.hits;
    // The list lifetime (15 s by default) ends first.
    await clock.advance(15_001);
    const again = await post(h.url, DASHBOARD);
    expect(stats.hits).toBe(hits);
    expect(h.adstatCount('GET /api/v2/advertisement')).toBe(1);
    for (const f of again.extensions!.freshness!) expect(f.stale).toBe(false);
    // What is older than 15 s in it is data whose own lifetime is longer (items, 60 s).
    expect(again.extensions!.freshness!.find((f) => f.path.startsWith('/api/v2/advertisement'))!.ageSeconds).toBe(0);
  });

  it('keeps no answer with errors, no answer of a mutation, and none built without cached provider data', async () => {
    const stats = cacheOf(h.app).stats;
    const stored = stats.stored;
    // Data from the provider cache beside a client mistake.
    const broken = '{ accounts { id } advertisements(first: -1) { nodes { id } } }';
    expect((await post(h.url, broken)).errors?.length).toBeGreaterThan(0);
    expect((await post(h.url, broken)).errors?.length).toBeGreaterThan(0);
    expect((await post(h.url, '{ environment { mode simulated } }')).data).toBeTruthy();
    expect((await post(h.url, '{ environment { mode simulated } }')).data).toBeTruthy();
    const campaign = (await post<{ campaigns: { nodes: { id: string; status: string }[] } }>(h.url, TONAI_CAMPAIGNS)).data!.campaigns.nodes.find((c) => PAUSABLE.includes(c.status))!;
    const pause = `mutation($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: PAUSE) { ... on SetTonaiCampaignStatusPayload { succeeded } } }`;
    expect((await post(h.url, pause, { ids: [campaign.id] })).errors).toBeUndefined();
    // Only the campaign list was kept.
    expect(stats.stored).toBe(stored + 1);
    await post(h.url, `mutation($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: START) { __typename } }`, { ids: [campaign.id] });
  });

  it('shows a write in the next read: the write outdates every answer that read its connection, and only those', async () => {
    const mixed = '{ advertisements(first: 5) { nodes { id } } campaigns(provider: TONAI, first: 3) { nodes { id } } }';
    const adstatOnly = '{ advertisements(first: 5) { nodes { id title } } }';
    const before = await post<{ campaigns: { nodes: { id: string; status: string }[] } }>(h.url, TONAI_CAMPAIGNS);
    const campaign = before.data!.campaigns.nodes.find((c) => PAUSABLE.includes(c.status))!;
    await post(h.url, mixed);
    await post(h.url, adstatOnly);
    const stats = cacheOf(h.app).stats;
    const hits = stats.hits;
    expect((await post(h.url, TONAI_CAMPAIGNS)).data).toEqual(before.data);
    expect(stats.hits).toBe(hits + 1);
    const pause = `mutation($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: PAUSE) { ... on SetTonaiCampaignStatusPayload { succeeded } } }`;
    expect((await post(h.url, pause, { ids: [campaign.id] })).data).toEqual({ setTonaiCampaignStatus: { succeeded: 1 } });
    const after = await post<{ campaigns: { nodes: { id: string; status: string }[] } }>(h.url, TONAI_CAMPAIGNS);
    expect(after.data!.campaigns.nodes.find((c) => c.id === campaign.id)!.status).toBe('PAUSED');
    expect(stats.hits).toBe(hits + 1);
    // The answer that read TON.ai too is outdated; the one that read AdStat only is not.
    await post(h.url, mixed);
    expect(stats.hits).toBe(hits + 1);
    await post(h.url, adstatOnly);
    expect(stats.hits).toBe(hits + 2);
    await post(h.url, `mutation($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: START) { __typename } }`, { ids: [campaign.id] });
  });

  it('keys different grants apart, also for one caller id whose grant changed', () => {
    const cache = cacheOf(h.app);
    const grant = { all: false, adstatLogins: new Set(['demo']), adstatCabinets: new Map(), tonaiKeys: new Set<string>(), write: false };
    const params = { query: DASHBOARD };
    const a = cache.keyOf({ id: 'c', grant }, params);
    expect(cache.keyOf({ id: 'c', grant: { ...grant, adstatLogins: new Set(['demo']) } }, params)).toBe(a);
    expect(cache.keyOf({ id: 'c', grant: { ...grant, adstatLogins: new Set(['demo', 'agency2']) } }, params)).not.toBe(a);
    expect(cache.keyOf({ id: 'c', grant: { ...grant, adstatCabinets: new Map([['demo', new Set(['1'])]]) } }, params)).not.toBe(a);
    expect(cache.keyOf({ id: 'other', grant }, params)).not.toBe(a);
  });
});

describe('stale data', () => {
  it('keeps no answer built from data the quota planner served past its lifetime', async () => {
    const clock = manualClock(START);
    // One call a minute per path: after the lifetime, the refresh has no slot and the answer is stale.
    const h = await startHarness({ sandbox: { adstat: { now: clock.now } }, providers: { clock }, env: { ADSTAT_RATE_LIMIT_MAX: '1' } });
    try {
      const query = '{ advertisements(first: 5) { nodes { id title } } }';
      expect((await post(h.url, query)).errors).toBeUndefined();
      await clock.advance(16_000);
      const stats = cacheOf(h.app).stats;
      const { hits, stored } = stats;
      const stale = await post(h.url, query);
      expect(stale.extensions!.freshness!.some((f) => f.stale)).toBe(true);
      expect(stats.stored).toBe(stored);
      const again = await post(h.url, query);
      expect(again.extensions!.freshness!.some((f) => f.stale)).toBe(true);
      expect(stats.hits).toBe(hits);
    } finally {
      await h.close();
    }
  });
});

describe('callers', () => {
  let sandbox: Sandbox;
  let app: CallersApp;
  const ADMIN = 'admin-key-0123456789abcdef';
  const READER = 'reader-key-0123456789abcdef';

  beforeAll(async () => {
    sandbox = await startSandbox();
    app = await startWithCallers(sandbox, {
      mode: 'sandbox',
      callers: [
        { id: 'admin', apiKey: ADMIN, write: true },
        { id: 'reader', apiKey: READER, accounts: ['agency2'] },
      ],
    });
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('never serves one caller the answer kept for another grant', async () => {
    const query = '{ accounts { id connectionId } }';
    const admin = await app.gql<{ accounts: { connectionId: string }[] }>(ADMIN, query);
    expect(new Set(admin.data!.accounts.map((a) => a.connectionId)).size).toBeGreaterThan(1);
    const stats = cacheOf(app.app).stats;
    const hits = stats.hits;
    expect((await app.gql(ADMIN, query)).data).toEqual(admin.data);
    expect(stats.hits).toBe(hits + 1);
    const reader = await app.gql<{ accounts: { connectionId: string }[] }>(READER, query);
    expect(new Set(reader.data!.accounts.map((a) => a.connectionId))).toEqual(new Set(['agency2']));
    expect(stats.hits).toBe(hits + 1);
    // And an anonymous request is still refused before any cache is looked at.
    expect((await app.gql(undefined, query)).status).toBe(401);
  });
});

describe('replicas over Redis', () => {
  let redis: RedisServer;
  let sandbox: Sandbox;
  let apps: Adgraph[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    sandbox = await startSandbox();
    const config = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ADGRAPH_STARTUP_CHECKS: '0', REDIS_URL: redis.url });
    apps = [await startAdgraph(config, { sandboxInstance: sandbox }), await startAdgraph(config, { sandboxInstance: sandbox })];
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await sandbox?.close();
    await redis?.stop();
  });

  it("shows a write on replica A in replica B's next read", async () => {
    const [a, b] = apps as [Adgraph, Adgraph];
    const url = (app: Adgraph) => `http://127.0.0.1:${app.server.port}/graphql`;
    const before = await post<{ campaigns: { nodes: { id: string; status: string }[] } }>(url(b), TONAI_CAMPAIGNS);
    const campaign = before.data!.campaigns.nodes.find((c) => PAUSABLE.includes(c.status))!;
    const stats = cacheOf(b).stats;
    const hits = stats.hits;
    expect((await post(url(b), TONAI_CAMPAIGNS)).data).toEqual(before.data);
    expect(stats.hits).toBe(hits + 1);
    const res = await post(url(a), `mutation($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: PAUSE) { ... on SetTonaiCampaignStatusPayload { succeeded } } }`, { ids: [campaign.id] });
    expect(res.errors).toBeUndefined();
    const after = await post<{ campaigns: { nodes: { id: string; status: string }[] } }>(url(b), TONAI_CAMPAIGNS);
    expect(after.data!.campaigns.nodes.find((c) => c.id === campaign.id)!.status).toBe('PAUSED');
    expect(stats.hits).toBe(hits + 1);
    expect(stats.outdated).toBeGreaterThan(0);
  });
});
