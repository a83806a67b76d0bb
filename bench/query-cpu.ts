/**
 * CPU per request of one query, cold (shared cache cleared before each, session kept) or warm, in
 * the adgraph process (which also runs the client, so the figure is the whole exchange on this
 * side of the simulators). For per-request costs that the page and dashboard benchmarks hide under
 * their 500 rows: a small query's fixed cost is Yoga, the plugins and the HTTP exchange.
 *
 *   npx tsx bench/query-cpu.ts [--queries=typename,kktu,page] [--requests=2000] [--rounds=3] [--warm] [--no-response-cache]
 *   NODE_ENV=production npx tsx bench/query-cpu.ts
 *   BENCH_CPU_PROFILE=/tmp/q.cpuprofile npx tsx bench/query-cpu.ts --queries=typename   (a V8 profile of the last round)
 *
 * The simulators run in a child process (bench/sim-process.ts), so their CPU is not counted.
 * Figures only; nothing asserts a time.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { request } from 'undici';
import { startAdgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { setLogLevel } from '../src/log.js';
import { numberArg } from './load.js';
import { PAGE_QUERY } from './page-cpu.js';
import { dashboardQuery } from './read-dashboard.js';
import { benchEnv, SimProcess } from './sim-process.js';
import { printTable } from './table.js';

const QUERIES: Record<string, string> = {
  typename: '{ __typename }',
  kktu: '{ kktuTree { code } }',
  page: PAGE_QUERY,
  dashboard: dashboardQuery('list'),
};

const argv = process.argv.slice(2);
const chosen = (argv.find((a) => a.startsWith('--queries='))?.slice('--queries='.length) ?? 'typename,kktu,page').split(',');
for (const name of chosen) if (!QUERIES[name]) throw new Error(`unknown query ${name}: one of ${Object.keys(QUERIES).join(', ')}`);
const requests = numberArg(argv, 'requests', 2000);
const rounds = numberArg(argv, 'rounds', 3);
const warm = argv.includes('--warm');
// Warm without the whole-answer cache: every request executes over the cached provider data.
const responseCache = !argv.includes('--no-response-cache');

const sim = await SimProcess.start({ adstat: { rateLimit: false } });
const base = loadConfig({ ADGRAPH_SANDBOX: '1', ADGRAPH_AUTH: 'none', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...(responseCache ? {} : { ADGRAPH_RESPONSE_CACHE: '0' }), ...benchEnv() });
setLogLevel(base.logLevel);
// The limit lifted on both sides: a cold round sends thousands of calls in seconds.
const app = await startAdgraph(sim.configFor(base), { providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
const url = `http://127.0.0.1:${app.server.port}/graphql`;

async function run(body: string): Promise<void> {
  if (!warm) app.providers.cache.clear();
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' }, body });
  const text = await res.body.text();
  if (res.statusCode !== 200 || text.includes('"errors"')) throw new Error(`query failed: HTTP ${res.statusCode} ${text.slice(0, 300)}`);
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

console.log(`node ${process.version}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}; ${warm ? 'warm' : 'cold'}${responseCache ? '' : ', no response cache'}; ${rounds} rounds`);
const profiling = process.env.BENCH_CPU_PROFILE;
const session = new Session();
try {
  const rows: string[][] = [];
  for (const name of chosen) {
    const body = JSON.stringify({ query: QUERIES[name] });
    // A page costs a hundred times a __typename: as many requests as take about the same time.
    const n = name === 'page' || name === 'dashboard' ? Math.max(20, Math.round(requests / 50)) : requests;
    for (let i = 0; i < Math.min(n, 200); i++) await run(body);
    const figures: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const last = r === rounds - 1 && profiling && name === chosen[chosen.length - 1];
      if (last) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 100 });
        await session.post('Profiler.start');
      }
      const start = cpuMs();
      for (let i = 0; i < n; i++) await run(body);
      figures.push((cpuMs() - start) / n);
      if (last) writeFileSync(profiling, JSON.stringify((await session.post('Profiler.stop')).profile));
    }
    figures.sort((a, b) => a - b);
    rows.push([name, String(n), figures[0]!.toFixed(3), figures[Math.floor(figures.length / 2)]!.toFixed(3), figures[figures.length - 1]!.toFixed(3)]);
  }
  printTable(['query', 'requests/round', 'CPU ms min', 'median', 'max'], rows);
} finally {
  await app.close();
  await sim.close();
}
