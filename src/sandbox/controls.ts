/**
 * Test and benchmark controls shared by both simulators: per-endpoint request counts and injected
 * faults (latency, error statuses, time-outs, dropped connections, malformed bodies, trickled bodies,
 * answers lost or delayed after the request was applied).
 *
 * These live only on the simulators, which adgraph starts only in sandbox mode: in production mode
 * no simulator runs, so nothing here is reachable.
 */

/** What a matching request gets instead of (or before) its normal answer. */
export interface FaultRule {
  /** Endpoint key as counted, e.g. `GET /api/v2/advertisement/`; `*` matches every endpoint. */
  endpoint: string;
  /**
   * Only requests for this exact path (normalized: no trailing slash), e.g.
   * `/api/advertisement/telegram/1364756`: fails one item of an endpoint and not its neighbours.
   */
  path?: string;
  /** Delay before answering, in milliseconds (applied before any other effect). */
  latencyMs?: number;
  /**
   * Hold the request until this settles, then apply the rest of the rule (or answer normally):
   * lets a test (in process) release several answers at the same moment.
   */
  heldUntil?: Promise<unknown>;
  /** Answer with this HTTP status and `body` (JSON) instead of the real handler. */
  status?: number;
  body?: unknown;
  /** Answer 200 with this raw text (for malformed bodies) instead of the real handler. */
  rawBody?: string;
  /** Never answer: the request hangs until the client gives up or the simulator closes. */
  timeout?: boolean;
  /** Destroy the connection without answering. */
  drop?: boolean;
  /**
   * Run the real handler (a write is applied), then destroy the connection instead of answering:
   * the client cannot know whether its request took effect.
   */
  dropAnswer?: boolean;
  /** Run the real handler (a write is applied), then wait this long before sending its answer. */
  answerDelayMs?: number;
  /** Send the real handler's answer this many bytes a second (headers at once, then the body, slowly). */
  trickleBytesPerSecond?: number;
  /** Apply to this many matching requests, then remove itself. Default: until cleared. */
  times?: number;
}

export interface RecordedRequest {
  endpoint: string;
  method: string;
  path: string;
  query: string;
  at: number;
}

export class Controls {
  private readonly counts = new Map<string, number>();
  private faults: FaultRule[] = [];
  /** The most recent requests, newest last (bounded so long benchmarks do not grow memory). */
  readonly log: RecordedRequest[] = [];
  private static readonly LOG_LIMIT = 5000;

  record(req: RecordedRequest): void {
    this.counts.set(req.endpoint, (this.counts.get(req.endpoint) ?? 0) + 1);
    this.log.push(req);
    if (this.log.length > Controls.LOG_LIMIT) this.log.splice(0, this.log.length - Controls.LOG_LIMIT);
  }

  /** Requests received per endpoint since the last reset. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Requests received by one endpoint (exact key) or, with no argument, by all endpoints. */
  count(endpoint?: string): number {
    if (endpoint !== undefined) return this.counts.get(endpoint) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  resetCounts(): void {
    this.counts.clear();
    this.log.length = 0;
  }

  addFault(rule: FaultRule): void {
    if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) {
      throw new Error('fault.times must be a positive integer');
    }
    this.faults.push({ ...rule });
  }

  clearFaults(endpoint?: string): void {
    this.faults = endpoint === undefined ? [] : this.faults.filter((f) => f.endpoint !== endpoint);
  }

  /** The fault that applies to this request, consuming one use of a counted rule. */
  takeFault(endpoint: string, path?: string): FaultRule | undefined {
    const index = this.faults.findIndex((f) => (f.endpoint === endpoint || f.endpoint === '*') && (f.path === undefined || f.path === path));
    if (index < 0) return undefined;
    const rule = this.faults[index]!;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) this.faults.splice(index, 1);
    }
    return rule;
  }
}
