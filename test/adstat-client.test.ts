import { afterEach, describe, expect, it } from 'vitest';
import { AdstatClient, type AdstatClientOptions } from '../src/providers/adstat/client.js';
import { ProviderError } from '../src/providers/errors.js';
import { HttpLayer } from '../src/providers/http.js';
import { ENDPOINTS, advertisementDetails, cabinetNames } from '../src/providers/adstat/wire.js';
import { SharedCache } from '../src/providers/cache.js';

/** No stored answers: these tests are about the client's own request path. */
const NO_CACHE = { listTtlMs: 0, itemTtlMs: 0, referenceTtlMs: 0 };
import { ADSTAT_SANDBOX_USERS, AdstatSimulator, type AdstatSimulatorOptions } from '../src/sandbox/adstat/index.js';

const LOGIN = 'POST /api/v2/login';
const REFRESH = 'GET /api/v2/access-token';
const ADS = 'GET /api/v2/advertisement';
const NAMES = 'GET /api/accounts/telegram/names';
const demo = ADSTAT_SANDBOX_USERS[0]!;
const ALL = { period: 'ALL', showDeleted: true, titles: [], campaignNames: [] } as const;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(simOptions: AdstatSimulatorOptions = {}, clientOptions: Partial<AdstatClientOptions> = {}) {
  const sim = new AdstatSimulator(simOptions);
  const url = await sim.listen();
  const http = new HttpLayer({ connectTimeoutMs: 1000, headersTimeoutMs: 2000, bodyTimeoutMs: 2000 });
  const client = new AdstatClient({
    login: { id: 'demo', label: 'Demo', username: demo.username, password: demo.password },
    http,
    baseUrl: url,
    clientApiBaseUrl: url,
    rateLimitMaxWaitMs: 0,
    cache: new SharedCache(),
    ttl: NO_CACHE,
    ...clientOptions,
  });
  cleanups.push(async () => {
    await http.close();
    await sim.close();
  });
  const count = (endpoint?: string) => sim.server.controls.count(endpoint);
  const statuses = () => sim.server.controls.log.map((r) => r.endpoint);
  return { sim, client, count, statuses, http };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('expected a ProviderError');
}

function endpointOf(sim: AdstatSimulator, endpointPrefix: string): string {
  const hit = sim.server.controls.log.find((r) => r.endpoint.startsWith(endpointPrefix));
  if (!hit) throw new Error(`no request to ${endpointPrefix}`);
  return hit.endpoint;
}

describe('AdStat client: token lifecycle', () => {
  it('logs in lazily, once, even for concurrent first calls', async () => {
    const { client, count } = await setup();
    expect(count()).toBe(0);
    await Promise.all([client.cabinets(), client.cabinets(), client.cabinetDetails(), client.advertisements(0, 5, ALL)]);
    expect(count(LOGIN)).toBe(1);
    expect(client.session.stats.logins).toBe(1);
  });

  it('expired access token → refresh; refused refresh token → new login; the caller never sees either', async () => {
    const { sim, client, count } = await setup();
    await client.cabinets();
    expect(count(LOGIN)).toBe(1);

    sim.expireAccessTokens();
    const afterRefresh = await client.cabinets();
    expect(afterRefresh.length).toBeGreaterThan(0);
    expect(count(REFRESH)).toBe(1);
    expect(count(LOGIN)).toBe(1);

    sim.expireAccessTokens();
    sim.expireRefreshTokens();
    const afterLogin = await client.cabinets();
    expect(afterLogin.length).toBeGreaterThan(0);
    expect(count(REFRESH)).toBe(2);
    expect(count(LOGIN)).toBe(2);
  });

  it('refreshes ahead of expiry from the token’s own exp claim, without drawing a 401', async () => {
    let now = Date.now();
    const { client, count, statuses } = await setup({}, { now: () => now });
    await client.cabinets();
    now += 59.5 * 60_000; // within the refresh margin of the one-hour token
    await client.cabinets();
    expect(count(REFRESH)).toBe(1);
    // login, names, refresh, names: the second names call went out once, already with the new token.
    expect(statuses()).toEqual([LOGIN, NAMES, REFRESH, NAMES]);
  });

  it('reports refused credentials as PROVIDER_AUTH without the password', async () => {
    const { client } = await setup({}, { login: { id: 'demo', label: 'Demo', username: demo.username, password: 'wrong-password-123' } });
    const error = await failure(client.cabinets());
    expect(error.code).toBe('PROVIDER_AUTH');
    expect(error.details.account).toBe('demo');
    expect(error.message).not.toContain('wrong-password-123');
  });
});

describe('AdStat client: rate limit (10 requests a minute per path)', () => {
  it('12 reads of one path within a minute never draw a 429: 9 go (the 10th slot is kept for writes), the rest are typed RATE_LIMITED errors, never sent', async () => {
    const { sim, client, count } = await setup();
    const names = () => client.call(ENDPOINTS.cabinetNames, { schema: cabinetNames });
    const results = await Promise.allSettled(Array.from({ length: 12 }, names));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const limited = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as ProviderError);
    expect(ok).toHaveLength(9);
    expect(limited).toHaveLength(3);
    for (const error of limited) {
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(61);
    }
    expect(count(NAMES)).toBe(9);
    expect(sim.server.controls.log.length).toBe(10); // one login + nine calls, and no 429 among them
  });

  it('waits for a slot when the wait is short: 12 calls all succeed and the simulator never answers 429', async () => {
    const window = 600;
    // The margin absorbs the time between the client's send and the simulator's count; on a loaded
    // machine (CI runs beside other work) that can exceed 100 ms, so it is most of the window here.
    const { client, count } = await setup(
      { rateLimit: { max: 10, windowMs: window } },
      { rateLimitMaxWaitMs: 5_000, rateLimit: { windowMs: window, marginMs: 500, blockMs: window + 500 } },
    );
    const results = await Promise.all(Array.from({ length: 12 }, () => client.call(ENDPOINTS.cabinetNames, { schema: cabinetNames })));
    expect(results).toHaveLength(12);
    expect(count(NAMES)).toBe(12);
  });

  it('after a 429 sends nothing on that path for 61 s, while other paths go on', async () => {
    const { sim, client, count } = await setup();
    await client.cabinets();
    sim.server.controls.addFault({ endpoint: NAMES, status: 429, body: { detail: 'Rate limit exceeded' }, times: 1 });
    const first = await failure(client.cabinets());
    expect(first.code).toBe('RATE_LIMITED');
    const sent = count(NAMES);
    const second = await failure(client.cabinets());
    expect(second.code).toBe('RATE_LIMITED');
    expect(second.details.retryAfterSeconds).toBeGreaterThanOrEqual(60);
    expect(count(NAMES)).toBe(sent);
    await client.cabinetDetails();
  });

  it('counts each advertisement’s details path separately, as the provider does', async () => {
    const { client, count } = await setup();
    const page = await client.advertisements(0, 12, ALL);
    const ids = page.items.map((a) => a.id);
    await Promise.all(ids.map((id) => client.call(ENDPOINTS.advertisement, { params: { ad_id: id }, schema: advertisementDetails })));
    expect(count()).toBe(1 + 1 + 12);
  });

  it('maps a details answer once: cache hits share its mapped values (with the answer’s own fetchedAt) instead of mapping it again', async () => {
    const { client, count } = await setup({}, { ttl: { listTtlMs: 60_000, itemTtlMs: 60_000, referenceTtlMs: 0 } });
    const [ad] = (await client.advertisements(0, 1, ALL)).items;
    const first = await client.advertisement(ad!.id);
    const second = await client.advertisement(ad!.id);
    expect(count()).toBe(1 + 1 + 1);
    expect(second).toEqual(first);
    expect(second.targeting).toBe(first.targeting);
    expect(second.budget).toBe(first.budget);
    expect(second.schedule).toBe(first.schedule);
    expect(second.fetchedAt).toBeInstanceOf(Date);
  });

  it('maps a list page once: cache hits in this process get the same rows, and a field converted once stays converted', async () => {
    const { client, count } = await setup({}, { ttl: { listTtlMs: 60_000, itemTtlMs: 0, referenceTtlMs: 0 } });
    const first = await client.advertisements(0, 3, ALL);
    const again = await client.advertisements(0, 3, ALL);
    expect(count(ADS)).toBe(1);
    expect(again.items[0]).toBe(first.items[0]);
    expect(again.items[0]!.bid).toBe(first.items[0]!.bid);
    expect(again.items[0]!.createdAt).toBe(first.items[0]!.createdAt);
    expect(again.items[0]!.statistics.spent).toBe(first.items[0]!.statistics.spent);
    // One time for the page's rows: when it was read.
    expect(first.items[1]!.fetchedAt).toBe(first.items[0]!.fetchedAt);
    expect(first.items[0]!.fetchedAt).toBeInstanceOf(Date);
  });
});

describe('AdStat client: pagination and contract', () => {
  it('walks the advertisement list in pages of at most 500: 1,000 ads = 2 calls, all = pages until a short one', async () => {
    const { sim, client, count } = await setup();
    const thousand = await client.advertisements(0, 1000, ALL);
    expect(thousand.items).toHaveLength(1000);
    expect(thousand.hasMore).toBe(true);
    expect(count(ADS)).toBe(2);

    sim.server.controls.resetCounts();
    const all = await client.advertisements(0, Number.POSITIVE_INFINITY, ALL);
    expect(all.items.length).toBeGreaterThan(1000);
    expect(all.hasMore).toBe(false);
    expect(new Set(all.items.map((a) => a.id)).size).toBe(all.items.length);
    const limits = sim.server.controls.log.filter((r) => r.endpoint === ADS).map((r) => Number(new URLSearchParams(r.query).get('limit')));
    expect(Math.max(...limits)).toBeLessThanOrEqual(500);
    expect(count(ADS)).toBe(Math.ceil((all.items.length + 1) / 500));
  });

  it('reads whole 500-row pages at fixed offsets, so any window is one cacheable call and knows what follows', async () => {
    const { sim, client } = await setup();
    const page = await client.advertisements(30, 50, ALL);
    expect(page.items).toHaveLength(50);
    expect(page.hasMore).toBe(true);
    const query = new URLSearchParams(sim.server.controls.log.find((r) => r.endpoint === ADS)!.query);
    expect([query.get('offset'), query.get('limit')]).toEqual(['0', '500']);
  });

  it('maps rows to domain values: UTC dates, exact money with currency, normalized status beside the raw one', async () => {
    const { client } = await setup();
    const page = await client.advertisements(0, 200, ALL);
    for (const ad of page.items) {
      expect(ad.createdAt).toBeInstanceOf(Date);
      expect(ad.statusUpdatedAt).toBeInstanceOf(Date);
      expect(ad.bid.currency).toBe('EUR');
      expect(ad.bid.amount).toMatch(/^\d+(\.\d+)?$/);
      expect(ad.status === 'UNKNOWN').toBe(false);
    }
    expect(new Set(page.items.map((a) => a.rawStatus)).size).toBeGreaterThan(3);
  });

  it('turns a malformed or mis-shaped body into PROVIDER_CONTRACT naming provider, endpoint and field', async () => {
    const { sim, client } = await setup();
    await client.cabinets();
    const endpoint = endpointOf(sim, 'GET /api/accounts/telegram/names');
    sim.server.controls.addFault({ endpoint, rawBody: '<html>gateway</html>', times: 1 });
    const notJson = await failure(client.cabinets());
    expect(notJson.code).toBe('PROVIDER_CONTRACT');
    expect(notJson.message).toContain('AdStat GET /api/accounts/telegram/names');

    sim.server.controls.addFault({ endpoint, status: 200, body: [{ account_uid: 42, name: 'x', balance: 0, mode: null, is_audience_allowed: false }], times: 1 });
    const wrongShape = await failure(client.cabinets());
    expect(wrongShape.code).toBe('PROVIDER_CONTRACT');
    expect(wrongShape.details.field).toBe('[0].account_uid');
    expect(wrongShape.details.account).toBe('demo');
  });

  it('tolerates extra fields the provider adds', async () => {
    const { sim, client } = await setup();
    await client.cabinets();
    const endpoint = endpointOf(sim, 'GET /api/accounts/telegram/names');
    sim.server.controls.addFault({
      endpoint,
      status: 200,
      body: [{ account_uid: 'ACC1', name: 'x', balance: 1.5, mode: null, is_audience_allowed: false, brand_new_field: { nested: true } }],
      times: 1,
    });
    const [cabinet] = await client.cabinets();
    expect(cabinet?.providerId).toBe('ACC1');
    expect(cabinet?.balance).toEqual({ amount: '1.5', currency: 'EUR' });
  });
});
