/**
 * Replicas over one Redis (REDIS_URL): what the shared state costs and what it buys.
 *
 *   npx tsx bench/replicas.ts [--seconds=3] [--concurrency=32] [--cold-runs=8]
 *
 * Part 1: cache-hit throughput of 1 and of 3 replicas sharing one redis-server, the reference
 * dashboard (list variant) warmed once and then asked `concurrency` at a time for `seconds`, spread
 * round-robin over the replicas; requests per second and the ratio 3 : 1. The replicas run in this
 * process (one event loop, on a machine whose cores are shared), so the ratio shows what Redis
 * round trips cost under load, not how a fleet on separate hosts scales.
 * Part 2: the cold dashboard (a fresh adgraph, empty cache) with the in-process state store and
 * with the Redis one, alternated in the same run; median times and the ratio Redis : in-process.
 * Figures only: nothing is asserted; a query answering with errors aborts the run.
 */
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { setLogLevel } from '../src/log.js';
import { RedisConnection } from '../src/state/redis.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { startRedis } from '../test/helpers/redis.js';
import { dashboardQuery } from './read-dashboard.js';
import { printTable } from './table.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 3);
const CONCURRENCY = arg('concurrency', 32);
const COLD_RUNS = arg('cold-runs', 8);
const QUERY = dashboardQuery('list');

async function gql(app: Adgraph, agent: Agent): Promise<void> {
  const res = await request(`http://127.0.0.1:${app.server.port}/graphql`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await res.body.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`the dashboard answered errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
}

async function start(sandbox: Sandbox, redisUrl: string | undefined): Promise<Adgraph> {
  const config = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) });
  return startAdgraph(config, { sandboxInstance: sandbox });
}

async function flush(url: string): Promise<void> {
  const c = await RedisConnection.connect(url);
  await c.client.flushall();
  await c.close();
}

async function throughput(apps: Adgraph[], agent: Agent): Promise<number> {
  for (const app of apps) await gql(app, agent); // warm: the first fills Redis, the others hit it
  let done = 0;
  let next = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await gql(apps[next++ % apps.length]!, agent);
        done += 1;
      }
    }),
  );
  return done / SECONDS;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  setLogLevel('error');
  const redis = await startRedis();
  // The simulators' own limiter is off: many fresh adgraphs read the same paths within a minute here.
  const sandbox = await startSandbox({ adstat: { rateLimit: false } });
  const agent = new Agent({ connections: CONCURRENCY });
  try {
    const rates: number[] = [];
    for (const n of [1, 3]) {
      await flush(redis.url);
      const apps = await Promise.all(Array.from({ length: n }, () => start(sandbox, redis.url)));
      try {
        rates.push(await throughput(apps, agent));
      } finally {
        for (const app of apps) await app.close();
      }
    }
    console.log(`\nPart 1: cache-hit throughput of the dashboard (list), ${CONCURRENCY} concurrent, ${SECONDS} s each, one Redis`);
    printTable(
      ['replicas', 'requests/s'],
      [
        ['1', rates[0]!.toFixed(0)],
        ['3', rates[1]!.toFixed(0)],
        ['ratio 3:1', (rates[1]! / rates[0]!).toFixed(2)],
      ],
    );

    const cold: Record<'memory' | 'redis', number[]> = { memory: [], redis: [] };
    for (let run = 0; run < COLD_RUNS; run++) {
      for (const backend of run % 2 === 0 ? (['memory', 'redis'] as const) : (['redis', 'memory'] as const)) {
        if (backend === 'redis') await flush(redis.url);
        const app = await start(sandbox, backend === 'redis' ? redis.url : undefined);
        try {
          const t0 = performance.now();
          await gql(app, agent);
          cold[backend].push(performance.now() - t0);
        } finally {
          await app.close();
        }
      }
    }
    const [m, r] = [median(cold.memory), median(cold.redis)];
    console.log(`\nPart 2: cold dashboard (list), fresh adgraph each time, ${COLD_RUNS} runs per backend, alternated`);
    printTable(
      ['state store', 'median ms'],
      [
        ['in-process', m.toFixed(1)],
        ['Redis', r.toFixed(1)],
        ['ratio Redis:in-process', (r / m).toFixed(2)],
      ],
    );
  } finally {
    await agent.close();
    await sandbox.close();
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
