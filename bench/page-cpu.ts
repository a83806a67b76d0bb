/**
 * CPU per 500-ad page: what adgraph's own process spends (user + system, GC threads included) to
 * answer one `advertisements(first: 500)` query with the reference dashboard's list fields, cold
 * (cache cleared, session kept: one upstream list call) and warm (the page served from the shared
 * cache), as a ratio to `JSON.parse` + `JSON.stringify` of the same upstream page bytes, measured
 * in the same run.
 *
 *   npx tsx bench/page-cpu.ts [--rounds=5] [--queries=10]
 *   NODE_ENV=production npx tsx bench/page-cpu.ts   # graphql without its development checks
 *
 * The simulators run in a child process (bench/sim-process.ts), so their CPU is not counted. The
 * client in this process reads the answer as bytes without parsing it (its share is small and is
 * counted against adgraph). Rounds interleave the baseline, cold and warm measurements so that
 * drift on a shared machine falls on all three alike. Figures only; nothing asserts a time.
 * `measurePageCpu` is exported for other benchmarks (bench/floors.ts).
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { request } from 'undici';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { setLogLevel } from '../src/log.js';
import { LIMITS, PERIODS } from '../src/providers/adstat/wire.js';
import { benchEnv, SimProcess } from './sim-process.js';
import { printTable } from './table.js';

/** The advertisements part of the reference dashboard (bench/read-dashboard.ts, variant `list`). */
export const PAGE_QUERY = `query AdPage {
  advertisements(first: ${LIMITS.maxPageSize}) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id title status createdAt cpm { amount currency }
      statistics { impressions clicks ctr spent { amount currency } }
    }
  }
}`;

export interface PageCpuOptions {
  rounds: number;
  /** Queries per measurement in a round (their mean is the round's figure). */
  queries: number;
  /** Called with each round's figures as they come (for progress output). */
  onRound?: (round: PageCpuRound) => void;
}

/** CPU milliseconds per page in one round. */
export interface PageCpuRound {
  parseStringifyMs: number;
  coldMs: number;
  warmMs: number;
}

export interface PageCpuResult {
  rounds: PageCpuRound[];
  /** Bytes of the upstream page (AdStat's 500-row list answer). */
  upstreamBytes: number;
  /** Bytes of adgraph's answer. */
  answerBytes: number;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Mean CPU ms of `n` runs of `run`, after one untimed run. */
async function meanCpu(n: number, run: () => Promise<unknown> | unknown): Promise<number> {
  await run();
  const start = cpuMs();
  for (let i = 0; i < n; i++) await run();
  return (cpuMs() - start) / n;
}

async function startApp(sim: SimProcess): Promise<Adgraph> {
  // No callers: the bench talks to it on loopback without a key (ADGRAPH_AUTH=none).
  const base = loadConfig({ ADGRAPH_SANDBOX: '1', ADGRAPH_AUTH: 'none', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...benchEnv() });
  setLogLevel(base.logLevel);
  const config = sim.configFor(base);
  // The limit lifted on both sides: a round sends a few dozen list calls in seconds.
  return startAdgraph(config, { providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
}

async function query(app: Adgraph): Promise<Buffer> {
  const res = await request(`http://127.0.0.1:${app.server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: PAGE_QUERY }),
  });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  if (res.statusCode !== 200) throw new Error(`query failed: HTTP ${res.statusCode}`);
  return bytes;
}

/** The bytes AdStat sends for the page the query reads (the first login's first 500 rows). */
async function upstreamPage(app: Adgraph, sim: SimProcess): Promise<Buffer> {
  const client = [...app.providers.adstat.values()][0];
  if (!client) throw new Error('no AdStat login');
  const token = await client.session.token();
  const query = new URLSearchParams({ show_deleted: 'false', period: PERIODS.ALL, offset: '0', limit: String(LIMITS.maxPageSize) });
  const res = await request(`${sim.adstatUrl}/api/v2/advertisement/?${query}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  if (res.statusCode !== 200) throw new Error(`upstream page: HTTP ${res.statusCode}`);
  return bytes;
}

/** Runs the measurement with its own simulators and adgraph; closes both. */
export async function measurePageCpu(options: PageCpuOptions): Promise<PageCpuResult> {
  const sim = await SimProcess.start({ adstat: { rateLimit: false } });
  const app = await startApp(sim);
  try {
    const answer = await query(app);
    const parsed = JSON.parse(answer.toString('utf8')) as { data?: { advertisements?: { nodes?: unknown[] } }; errors?: unknown[] };
    const ads = parsed.data?.advertisements?.nodes?.length ?? 0;
    if (parsed.errors?.length || ads !== LIMITS.maxPageSize) throw new Error(`unexpected answer: ${ads} ads, errors ${JSON.stringify(parsed.errors ?? [])}`);
    // An untimed round first: V8 is still compiling adgraph's code during the first few pages (the
    // first timed round used to cost twice the others, in every mode), and a document is compiled
    // at its second execution (src/jit.ts), a cost paid once per document, not per page.
    for (let i = 0; i < options.queries; i++) {
      app.providers.cache.clear();
      await query(app);
    }
    const page = await upstreamPage(app, sim);
    let sink = 0;
    const parseStringify = () => {
      sink += JSON.stringify(JSON.parse(page.toString('utf8'))).length;
    };
    const rounds: PageCpuRound[] = [];
    for (let r = 0; r < options.rounds; r++) {
      const parseStringifyMs = await meanCpu(options.queries * 5, parseStringify);
      const coldMs = await meanCpu(options.queries, async () => {
        app.providers.cache.clear();
        await query(app);
      });
      const warmMs = await meanCpu(options.queries, () => query(app));
      const round = { parseStringifyMs, coldMs, warmMs };
      rounds.push(round);
      options.onRound?.(round);
    }
    if (sink === 0) throw new Error('unreachable');
    return { rounds, upstreamBytes: page.length, answerBytes: answer.length };
  } finally {
    await app.close();
    await sim.close();
  }
}

const stats = (values: number[]): [number, number, number] => {
  const s = [...values].sort((a, b) => a - b);
  return [s[0]!, s[Math.floor((s.length - 1) / 2)]!, s[s.length - 1]!];
};

async function main(argv: string[]): Promise<void> {
  const arg = (name: string, fallback: number): number => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
    return value;
  };
  const rounds = Math.max(3, arg('rounds', 5));
  const queries = arg('queries', 10);
  console.log(
    `node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}; ADGRAPH_COMPILED_EXECUTION=${process.env.ADGRAPH_COMPILED_EXECUTION ?? '(unset: auto)'}; rounds=${rounds} queries=${queries}`,
  );
  const result = await measurePageCpu({
    rounds,
    queries,
    onRound: (r) => console.log(`  round: parse+stringify ${r.parseStringifyMs.toFixed(2)} ms, cold ${r.coldMs.toFixed(2)} ms, warm ${r.warmMs.toFixed(2)} ms`),
  });
  console.log(`upstream page ${result.upstreamBytes} bytes; adgraph answer ${result.answerBytes} bytes`);
  const row = (label: string, values: number[]) => {
    const [min, med, max] = stats(values);
    return [label, min.toFixed(2), med.toFixed(2), max.toFixed(2)];
  };
  printTable(
    ['CPU per 500-ad page', 'min', 'median', 'max'],
    [
      row('JSON.parse+stringify (ms)', result.rounds.map((r) => r.parseStringifyMs)),
      row('adgraph cold (ms)', result.rounds.map((r) => r.coldMs)),
      row('adgraph warm (ms)', result.rounds.map((r) => r.warmMs)),
      row('cold ÷ parse+stringify', result.rounds.map((r) => r.coldMs / r.parseStringifyMs)),
      row('warm ÷ parse+stringify', result.rounds.map((r) => r.warmMs / r.parseStringifyMs)),
    ],
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
