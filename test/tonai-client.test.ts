import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpLayer } from '../src/providers/http.js';
import { ProviderError } from '../src/providers/errors.js';
import { TonaiClient } from '../src/providers/tonai/client.js';
import { SharedCache } from '../src/providers/cache.js';

const NO_CACHE = { listTtlMs: 0, itemTtlMs: 0, referenceTtlMs: 0 };
import { TONAI_SANDBOX_KEYS, TonaiSimulator } from '../src/sandbox/tonai/index.js';

const LIST = 'GET /api/v2/openapi/ad/campaign/list';
const alpha = TONAI_SANDBOX_KEYS[0]!;

let sim: TonaiSimulator;
let http: HttpLayer;
let client: TonaiClient;
let url: string;

function listQueries(): URLSearchParams[] {
  return sim.server.controls.log.filter((r) => r.endpoint === LIST).map((r) => new URLSearchParams(r.query));
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

beforeAll(async () => {
  sim = new TonaiSimulator();
  url = await sim.listen();
  http = new HttpLayer({ connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000 });
  client = new TonaiClient({ key: { id: 'alpha', label: 'A', apiKey: alpha.apiKey }, http, baseUrl: url, cache: new SharedCache(), ttl: NO_CACHE });
});
afterAll(async () => {
  await http.close();
  await sim.close();
});
beforeEach(() => {
  sim.server.controls.resetCounts();
  sim.server.controls.clearFaults();
});

describe('TON.ai client over the simulator', () => {
  it('walks every campaign in pages of at most 100 and knows the end from `total`', async () => {
    const page = await client.campaigns(0, 1000);
    expect(page.items).toHaveLength(130);
    expect(page.total).toBe(130);
    expect(page.hasMore).toBe(false);
    expect(new Set(page.items.map((c) => c.id)).size).toBe(130);
    expect(sim.server.controls.count(LIST)).toBe(2);
    for (const q of listQueries()) expect(Number(q.get('pageSize'))).toBeLessThanOrEqual(100);
    // Counters sent as numeric strings by the provider arrive as numbers.
    expect(page.items.every((c) => typeof c.statistics.impressions === 'number' && typeof c.statistics.clicks === 'number')).toBe(true);
    expect(page.items.every((c) => c.statistics.spent.currency === 'USDT')).toBe(true);
  });

  it('maps a details answer once: cache hits share its mapped values instead of mapping it again', async () => {
    const cached = new TonaiClient({ key: { id: 'alpha', label: 'A', apiKey: alpha.apiKey }, http, baseUrl: url, cache: new SharedCache(), ttl: { listTtlMs: 60_000, itemTtlMs: 60_000, referenceTtlMs: 0 } });
    const [row] = (await cached.campaigns(0, 1)).items;
    const first = await cached.campaign(row!.id);
    const second = await cached.campaign(row!.id);
    expect(sim.server.controls.count()).toBe(2);
    expect(second).toBe(first);
    expect(second.budget.total).toEqual(first.budget.total);
  });

  it('serves an unaligned window in as few pages as possible', async () => {
    const all = await client.campaigns(0, 130);
    sim.server.controls.resetCounts();
    const window = await client.campaigns(45, 30);
    expect(window.items.map((c) => c.id)).toEqual(all.items.slice(45, 75).map((c) => c.id));
    expect(window.hasMore).toBe(true);
    expect(sim.server.controls.count(LIST)).toBe(1);
  });

  it('turns a wrong key into PROVIDER_AUTH without echoing the key', async () => {
    const bad = new TonaiClient({ key: { id: 'bad', label: 'Bad', apiKey: 'not-a-key' }, http, baseUrl: sim.url, cache: new SharedCache(), ttl: NO_CACHE });
    const error = await failure(bad.campaigns(0, 10));
    expect(error.code).toBe('PROVIDER_AUTH');
    expect(error.details.account).toBe('bad');
    expect(error.message).not.toContain('not-a-key');
  });

  it('turns a malformed body into a provider-contract error naming provider, endpoint and field', async () => {
    sim.server.controls.addFault({ endpoint: LIST, rawBody: '{"code":0,"data":{"campaigns":[', times: 1 });
    const notJson = await failure(client.campaigns(0, 10));
    expect(notJson.code).toBe('PROVIDER_CONTRACT');
    expect(notJson.message).toContain('TON.ai GET /api/v2/openapi/ad/campaign/list');

    sim.server.controls.addFault({ endpoint: LIST, status: 200, body: { code: 0, message: 'success', data: { campaigns: [{ id: 7 }], total: 1, current: 1 } }, times: 1 });
    const wrongShape = await failure(client.campaigns(0, 10));
    expect(wrongShape.code).toBe('PROVIDER_CONTRACT');
    expect(wrongShape.details.field).toBe('campaigns[0].userId');
    expect(wrongShape.message).toMatch(/campaigns\[0\]\.userId/);
  });

  it('surfaces a non-zero envelope code with its message, and retries a 503 once', async () => {
    sim.server.controls.addFault({ endpoint: LIST, status: 200, body: { code: 10042, message: 'account frozen', data: null }, times: 1 });
    const rejected = await failure(client.campaigns(0, 10));
    expect(rejected.code).toBe('PROVIDER_REJECTED');
    expect(rejected.details.providerCode).toBe(10042);
    expect(rejected.message).toContain('account frozen');

    sim.server.controls.addFault({ endpoint: LIST, status: 503, times: 1 });
    const page = await client.campaigns(0, 10);
    expect(page.items).toHaveLength(10);
    expect(sim.server.controls.count(LIST)).toBe(3);
  });

  it('reports dropped connections and time-outs as PROVIDER_UNAVAILABLE', async () => {
    sim.server.controls.addFault({ endpoint: LIST, drop: true });
    const dropped = await failure(client.campaigns(0, 10));
    expect(dropped.code).toBe('PROVIDER_UNAVAILABLE');
    sim.server.controls.clearFaults();

    sim.server.controls.addFault({ endpoint: LIST, timeout: true });
    const timedOut = await failure(client.campaigns(0, 10));
    expect(timedOut.code).toBe('PROVIDER_UNAVAILABLE');
    expect(timedOut.message).toMatch(/timed out/);
  });
});
