/**
 * Quota benchmark: what AdStat's budget (10 requests per 60 s per login and URL path, enforced by
 * the simulator exactly as documented) leaves for dashboards once adgraph plans it.
 *
 *   npx tsx bench/quota.ts [--speed=2] [--scenario=all|dashboards|mixed] [--mixed-pause=10000] [--seed=1]
 *
 * (a) dashboards: 50 dashboards polling one login every 5 s for 2 minutes, three common filter
 *     variants (the default list, today's, one title);
 * (b) mixed: 200 clients for 3 minutes, each sending a random read every 5–15 s (all of one
 *     login's ads, a status-filtered list, accounts, campaigns, one ad's details, the KKTU tree).
 * Time is a scaled clock shared by the simulators and adgraph: `--speed=2` (the default) runs the
 * 2 + 3 minutes of provider time in about 2.5 minutes of wall time; the budget and every lifetime are the real ones in
 * that clock. Prints RATE_LIMITED answers (goal 0), 429s drawn (must be 0), upstream calls per
 * minute per login and path (max over any 60 s window; must be ≤ 10) and the age of the data
 * served (from `extensions.freshness`: p50, p95, max). Figures only; nothing is asserted.
 */
import { pathToFileURL } from 'node:url';
import { request } from 'undici';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { setLogLevel } from '../src/log.js';
import { scaledClock, type Clock } from '../src/providers/clock.js';
import type { UpstreamRequest, UpstreamResponse } from '../src/providers/http.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { printTable } from './table.js';

interface Options {
  speed: number;
  /** Mean pause between one mixed client's reads (each pause is 0.5–1.5 times it). */
  mixedPauseMs: number;
  scenario: 'all' | 'dashboards' | 'mixed';
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const scenario = (get('scenario') ?? 'all') as Options['scenario'];
  if (!['all', 'dashboards', 'mixed'].includes(scenario)) throw new Error('--scenario must be all, dashboards or mixed');
  return { speed: Number(get('speed') ?? 2), mixedPauseMs: Number(get('mixed-pause') ?? 10_000), scenario, seed: Number(get('seed') ?? 1) };
}

/** A small seeded generator (mulberry32): the same workload at every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Sent {
  account: string;
  path: string;
  at: number;
}

interface Run {
  app: Adgraph;
  sandbox: Sandbox;
  clock: Clock;
  url: string;
  sent: Sent[];
  answered429: string[];
  /** How far behind its cadence a client fell at worst (provider ms): large means the run was CPU-bound. */
  lateness: number;
  close(): Promise<void>;
}

async function startRun(speed: number): Promise<Run> {
  const clock = scaledClock(speed);
  const sandbox = await startSandbox({ adstat: { now: clock.now } });
  const config = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' });
  const app = await startAdgraph(config, { sandboxInstance: sandbox, providers: { clock } });
  const run: Run = {
    app,
    sandbox,
    clock,
    url: `http://127.0.0.1:${app.server.port}/graphql`,
    sent: [],
    answered429: [],
    lateness: 0,
    close: async () => {
      await app.close();
      await sandbox.close();
    },
  };
  // Observe every AdStat call at the one place they all pass (the benchmark's own instrument: the
  // simulator's log has neither the login nor the provider-time clock).
  const http = app.providers.http;
  const send = http.send.bind(http);
  http.send = async (req: UpstreamRequest): Promise<UpstreamResponse> => {
    const path = new URL(req.url).pathname;
    if (req.provider === 'AdStat' && !path.endsWith('/login') && !path.endsWith('/access-token')) run.sent.push({ account: req.account ?? '-', path, at: clock.now() });
    const response = await send(req);
    if (req.provider === 'AdStat' && response.status === 429) run.answered429.push(`${req.account} ${path}`);
    return response;
  };
  return run;
}

interface Tally {
  answers: number;
  rateLimited: number;
  otherErrors: number;
  ages: number[];
}

interface GraphQLBody {
  errors?: { extensions?: { code?: string } }[];
  extensions?: { freshness?: { ageSeconds: number }[] };
}

async function poll(run: Run, tally: Tally, query: string, variables?: Record<string, unknown>): Promise<void> {
  const res = await request(run.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.body.json()) as GraphQLBody;
  tally.answers += 1;
  const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN');
  if (codes.includes('RATE_LIMITED')) tally.rateLimited += 1;
  else if (codes.length > 0) tally.otherErrors += 1;
  const ages = body.extensions?.freshness?.map((f) => f.ageSeconds) ?? [];
  if (ages.length > 0) tally.ages.push(Math.max(...ages));
}

/** Each client: a read every pause, until the end (in provider time). */
async function clients(run: Run, count: number, durationMs: number, next: (client: number, random: () => number) => { query: string; variables?: Record<string, unknown>; pauseMs: number }, seed: number): Promise<Tally> {
  const tally: Tally = { answers: 0, rateLimited: 0, otherErrors: 0, ages: [] };
  const end = run.clock.now() + durationMs;
  const random = rng(seed);
  await Promise.all(
    Array.from({ length: count }, async (_, client) => {
      await run.clock.sleep(random() * 5_000); // staggered starts
      // A fixed cadence (a poll every pause from the previous start), as a dashboard's timer does.
      let due = run.clock.now();
      while (due < end) {
        const step = next(client, random);
        await poll(run, tally, step.query, step.variables);
        due += step.pauseMs;
        run.lateness = Math.max(run.lateness, run.clock.now() - due);
        await run.clock.sleep(due - run.clock.now());
      }
    }),
  );
  return tally;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Per login and path: the most calls in any 60 s window of provider time. */
function perMinute(sent: Sent[]): { key: string; total: number; maxPerMinute: number }[] {
  const byKey = new Map<string, number[]>();
  for (const s of sent) {
    const key = `${s.account} ${s.path}`;
    const list = byKey.get(key) ?? [];
    list.push(s.at);
    byKey.set(key, list);
  }
  const rows: { key: string; total: number; maxPerMinute: number }[] = [];
  for (const [key, times] of byKey) {
    times.sort((a, b) => a - b);
    let max = 0;
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end]! - times[start]! >= 60_000) start += 1;
      max = Math.max(max, end - start + 1);
    }
    rows.push({ key, total: times.length, maxPerMinute: max });
  }
  return rows.sort((a, b) => b.maxPerMinute - a.maxPerMinute || b.total - a.total);
}

function report(name: string, run: Run, tally: Tally, durationMs: number): void {
  const paths = perMinute(run.sent);
  const planners = [...run.app.providers.adstat.values()].map((c) => c.planner.stats);
  const stale = planners.reduce((n, s) => n + s.staleAnswers, 0);
  const local = planners.reduce((n, s) => n + s.localFilterAnswers, 0);
  console.log(`\n${name} (${durationMs / 60_000} min of provider time)`);
  printTable(
    ['figure', 'value'],
    [
      ['answers', String(tally.answers)],
      ['RATE_LIMITED answers', `${tally.rateLimited} (${((100 * tally.rateLimited) / Math.max(1, tally.answers)).toFixed(1)} %)`],
      ['other errors', String(tally.otherErrors)],
      ['429s drawn', `${run.answered429.length}${run.answered429.length ? ` (${[...new Set(run.answered429)].join(', ')})` : ''}`],
      ['AdStat calls', String(run.sent.length)],
      ['max calls/min on one path', String(paths[0]?.maxPerMinute ?? 0)],
      ['data age p50 / p95 / max (s)', `${percentile(tally.ages, 50)} / ${percentile(tally.ages, 95)} / ${Math.max(0, ...tally.ages)}`],
      ['answers with stale data', String(stale)],
      ['filtered reads from the cached list', String(local)],
      ['worst client lateness (s)', (run.lateness / 1000).toFixed(1)],
    ],
  );
  console.log('  busiest paths (login path: calls, max in any 60 s):');
  for (const p of paths.slice(0, 5)) console.log(`    ${p.key}: ${p.total}, ${p.maxPerMinute}/min`);
}

const AD_FIELDS = 'id title status cpm { amount } statistics { impressions clicks } fetchedAt';

async function dashboards(options: Options): Promise<void> {
  const run = await startRun(options.speed);
  try {
    const user = run.sandbox.adstat.state.userByName('demo')!;
    const word = run.sandbox.adstat.state.adsOf(user.id).at(-1)!.title.split(/\s+/)[0]!;
    const variants = [
      `{ advertisements(first: 50, connectionId: "demo") { nodes { ${AD_FIELDS} } } }`,
      `{ advertisements(first: 50, connectionId: "demo", period: TODAY) { nodes { ${AD_FIELDS} } } }`,
      `{ advertisements(first: 50, connectionId: "demo", titles: [${JSON.stringify(word)}]) { nodes { ${AD_FIELDS} } } }`,
    ];
    const duration = 2 * 60_000;
    const tally = await clients(run, 50, duration, (client) => ({ query: variants[client % 3]!, pauseMs: 5_000 }), options.seed);
    report('(a) 50 dashboards x 3 filter variants, every 5 s', run, tally, duration);
  } finally {
    await run.close();
  }
}

async function mixed(options: Options): Promise<void> {
  const run = await startRun(options.speed);
  try {
    const user = run.sandbox.adstat.state.userByName('demo')!;
    const adIds = run.sandbox.adstat.state.adsOf(user.id).slice(-200).map((a) => Buffer.from(`Advertisement:demo:${a.id}`).toString('base64'));
    const reads: [number, (random: () => number) => { query: string; variables?: Record<string, unknown> }][] = [
      [20, () => ({ query: `{ advertisements(first: 1100, connectionId: "demo", showDeleted: true) { nodes { id title status } } }` })],
      [20, () => ({ query: `{ advertisements(first: 50, status: [ACTIVE]) { nodes { ${AD_FIELDS} } } }` })],
      [20, () => ({ query: `{ accounts { id name status balance { amount currency } } }` })],
      [20, () => ({ query: `{ campaigns(first: 50) { nodes { id name status } } }` })],
      [10, (random) => ({ query: `query($id: ID!) { node(id: $id) { ... on Advertisement { title budget { cpm { amount } } } } }`, variables: { id: adIds[Math.floor(random() * adIds.length)] } })],
      [10, () => ({ query: `{ kktuTree { code name } }` })],
    ];
    const total = reads.reduce((n, [w]) => n + w, 0);
    const duration = 3 * 60_000;
    const tally = await clients(
      run,
      200,
      duration,
      (_client, random) => {
        let pick = random() * total;
        const [, make] = reads.find(([w]) => (pick -= w) < 0) ?? reads[0]!;
        return { ...make(random), pauseMs: options.mixedPauseMs * (0.5 + random()) };
      },
      options.seed + 1,
    );
    report('(b) 200 clients, mixed reads', run, tally, duration);
  } finally {
    await run.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const options = parseArgs(argv);
  setLogLevel('error');
  console.log(`quota benchmark: AdStat budget 10 per 60 s per login and path (the simulator enforces it); clock x${options.speed}`);
  if (options.scenario !== 'mixed') await dashboards(options);
  if (options.scenario !== 'dashboards') await mixed(options);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv.slice(2));
  // Background refreshes still asleep until their slot would free keep the loop alive for a minute.
  process.exit(0);
}
