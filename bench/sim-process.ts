/**
 * Both simulators in a child process, driven over IPC by a benchmark, so that their own CPU time
 * (routing, JSON for hundreds of details answers) does not run on adgraph's event loop and get
 * counted as adgraph's overhead. Started by `SimProcess.start()`; not meant to be run by hand.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AdstatLogin, Config, TonaiKey } from '../src/config.js';
import { startSandbox, type SandboxOptions } from '../src/sandbox/index.js';

type Request =
  | { id: number; op: 'reset' }
  | { id: number; op: 'latency'; latencyMs: number }
  | { id: number; op: 'observe' }
  | { id: number; op: 'close' };

export interface Observation {
  /** Requests per endpoint, keyed `AdStat GET /path` / `TON.ai GET /path`. */
  counts: Record<string, number>;
  /** Arrival times (epoch ms) of every request since the last reset, both simulators. */
  arrivals: number[];
}

interface Ready {
  ready: true;
  adstatUrl: string;
  tonaiUrl: string;
  logins: AdstatLogin[];
  keys: TonaiKey[];
}

type Reply = { id: number; ok: true; value?: Observation } | { id: number; ok: false; error: string };

/** The parent's handle on the child. */
export class SimProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: Observation | undefined) => void; reject: (e: Error) => void }>();

  /**
   * `base` pointed at these simulators: their URLs and credentials as explicit provider settings
   * (mode "production" only because no in-process sandbox backs them; nothing leaves loopback).
   */
  configFor(base: Config): Config {
    return {
      ...base,
      mode: 'production',
      adstat: { baseUrl: this.adstatUrl, clientApiBaseUrl: this.adstatUrl, logins: this.logins },
      tonai: { baseUrl: this.tonaiUrl, keys: this.keys },
    };
  }

  private constructor(
    private readonly child: ChildProcess,
    readonly adstatUrl: string,
    readonly tonaiUrl: string,
    readonly logins: AdstatLogin[],
    readonly keys: TonaiKey[],
  ) {
    child.on('message', (message: Reply) => {
      const w = this.waiting.get(message.id);
      if (!w) return;
      this.waiting.delete(message.id);
      if (message.ok) w.resolve(message.value);
      else w.reject(new Error(message.error));
    });
  }

  static start(options: SandboxOptions): Promise<SimProcess> {
    const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], {
      // The parent runs under tsx; its loader flags let the child load TypeScript too.
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`simulator process exited with code ${code}`)));
      child.once('message', (message: Ready) => {
        child.removeAllListeners('exit');
        resolve(new SimProcess(child, message.adstatUrl, message.tonaiUrl, message.logins, message.keys));
      });
    });
  }

  private send(op: Request['op'], extra: Record<string, unknown> = {}): Promise<Observation | undefined> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, op, ...extra });
    });
  }

  /** Forgets counts and arrival times (faults stay). */
  async reset(): Promise<void> {
    await this.send('reset');
  }

  /** Every endpoint of both simulators waits this long before answering (0: no delay). */
  async latency(latencyMs: number): Promise<void> {
    await this.send('latency', { latencyMs });
  }

  async observe(): Promise<Observation> {
    const value = await this.send('observe');
    if (!value) throw new Error('simulator process sent no observation');
    return value;
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.send('close');
    await exited;
  }
}

// ---- the child ----

async function child(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions;
  const sandbox = await startSandbox(options);
  const controls = [sandbox.adstat.server.controls, sandbox.tonai.server.controls];
  const reply = (message: Reply) => process.send?.(message);
  // The parent went away (finished or crashed): do not linger with the servers open.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: Request) => {
    void (async () => {
      switch (request.op) {
        case 'reset':
          for (const c of controls) c.resetCounts();
          reply({ id: request.id, ok: true });
          return;
        case 'latency':
          for (const c of controls) {
            c.clearFaults();
            // A rule with only latencyMs delays every request (`*`), then lets it through.
            if (request.latencyMs > 0) c.addFault({ endpoint: '*', latencyMs: request.latencyMs });
          }
          reply({ id: request.id, ok: true });
          return;
        case 'observe': {
          const counts: Record<string, number> = {};
          for (const [k, v] of Object.entries(sandbox.adstat.server.controls.snapshot())) counts[`AdStat ${k}`] = v;
          for (const [k, v] of Object.entries(sandbox.tonai.server.controls.snapshot())) counts[`TON.ai ${k}`] = v;
          const arrivals = controls.flatMap((c) => c.log.map((r) => r.at));
          reply({ id: request.id, ok: true, value: { counts, arrivals } });
          return;
        }
        case 'close':
          reply({ id: request.id, ok: true });
          await sandbox.close();
          process.disconnect();
          return;
      }
    })().catch((error: unknown) => reply({ id: request.id, ok: false, error: String(error) }));
  });
  const ready: Ready = { ready: true, adstatUrl: sandbox.adstatUrl, tonaiUrl: sandbox.tonaiUrl, logins: sandbox.logins, keys: sandbox.keys };
  process.send?.(ready);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  void child();
}

/**
 * The adgraph settings a benchmark takes from its own environment, to compare variants in one
 * sitting: `ADGRAPH_COMPILED_EXECUTION=off npx tsx bench/page-cpu.ts` against the default.
 */
export function benchEnv(): Record<string, string> {
  const value = process.env.ADGRAPH_COMPILED_EXECUTION;
  return value ? { ADGRAPH_COMPILED_EXECUTION: value } : {};
}
