/**
 * When each upstream call of one run was asked for, handed to a connection, written, answered and
 * read to its end, relative to the run's start: the critical path of a query, to tell a call that
 * left late (a dependency chain, a queue) from one that was slow to answer.
 *
 * Read from undici's diagnostics channels (`undici:request:create` when a connection takes the
 * request, `undici:client:sendHeaders` when it is written, `undici:request:headers` and
 * `:trailers` for the answer), so it sees adgraph's calls and the floor client's alike without a
 * hook in adgraph's code. For adgraph, `HttpLayer.send` is wrapped too: the moment the call was
 * asked for, before the pool's queue, which undici does not report.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import type { HttpLayer } from '../src/providers/http.js';
import { printTable } from './table.js';

interface UndiciRequest {
  origin?: string | URL;
  method?: string;
  path?: string;
}

interface Call {
  /** Endpoint template: the path with ids as {id} and without the query. */
  endpoint: string;
  /** Asked for (adgraph: HttpLayer.send; the floor: same as handed). */
  asked: number;
  handed?: number;
  written?: number;
  headers?: number;
  done?: number;
}

const template = (path: string) =>
  path
    .split('?')[0]!
    .replace(/\/\d+(?=\/|$)/g, '/{id}');

/** Records every undici request of the process between `start()` and `stop()`, except to `skipOrigin`. */
export class Timeline {
  private t0 = 0;
  private recording = false;
  private readonly calls: Call[] = [];
  private readonly byRequest = new WeakMap<object, Call>();
  /** Calls asked for that no connection has taken yet, in order (the pool's queue is first in, first out). */
  private readonly unhanded: Call[] = [];
  private asking: Call | undefined;
  private readonly handlers = {
    'undici:request:create': (m: unknown) => this.onCreate((m as { request: UndiciRequest }).request),
    'undici:client:sendHeaders': (m: unknown) => this.mark((m as { request: object }).request, 'written'),
    'undici:request:headers': (m: unknown) => this.mark((m as { request: object }).request, 'headers'),
    'undici:request:trailers': (m: unknown) => this.mark((m as { request: object }).request, 'done'),
  } as const;

  constructor(private readonly skipOrigin: string) {
    for (const [name, fn] of Object.entries(this.handlers)) subscribe(name, fn);
  }

  /** Wraps `http.send` so adgraph's calls carry the moment they were asked for. */
  watch(http: HttpLayer): void {
    const send = http.send.bind(http) as (...args: unknown[]) => Promise<unknown>;
    (http as unknown as { send: (...args: unknown[]) => Promise<unknown> }).send = (...args: unknown[]) => {
      if (!this.recording) return send(...args);
      const call: Call = { endpoint: '', asked: performance.now() - this.t0 };
      this.calls.push(call);
      this.unhanded.push(call);
      // undici takes the request synchronously when a connection is free: `onCreate` sees `asking`.
      this.asking = call;
      try {
        return send(...args);
      } finally {
        this.asking = undefined;
      }
    };
  }

  start(): void {
    this.calls.length = 0;
    this.unhanded.length = 0;
    this.t0 = performance.now();
    this.recording = true;
  }

  stop(): Call[] {
    this.recording = false;
    return [...this.calls];
  }

  close(): void {
    for (const [name, fn] of Object.entries(this.handlers)) unsubscribe(name, fn);
  }

  private onCreate(request: UndiciRequest): void {
    if (!this.recording || String(request.origin ?? '').startsWith(this.skipOrigin)) return;
    const now = performance.now() - this.t0;
    let call = this.asking ?? this.unhanded[0];
    if (call) this.unhanded.splice(this.unhanded.indexOf(call), 1);
    else this.calls.push((call = { endpoint: '', asked: now }));
    call.endpoint = `${request.method ?? 'GET'} ${template(request.path ?? '')}`;
    call.handed = now;
    this.byRequest.set(request, call);
  }

  private mark(request: object, phase: 'written' | 'headers' | 'done'): void {
    const call = this.byRequest.get(request);
    if (call && call[phase] === undefined) call[phase] = performance.now() - this.t0;
  }
}

/**
 * One row per endpoint: how many calls, and the first/last time of each phase (ms from the run's
 * start). "queued" is the longest wait between asked and handed (the pool had no free connection).
 * `firstPartMs`: when an incremental answer's first part arrived.
 */
export function printTimeline(title: string, calls: Call[], totalMs: number, firstPartMs?: number): void {
  const groups = new Map<string, Call[]>();
  for (const c of [...calls].sort((a, b) => a.asked - b.asked)) {
    const g = groups.get(c.endpoint);
    if (g) g.push(c);
    else groups.set(c.endpoint, [c]);
  }
  const span = (xs: (number | undefined)[]) => {
    const ys = xs.filter((x): x is number => x !== undefined);
    if (ys.length === 0) return '-';
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    return hi - lo < 0.5 ? lo.toFixed(0) : `${lo.toFixed(0)}–${hi.toFixed(0)}`;
  };
  const firstPart = firstPartMs === undefined ? '' : `, first part at ${firstPartMs.toFixed(0)} ms`;
  console.log(`\n  ${title}: ${calls.length} calls${firstPart}, answer at ${totalMs.toFixed(0)} ms`);
  printTable(
    ['endpoint', 'n', 'asked', 'handed', 'written', 'headers', 'done', 'queued max'],
    [...groups].map(([endpoint, g]) => [
      endpoint,
      String(g.length),
      span(g.map((c) => c.asked)),
      span(g.map((c) => c.handed)),
      span(g.map((c) => c.written)),
      span(g.map((c) => c.headers)),
      span(g.map((c) => c.done)),
      Math.max(0, ...g.map((c) => (c.handed ?? c.asked) - c.asked)).toFixed(0),
    ]),
  );
}
