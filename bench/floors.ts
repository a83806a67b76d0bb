/**
 * The floors beside adgraph: the reference dashboard measured in one run against what the same
 * answer costs at its floor, every figure a ratio to a floor measured in the same run.
 *
 *   npx tsx bench/floors.ts [--rounds=3] [--latency=50] [--seconds=2] [--concurrency=8] [--sizes=100,500,1000,2000]
 *
 * 1. Cache hits (throughput, `concurrency` clients): adgraph answering the warm dashboard, against
 *    (a) a node:http server sending the same answer bytes and (b) Yoga over adgraph's schema with
 *    the recorded answer as static data (no resolvers of ours run).
 * 2. Cold latency at L ms on every upstream call, one client: the dashboard with list fields at
 *    100/500/1,000/2,000 ads, with details, and with the details under @defer, against (c) a minimal
 *    REST client (its own few lines of undici below) that makes the same upstream calls with full
 *    parallelism: everything independent at once, each ad's details the moment its page arrives.
 * 3. CPU per cold 500-ad page against JSON.parse + JSON.stringify of the upstream page bytes
 *    (bench/page-cpu.ts's `measurePageCpu`).
 *
 * Rounds interleave adgraph and its floors (order alternating), so drift on a shared machine falls
 * on both. The simulators run in a child process (bench/sim-process.ts) with AdStat's rate limit
 * lifted on both sides, seeded with twice the default ads (`adsScale: 2`) so one login holds 2,000.
 * Figures only: a query answering with errors or the wrong number of rows stops the run.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildSchema, execute, isAbstractType, printSchema, type GraphQLAbstractType, type GraphQLTypeResolver } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { Agent, request } from 'undici';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { setLogLevel } from '../src/log.js';
import { schema as adgraphSchema } from '../src/schema/index.js';
import { closedLoop } from './load.js';
import { measurePageCpu, type PageCpuRound } from './page-cpu.js';
import { IncrementalClient, incrementalErrors } from './incremental.js';
import { dashboardQuery, deferredDashboardQuery } from './read-dashboard.js';
import { benchEnv, SimProcess } from './sim-process.js';
import { printTable } from './table.js';

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  rounds: number;
  latencyMs: number;
  seconds: number;
  concurrency: number;
  sizes: number[];
}

function parseOptions(argv: string[]): Options {
  const o: Options = { rounds: 3, latencyMs: 50, seconds: 2, concurrency: 8, sizes: [100, 500, 1000, 2000] };
  for (const arg of argv) {
    const m = /^--(rounds|latency|seconds|concurrency|sizes)=(.+)$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg} (use --rounds=N --latency=MS --seconds=S --concurrency=N --sizes=100,500,...)`);
    const [, name, raw] = m as unknown as [string, string, string];
    if (name === 'sizes') {
      o.sizes = raw.split(',').map(Number);
      if (o.sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 2000)) throw new Error('--sizes: whole numbers from 1 to 2000');
      continue;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    if (name === 'rounds') o.rounds = Math.max(3, Math.floor(value));
    else if (name === 'latency') o.latencyMs = value;
    else if (name === 'seconds') o.seconds = value;
    else o.concurrency = Math.floor(value);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Queries

/** The reference dashboard (bench/read-dashboard.ts) with `ads` advertisements. */
function dashboard(variant: 'list' | 'details' | 'defer', ads = 500): string {
  const q = variant === 'defer' ? deferredDashboardQuery() : dashboardQuery(variant);
  return q.replace('advertisements(first: 500)', `advertisements(first: ${ads})`);
}

// ---------------------------------------------------------------------------------------------
// adgraph on the simulators

async function startApp(sim: SimProcess, env: Record<string, string> = {}): Promise<Adgraph> {
  // Cache lifetimes that outlive the run: the warm figures are cache hits, cold ones clear the cache.
  const base = loadConfig({
    ADGRAPH_SANDBOX: '1',
    // No callers: the bench talks to it on loopback without a key.
    ADGRAPH_AUTH: 'none',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    ADGRAPH_CACHE_LIST_TTL_MS: '3600000',
    ADGRAPH_CACHE_ITEM_TTL_MS: '3600000',
    ...benchEnv(),
    ...env,
  });
  setLogLevel(base.logLevel);
  const config = sim.configFor(base);
  return startAdgraph(config, { providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
}

interface Answer {
  bytes: Buffer;
  contentType: string;
  ms: number;
  /** For incremental delivery: time to the first part (the rows), else equal to `ms`. */
  firstMs: number;
  json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

const GQL_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

async function gql(url: string, query: string, dispatcher?: Agent): Promise<Answer> {
  const t0 = performance.now();
  const res = await request(url, { method: 'POST', headers: GQL_HEADERS, body: JSON.stringify({ query }), ...(dispatcher ? { dispatcher } : {}) });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  const ms = performance.now() - t0;
  const json = JSON.parse(bytes.toString('utf8')) as Answer['json'];
  return { bytes, contentType: String(res.headers['content-type'] ?? 'application/json'), ms, firstMs: ms, json };
}

/**
 * A deferred query read as multipart/mixed by a client off this event loop (bench/incremental.ts
 * says why), as an Answer of its first payload's data and every error.
 */
async function gqlDeferred(client: IncrementalClient, url: string, query: string): Promise<Answer & { parts: number }> {
  const a = await client.query(url, query);
  const errors = incrementalErrors(a);
  return { bytes: a.bytes, contentType: a.contentType, ms: a.ms, firstMs: a.firstMs, json: { data: a.payloads[0]?.data ?? null, ...(errors.length ? { errors } : {}) }, parts: a.payloads.length };
}

function check(answer: Answer, ads: number, label: string): void {
  const first = answer.json.errors?.[0];
  if (first) throw new Error(`${label}: ${first.extensions?.code ?? ''} ${first.message}`);
  const nodes = (answer.json.data?.advertisements as { nodes?: unknown[] } | undefined)?.nodes?.length;
  if (nodes !== ads) throw new Error(`${label}: ${nodes} ads, want ${ads}`);
}

// ---------------------------------------------------------------------------------------------
// (a) node:http sending the same bytes, (b) Yoga over the schema with the answer as static data

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

function bytesServer(answer: Answer): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': answer.contentType, 'content-length': answer.bytes.length });
      res.end(answer.bytes);
    });
  });
}

/**
 * Yoga over adgraph's printed schema (so no resolver of ours runs) executing each document against
 * the recorded answer as its root value: what Yoga's parse, validate, execute and serialize cost for
 * this answer. Abstract types resolve from the recorded `provider` field (the dashboard selects it).
 */
function staticYogaServer(data: Record<string, unknown>): Server {
  const sdl = buildSchema(printSchema(adgraphSchema));
  const typeResolver: GraphQLTypeResolver<unknown, unknown> = (value, _context, _info, type: GraphQLAbstractType) => {
    const provider = (value as { provider?: string } | null)?.provider;
    const candidates = sdl.getPossibleTypes(type).map((t) => t.name);
    return candidates.find((name) => provider && name.toUpperCase().startsWith(provider)) ?? candidates[0];
  };
  if (!isAbstractType(sdl.getType('Campaign'))) throw new Error('expected Campaign to be an interface');
  const withData: Plugin = {
    onExecute({ setExecuteFn }) {
      setExecuteFn((args) => execute({ ...args, rootValue: data, typeResolver }));
    },
  };
  const yoga = createYoga({
    schema: sdl,
    logging: false,
    landingPage: false,
    graphiql: false,
    plugins: [withData],
  });
  return createServer(yoga);
}

// ---------------------------------------------------------------------------------------------
// (c) the minimal REST client: the same upstream calls, all independent ones at once

interface Floor {
  /** The dashboard's upstream calls with `ads` rows; details of each ad as soon as its page arrives. */
  run(ads: number, details: boolean): Promise<{ ms: number; calls: number }>;
  close(): Promise<void>;
}

async function startFloor(sim: SimProcess): Promise<Floor> {
  // Enough connections for every call of the largest run at once: full parallelism.
  const agent = new Agent({ connections: 4096 });
  const get = async (url: string, headers: Record<string, string>): Promise<unknown> => {
    const res = await request(url, { dispatcher: agent, headers: { accept: 'application/json', ...headers } });
    const body = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`floor: ${url} HTTP ${res.statusCode}: ${body.slice(0, 200)}`);
    return JSON.parse(body);
  };
  // Logged in once, like adgraph's kept session.
  const tokens: string[] = [];
  for (const login of sim.logins) {
    const res = await request(`${sim.adstatUrl}/api/v2/login`, {
      dispatcher: agent,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ username: login.username, password: login.password }).toString(),
    });
    tokens.push(((await res.body.json()) as { access_token: string }).access_token);
  }
  const adstat = (token: string, path: string) => get(`${sim.adstatUrl}${path}`, { authorization: `Bearer ${token}` });
  const tonai = (apiKey: string, query: string) => get(`${sim.tonaiUrl}/api/v2/openapi/ad/campaign/list?${query}`, { 'x-api-key': apiKey });
  const PAGE = 500;
  return {
    async run(ads, details) {
      const t0 = performance.now();
      let calls = 0;
      const count = <T>(p: Promise<T>): Promise<T> => ((calls += 1), p);
      const independent: Promise<unknown>[] = [];
      for (const token of tokens) {
        independent.push(count(adstat(token, '/api/accounts/telegram/names')));
        independent.push(count(adstat(token, '/api/accounts/telegram/?offset=0&limit=500')));
        independent.push(count(adstat(token, '/api/campaigns/?period=all&offset=0&limit=500')));
      }
      independent.push(count(adstat(tokens[0]!, '/api/kktu/')));
      // TON.ai: the first key's first page fills the campaigns after AdStat's 14 (each key's total,
      // which adgraph reads once per process with pageSize=1, is kept across cold runs like the session).
      independent.push(count(tonai(sim.keys[0]!.apiKey, 'current=1&pageSize=100')));
      // The first login's ads, every page at its known offset at once; details as each arrives.
      const pages: Promise<unknown>[] = [];
      for (let offset = 0; offset < ads; offset += PAGE) {
        const limit = Math.min(PAGE, ads - offset);
        const page = count(adstat(tokens[0]!, `/api/v2/advertisement/?show_deleted=false&period=all&offset=${offset}&limit=${limit}`));
        pages.push(
          page.then((body) => {
            const rows = (body as { data?: { id: number }[] }).data;
            if (!Array.isArray(rows) || rows.length !== limit) throw new Error(`floor: ad page at ${offset} has ${Array.isArray(rows) ? rows.length : 'no'} rows, want ${limit}`);
            if (!details) return undefined;
            return Promise.all(rows.map((row) => count(adstat(tokens[0]!, `/api/advertisement/telegram/${row.id}`))));
          }),
        );
      }
      await Promise.all([...independent, ...pages]);
      return { ms: performance.now() - t0, calls };
    },
    close: () => agent.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor((xs.length - 1) / 2)]!;
function mmm(xs: number[], digits = 2): string {
  const s = sorted(xs);
  return `${s[0]!.toFixed(digits)} / ${median(xs).toFixed(digits)} / ${s[s.length - 1]!.toFixed(digits)}`;
}

async function throughput(url: string, body: string, seconds: number, concurrency: number): Promise<number> {
  const figures = await closedLoop(async (agent) => {
    const res = await request(url, { method: 'POST', dispatcher: agent, headers: GQL_HEADERS, body });
    await res.body.arrayBuffer();
    if (res.statusCode !== 200) throw new Error(`throughput: HTTP ${res.statusCode}`);
  }, seconds, concurrency);
  return figures.perSecond;
}


// ---------------------------------------------------------------------------------------------

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const opts = parseOptions(argv);
  const started = performance.now();
  console.log('adgraph floors benchmark');
  console.log(
    `node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}; ADGRAPH_COMPILED_EXECUTION=${process.env.ADGRAPH_COMPILED_EXECUTION ?? '(unset: auto)'}`,
  );
  console.log(`rounds=${opts.rounds} latency=${opts.latencyMs} ms seconds=${opts.seconds} concurrency=${opts.concurrency} sizes=${opts.sizes.join(',')}`);
  console.log('figures: min / median / max over the rounds; ratios are adgraph ÷ floor per round (lower is better for times, higher for req/s).');

  const sim = await SimProcess.start({ adstat: { rateLimit: false, adsScale: 2 } });
  const app = await startApp(sim).catch(async (error: unknown) => {
    await sim.close();
    throw error;
  });
  // Cold runs clear the provider cache; with the response cache off, so a repeated document is not
  // answered from the whole-answer cache either (the warm part keeps the default, on).
  const coldApp = await startApp(sim, { ADGRAPH_RESPONSE_CACHE: '0' }).catch(async (error: unknown) => {
    await app.close();
    await sim.close();
    throw error;
  });
  const url = `http://127.0.0.1:${app.server.port}/graphql`;
  const coldUrl = `http://127.0.0.1:${coldApp.server.port}/graphql`;
  const floor = await startFloor(sim);
  const incremental = new IncrementalClient();
  const servers: Server[] = [];
  const calls = async () => Object.values((await sim.observe()).counts).reduce((a, b) => a + b, 0);
  try {
    // ---- 1. cache hits ----
    await sim.latency(0);
    console.log(`\n== 1. Cache hits: requests/s, ${opts.concurrency} concurrent clients, ${opts.seconds} s per target per round ==`);
    const warmRows: string[][] = [];
    for (const variant of ['list', 'details'] as const) {
      const query = dashboard(variant);
      app.providers.cache.clear();
      check(await gql(url, query), 500, `warm-up ${variant}`);
      const recorded = await gql(url, query); // a cache hit: the bytes a warm dashboard sends
      check(recorded, 500, `recorded ${variant}`);
      const bytesUrl = await listen(servers[servers.push(bytesServer(recorded)) - 1]!);
      const staticUrl = await listen(servers[servers.push(staticYogaServer(recorded.json.data!)) - 1]!);
      const staticCheck = await gql(staticUrl, query);
      if (staticCheck.json.errors?.length) throw new Error(`static Yoga: ${staticCheck.json.errors[0]!.message}`);
      const body = JSON.stringify({ query });
      const targets = [
        ['adgraph', url],
        ['(a) node:http bytes', bytesUrl],
        ['(b) Yoga static', staticUrl],
      ] as const;
      const rate = new Map<string, number[]>(targets.map(([name]) => [name, []]));
      for (let r = 0; r < opts.rounds; r++) {
        const order = r % 2 === 0 ? targets : [...targets].reverse();
        for (const [name, target] of order) rate.get(name)!.push(await throughput(target, body, opts.seconds, opts.concurrency));
      }
      const mine = rate.get('adgraph')!;
      const label = `${variant} (${(recorded.bytes.length / 1024).toFixed(0)} KiB)`;
      warmRows.push([label, mmm(mine, 0), mmm(rate.get('(a) node:http bytes')!, 0), mmm(rate.get('(b) Yoga static')!, 0), mmm(mine.map((m, i) => m / rate.get('(a) node:http bytes')![i]!), 3), mmm(mine.map((m, i) => m / rate.get('(b) Yoga static')![i]!), 3)]);
    }
    printTable(['warm dashboard', 'adgraph req/s', '(a) node:http req/s', '(b) Yoga static req/s', 'adgraph ÷ (a)', 'adgraph ÷ (b)'], warmRows);
    console.log('  goal (issue 13): adgraph ÷ (a) ≥ 0.5');

    // ---- 2. cold latency ----
    await sim.latency(opts.latencyMs);
    console.log(`\n== 2. Cold dashboards at ${opts.latencyMs} ms per upstream call, one client: ms, and adgraph ÷ (c) minimal parallel REST client ==`);
    console.log('  cache cleared before each adgraph run, AdStat session kept (both sides logged in before timing).');
    interface Scenario {
      label: string;
      query: string;
      ads: number;
      details: boolean;
      defer: boolean;
    }
    const scenarios: Scenario[] = [
      ...opts.sizes.map((n) => ({ label: `list, ${n} ads`, query: dashboard('list', n), ads: n, details: false, defer: false })),
      { label: 'details, 500 ads', query: dashboard('details'), ads: 500, details: true, defer: false },
      { label: '@defer details, 500 ads', query: dashboard('defer'), ads: 500, details: true, defer: true },
    ];
    const latencyRows: string[][] = [];
    for (const s of scenarios) {
      const runAdgraph = async () => {
        coldApp.providers.cache.clear();
        await sim.reset();
        const a = s.defer ? await gqlDeferred(incremental, coldUrl, s.query) : await gql(coldUrl, s.query);
        check(a, s.ads, s.label);
        return { ...a, calls: await calls() };
      };
      const runFloor = async (details = s.details) => {
        await sim.reset();
        const f = await floor.run(s.ads, details);
        return { ...f, observed: await calls() };
      };
      let unsupported: string | undefined;
      try {
        await runAdgraph(); // warm-up: JIT and connections
      } catch (error) {
        unsupported = error instanceof Error ? error.message : String(error);
      }
      await runFloor();
      if (unsupported) {
        latencyRows.push([s.label, 'n/a', '', '', `adgraph refused it: ${unsupported.slice(0, 90)}`]);
        continue;
      }
      const mine: number[] = [];
      const mineFirst: number[] = [];
      const theirs: number[] = [];
      // With @defer, the rows part is compared with the floor's calls without details.
      const theirsList: number[] = [];
      const callCounts = new Set<string>();
      for (let r = 0; r < opts.rounds; r++) {
        const order = [...(r % 2 === 0 ? ['adgraph', 'floor'] : ['floor', 'adgraph']), ...(s.defer ? ['floor list'] : [])];
        for (const who of order) {
          if (who === 'adgraph') {
            const a = await runAdgraph();
            mine.push(a.ms);
            mineFirst.push(a.firstMs);
            callCounts.add(`adgraph ${a.calls}`);
          } else if (who === 'floor') {
            const f = await runFloor();
            theirs.push(f.ms);
            callCounts.add(`floor ${f.observed}`);
          } else {
            theirsList.push((await runFloor(false)).ms);
          }
        }
      }
      latencyRows.push([s.label, mmm(mine, 0), mmm(theirs, 0), mmm(mine.map((m, i) => m / theirs[i]!)), [...callCounts].join(', ')]);
      if (s.defer) {
        latencyRows.push(['  first part (rows)', mmm(mineFirst, 0), mmm(theirsList, 0), mmm(mineFirst.map((m, i) => m / theirsList[i]!)), 'floor: the calls without details']);
      }
    }
    printTable(['cold dashboard', 'adgraph ms', '(c) floor ms', 'adgraph ÷ (c)', 'upstream calls per run'], latencyRows);
    console.log('  goals (issue 13): list ≤ 1.15×, 500 details ≤ 1.15×, 2,000 ads ≤ 1.15×.');

    // ---- 3. CPU per cold 500-ad page: bench/page-cpu.ts's measurement (its own simulators and adgraph) ----
    console.log('\n== 3. CPU per 500-ad page (bench/page-cpu.ts: adgraph\'s process CPU, simulators in a child) ==');
    const cpu = await measurePageCpu({ rounds: opts.rounds, queries: 10 });
    const of = (pick: (r: PageCpuRound) => number) => mmm(cpu.rounds.map(pick));
    printTable(
      [`CPU per page (upstream page ${(cpu.upstreamBytes / 1024).toFixed(0)} KiB)`, 'min / median / max'],
      [
        ['JSON.parse + stringify (ms)', of((r) => r.parseStringifyMs)],
        ['adgraph cold (ms)', of((r) => r.coldMs)],
        ['adgraph warm (ms)', of((r) => r.warmMs)],
        ['cold ÷ parse+stringify', of((r) => r.coldMs / r.parseStringifyMs)],
        ['warm ÷ parse+stringify', of((r) => r.warmMs / r.parseStringifyMs)],
      ],
    );
    console.log('  goal (issue 13): cold ≤ 3× parse+stringify.');
  } finally {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
    await floor.close();
    await incremental.close();
    await coldApp.close();
    await app.close();
    await sim.close();
  }
  console.log(`\nload ${loadavg().map((l) => l.toFixed(2)).join(' ')}; total bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
