/**
 * Abuse benchmark (issue 9): for each hostile document, how long adgraph takes to refuse it, the
 * upstream calls it caused (counted at the simulators) and how long the next ordinary request
 * takes; then the overhead of the document limits and the cost estimate on the reference
 * dashboard query, as a ratio to the same query on a server without them, in the same run.
 * Figures only; nothing is asserted.
 *
 *   npx tsx bench/abuse.ts [--rounds 40]
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parse } from 'graphql';
import { request } from 'undici';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { ProviderOverrides } from '../src/providers/index.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { schema } from '../src/schema/index.js';
import { ASSUME, estimate } from '../src/security/cost.js';
import { ATTACKS } from './attacks.js';
import { dashboardQuery } from './read-dashboard.js';
import { printTable } from './table.js';

const RELAXED_CLIENT: ProviderOverrides = { adstat: { rateLimit: { max: 1_000_000 } } };

async function post(app: Adgraph, query: string, variables?: Record<string, unknown>) {
  const started = performance.now();
  const res = await request(`http://127.0.0.1:${app.server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.body.json()) as { errors?: { extensions?: { code?: string } }[]; extensions?: { cost?: { estimated: number } } };
  return { ms: performance.now() - started, status: res.statusCode, code: body.errors?.[0]?.extensions?.code ?? 'ok', estimated: body.extensions?.cost?.estimated };
}

const upstream = (sandbox: Sandbox) => sandbox.adstat.server.controls.count() + sandbox.tonai.server.controls.count();
const resetCounts = (sandbox: Sandbox) => {
  sandbox.adstat.server.controls.resetCounts();
  sandbox.tonai.server.controls.resetCounts();
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 40;
  const sandbox = await startSandbox({ adstat: { rateLimit: false } });
  const config = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' });
  const protectedApp = await startAdgraph(config, { sandboxInstance: sandbox, providers: RELAXED_CLIENT });
  const bareApp = await startAdgraph(config, { sandboxInstance: sandbox, providers: RELAXED_CLIENT, unprotected: true });
  try {
    console.log('abuse: hostile documents against adgraph in sandbox mode (default limits and budget)');
    const rows: string[][] = [];
    for (const attack of ATTACKS) {
      protectedApp.providers.cache.clear();
      resetCounts(sandbox);
      const answer = await post(protectedApp, attack.query, attack.variables);
      const calls = upstream(sandbox);
      const next = await post(protectedApp, '{ environment { mode } }');
      rows.push([attack.name, `${(Buffer.byteLength(attack.query) + Buffer.byteLength(JSON.stringify(attack.variables ?? {}))).toLocaleString('en')} B`, `${answer.status} ${answer.code}`, `${answer.ms.toFixed(1)} ms`, String(calls), `${next.ms.toFixed(1)} ms`]);
    }
    printTable(['attack', 'request', 'answer', 'answered in', 'upstream calls', 'next request'], rows);

    console.log(`\noverhead of the limits and the cost estimate on the reference dashboard (median of ${rounds} warm runs each, alternating, same process):`);
    const overhead: string[][] = [];
    for (const variant of ['list', 'details'] as const) {
      const query = dashboardQuery(variant);
      // Warm both: caches filled, JIT and connections ready; upstream is then out of the picture.
      for (const app of [protectedApp, bareApp]) for (let i = 0; i < 3; i++) await post(app, query);
      const on: number[] = [];
      const off: number[] = [];
      let estimated = 0;
      for (let i = 0; i < rounds; i++) {
        const a = await post(protectedApp, query);
        estimated = a.estimated ?? 0;
        on.push(a.ms);
        off.push((await post(bareApp, query)).ms);
      }
      overhead.push([`dashboard (${variant})`, String(estimated), `${median(off).toFixed(2)} ms`, `${median(on).toFixed(2)} ms`, `${(median(on) / median(off)).toFixed(3)}×`]);
    }
    printTable(['query', 'estimated calls', 'without', 'with limits + estimate', 'ratio'], overhead);

    // The estimate alone, in process: less exposed to a busy machine than whole requests.
    console.log('\nthe cost estimate alone (in process, mean of 500 runs):');
    const scope = { adstatLogins: [...protectedApp.providers.adstat.keys()], tonaiKeys: [...protectedApp.providers.tonai.keys()], assume: ASSUME };
    const alone: string[][] = [];
    for (const variant of ['list', 'details'] as const) {
      const document = parse(dashboardQuery(variant));
      for (let i = 0; i < 50; i++) estimate(schema, document, null, {}, scope);
      const started = performance.now();
      for (let i = 0; i < 500; i++) estimate(schema, document, null, {}, scope);
      alone.push([`dashboard (${variant})`, `${(((performance.now() - started) / 500) * 1000).toFixed(1)} µs`]);
    }
    printTable(['query', 'estimate'], alone);
  } finally {
    await protectedApp.close();
    await bareApp.close();
    await sandbox.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
