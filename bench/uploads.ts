/**
 * Upload memory benchmark: how much the adgraph server's resident memory grows while it takes one,
 * and eight concurrent, 10 MB audience uploads (`createAudience`). Streaming should keep the growth
 * far below the bytes in flight; a server that buffered each upload would grow by at least that.
 *
 *   npx tsx bench/uploads.ts [--runs=3] [--gc-every=MS]
 *
 * Three processes, so that only adgraph's memory is measured: the simulators run in a child
 * (`sim-process.ts`), adgraph runs in another child (this same file started with `--adgraph-child`,
 * in production mode pointed at the simulators), and this process is the client, which generates
 * each file as a stream and sends a hand-written multipart body with undici. Peak memory is the
 * kernel's high-water mark of the adgraph child (`VmHWM` in /proc/<pid>/status), reset after a
 * warm-up, so nothing is sampled and no peak can be missed. Figures only: nothing here asserts a
 * size or a time (an upload that does not answer `AudienceWrite` with the right entry count aborts
 * the run, because its figures would mean nothing). See bench/README.md.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { request } from 'undici';
import type { AdstatLogin, TonaiKey } from '../src/config.js';
import type { ProviderOverrides } from '../src/providers/index.js';
import { AUDIENCE } from '../src/providers/adstat/rules.js';
import type { SandboxOptions } from '../src/sandbox/index.js';
import { SimProcess } from './sim-process.js';
import { printTable } from './table.js';

// ---------------------------------------------------------------------------------------------
// The files

/** One entry: `998` + 9 digits + `\n`. */
const LINE_BYTES = 13;
/** As many lines as fit in the 10 MB limit (10 × 1024 × 1024 bytes): 806,596 lines, 10,485,748 bytes. */
const BIG_LINES = Math.floor(AUDIENCE.maxBytes / LINE_BYTES);
const BIG_BYTES = BIG_LINES * LINE_BYTES;
/** Warm-up uploads: the minimum AdStat accepts. */
const SMALL_LINES = AUDIENCE.minEntries;
/** Lines per generated chunk (about 64 KB). */
const CHUNK_LINES = 5041;

/** A valid audience file of `lines` Uzbek numbers, generated chunk by chunk as the socket drains. */
async function* numbers(lines: number): AsyncGenerator<Buffer> {
  for (let start = 0; start < lines; start += CHUNK_LINES) {
    const n = Math.min(CHUNK_LINES, lines - start);
    const chunk = Buffer.allocUnsafe(n * LINE_BYTES);
    for (let j = 0; j < n; j++) chunk.write(`998${900_000_000 + start + j}\n`, j * LINE_BYTES, 'latin1');
    yield chunk;
  }
}

const CREATE_AUDIENCE = `mutation($input: CreateAudienceInput!) {
  createAudience(input: $input) {
    __typename
    ... on AudienceWrite { entries audience { telegramId title } }
    ... on ValidationError { issues { field rule message } }
    ... on MutationError { message }
  }
}`;

/**
 * A GraphQL multipart request (operations, map, one file part) written by hand, so the file part is
 * a stream and the client never holds the file: undici's FormData takes only in-memory Blobs.
 */
function multipartUpload(accountId: string, title: string, filename: string, lines: number): { body: Readable; headers: Record<string, string>; bytes: number } {
  const boundary = `----adgraphbench${randomBytes(12).toString('hex')}`;
  const operations = JSON.stringify({ query: CREATE_AUDIENCE, variables: { input: { accountId, title, file: null } } });
  const map = JSON.stringify({ 0: ['variables.input.file'] });
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n${map}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* parts(): AsyncGenerator<Buffer> {
    yield head;
    yield* numbers(lines);
    yield tail;
  }
  const bytes = head.length + lines * LINE_BYTES + tail.length;
  return {
    body: Readable.from(parts(), { objectMode: false }),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(bytes),
      // The CSRF header adgraph requires on multipart requests.
      'apollo-require-preflight': 'true',
    },
    bytes,
  };
}

interface UploadResult {
  entries: number;
  bytes: number;
}

async function upload(port: number, accountId: string, title: string, lines: number): Promise<UploadResult> {
  const { body, headers, bytes } = multipartUpload(accountId, title, 'numbers.csv', lines);
  const res = await request(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers, body, headersTimeout: 180_000, bodyTimeout: 180_000 });
  const text = await res.body.text();
  let answer: { data?: { createAudience?: { __typename?: string; entries?: number } } | null; errors?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new Error(`upload "${title}": HTTP ${res.statusCode}, not JSON: ${text.slice(0, 300)}`);
  }
  const result = answer.data?.createAudience;
  if (res.statusCode !== 200 || answer.errors || result?.__typename !== 'AudienceWrite' || result.entries !== lines) {
    throw new Error(`upload "${title}" failed (HTTP ${res.statusCode}): ${text.slice(0, 500)}`);
  }
  return { entries: result.entries, bytes };
}

async function gql<T>(port: number, query: string): Promise<T> {
  const res = await request(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const answer = (await res.body.json()) as { data?: T; errors?: unknown };
  if (answer.errors || !answer.data) throw new Error(`query failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

// ---------------------------------------------------------------------------------------------
// adgraph in a child process

// Both sides' AdStat rate limits are lifted: each fresh adgraph sends 2 + N audience uploads on one
// path, several times a minute, over the documented 10 a minute per login and path.
const RELAXED_SANDBOX: SandboxOptions = { adstat: { rateLimit: false } };
const RELAXED_CLIENT: ProviderOverrides = { adstat: { rateLimit: { max: 1_000_000 } } };

interface ChildSettings {
  /** Diagnostic: a full GC in adgraph every this many ms (0: never), so peaks show live memory only. */
  gcEveryMs: number;
  adstatUrl: string;
  tonaiUrl: string;
  logins: AdstatLogin[];
  keys: TonaiKey[];
}

type ToChild = { op: 'gc' } | { op: 'close' };
type FromChild = { ready: true; port: number } | { gc: true } | { closed: true };

/** Every child this process started, killed on the way out whatever happens. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

class AdgraphProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly pid: number,
    readonly port: number,
  ) {}

  static start(sim: SimProcess, gcEveryMs: number): Promise<AdgraphProcess> {
    const settings: ChildSettings = { gcEveryMs, adstatUrl: sim.adstatUrl, tonaiUrl: sim.tonaiUrl, logins: sim.logins, keys: sim.keys };
    const child = fork(fileURLToPath(import.meta.url), ['--adgraph-child', JSON.stringify(settings)], {
      // The parent runs under tsx; its loader flags let the child load TypeScript too.
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('adgraph child did not start within 30 s'));
      }, 30_000);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`adgraph child exited during start (code ${code}, signal ${signal})`));
      });
      child.once('message', (message: FromChild) => {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.once('exit', () => children.delete(child));
        if (!('ready' in message) || child.pid === undefined) return reject(new Error('adgraph child sent no port'));
        resolve(new AdgraphProcess(child, child.pid, message.port));
      });
    });
  }

  private ask(message: ToChild): Promise<FromChild> {
    return new Promise((resolve, reject) => {
      const onExit = () => reject(new Error('adgraph child exited'));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: FromChild) => {
        this.child.off('exit', onExit);
        resolve(reply);
      });
      this.child.send(message);
    });
  }

  /** A full garbage collection in the child (twice, so finalizers' frees are collected too). */
  async gc(): Promise<void> {
    await this.ask({ op: 'gc' });
  }

  /** VmRSS and VmHWM (peak RSS since start or since the last reset) of the child, in bytes. */
  memory(): { rss: number; hwm: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const field = (name: string) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
      if (!m) throw new Error(`no ${name} in /proc/${this.pid}/status`);
      return Number(m[1]) * 1024;
    };
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  }

  /** Resets VmHWM to the current RSS (Linux ≥ 4.0, writing 5 to clear_refs); false if refused. */
  resetPeak(): boolean {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  /** Closes adgraph and waits for the child to exit; SIGKILL after 5 s. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    try {
      this.child.send({ op: 'close' } satisfies ToChild);
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** The child: adgraph in production mode on the simulators' URLs and credentials. */
async function adgraphChild(settings: ChildSettings): Promise<void> {
  const { startAdgraph } = await import('../src/app.js');
  const { loadConfig } = await import('../src/config.js');
  const { setLogLevel } = await import('../src/log.js');
  const base = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' });
  setLogLevel(base.logLevel);
  const app = await startAdgraph(
    {
      ...base,
      // "production" only because no in-process sandbox backs these URLs; nothing leaves loopback.
      mode: 'production',
      adstat: { baseUrl: settings.adstatUrl, clientApiBaseUrl: settings.adstatUrl, logins: settings.logins },
      tonai: { baseUrl: settings.tonaiUrl, keys: settings.keys },
    },
    { providers: RELAXED_CLIENT },
  );
  const send = (message: FromChild) => process.send?.(message);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (settings.gcEveryMs > 0) setInterval(() => gc?.(), settings.gcEveryMs).unref();
  // The parent went away (finished or crashed): do not linger with the server open.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: ToChild) => {
    if (message.op === 'gc') {
      gc?.();
      gc?.();
      send({ gc: true });
    } else if (message.op === 'close') {
      void app.close().finally(() => process.exit(0));
    }
  });
  send({ ready: true, port: app.server.port });
}

// ---------------------------------------------------------------------------------------------
// The measurement

interface Sample {
  concurrency: number;
  run: number;
  bytesInFlight: number;
  baseline: number;
  peak: number;
  after: number;
  peakReset: boolean;
  ms: number;
  entries: number[];
}

const MiB = 1024 * 1024;
const mib = (bytes: number) => (bytes / MiB).toFixed(1);

async function measure(sim: SimProcess, options: Options, concurrency: number, run: number): Promise<Sample> {
  const app = await AdgraphProcess.start(sim, options.gcEveryMs);
  try {
    // Warm-up, not measured: AdStat login and cabinet list (cached), the upload path's lazy
    // initialization (multipart parser, temp files, the outgoing multipart request), JIT.
    const { accounts } = await gql<{ accounts: { id: string; provider: string; connectionId: string; audiencesAllowed: boolean | null }[] }>(
      app.port,
      '{ accounts { id provider connectionId audiencesAllowed } }',
    );
    // The demo login's Uzbekistan cabinet (the only kind that may have audiences).
    const uz = accounts.find((a) => a.provider === 'ADSTAT' && a.connectionId === 'demo' && a.audiencesAllowed);
    if (!uz) throw new Error(`no AdStat account with audiencesAllowed for login demo: ${JSON.stringify(accounts)}`);
    for (let i = 0; i < 2; i++) await upload(app.port, uz.id, `bench warm-up ${i + 1}`, SMALL_LINES);

    await app.gc();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const baseline = app.memory().rss;
    const peakReset = app.resetPeak();

    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: concurrency }, (_, i) => upload(app.port, uz.id, `bench ${concurrency}× run ${run} #${i + 1}`, BIG_LINES)),
    );
    const ms = performance.now() - t0;
    const { hwm, rss } = app.memory();
    return {
      concurrency,
      run,
      bytesInFlight: results.reduce((sum, r) => sum + r.bytes, 0),
      baseline,
      peak: hwm,
      after: rss,
      peakReset,
      ms,
      entries: results.map((r) => r.entries),
    };
  } finally {
    await app.close().catch(() => app.kill());
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Options {
  runs: number;
  /** Diagnostic, off by default: a full GC in the adgraph child every this many ms. */
  gcEveryMs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 3, gcEveryMs: 0 };
  for (const arg of argv) {
    const m = /^--(runs|gc-every)=(\d+)$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg} (use --runs=N --gc-every=MS)`);
    if (m[1] === 'runs') options.runs = Math.max(1, Number(m[2]));
    else options.gcEveryMs = Number(m[2]);
  }
  return options;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const options = parseOptions(argv);
  const { runs } = options;
  const started = performance.now();
  console.log('adgraph upload memory benchmark');
  console.log(`node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}; runs=${runs} per scenario, a fresh adgraph child per run`);
  console.log(`file: ${BIG_LINES} lines of 998 + 9 digits = ${BIG_BYTES} bytes (${mib(BIG_BYTES)} MiB; limit ${AUDIENCE.maxBytes}), generated as a stream by the client`);
  console.log('adgraph runs alone in its own process (production mode on the simulators, which run in another child);');
  console.log('  AdStat rate limit lifted on both sides. Memory is the adgraph child\'s /proc/<pid>/status:');
  console.log('  baseline = VmRSS after 2 small warm-up uploads and a full GC; peak = VmHWM after the uploads (reset to the');
  console.log('  baseline just before them); growth = peak − baseline. MiB = 2^20 bytes; wall = first byte sent → last answer.');
  if (options.gcEveryMs > 0) {
    console.log(`DIAGNOSTIC: a full GC in adgraph every ${options.gcEveryMs} ms: peaks then show (nearly) live memory only, not garbage`);
    console.log('  waiting for collection; wall times are meaningless in this mode.');
  }

  const sim = await SimProcess.start(RELAXED_SANDBOX);
  const samples: Sample[] = [];
  try {
    for (const concurrency of [1, 8]) {
      for (let run = 1; run <= runs; run++) samples.push(await measure(sim, options, concurrency, run));
    }
  } finally {
    await sim.close();
  }

  const header = ['uploads', 'run', 'in flight MiB', 'baseline MiB', 'peak MiB', 'growth MiB', 'growth % of in flight', 'RSS after MiB', 'wall ms', 'answers'];
  const rows: string[][] = [];
  for (const concurrency of [1, 8]) {
    const mine = samples.filter((s) => s.concurrency === concurrency);
    for (const s of mine) {
      const growth = s.peak - s.baseline;
      const entries = [...new Set(s.entries)];
      rows.push([
        `${concurrency}×`,
        String(s.run),
        mib(s.bytesInFlight),
        mib(s.baseline),
        mib(s.peak),
        mib(growth),
        `${((100 * growth) / s.bytesInFlight).toFixed(1)} %`,
        mib(s.after),
        s.ms.toFixed(0),
        `${s.entries.length}/${concurrency} AudienceWrite, entries ${entries.join('/')}`,
      ]);
    }
    const growths = mine.map((s) => s.peak - s.baseline);
    const inFlight = mine[0]!.bytesInFlight;
    rows.push([
      `${concurrency}×`,
      'median',
      mib(inFlight),
      mib(median(mine.map((s) => s.baseline))),
      mib(median(mine.map((s) => s.peak))),
      mib(median(growths)),
      `${((100 * median(growths)) / inFlight).toFixed(1)} %`,
      mib(median(mine.map((s) => s.after))),
      median(mine.map((s) => s.ms)).toFixed(0),
      '',
    ]);
  }
  console.log();
  printTable(header, rows);

  if (samples.some((s) => !s.peakReset)) {
    console.log('\n  NOTE: VmHWM could not be reset (/proc/<pid>/clear_refs refused): those peaks include start-up and warm-up, an upper bound.');
  }
  console.log('\n  control, buffering (no code, just the figure): a server that held each upload in memory would grow by at least the');
  for (const concurrency of [1, 8]) {
    const inFlight = samples.find((s) => s.concurrency === concurrency)!.bytesInFlight;
    console.log(`    bytes in flight: ${concurrency}× → ${mib(inFlight)} MiB (${inFlight} bytes), more with a string or parsed copy of the file`);
  }
  console.log(`\ntotal bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const entry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (entry && process.argv[2] === '--adgraph-child' && process.send) {
  adgraphChild(JSON.parse(process.argv[3] ?? '{}') as ChildSettings).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
} else if (entry) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
