/**
 * Redis as the shared state (REDIS_URL): three adgraph replicas in this process, one simulator with
 * AdStat's real budget and one real redis-server (Debian's package) on a free loopback port. Time
 * is a hand-moved clock shared by the simulator and the replicas, so no test waits a minute.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { captureLogs, setLogLevel } from '../src/log.js';
import { RedisConnection, RedisStateStore } from '../src/state/redis.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox/index.js';
import { manualClock, type ManualClock } from './helpers/clock.js';
import { startRedis, type RedisServer } from './helpers/redis.js';

const ADS = 'GET /api/v2/advertisement';
const CAMPAIGNS = 'GET /api/campaigns';
const CREATE = 'POST /api/advertisement/telegram';
const LOGIN = 'POST /api/v2/login';
const START = Date.UTC(2026, 10, 18, 12, 0, 0);
const RESULT = `__typename
  ... on MutationError { message }
  ... on IdempotencyUnavailable { sent retryAfterSeconds }
  ... on AdvertisementWrite { advertisement { id providerId title } }`;
type Result = { __typename: string; advertisement?: { providerId: string }; sent?: boolean } & Record<string, unknown>;

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

interface Replicas {
  sandbox: Sandbox;
  apps: Adgraph[];
  clock: ManualClock | undefined;
  start(): Promise<Adgraph>;
  restart(index: number): Promise<void>;
  gql<T = Record<string, unknown>>(app: Adgraph, query: string, variables?: Record<string, unknown>, dispatcher?: Agent): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

let running: Replicas | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function replicas(options: { env?: Record<string, string>; clock?: ManualClock; sandbox?: SandboxOptions; tweak?: (c: Config) => Config; count?: number } = {}): Promise<Replicas> {
  const clock = options.clock;
  const sandbox = await startSandbox({ ...options.sandbox, adstat: { ...options.sandbox?.adstat, ...(clock ? { now: clock.now } : {}) } });
  const base = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', REDIS_URL: redis.url, ...options.env });
  const config = options.tweak ? options.tweak(base) : base;
  const apps: Adgraph[] = [];
  const start = () => startAdgraph(config, { sandboxInstance: sandbox, ...(clock ? { providers: { clock } } : {}) });
  for (let i = 0; i < (options.count ?? 3); i++) apps.push(await start());
  const r: Replicas = {
    sandbox,
    apps,
    clock,
    start,
    async restart(index) {
      await apps[index]!.close();
      apps[index] = await start();
    },
    async gql(app, query, variables, dispatcher) {
      const res = await request(`http://127.0.0.1:${app.server.port}/graphql`, {
        method: 'POST',
        ...(dispatcher ? { dispatcher } : {}),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.body.json()) as never;
    },
    async close() {
      for (const app of apps) await app.close();
      await sandbox.close();
      // Each test starts from an empty Redis.
      const c = await RedisConnection.connect(redis.url).catch(() => undefined);
      await c?.client.flushall();
      await c?.close();
    },
  };
  running = r;
  return r;
}

function newAd(sandbox: Sandbox, extra: Record<string, unknown>) {
  const state = sandbox.adstat.state;
  const user = state.userByName('demo')!.id;
  const cabinet = state.cabinetsOf(user).find((c) => c.mode === 'manual_labeling' && c.status === 'active')!;
  const campaign = state.campaignsOf(user).find((c) => c.accountId === cabinet.accountId)!;
  return {
    campaignId: encodeGlobalID('AdstatCampaign', `demo:${campaign.id}`),
    title: 'Shared state',
    text: 'Our new channel about Telegram ads',
    adType: 'TARGET_CHANNELS',
    promoteUrl: 't.me/adgraph_news',
    cpm: '2.50',
    budget: '20',
    targeting: { languages: ['en'], topics: [1, 2] },
    erid: 'erid: 2VtzqwXYZ',
    ...extra,
  };
}
const adsTitled = (sandbox: Sandbox, title: string) => [...sandbox.adstat.state.ads.values()].filter((a) => a.title === title);
const count = (sandbox: Sandbox, endpoint: string) => sandbox.adstat.server.controls.count(endpoint);
/** Slots the replicas' planners took for one login (each is one call sent). */
const granted = (r: Replicas, login: string) =>
  r.apps.map((a) => Object.values(a.providers.adstat.get(login)!.planner.stats.granted).reduce((x, y) => x + y, 0)).reduce((a, b) => a + b, 0);
const upstream429 = (r: Replicas) => r.apps.flatMap((a) => [...a.providers.adstat.values()].map((c) => c.planner.stats.upstream429)).reduce((a, b) => a + b, 0);

describe('AdStat’s budget, shared by the replicas', () => {
  it('60 distinct list reads spread over three replicas draw no 429 and at most 10 calls a minute on the path', async () => {
    const clock = manualClock(START);
    // Each name is its own upstream filter (AdStat `campaign_name`), so every read needs its own call; reads may wait minutes (of the hand-moved clock) for a slot.
    const r = await replicas({ clock, tweak: (c) => ({ ...c, rateLimitMaxWaitMs: 3_600_000, requestDeadlineMs: 600_000 }) });
    const names = Array.from({ length: 60 }, (_, i) => `campaign ${i}`);
    const reads = names.map((name, i) =>
      r.gql<{ campaigns: { nodes: { id: string }[] } }>(r.apps[i % 3]!, `query($n: String!) { campaigns(first: 5, provider: ADSTAT, name: $n) { nodes { id } } }`, { n: name }),
    );
    let done = false;
    const all = Promise.all(reads).finally(() => (done = true));
    // Calls sent by the end of each 5 s step of the clock (real request times mean nothing here).
    const sentBy: number[] = [];
    const sentPerLogin: Record<string, number[]> = { demo: [], agency2: [] };
    for (let step = 0; step < 400 && !done; step++) {
      await clock.advance(5_000);
      sentBy.push(count(r.sandbox, CAMPAIGNS));
      for (const [login, sends] of Object.entries(sentPerLogin)) sends.push(granted(r, login));
    }
    const answers = await all;
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    for (const a of answers) expect(Array.isArray(a.data!.campaigns.nodes)).toBe(true);

    // The simulator enforces AdStat's real limit per login and path on the shared clock: none refused.
    expect(upstream429(r)).toBe(0);
    // Two sandbox logins, each with its own budget: 60 calls each. Any 55 s of the clock (11 steps) saw at most 10 per login.
    expect(sentBy.at(-1)).toBe(120);
    for (const [login, sends] of Object.entries(sentPerLogin)) {
      expect(sends.at(-1), login).toBe(60);
      const busiest = Math.max(...sends.map((n, i) => n - (sends[i - 11] ?? 0)));
      expect(busiest, login).toBeLessThanOrEqual(10);
    }
    // One login per AdStat login, not one per replica: the tokens are shared too.
    expect(count(r.sandbox, LOGIN)).toBe(2);
  }, 120_000);

  it('replicas reading the same cold key concurrently send it upstream once', async () => {
    const r = await replicas();
    r.sandbox.adstat.server.controls.addFault({ endpoint: ADS, times: 1, answerDelayMs: 300 });
    const query = `{ advertisements(first: 5, connectionId: "demo") { nodes { id } } }`;
    const answers = await Promise.all(r.apps.map((app) => r.gql(app, query)));
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    expect(count(r.sandbox, ADS)).toBe(1);
  });
});

describe('exactly-once creates across replicas', () => {
  it('1,000 tries of one create with one key, spread over the replicas with one restarted in between, make exactly 1 create', async () => {
    const r = await replicas();
    const title = 'A thousand tries, three replicas';
    const input = newAd(r.sandbox, { title, idempotencyKey: 'thousand-replicated' });
    const query = `mutation($input: CreateAdvertisementInput!) { createAdvertisement(input: $input) { ${RESULT} } }`;
    // The create is slow, so many tries arrive while it is in flight, and the restart happens then.
    r.sandbox.adstat.server.controls.addFault({ endpoint: CREATE, times: 1, answerDelayMs: 500 });
    const agent = new Agent({ connections: 32 });
    try {
      const send = (from: number, n: number) =>
        Array.from({ length: n }, (_, i) => r.gql<{ createAdvertisement: Result }>(r.apps[(from + i) % 3]!, query, { input }, agent));
      // A try that reaches replica 0 as it stops accepting fails to connect (a load balancer would resend it): not an answer.
      const first = send(0, 300).map((p) => p.catch(() => undefined));
      while (count(r.sandbox, CREATE) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const second = send(1, 200).map((p) => p.catch(() => undefined));
      // Replica 0 restarts while tries are in flight (its own finish first: graceful shutdown).
      const restarted = r.restart(0);
      const [before, during] = [await Promise.all(first), await Promise.all(second)];
      await restarted;
      const after = await Promise.all(send(0, 500));
      expect(after).toHaveLength(500);
      const answered = [...[...before, ...during].filter((a): a is NonNullable<typeof a> => a !== undefined), ...after];
      expect(answered.length).toBeGreaterThanOrEqual(700);
      const outcomes = new Set(answered.map((a) => a.data?.createAdvertisement.advertisement?.providerId ?? a.data?.createAdvertisement.__typename ?? JSON.stringify(a.errors)));
      expect([...outcomes]).toEqual([String(adsTitled(r.sandbox, title)[0]!.id)]);
      expect(count(r.sandbox, CREATE)).toBe(1);
      expect(adsTitled(r.sandbox, title)).toHaveLength(1);
    } finally {
      await agent.close();
    }
  }, 120_000);
});

describe('Redis lost while running', () => {
  it('reads still answer (logged at WARN); a create with a key is refused with a typed error and nothing is sent', async () => {
    const r = await replicas({ count: 2 });
    const read = `{ advertisements(first: 5, connectionId: "demo") { nodes { id } } }`;
    const before = await r.gql(r.apps[0]!, read);
    expect(before.errors).toBeUndefined();

    const lines: string[] = [];
    const restore = captureLogs(lines);
    setLogLevel('warn');
    try {
      await redis.stop();
      const after = await r.gql(r.apps[1]!, read);
      expect(after.errors, JSON.stringify(after.errors)).toBeUndefined();
      expect(after.data).toEqual(before.data);
      const creates = count(r.sandbox, CREATE);
      const refused = await r.gql<{ createAdvertisement: Result }>(r.apps[0]!, `mutation($input: CreateAdvertisementInput!) { createAdvertisement(input: $input) { ${RESULT} } }`, {
        input: newAd(r.sandbox, { title: 'While Redis is away', idempotencyKey: 'redis-away' }),
      });
      expect(refused.errors).toBeUndefined();
      expect(refused.data!.createAdvertisement).toMatchObject({ __typename: 'IdempotencyUnavailable', sent: false });
      expect(refused.data!.createAdvertisement.message).toMatch(/nothing was sent/);
      expect(count(r.sandbox, CREATE)).toBe(creates);
      expect(adsTitled(r.sandbox, 'While Redis is away')).toHaveLength(0);
      const logged = lines.map((l) => JSON.parse(l) as { level?: string; msg?: string; url?: string });
      expect(logged).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringMatching(/^redis: shared state lost/), url: redis.url }));
    } finally {
      restore();
      setLogLevel('error');
      await redis.start();
    }
  }, 60_000);
});

describe('Redis in readiness and metrics', () => {
  const TOKEN = 'shared-state-scrape-token';
  async function get(app: Adgraph, path: string): Promise<{ status: number; text: string }> {
    const res = await request(`http://127.0.0.1:${app.server.port}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    return { status: res.statusCode, text: await res.body.text() };
  }
  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const metric = (text: string, line: RegExp) => Number(text.split('\n').find((l) => line.test(l))?.split(' ').pop());

  it('/ready names Redis while it is lost and turns ready when it is back; /metrics says connected and counts the loss', async () => {
    const r = await replicas({ count: 1, env: { ADGRAPH_METRICS_TOKEN: TOKEN, ADGRAPH_STARTUP_CHECKS: '0' } });
    const app = r.apps[0]!;
    const ready = await until('ready', async () => {
      const answer = await get(app, '/ready');
      return answer.status === 200 ? (JSON.parse(answer.text) as { checks: { kind: string; id: string; state: string }[] }) : undefined;
    });
    expect(ready.checks).toContainEqual(expect.objectContaining({ kind: 'redis', id: redis.url, state: 'ok' }));
    const before = await get(app, '/metrics');
    expect(metric(before.text, /^adgraph_redis_connected /)).toBe(1);
    expect(metric(before.text, /^adgraph_redis_events_total\{event="connection_lost"\}/)).toBe(0);

    setLogLevel('error');
    await redis.stop();
    try {
      const lost = await until('not ready', async () => {
        const answer = await get(app, '/ready');
        return answer.status === 503 ? (JSON.parse(answer.text) as { status: string; notReady: string[] }) : undefined;
      });
      expect(lost.status).toBe('not-ready');
      expect(lost.notReady).toEqual([expect.stringMatching(new RegExp(`^redis "${redis.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}": `))]);
      const during = await get(app, '/metrics');
      expect(metric(during.text, /^adgraph_redis_connected /)).toBe(0);
      expect(metric(during.text, /^adgraph_redis_events_total\{event="connection_lost"\}/)).toBe(1);
      // Reads still answer, from this replica's memory, and say so in the counts.
      const read = await r.gql(app, `{ advertisements(first: 5, connectionId: "demo") { nodes { id } } }`);
      expect(read.errors, JSON.stringify(read.errors)).toBeUndefined();
      expect(metric((await get(app, '/metrics')).text, /^adgraph_redis_events_total\{event="local_fallback"\}/)).toBeGreaterThan(0);
    } finally {
      await redis.start();
    }
    // Back without waiting for the back-off of a failed check: the reconnect itself triggers one.
    await until('ready again', async () => ((await get(app, '/ready')).status === 200 ? true : undefined));
    expect(metric((await get(app, '/metrics')).text, /^adgraph_redis_connected /)).toBe(1);
  }, 60_000);
});

describe('configuration', () => {
  it('Redis unreachable at start: a configuration error naming the URL, credentials masked', async () => {
    const closed = redis.port === 1 ? 2 : 1;
    const config = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', REDIS_URL: `redis://ops:hunter2-secret@127.0.0.1:${closed}/0` });
    const error = await startAdgraph(config).then(
      (app) => app.close().then(() => undefined),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([expect.stringContaining(`REDIS_URL: cannot connect to Redis at redis://***@127.0.0.1:${closed}/0`)]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('REDIS_URL must be a redis URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:hunter2@cache:6379' })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL with a host \(got "http:\/\/\*\*\*@cache:6379"\)/);
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379/app' })).toThrow(/REDIS_URL: the path must be a database number/);
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@cache:6380/2' }).redisUrl).toBe('rediss://:pw@cache:6380/2');
    expect(loadConfig({}).redisUrl).toBeUndefined();
  });
});

describe('values in Redis', () => {
  it('an ad-list page another replica stored answers every list field as the replica that read it, and as the in-process backend', async () => {
    const clock = manualClock(START);
    const r = await replicas({ clock, count: 2 });
    const query = `{ advertisements(first: 500, connectionId: "demo", showDeleted: true) { nodes {
      id providerId title text adType rawAdType status rawStatus statusUpdatedAt createdAt fetchedAt accountName campaignProviderId campaignName
      promotedObject actionType kktuCodes targetTopics cpm { amount currency } balance { amount currency }
      statistics { impressions clicks goals conversions videoOpens ctr cvr providerCtr providerCvr cpc { amount currency } cpm { amount currency } cps { amount currency } spent { amount currency } }
    } } }`;
    type Answer = { advertisements: { nodes: Record<string, unknown>[] } };
    const upstream = await r.gql<Answer>(r.apps[0]!, query);
    expect(count(r.sandbox, ADS)).toBe(1);
    // The second replica's own caches are empty: its rows come from the page in Redis (no second call).
    const fromRedis = await r.gql<Answer>(r.apps[1]!, query);
    expect(count(r.sandbox, ADS)).toBe(1);
    const local = await startAdgraph(loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' }), { sandboxInstance: r.sandbox, providers: { clock } });
    try {
      const inProcess = await r.gql<Answer>(local, query);
      const inProcessHit = await r.gql<Answer>(local, query.replace('showDeleted: true', 'showDeleted: true, titles: []'));
      expect(count(r.sandbox, ADS)).toBe(2);
      for (const a of [upstream, fromRedis, inProcess, inProcessHit]) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      const nodes = upstream.data!.advertisements.nodes;
      expect(nodes.length).toBeGreaterThan(100);
      expect(nodes.every((n) => typeof n.createdAt === 'string' && n.fetchedAt === new Date(START).toISOString())).toBe(true);
      expect(fromRedis.data).toEqual(upstream.data);
      expect(inProcess.data).toEqual(upstream.data);
      expect(inProcessHit.data).toEqual(upstream.data);
    } finally {
      await local.close();
    }
  });

  it('come back as they were stored, dates as dates', async () => {
    const connection = await RedisConnection.connect(redis.url);
    try {
      const store = new RedisStateStore(connection);
      const value = { fetchedAt: 1, value: { createdAt: new Date(START), nested: [{ at: new Date(START + 1) }], n: null, s: 'x' } };
      await store.set('t:1', value, 10_000);
      const back = await store.get<typeof value>('t:1');
      expect(back).toEqual(value);
      expect(back!.value.createdAt).toBeInstanceOf(Date);
      await store.deletePrefix('t:');
      expect(await store.get('t:1')).toBeUndefined();
    } finally {
      await connection.close();
    }
  });
});
