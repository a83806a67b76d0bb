/**
 * Readiness that means something: each configured AdStat login and TON.ai key is checked once at
 * start, and again only after a failure (a timer with back-off, or a live call refused), never on
 * every probe. `/ready` answers from the last results and names what is not ready, without secrets.
 * Other dependencies (the Redis store) join with `register`.
 */
import { log } from './logger.js';

export type CheckState = 'pending' | 'ok' | 'failing';

export interface ReadinessCheck {
  /** What is checked, e.g. `adstat-login`, `tonai-key`, `redis`. */
  kind: string;
  /** Which one: the configured id (never the credential). */
  id: string;
  /** Resolves when it works; rejects with an error whose message says why (no secrets). */
  run(): Promise<void>;
}

export interface CheckReport {
  kind: string;
  id: string;
  state: CheckState;
  reason?: string;
  /** Provider error code, when the check failed with one. */
  code?: string;
  checkedAt?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: CheckReport[];
}

interface Entry {
  check: ReadinessCheck;
  state: CheckState;
  reason: string | undefined;
  code: string | undefined;
  checkedAt: Date | undefined;
  running: Promise<void> | undefined;
  timer: NodeJS.Timeout | undefined;
  failures: number;
}

export interface ReadinessOptions {
  /** First re-check delay after a failure; doubles up to `maxRecheckMs`. */
  recheckMs: number;
  maxRecheckMs?: number;
  now?: () => Date;
}

export class Readiness {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  constructor(private readonly options: ReadinessOptions) {}

  register(check: ReadinessCheck): void {
    const key = `${check.kind}:${check.id}`;
    if (this.entries.has(key)) throw new Error(`readiness check ${key} is registered twice`);
    this.entries.set(key, { check, state: 'pending', reason: undefined, code: undefined, checkedAt: undefined, running: undefined, timer: undefined, failures: 0 });
  }

  /** Runs every check once; resolves when all have answered. */
  async start(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => this.run(entry)));
  }

  /** A live call was refused for this dependency: mark it failing and re-check soon. */
  noteFailure(kind: string, id: string, reason: string): void {
    const entry = this.entries.get(`${kind}:${id}`);
    if (!entry || entry.running || this.closed) return;
    if (entry.state !== 'failing') {
      entry.state = 'failing';
      entry.failures = 1;
      entry.reason = reason;
      entry.checkedAt = this.now();
      log.warn('not ready', { check: kind, id, reason });
    }
    this.schedule(entry);
  }

  /** The dependency says it is back (e.g. Redis reconnected): check it now instead of at the next back-off. */
  recheck(kind: string, id: string): void {
    const entry = this.entries.get(`${kind}:${id}`);
    if (!entry || this.closed) return;
    clearTimeout(entry.timer);
    entry.timer = undefined;
    void this.run(entry);
  }

  report(): ReadinessReport {
    const checks = [...this.entries.values()].map((e): CheckReport => ({
      kind: e.check.kind,
      id: e.check.id,
      state: e.state,
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.code ? { code: e.code } : {}),
      ...(e.checkedAt ? { checkedAt: e.checkedAt.toISOString() } : {}),
    }));
    return { ready: checks.every((c) => c.state === 'ok'), checks };
  }

  close(): void {
    this.closed = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private run(entry: Entry): Promise<void> {
    entry.running ??= entry.check
      .run()
      .then(
        () => {
          if (entry.state === 'failing') log.info('ready again', { check: entry.check.kind, id: entry.check.id });
          entry.state = 'ok';
          entry.reason = undefined;
          entry.code = undefined;
          entry.failures = 0;
        },
        (error: unknown) => {
          // Shutting down: the HTTP layer closing under a check is not news.
          if (this.closed) return;
          const reason = error instanceof Error ? error.message : String(error);
          const code = (error as { code?: unknown }).code;
          entry.state = 'failing';
          entry.reason = reason;
          entry.code = typeof code === 'string' ? code : undefined;
          entry.failures += 1;
          // Said once per failure streak, naming the login or key id; re-check failures go to DEBUG.
          if (entry.failures === 1) log.warn('not ready', { check: entry.check.kind, id: entry.check.id, code: entry.code, reason });
          else log.debug('still not ready', { check: entry.check.kind, id: entry.check.id, code: entry.code, reason });
          this.schedule(entry);
        },
      )
      .finally(() => {
        entry.checkedAt = this.now();
        entry.running = undefined;
      });
    return entry.running;
  }

  private schedule(entry: Entry): void {
    if (this.closed || entry.timer) return;
    const max = this.options.maxRecheckMs ?? 5 * 60_000;
    const delay = Math.min(max, this.options.recheckMs * 2 ** Math.max(0, entry.failures - 1));
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.run(entry);
    }, delay);
    entry.timer.unref();
  }
}
