/**
 * Observability overhead: cache-hit dashboard throughput with metrics, logs and tracing on, as a
 * ratio to all off, measured in the same run.
 *
 *   npx tsx bench/overhead.ts [--rounds=4] [--seconds=10] [--concurrency=8] [--scrape-every=15] [--trace-ratio=1] [--traceparent] [--otlp=protobuf|json] [--on=metrics,logs,traces] [--queries=reference,page]
 *   BENCH_CPU_PROF_DIR=/tmp/prof npx tsx bench/overhead.ts ...   (also a V8 CPU profile of each server: /tmp/prof/off, /tmp/prof/on)
 *
 * Two adgraph processes (`src/main.ts`, sandbox mode, caches that outlive the run so every query is
 * a cache hit): "off" (LOG_LEVEL=warn, no metrics served, no OTLP endpoint) and "on" (LOG_LEVEL=info
 * with its access lines written to a file, /metrics served and scraped every `--scrape-every` seconds, spans exported
 * to an OTLP receiver in this process that discards them unparsed). Separate processes because the OpenTelemetry SDK and the log
 * level are process-wide. Rounds alternate between the two, so drift on a shared machine falls on
 * both alike. Figures only; nothing asserts a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Agent, request } from 'undici';
import { closedLoop, freePort, numberArg as arg, type LoopFigures } from './load.js';
import { dashboardQuery } from './read-dashboard.js';
import { printTable } from './table.js';

/** A dashboard page: the reference query's fields for 20 ads and 20 campaigns, where per-request costs weigh more. */
const PAGE_QUERY = dashboardQuery('list').replace('advertisements(first: 500)', 'advertisements(first: 20)').replace('campaigns(first: 100)', 'campaigns(first: 20)');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'bench-overhead-scrape-token';

/**
 * An OTLP/HTTP receiver that discards what it gets, counting requests and bytes only: parsing the
 * spans here would load this process, which also runs the clients, and bias the figure against "on".
 */
async function startReceiver(): Promise<{ server: Server; url: string; exports: () => { requests: number; bytes: number } }> {
  let requests = 0;
  let bytes = 0;
  const server = createServer((req, res) => {
    requests += 1;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      // An empty success in the encoding asked in (an empty protobuf message is no bytes).
      const protobuf = req.headers['content-type'] === 'application/x-protobuf';
      res.writeHead(200, { 'content-type': protobuf ? 'application/x-protobuf' : 'application/json' });
      res.end(protobuf ? '' : '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, exports: () => ({ requests, bytes }) };
}

interface Child {
  name: string;
  process: ChildProcess;
  url: string;
  base: string;
  logBytes: () => number;
  /** The log file's folder, removed at the end (a run writes hundreds of MB of access lines). */
  logDir: string;
}

async function startChild(name: string, env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  // Logs go to a file, as a log shipper would take them, and cost this process nothing.
  const logDir = mkdtempSync(join(tmpdir(), 'adgraph-overhead-'));
  const logFile = join(logDir, `${name}.log`);
  const logFd = openSync(logFile, 'w');
  // BENCH_CPU_PROF_DIR: each server writes a V8 CPU profile there when it exits (for finding what "on" adds), one folder per server (`off/`, `on/`); the largest file is the main thread's (tsx's loader thread writes one too).
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_CPU_PROF_DIR, name)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ADGRAPH_SANDBOX: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      ADGRAPH_STARTUP_CHECKS: '0',
      // Every answer stays cached for the whole run: the benchmark measures adgraph, not upstream.
      ADGRAPH_CACHE_LIST_TTL_MS: '3600000',
      ADGRAPH_CACHE_ITEM_TTL_MS: '3600000',
      ...env,
    },
    stdio: ['ignore', logFd, 'pipe'],
  });
  closeSync(logFd);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`adgraph (${name}) exited: ${stderr}`);
    try {
      const res = await request(`${base}/health`);
      await res.body.dump();
      if (res.statusCode === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`adgraph (${name}) did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { name, process: child, url: `${base}/graphql`, base, logBytes: () => statSync(logFile).size, logDir };
}

/** The first answer, read whole and checked; returns its length in bytes. */
async function firstQuery(url: string, body: string): Promise<number> {
  const res = await request(url, { method: 'POST', dispatcher: new Agent(), headers: { 'content-type': 'application/json' }, body });
  const text = await res.body.text();
  if (res.statusCode !== 200 || text.includes('"errors"')) throw new Error(`dashboard query failed: HTTP ${res.statusCode} ${text.slice(0, 300)}`);
  return Buffer.byteLength(text);
}

const DATA_FIRST = Buffer.from('{"data":{');

/**
 * A cache hit is the first answer's bytes again, but for its freshness extension (ages): the loop
 * checks the status, that the answer starts with data (an answer with errors starts with them) and
 * its length within a few bytes, and drops the bytes undecoded. Decoding and searching 164 KB per
 * answer made the clients, in this process, the bound on throughput (the server was a fifth busy).
 */
async function query(agent: Agent, url: string, body: string, length: number, traced: boolean): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (traced) headers.traceparent = nextTraceparent();
  const res = await request(url, { method: 'POST', dispatcher: agent, headers, body });
  let got = 0;
  let head: Buffer | undefined;
  for await (const chunk of res.body) {
    head ??= chunk as Buffer;
    got += (chunk as Buffer).length;
  }
  const dataFirst = head !== undefined && head.length >= DATA_FIRST.length && head.subarray(0, DATA_FIRST.length).equals(DATA_FIRST);
  if (res.statusCode !== 200 || !dataFirst || Math.abs(got - length) > 64) {
    throw new Error(`dashboard query failed: HTTP ${res.statusCode}, ${got} bytes where the first answer had ${length}: ${head?.subarray(0, 300).toString() ?? ''}`);
  }
}

/**
 * `--traceparent`: a sampled W3C trace context on every request, a new trace each time, as a
 * gateway that traces everything would send. adgraph records a response-cache hit's span only in
 * such a trace, so this is the price of tracing every hit.
 */
let traces = 0;
const PARENT_SPAN = 'b7ad6b7169203331';
function nextTraceparent(): string {
  traces += 1;
  return `00-${(0x10000000 + traces).toString(16).padStart(32, 'a')}-${PARENT_SPAN}-01`;
}

/** Requests completed in `seconds` with `concurrency` clients in a loop, and the server's CPU per request. */
function round(child: Child, body: string, length: number, seconds: number, concurrency: number, traced: boolean): Promise<LoopFigures> {
  return closedLoop((agent) => query(agent, child.url, body, length, traced), seconds, concurrency, child.process.pid);
}

function list(argv: string[], name: string, all: readonly string[]): string[] {
  const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const chosen = raw === undefined ? [...all] : raw.split(',').filter(Boolean);
  const unknown = chosen.filter((c) => !all.includes(c));
  if (unknown.length > 0) throw new Error(`--${name}: unknown ${unknown.join(', ')} (choose from ${all.join(', ')})`);
  return chosen;
}

export async function main(argv: string[]): Promise<void> {
  // What "on" turns on (all three by default; one at a time to see which costs what).
  const enabled = list(argv, 'on', ['metrics', 'logs', 'traces']);
  const traceRatio = arg(argv, 'trace-ratio', 1);
  const traced = argv.includes('--traceparent');
  // The spans' encoding on the wire (OTEL_EXPORTER_OTLP_PROTOCOL): protobuf, adgraph's default, or JSON.
  const [otlp = 'protobuf'] = list(argv, 'otlp', ['protobuf', 'json']);
  if (traceRatio > 1) throw new Error('--trace-ratio is a fraction of traces kept, at most 1');
  const chosenQueries = list(argv, 'queries', ['reference', 'page']);
  // Rounds of 10 s: the SDK exports spans every 5 s and Prometheus scrapes every 15 s, so a round of
  // 3 s held one export or none, and single rounds swung by a third on periodic work alone.
  const rounds = arg(argv, 'rounds', 4);
  const seconds = arg(argv, 'seconds', 10);
  const concurrency = arg(argv, 'concurrency', 8);
  const receiver = await startReceiver();
  const off = await startChild('off', { LOG_LEVEL: 'warn' });
  const on = await startChild('on', {
    LOG_LEVEL: enabled.includes('logs') ? 'info' : 'warn',
    ...(enabled.includes('metrics') ? { ADGRAPH_METRICS_TOKEN: TOKEN } : {}),
    ...(enabled.includes('traces') ? { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: `http/${otlp}` } : {}),
    // Below 1: the SDK's standard head sampling (OTEL_TRACES_SAMPLER), as an operator would set it;
    // a caller's sampled traceparent is still followed (parent-based).
    ...(enabled.includes('traces') && traceRatio < 1 ? { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: String(traceRatio) } : {}),
    // The batch span processor's standard settings (OTEL_BSP_SCHEDULE_DELAY, OTEL_BSP_MAX_EXPORT_BATCH_SIZE, ...), when set for the bench.
    ...Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('OTEL_BSP_') && e[1] !== undefined)),
  });
  // A scraper as Prometheus would be (15 s is a common interval; its default is a minute), running
  // through the whole run so its cost falls on "on" rounds in proportion to their share of the time.
  const scrapeEvery = arg(argv, 'scrape-every', 15);
  const scraper = enabled.includes('metrics')
    ? setInterval(() => {
        void request(`${on.base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.body.dump(), () => undefined);
      }, scrapeEvery * 1000)
    : undefined;
  const queries = (
    [
      ['reference', 'reference dashboard (500 ads, 100 campaigns)', dashboardQuery('list')],
      ['page', 'dashboard page (20 ads, 20 campaigns)', PAGE_QUERY],
    ] as const
  )
    .filter(([key]) => chosenQueries.includes(key))
    .map(([, label, text]) => [label, text] as const);
  try {
    for (const [label, text] of queries) {
      const body = JSON.stringify({ query: text });
      // Warm: fill both caches and let the JIT settle.
      const lengths = new Map<Child, number>();
      for (const child of [off, on]) {
        lengths.set(child, await firstQuery(child.url, body));
        await round(child, body, lengths.get(child)!, 1, concurrency, traced);
      }
      const figures = { off: [] as LoopFigures[], on: [] as LoopFigures[] };
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 === 0 ? [off, on] : [on, off];
        for (const child of order) figures[child.name as 'off' | 'on'].push(await round(child, body, lengths.get(child)!, seconds, concurrency, traced));
      }
      const total = (xs: LoopFigures[]) => xs.reduce((a, b) => a + b.perSecond, 0);
      const ratio = total(figures.on) / total(figures.off);
      const cpu = (f: LoopFigures) => (f.cpuPerRequest === undefined ? '-' : f.cpuPerRequest.toFixed(3));
      // The server's share of one core (its event loop is one thread): well below 1, the clients or
      // the loopback bound the throughput, not the server, and on ÷ off throughput says little about
      // what observability costs; CPU per request does.
      const busy = (f: LoopFigures) => (f.cpuPerRequest === undefined ? '-' : ((f.cpuPerRequest * f.perSecond) / 1000).toFixed(2));
      console.log(`\n${label}: cache hits, ${concurrency} concurrent clients, ${rounds} alternating rounds of ${seconds} s; on = ${enabled.join(' + ')}${traceRatio < 1 ? ` (traces sampled at ${traceRatio})` : ''}${traced ? '; every request in a sampled caller trace' : ''}${scraper ? ` (/metrics scraped every ${scrapeEvery} s)` : ''}\n`);
      printTable(
        ['round', 'off (req/s)', 'on (req/s)', 'on/off', 'off CPU ms/req', 'on CPU ms/req', 'CPU off/on', 'server busy off/on (cores)'],
        figures.off.map((o, i) => {
          const n = figures.on[i]!;
          return [String(i + 1), o.perSecond.toFixed(1), n.perSecond.toFixed(1), (n.perSecond / o.perSecond).toFixed(3), cpu(o), cpu(n), o.cpuPerRequest && n.cpuPerRequest ? (o.cpuPerRequest / n.cpuPerRequest).toFixed(3) : '-', `${busy(o)} / ${busy(n)}`];
        }),
      );
      console.log(`\n  throughput ratio on/off: ${ratio.toFixed(3)} (goal >= 0.9)`);
      const cpuRatios = figures.off.flatMap((o, i) => (o.cpuPerRequest && figures.on[i]!.cpuPerRequest ? [o.cpuPerRequest / figures.on[i]!.cpuPerRequest!] : [])).sort((a, b) => a - b);
      if (cpuRatios.length > 0) {
        const median = cpuRatios[Math.floor(cpuRatios.length / 2)]!;
        console.log(`  CPU per request, off/on (what throughput would be on an idle machine): min ${cpuRatios[0]!.toFixed(3)}, median ${median.toFixed(3)}, max ${cpuRatios[cpuRatios.length - 1]!.toFixed(3)}`);
      }
    }
    const exported = receiver.exports();
    console.log(
      `\n  "on" wrote ${(on.logBytes() / 1024).toFixed(0)} KiB of log lines and made ${exported.requests} OTLP exports (${(exported.bytes / 1024).toFixed(0)} KiB); "off" wrote ${(off.logBytes() / 1024).toFixed(0)} KiB`,
    );
  } finally {
    clearInterval(scraper);
    for (const child of [off, on]) child.process.kill('SIGTERM');
    await Promise.all([off, on].map((c) => new Promise((r) => (c.process.exitCode !== null ? r(null) : c.process.once('exit', r)))));
    for (const child of [off, on]) rmSync(child.logDir, { recursive: true, force: true });
    receiver.server.closeAllConnections();
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
