/**
 * Response-cache benchmark: the cache-hit reference dashboard (`dashboardQuery('list')`, ~166 KB)
 * served by adgraph, as a ratio to a node:http server sending the same answer bytes, same run.
 *
 *   npx tsx bench/response-cache.ts [--rounds=3] [--seconds=3] [--concurrency=8] [--redis]
 *
 * Child processes, each started as `npm start` starts adgraph (`NODE_ENV=production`, sandbox
 * mode, caches that outlive the run so every answer is a hit): "adgraph" (the response cache on,
 * the default), "no response cache" (ADGRAPH_RESPONSE_CACHE=0: every request executes over the
 * shared read cache, as before the response cache), with --redis also "adgraph + Redis"
 * (REDIS_URL: each hit checks the write generations in a real redis-server), and "node:http", a
 * bare server in its own process answering every POST with the bytes adgraph answered. Rounds
 * interleave the servers (order rotated), so drift on a shared machine falls on all alike; each
 * figure is a ratio to node:http in the same round, printed as min/median/max. Figures only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Agent, request } from 'undici';
import { closedLoop, freePort, numberArg as arg, type LoopFigures } from './load.js';
import { dashboardQuery } from './read-dashboard.js';
import { printTable } from './table.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Target {
  name: string;
  process: ChildProcess;
  url: string;
}

async function waitFor(name: string, child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr()}`);
    try {
      const res = await request(url);
      await res.body.dump();
      if (res.statusCode === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startAdgraph(name: string, env: Record<string, string>): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      // As package.json "start" runs it.
      NODE_ENV: 'production',
      ADGRAPH_SANDBOX: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ADGRAPH_STARTUP_CHECKS: '0',
      // Every answer stays fresh for the whole run: the benchmark measures cache hits.
      ADGRAPH_CACHE_LIST_TTL_MS: '3600000',
      ADGRAPH_CACHE_ITEM_TTL_MS: '3600000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(name, child, `${base}/health`, () => stderr);
  return { name, process: child, url: `${base}/graphql` };
}

/** A bare node:http server in its own process, sending `bytes` for every POST (after reading the body). */
async function startFloor(bytes: Buffer, contentType: string): Promise<Target> {
  const port = await freePort();
  const source = `
const { createServer } = require('node:http');
const bytes = require('node:fs').readFileSync(process.env.BODY_FILE);
createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': process.env.CONTENT_TYPE, 'content-length': String(bytes.length) });
    res.end(bytes);
  });
}).listen(Number(process.env.PORT), '127.0.0.1');`;
  const file = join(mkdtempSync(join(tmpdir(), 'adgraph-rc-bench-')), 'answer.json');
  writeFileSync(file, bytes);
  const child = spawn(process.execPath, ['-e', source], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port), BODY_FILE: file, CONTENT_TYPE: contentType },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await request(url, { method: 'POST', body: '{}' });
      await res.body.dump();
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`node:http floor did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { name: 'node:http', process: child, url };
}

async function query(agent: Agent, url: string, body: string): Promise<{ bytes: Buffer; contentType: string }> {
  const res = await request(url, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  if (res.statusCode !== 200 || bytes.includes('"errors"')) throw new Error(`dashboard query failed: HTTP ${res.statusCode} ${bytes.subarray(0, 300).toString()}`);
  return { bytes, contentType: String(res.headers['content-type']) };
}

type Figure = LoopFigures;

/** Requests completed per second in `seconds` with `concurrency` clients in a loop, and the server's CPU per request. */
function round(target: Target, body: string, seconds: number, concurrency: number): Promise<Figure> {
  return closedLoop(async (agent) => {
    await query(agent, target.url, body);
  }, seconds, concurrency, target.process.pid);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function main(argv: string[]): Promise<void> {
  const rounds = arg(argv, 'rounds', 3);
  const seconds = arg(argv, 'seconds', 3);
  const concurrency = arg(argv, 'concurrency', 8);
  const withRedis = argv.includes('--redis');
  const body = JSON.stringify({ query: dashboardQuery('list') });
  const targets: Target[] = [];
  let stopRedis: (() => Promise<void>) | undefined;
  try {
    const adgraph = await startAdgraph('adgraph', {});
    targets.push(adgraph);
    targets.push(await startAdgraph('no response cache', { ADGRAPH_RESPONSE_CACHE: '0' }));
    if (withRedis) {
      const { startRedis } = await import('../test/helpers/redis.js');
      const redis = await startRedis();
      stopRedis = () => redis.stop();
      targets.push(await startAdgraph('adgraph + Redis', { REDIS_URL: redis.url }));
    }
    // The floor sends what adgraph sends for a hit (the first answer fills the caches).
    await query(new Agent(), adgraph.url, body);
    const hit = await query(new Agent(), adgraph.url, body);
    const floor = await startFloor(hit.bytes, hit.contentType);
    targets.push(floor);
    // Warm: fill every cache and let the JIT settle.
    for (const t of targets) {
      await query(new Agent(), t.url, body);
      await round(t, body, 1, concurrency);
    }
    const figures = new Map<string, Figure[]>(targets.map((t) => [t.name, []]));
    for (let r = 0; r < rounds; r++) {
      const order = targets.map((_, i) => targets[(i + r) % targets.length]!);
      for (const t of order) figures.get(t.name)!.push(await round(t, body, seconds, concurrency));
    }
    const load = loadavg().map((l) => l.toFixed(2)).join(' ');
    console.log(`\nreference dashboard, cache hits (${(hit.bytes.length / 1024).toFixed(0)} KB answer), ${concurrency} concurrent clients, ${rounds} interleaved rounds of ${seconds} s; load average ${load}\n`);
    const floorFigures = figures.get('node:http')!;
    const spread = (xs: number[]) => `${Math.min(...xs).toFixed(3)} / ${median(xs).toFixed(3)} / ${Math.max(...xs).toFixed(3)}`;
    printTable(
      ['server', ...Array.from({ length: rounds }, (_, i) => `round ${i + 1} (req/s)`), 'req/s ratio to node:http min / median / max', 'server CPU per request (ms) min / median / max'],
      targets.map((t) => {
        const xs = figures.get(t.name)!;
        const ratios = xs.map((x, i) => x.perSecond / floorFigures[i]!.perSecond);
        const cpu = xs.map((x) => x.cpuPerRequest).filter((c): c is number => c !== undefined);
        return [t.name, ...xs.map((x) => x.perSecond.toFixed(0)), spread(ratios), cpu.length ? spread(cpu) : '-'];
      }),
    );
    console.log('\n  goal: adgraph >= 0.5x node:http sending the same bytes');
  } finally {
    for (const t of targets) t.process.kill('SIGTERM');
    await Promise.all(targets.map((t) => new Promise((r) => (t.process.exitCode !== null ? r(null) : t.process.once('exit', r)))));
    await stopRedis?.();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
