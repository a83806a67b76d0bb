/**
 * Latency at the floor: adgraph against a minimal REST client that makes the same minimal upstream
 * calls with full parallelism, in the same run, with L ms injected on every simulator request.
 *
 *   npx tsx bench/latency.ts [--rounds=3] [--latency=50] [--connections=N] [--only=list,details,defer,ads2000] [--timeline]
 *
 * The floor client knows the answer's shape in advance (which pages, which logins), so it pays only
 * the round trips the data forces: one for the list dashboard, two with details (the ids come from
 * the page), one for 2,000 ads (four pages at once). `defer` is the details dashboard with the
 * details field under `... @defer`: its whole answer is compared with the floor's details calls, its
 * first part (the rows) with the floor's calls without details (a row of its own, `defer rows`). Both sides read the same simulators (a child
 * process, so their CPU is not on adgraph's loop) with the rate limits lifted; adgraph's cache is
 * cleared before each of its runs (AdStat session kept). Rounds interleave adgraph and floor; each
 * figure is adgraph ÷ floor of the same round, min/median/max over the rounds. "L-rounds" is the time
 * some upstream call was in flight, in units of L (median): the call pattern's sequential round
 * trips, which CPU load on a shared machine hardly moves, unlike the end-to-end ratio.
 * `--timeline` prints, for each scenario's last round, when each upstream call of adgraph and of the
 * floor was asked for, handed to a connection, written and answered (bench/timeline.ts), and for
 * `defer` when the first part arrived.
 */
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { setLogLevel } from '../src/log.js';
import { PERIODS } from '../src/providers/adstat/wire.js';
import { IncrementalClient, incrementalErrors } from './incremental.js';
import { dashboardQuery, deferredDashboardQuery } from './read-dashboard.js';
import { benchEnv, SimProcess } from './sim-process.js';
import { printTable } from './table.js';
import { printTimeline, Timeline } from './timeline.js';

type Scenario = 'list' | 'details' | 'defer' | 'ads2000';

const LIST_FIELDS = 'id title status createdAt cpm { amount currency } statistics { impressions clicks ctr spent { amount currency } }';
const QUERIES: Record<Scenario, string> = {
  list: dashboardQuery('list'),
  details: dashboardQuery('details'),
  defer: deferredDashboardQuery(),
  ads2000: `{ advertisements(first: 2000, connectionId: "demo") { pageInfo { hasNextPage } nodes { ${LIST_FIELDS} } } }`,
};

interface Options {
  rounds: number;
  latencyMs: number;
  connections: number | undefined;
  only: Scenario[];
  timeline: boolean;
}

function parse(argv: string[]): Options {
  const o: Options = { rounds: 3, latencyMs: 50, connections: undefined, only: ['list', 'details', 'defer', 'ads2000'], timeline: false };
  for (const arg of argv) {
    if (arg === '--timeline') {
      o.timeline = true;
      continue;
    }
    const m = /^--(rounds|latency|connections|only)=(.+)$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    if (m[1] === 'only') o.only = m[2]!.split(',') as Scenario[];
    else if (m[1] === 'rounds') o.rounds = Math.max(1, Number(m[2]));
    else if (m[1] === 'latency') o.latencyMs = Number(m[2]);
    else o.connections = Number(m[2]);
  }
  return o;
}

/** The minimal client: plain undici, every independent call at once, bodies parsed as JSON. */
class Floor {
  private readonly agent = new Agent({ connections: 4096, pipelining: 1 });
  private tokens = new Map<string, string>();
  constructor(private readonly sim: SimProcess) {}

  private async get(url: string, headers: Record<string, string>): Promise<unknown> {
    const res = await request(url, { headers: { accept: 'application/json', ...headers }, dispatcher: this.agent });
    const body = await res.body.json();
    if (res.statusCode !== 200) throw new Error(`floor: ${url} answered ${res.statusCode}`);
    return body;
  }

  async login(): Promise<void> {
    for (const l of this.sim.logins) {
      const res = await request(`${this.sim.adstatUrl}/api/v2/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: l.username, password: l.password }).toString(),
        dispatcher: this.agent,
      });
      this.tokens.set(l.id, ((await res.body.json()) as { access_token: string }).access_token);
    }
  }

  private adstat(login: string, path: string, query: Record<string, string> = {}): Promise<unknown> {
    const q = new URLSearchParams(query).toString();
    return this.get(`${this.sim.adstatUrl}${path}${q ? `?${q}` : ''}`, { authorization: `Bearer ${this.tokens.get(login)}` });
  }

  private adPage(login: string, index: number): Promise<{ data: { id: number }[] }> {
    return this.adstat(login, '/api/v2/advertisement/', { show_deleted: 'false', period: PERIODS.ALL, offset: String(index * 500), limit: '500' }) as Promise<{ data: { id: number }[] }>;
  }

  /** The reference dashboard's minimal calls (seeded data: demo fills the 500 ads; campaigns take demo, agency2, then alpha). */
  async dashboard(details: boolean): Promise<number> {
    const logins = this.sim.logins.map((l) => l.id);
    const [demo, agency2] = logins as [string, string];
    const alpha = this.sim.keys[0]!;
    const calls: Promise<unknown>[] = [];
    for (const l of logins) {
      calls.push(this.adstat(l, '/api/accounts/telegram/names'));
      calls.push(this.adstat(l, '/api/accounts/telegram/', { offset: '0', limit: '500' }));
    }
    const page = this.adPage(demo, 0);
    calls.push(details ? page.then((p) => Promise.all(p.data.map((ad) => this.adstat(demo, `/api/advertisement/telegram/${ad.id}`)))) : page);
    for (const l of [demo, agency2]) calls.push(this.adstat(l, '/api/campaigns/', { period: PERIODS.ALL, offset: '0', limit: '500' }));
    calls.push(this.adstat(demo, '/api/kktu/'));
    calls.push(this.get(`${this.sim.tonaiUrl}/api/v2/openapi/ad/campaign/list?current=1&pageSize=100`, { 'x-api-key': alpha.apiKey }));
    await Promise.all(calls);
    return calls.length + (details ? 500 : 0);
  }

  async ads2000(): Promise<number> {
    await Promise.all([0, 1, 2, 3].map((i) => this.adPage(this.sim.logins[0]!.id, i)));
    return 4;
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/**
 * Runs the query; for an incremental one (read by `incremental`, off this event loop: see
 * bench/incremental.ts), the time from sending to the end of its first part.
 */
async function gql(app: Adgraph, query: string, incremental?: IncrementalClient): Promise<number | undefined> {
  if (incremental) {
    const answer = await incremental.query(`http://127.0.0.1:${app.server.port}/graphql`, query);
    const error = incrementalErrors(answer)[0];
    if (error || answer.payloads.length < 2) throw new Error(`adgraph: ${error?.message ?? `${answer.payloads.length} part(s), not an incremental answer`}`);
    return answer.firstMs;
  }
  const res = await request(`http://127.0.0.1:${app.server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.body.json()) as { errors?: { message: string }[] };
  if (res.statusCode !== 200 || body.errors?.length) throw new Error(`adgraph: ${res.statusCode} ${body.errors?.[0]?.message ?? ''}`);
  return undefined;
}

/**
 * Time with at least one upstream request waiting out its latency (union of [arrival, arrival+L]),
 * in units of L: the sequential round trips of the call pattern, whatever the CPU load adds.
 */
function busyMs(arrivals: number[], latencyMs: number): number {
  let busy = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const t of [...arrivals].sort((a, b) => a - b)) {
    busy += t >= end ? latencyMs : t + latencyMs - end;
    end = t + latencyMs;
  }
  return busy;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const opts = parse(process.argv.slice(2));
  // adsScale 2: demo has over 2,000 live ads (the 2,000-ad scenario); the dashboard is unchanged.
  const sim = await SimProcess.start({ adstat: { rateLimit: false, adsScale: 2 } });
  const base = loadConfig({
    ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ADGRAPH_AUTH: 'none',
    ...(opts.connections ? { ADGRAPH_UPSTREAM_CONNECTIONS: String(opts.connections) } : {}),
    ...benchEnv(),
  });
  setLogLevel(base.logLevel);
  const config = sim.configFor(base);
  const app = await startAdgraph(config, { providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
  const floor = new Floor(sim);
  const incremental = new IncrementalClient();
  const timeline = opts.timeline ? new Timeline(`http://127.0.0.1:${app.server.port}`) : undefined;
  timeline?.watch(app.providers.http);
  const timelines: (() => void)[] = [];
  console.log(`latency bench: L=${opts.latencyMs} ms, rounds=${opts.rounds}, upstream connections=${config.http.connectionsPerOrigin}`);
  try {
    await floor.login();
    await sim.latency(opts.latencyMs);
    const rows: string[][] = [];
    for (const s of opts.only) {
      // Warm-up: JIT, keep-alive connections, the AdStat session.
      for (let i = 0; i < 2; i++) {
        app.providers.cache.clear();
        await gql(app, QUERIES[s], s === 'defer' ? incremental : undefined);
        await (s === 'ads2000' ? floor.ads2000() : floor.dashboard(s !== 'list'));
      }
      const a: number[] = [];
      const f: number[] = [];
      let calls = { adgraph: 0, floor: 0 };
      const rounds = { a: [] as number[], f: [] as number[] };
      // defer: adgraph's first part, and the floor's calls without details beside it.
      const firstParts: number[] = [];
      const floorLists: number[] = [];
      for (let r = 0; r < opts.rounds; r++) {
        const traced = r === opts.rounds - 1 ? timeline : undefined;
        app.providers.cache.clear();
        await sim.reset();
        let t = performance.now();
        traced?.start();
        const firstPart = await gql(app, QUERIES[s], s === 'defer' ? incremental : undefined);
        a.push(performance.now() - t);
        if (firstPart !== undefined) firstParts.push(firstPart);
        const adgraphCalls = traced?.stop();
        const seen = await sim.observe();
        await sim.reset();
        t = performance.now();
        traced?.start();
        const floorCalls = await (s === 'ads2000' ? floor.ads2000() : floor.dashboard(s !== 'list'));
        f.push(performance.now() - t);
        const floorTimeline = traced?.stop();
        if (adgraphCalls && floorTimeline) {
          const [am, fm] = [a[a.length - 1]!, f[f.length - 1]!];
          timelines.push(() => {
            printTimeline(`${s}: adgraph`, adgraphCalls, am, firstPart);
            printTimeline(`${s}: floor`, floorTimeline, fm);
          });
        }
        const floorSeen = await sim.observe();
        calls = { adgraph: sum(seen.counts), floor: floorCalls };
        rounds.a.push(busyMs(seen.arrivals, opts.latencyMs) / opts.latencyMs);
        rounds.f.push(busyMs(floorSeen.arrivals, opts.latencyMs) / opts.latencyMs);
        if (s === 'defer') {
          await sim.reset();
          t = performance.now();
          await floor.dashboard(false);
          floorLists.push(performance.now() - t);
        }
      }
      const ratios = a.map((ms, i) => ms / f[i]!);
      rows.push([
        s,
        `${calls.adgraph}/${calls.floor}`,
        `${median(rounds.a).toFixed(1)}/${median(rounds.f).toFixed(1)}`,
        median(a).toFixed(0),
        median(f).toFixed(0),
        Math.min(...ratios).toFixed(2),
        median(ratios).toFixed(2),
        Math.max(...ratios).toFixed(2),
      ]);
      if (firstParts.length > 0) {
        const firstRatios = firstParts.map((ms, i) => ms / floorLists[i]!);
        rows.push(['defer rows', '', '', median(firstParts).toFixed(0), median(floorLists).toFixed(0), Math.min(...firstRatios).toFixed(2), median(firstRatios).toFixed(2), Math.max(...firstRatios).toFixed(2)]);
      }
    }
    for (const print of timelines) print();
    console.log('');
    printTable(['scenario', 'calls a/f', 'L-rounds a/f', 'adgraph ms med', 'floor ms med', 'ratio min', 'ratio med', 'ratio max'], rows);
  } finally {
    timeline?.close();
    await floor.close();
    await incremental.close();
    await app.close();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
