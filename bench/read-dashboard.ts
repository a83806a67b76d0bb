/**
 * Read-dashboard benchmark: what one reference dashboard query costs upstream, and how much time
 * adgraph adds on top of the upstream calls it cannot avoid.
 *
 *   npx tsx bench/read-dashboard.ts [--runs=20] [--fresh-runs=10] [--latency=50]
 *
 * Part 1 counts the simulators' requests per endpoint (cold, warm, ten concurrent) against the
 * minimum the providers allow, derived from the simulators' seeded data. Part 2 injects a fixed
 * latency on every simulator endpoint and reports end-to-end time minus the ideal upstream critical
 * path. Figures only: nothing here asserts a time (a query that answers with errors aborts the run,
 * because its figures would mean nothing). See bench/README.md for how to read the output.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { request } from 'undici';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { setLogLevel } from '../src/log.js';
import { LIMITS as ADSTAT_LIMITS } from '../src/providers/adstat/wire.js';
import type { ProviderOverrides } from '../src/providers/index.js';
import { LIMITS as TONAI_LIMITS } from '../src/providers/tonai/wire.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox/index.js';
import { SimProcess, type Observation } from './sim-process.js';
import { printTable } from './table.js';

// ---------------------------------------------------------------------------------------------
// The reference dashboard query

const AD_PAGE = 500;
const CAMPAIGN_PAGE = 100;

type Variant = 'list' | 'details';
const VARIANTS: readonly Variant[] = ['list', 'details'];

/** `details` adds one details-only sub-object per advertisement: one details call per ad. */
export function dashboardQuery(variant: Variant): string {
  const detailsField = variant === 'details' ? ' moderation { declineReasons { message } }' : '';
  return `query Dashboard {
  environment { mode simulated connections { provider id label } }
  accounts {
    id provider name currency status
    balance { amount currency } balanceTotal { amount currency } balanceAvailable { amount currency }
  }
  advertisements(first: ${AD_PAGE}) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id title status createdAt cpm { amount currency }
      statistics { impressions clicks ctr spent { amount currency } }${detailsField}
    }
  }
  campaigns(first: ${CAMPAIGN_PAGE}) {
    pageInfo { hasNextPage endCursor }
    nodes { id provider name status statistics { impressions clicks ctr spent { amount currency } } }
  }
  kktuTree { code children { code children { code } } }
}`;
}

/** The details variant with the details field under `... @defer`: the rows first, then each row's details. */
export function deferredDashboardQuery(): string {
  return dashboardQuery('details').replace(' moderation { declineReasons { message } }', ' ... @defer { moderation { declineReasons { message } } }');
}

interface DashboardData {
  accounts: unknown[];
  advertisements: { nodes: unknown[] };
  campaigns: { nodes: unknown[] };
  kktuTree: unknown[];
}

// ---------------------------------------------------------------------------------------------
// Setup: simulators and adgraph on loopback (as test/helpers/harness.ts does, several apps per sandbox)

interface Setup {
  sandbox: Sandbox;
  app: Adgraph;
}

async function startApp(sandbox: Sandbox, providers: ProviderOverrides | undefined): Promise<Adgraph> {
  const config = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' });
  setLogLevel(config.logLevel);
  return startAdgraph(config, { sandboxInstance: sandbox, ...(providers ? { providers } : {}) });
}

async function start(sandboxOptions: SandboxOptions | undefined, providers: ProviderOverrides | undefined): Promise<Setup> {
  const sandbox = await startSandbox(sandboxOptions);
  return { sandbox, app: await startApp(sandbox, providers) };
}

async function gql(app: Adgraph, query: string): Promise<DashboardData> {
  const res = await request(`http://127.0.0.1:${app.server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.body.json()) as { data?: DashboardData | null; errors?: { message: string; extensions?: { code?: string } }[] };
  if (res.statusCode !== 200 || body.errors?.length || !body.data) {
    const first = body.errors?.[0];
    throw new Error(`query failed (HTTP ${res.statusCode}): ${first ? `${first.extensions?.code ?? ''} ${first.message}` : 'no data'}`);
  }
  return body.data;
}

/** Sanity check of an answer (shape, not time): the page sizes the minimum assumes. */
function checkShape(data: DashboardData, expect: Expected, variant: Variant): void {
  const ads = data.advertisements.nodes.length;
  const campaigns = data.campaigns.nodes.length;
  if (ads !== expect.adsOnPage || campaigns !== expect.campaignsOnPage || data.kktuTree.length === 0) {
    throw new Error(`unexpected answer (${variant}): ${ads} ads (want ${expect.adsOnPage}), ${campaigns} campaigns (want ${expect.campaignsOnPage})`);
  }
}

function resetCounts(sandbox: Sandbox): void {
  sandbox.adstat.server.controls.resetCounts();
  sandbox.tonai.server.controls.resetCounts();
}

/** Requests per endpoint since the last reset, keyed `AdStat GET /path` / `TON.ai GET /path`. */
function counts(sandbox: Sandbox): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(sandbox.adstat.server.controls.snapshot())) out.set(`AdStat ${k}`, v);
  for (const [k, v] of Object.entries(sandbox.tonai.server.controls.snapshot())) out.set(`TON.ai ${k}`, v);
  return out;
}

const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// The minimum the providers allow, derived from the simulators' seeded data (not from adgraph)

const EP = {
  login: 'AdStat POST /api/v2/login',
  names: 'AdStat GET /api/accounts/telegram/names',
  cabinets: 'AdStat GET /api/accounts/telegram',
  adList: 'AdStat GET /api/v2/advertisement',
  adDetails: 'AdStat GET /api/advertisement/telegram/:ad_id',
  campaigns: 'AdStat GET /api/campaigns',
  kktu: 'AdStat GET /api/kktu',
  tonaiList: 'TON.ai GET /api/v2/openapi/ad/campaign/list',
  tonaiDetail: 'TON.ai GET /api/v2/openapi/ad/campaign/detail',
} as const;

interface Expected {
  /** Minimum upstream calls per endpoint for a cold cache with the AdStat session kept. */
  cold: Map<string, number>;
  /** Logins a process's first query adds (one per AdStat login the query touches). */
  logins: number;
  derivation: Map<string, string>;
  adsOnPage: number;
  campaignsOnPage: number;
}

/**
 * Calls to take `want` rows from a list of `n` rows read in pages of `size` from offset 0. When the
 * list has fewer rows than wanted it must be read to its end: with a reported total that is
 * ceil(n/size) pages (at least 1); without one, until a short page, floor(n/size)+1.
 */
function pages(n: number, want: number, size: number, totalKnown: boolean): { calls: number; taken: number } {
  if (want <= 0) return { calls: 0, taken: 0 };
  if (n >= want) return { calls: Math.max(1, Math.ceil(want / size)), taken: want };
  return { calls: totalKnown ? Math.max(1, Math.ceil(n / size)) : Math.floor(n / size) + 1, taken: n };
}

/** A merged connection takes sources in order until `want` rows: calls per source. */
function walk(sources: { n: number; size: number; totalKnown: boolean }[], want: number): { calls: number[]; taken: number } {
  let remaining = want;
  const calls = sources.map((s) => {
    const r = pages(s.n, remaining, s.size, s.totalKnown);
    remaining -= r.taken;
    return r.calls;
  });
  return { calls, taken: want - remaining };
}

function expectedMinimum(sandbox: Sandbox, variant: Variant): Expected {
  const st = sandbox.adstat.state;
  const users = sandbox.logins.map((l) => {
    const user = st.userByName(l.username);
    if (!user) throw new Error(`simulator has no user ${l.username}`);
    return {
      id: l.id,
      ads: st.adsOf(user.id).filter((a) => a.status !== 'deleted').length,
      campaigns: st.campaignsOf(user.id).length,
      cabinets: st.cabinetsOf(user.id).length,
    };
  });
  const tonai = sandbox.keys.map((k) => ({ id: k.id, campaigns: sandbox.tonai.state.campaigns(k.apiKey).length }));
  const A = ADSTAT_LIMITS.maxPageSize;
  const T = TONAI_LIMITS.maxPageSize;

  const ads = walk(users.map((u) => ({ n: u.ads, size: A, totalKnown: false })), AD_PAGE);
  const camps = walk(
    [...users.map((u) => ({ n: u.campaigns, size: A, totalKnown: true })), ...tonai.map((k) => ({ n: k.campaigns, size: T, totalKnown: true }))],
    CAMPAIGN_PAGE,
  );
  const adstatCampaignCalls = camps.calls.slice(0, users.length);
  const tonaiCampaignCalls = camps.calls.slice(users.length);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const each = (ids: string[], calls: number[]) => ids.map((id, i) => `${id} ${calls[i]}`).join(', ');

  const cold = new Map<string, number>([
    [EP.names, users.length],
    [EP.cabinets, sum(users.map((u) => pages(u.cabinets, Number.POSITIVE_INFINITY, A, true).calls))],
    [EP.adList, sum(ads.calls)],
    [EP.adDetails, variant === 'details' ? ads.taken : 0],
    [EP.campaigns, sum(adstatCampaignCalls)],
    [EP.kktu, 1],
    [EP.tonaiList, sum(tonaiCampaignCalls)],
    [EP.tonaiDetail, 0],
  ]);
  const logins = users.length;
  const derivation = new Map<string, string>([
    [EP.login, `1 per AdStat login the query touches (${logins}); first query of a process only, the session is kept after`],
    [EP.names, `1 per login: cabinet list with balance/mode (the \`balance\` field)`],
    [EP.cabinets, `ceil(cabinets/${A}) per login: the detailed list is the only source of status/balanceTotal/balanceAvailable`],
    [EP.adList, `first ${AD_PAGE} non-deleted ads, logins in order, pages of ${A}, list reports no total (${each(users.map((u) => `${u.id}[${u.ads} ads]`), ads.calls)})`],
    [EP.adDetails, variant === 'details' ? `one per distinct ad on the page (${ads.taken}); AdStat has no batch read` : 'no details field selected'],
    [EP.campaigns, `first ${CAMPAIGN_PAGE} campaigns, AdStat logins first, pages of ${A} with a total (${each(users.map((u) => `${u.id}[${u.campaigns}]`), adstatCampaignCalls)})`],
    [EP.kktu, '1: the tree is the same for every login'],
    [EP.tonaiList, `rest of the ${CAMPAIGN_PAGE} from TON.ai keys in order, pages of ${T} (${each(tonai.map((k) => `${k.id}[${k.campaigns}]`), tonaiCampaignCalls)})`],
    [EP.tonaiDetail, 'list fields only'],
  ]);
  return { cold, logins, derivation, adsOnPage: ads.taken, campaignsOnPage: camps.taken };
}

// ---------------------------------------------------------------------------------------------
// Part 1: upstream calls

async function measureCalls(): Promise<Record<Variant, Expected>> {
  // Fresh sandbox and adgraph with the documented limits (10 requests a minute per login and path):
  // each sequence below sends at most 5 requests on any one path.
  const { sandbox, app } = await start(undefined, undefined);
  const expectations = { list: expectedMinimum(sandbox, 'list'), details: expectedMinimum(sandbox, 'details') };
  try {
    const columns = ['first', 'cold', 'warm', '10× cold'] as const;
    for (const variant of VARIANTS) {
      const expect = expectations[variant];
      const query = dashboardQuery(variant);
      const observed = new Map<(typeof columns)[number], Map<string, number>>();

      if (variant === 'list') {
        // The process's first query: cold cache and no AdStat session yet.
        resetCounts(sandbox);
        checkShape(await gql(app, query), expect, variant);
        observed.set('first', counts(sandbox));
      }
      app.providers.cache.clear();
      resetCounts(sandbox);
      checkShape(await gql(app, query), expect, variant);
      observed.set('cold', counts(sandbox));

      resetCounts(sandbox); // same query again, well within the list TTL
      checkShape(await gql(app, query), expect, variant);
      observed.set('warm', counts(sandbox));

      app.providers.cache.clear();
      resetCounts(sandbox);
      const answers = await Promise.all(Array.from({ length: 10 }, () => gql(app, query)));
      for (const a of answers) checkShape(a, expect, variant);
      observed.set('10× cold', counts(sandbox));

      const minimumFirst = new Map(expect.cold);
      minimumFirst.set(EP.login, expect.logins);
      const keys = [...new Set([EP.login, ...expect.cold.keys(), ...[...observed.values()].flatMap((m) => [...m.keys()])])];
      const shown = columns.filter((c) => observed.has(c));
      const rows: string[][] = keys.map((k) => [
        k,
        String(variant === 'list' ? (minimumFirst.get(k) ?? 0) : (expect.cold.get(k) ?? 0)),
        ...shown.map((c) => String(observed.get(c)!.get(k) ?? 0)),
      ]);
      const minTotal = variant === 'list' ? total(minimumFirst) : total(expect.cold);
      rows.push(['total', String(minTotal), ...shown.map((c) => String(total(observed.get(c)!)))]);
      console.log(`\n[${variant}] ${variant === 'list' ? 'list fields only' : 'list fields + moderation { declineReasons { message } } (details call per ad)'}`);
      console.log(`  min = minimum for a cold cache${variant === 'list' ? ' (login row: first query of a process)' : ', session kept'}; first = process's first query; cold = cache cleared, AdStat session kept;`);
      console.log('  warm = same query again within the cache TTL (minimum 0); 10× cold = ten concurrent identical queries on a cleared cache (minimum = one query\'s).');
      printTable(['endpoint', 'min', ...shown], rows);
      const over = keys.filter((k) => (observed.get('cold')!.get(k) ?? 0) > (expect.cold.get(k) ?? 0));
      const warmCalls = total(observed.get('warm')!);
      const concurrentExtra = total(observed.get('10× cold')!) - total(observed.get('cold')!);
      console.log(`  verdict: cold ${over.length === 0 ? 'at the minimum' : `ABOVE the minimum on ${over.join(', ')}`}; warm ${warmCalls === 0 ? '0 calls' : `${warmCalls} calls (expected 0)`}; 10× cold ${concurrentExtra === 0 ? 'coalesced to one query\'s calls' : `${concurrentExtra} calls more than one query`}.`);
      if (variant === 'details') {
        console.log('\n  How the minimum is derived (details variant; the list variant is the same without details calls):');
        for (const k of [EP.login, ...expect.cold.keys()]) console.log(`    ${k}: ${expect.derivation.get(k)}`);
      }
    }
    return expectations;
  } finally {
    await app.close();
    await sandbox.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Part 2: latency adgraph adds over the upstream critical path

/** The simulators as the timing runs see them: in this process, or in a child process. */
interface Sims {
  reset(): Promise<void>;
  latency(latencyMs: number): Promise<void>;
  observe(): Promise<Observation>;
  startApp(): Promise<Adgraph>;
  close(): Promise<void>;
}

// Relaxed limits on both sides: 20 cold runs send 20 requests on the list path in well under a
// minute, and the documented 10 a minute would make adgraph fail fast with RATE_LIMITED.
const RELAXED_SANDBOX: SandboxOptions = { adstat: { rateLimit: false } };
const RELAXED_CLIENT: ProviderOverrides = { adstat: { rateLimit: { max: 1_000_000 } } };

async function inProcessSims(): Promise<Sims> {
  const sandbox = await startSandbox(RELAXED_SANDBOX);
  const controls = [sandbox.adstat.server.controls, sandbox.tonai.server.controls];
  return {
    reset: async () => resetCounts(sandbox),
    latency: async (latencyMs) => {
      for (const c of controls) {
        c.clearFaults();
        // Only latencyMs: every request (`*`) waits, then goes through to the real handler.
        if (latencyMs > 0) c.addFault({ endpoint: '*', latencyMs });
      }
    },
    observe: async () => ({ counts: Object.fromEntries(counts(sandbox)), arrivals: controls.flatMap((c) => c.log.map((r) => r.at)) }),
    startApp: () => startApp(sandbox, RELAXED_CLIENT),
    close: () => sandbox.close(),
  };
}

async function childProcessSims(): Promise<Sims> {
  const sim = await SimProcess.start(RELAXED_SANDBOX);
  return {
    reset: () => sim.reset(),
    latency: (latencyMs) => sim.latency(latencyMs),
    observe: () => sim.observe(),
    startApp: async () => {
      const base = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' });
      setLogLevel(base.logLevel);
      const config = sim.configFor(base);
      return startAdgraph(config, { providers: RELAXED_CLIENT });
    },
    close: () => sim.close(),
  };
}

interface RunSample {
  ms: number;
  /** Time with at least one upstream request waiting out its latency (see upstreamBusyMs). */
  busyMs: number;
  calls: number;
}

/**
 * How long at least one upstream request was in flight: the union of [arrival, arrival + L] over
 * every request the simulators saw. With a fixed L this is adgraph's actual upstream chain (its
 * sequential rounds × L); e2e minus it is time when adgraph had nothing outstanding upstream (its
 * own work, plus the simulators' handler and transfer time, which are small next to L).
 */
function upstreamBusyMs(arrivals: number[], latencyMs: number): number {
  if (latencyMs <= 0) return 0;
  const at = [...arrivals].sort((a, b) => a - b);
  let busy = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const t of at) {
    if (t >= end) busy += latencyMs;
    else busy += t + latencyMs - end;
    end = t + latencyMs;
  }
  return busy;
}

/**
 * The ideal critical path in upstream round trips, with every independent call issued at once:
 * AdStat [login →] {names, cabinets, ad list, campaigns, kktu} → {details per ad}; TON.ai list.
 */
function idealRounds(variant: Variant, login: boolean): number {
  const adstat = (login ? 1 : 0) + 1 + (variant === 'details' ? 1 : 0);
  const tonai = 1;
  return Math.max(adstat, tonai);
}

async function timeOne(app: Adgraph, sims: Sims, query: string, latencyMs: number, expect: Expected, variant: Variant): Promise<RunSample> {
  await sims.reset();
  const t0 = performance.now();
  const data = await gql(app, query);
  const ms = performance.now() - t0;
  checkShape(data, expect, variant);
  const seen = await sims.observe();
  return { ms, busyMs: upstreamBusyMs(seen.arrivals, latencyMs), calls: Object.values(seen.counts).reduce((a, b) => a + b, 0) };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
const p95 = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.95);
const fmt = (ms: number) => (Number.isNaN(ms) ? '-' : ms.toFixed(1));

async function measureLatency(opts: Options, expectations: Record<Variant, Expected>): Promise<void> {
  const sims = opts.sim === 'child' ? await childProcessSims() : await inProcessSims();
  const app = await sims.startApp();
  const header = ['variant', 'login', 'L', 'runs', 'calls', 'ideal CP', 'upstream busy', 'e2e med', 'overhead med', 'overhead p95', 'not upstream med'];
  const rows: string[][] = [];
  try {
    for (const latencyMs of [0, opts.latencyMs]) {
      await sims.latency(latencyMs);
      for (const variant of VARIANTS) {
        const query = dashboardQuery(variant);
        const expect = expectations[variant];

        // (a) Session kept: cache cleared before each run, the AdStat access token reused.
        for (let i = 0; i < 2; i++) {
          app.providers.cache.clear();
          await gql(app, query); // warm-up: JIT, keep-alive connections, login
        }
        const kept: RunSample[] = [];
        for (let i = 0; i < opts.runs; i++) {
          app.providers.cache.clear();
          kept.push(await timeOne(app, sims, query, latencyMs, expect, variant));
        }
        rows.push(row(variant, 'kept', latencyMs, kept, idealRounds(variant, false)));

        // (b) A fresh adgraph per run on the same simulators: login, new upstream connections,
        // empty cache (a process's first dashboard). Warmed only with `{ __typename }`.
        const fresh: RunSample[] = [];
        for (let i = 0; i < opts.freshRuns; i++) {
          const freshApp = await sims.startApp();
          try {
            await request(`http://127.0.0.1:${freshApp.server.port}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: '{ __typename }' }),
            }).then((r) => r.body.dump());
            fresh.push(await timeOne(freshApp, sims, query, latencyMs, expect, variant));
          } finally {
            await freshApp.close();
          }
        }
        rows.push(row(variant, 'per run', latencyMs, fresh, idealRounds(variant, true)));
      }
    }
  } finally {
    await app.close();
    await sims.close();
  }
  printTable(header, rows);

  function row(variant: Variant, login: string, latencyMs: number, samples: RunSample[], ideal: number): string[] {
    const cp = ideal * latencyMs;
    const e2e = samples.map((s) => s.ms);
    const overhead = e2e.map((ms) => ms - cp);
    const busy = median(samples.map((s) => s.busyMs));
    const residual = samples.map((s) => s.ms - s.busyMs);
    const calls = [...new Set(samples.map((s) => s.calls))].join('/');
    return [
      variant,
      login,
      `${latencyMs} ms`,
      String(samples.length),
      calls,
      latencyMs > 0 ? `${ideal}×L = ${cp}` : '0',
      latencyMs > 0 ? `${busy.toFixed(0)} (${(busy / latencyMs).toFixed(1)}×L)` : '-',
      fmt(median(e2e)),
      fmt(median(overhead)),
      fmt(p95(overhead)),
      fmt(median(residual)),
    ];
  }
}

// ---------------------------------------------------------------------------------------------
// Output and entry point

interface Options {
  runs: number;
  freshRuns: number;
  latencyMs: number;
  /** Where the timing runs' simulators live: a child process (default) or this process. */
  sim: 'child' | 'inproc';
}

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 20, freshRuns: 10, latencyMs: 50, sim: 'child' };
  for (const arg of argv) {
    if (arg === '--sim=child' || arg === '--sim=inproc') {
      options.sim = arg === '--sim=child' ? 'child' : 'inproc';
      continue;
    }
    const m = /^--(runs|fresh-runs|latency)=(\d+)$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg} (use --runs=N --fresh-runs=N --latency=MS --sim=child|inproc)`);
    const value = Number(m[2]);
    if (m[1] === 'runs') options.runs = Math.max(1, value);
    else if (m[1] === 'fresh-runs') options.freshRuns = Math.max(1, value);
    else options.latencyMs = Math.max(1, value);
  }
  return options;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const opts = parseOptions(argv);
  const started = performance.now();
  console.log('adgraph read-dashboard benchmark');
  console.log(`node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}; runs=${opts.runs} fresh-runs=${opts.freshRuns} latency=${opts.latencyMs} ms sim=${opts.sim}`);
  console.log('reference query: environment; accounts {status, balances}; advertisements(first: 500) {list fields, statistics};');
  console.log('                 campaigns(first: 100) of both providers {statistics}; kktuTree {3 levels of codes}');

  console.log('\n== 1. Upstream calls per endpoint (documented rate limits, fresh simulators) ==');
  const expectations = await measureCalls();

  console.log(`\n== 2. Latency added over the upstream critical path (L = ${opts.latencyMs} ms on every simulator endpoint, and 0) ==`);
  console.log('NOTE: these timing runs LIFT THE ADSTAT RATE LIMIT (simulator rateLimit: false, client limiter max 1,000,000),');
  console.log('      since repeated cold runs exceed 10 requests/minute on the list path. Cache cleared before every run.');
  console.log('  ideal CP: round trips of the ideal chain × L. AdStat [login →] {names, cabinets, ad list, campaigns, kktu} all at once');
  console.log('            [→ details of every ad at once]; TON.ai list in parallel. login "kept" = 1 (list) / 2 (details) rounds,');
  console.log('            "per run" (fresh adgraph per run: login, new connections, empty cache) = 2 / 3 rounds.');
  console.log('  upstream busy: time with ≥1 upstream request in flight (union of [arrival, arrival+L]), median: adgraph\'s actual chain.');
  console.log('  overhead = e2e − ideal CP; not upstream = e2e − upstream busy (adgraph\'s own time on the path). ms; p95 nearest-rank.');
  console.log(
    opts.sim === 'child'
      ? '  simulators run in a child process (their CPU time is not on adgraph\'s event loop); --sim=inproc runs them in this process.'
      : '  simulators run IN THIS PROCESS: their CPU time (500 details answers) counts in the overhead; the default --sim=child avoids that.',
  );
  await measureLatency(opts, expectations);

  console.log(`\ntotal bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
