/**
 * Prometheus metrics (prom-client), one registry per adgraph instance so two instances in one
 * process (tests, benchmarks) never mix their figures. Other modules register their own counters
 * and gauges through `counter`/`gauge`/`histogram` (idempotent by name), or feed existing in-process
 * counters at scrape time with a `collect` callback, so nothing is counted twice.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricSpec<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
}

/** Seconds; upstream calls range from a cached-connection millisecond to a 30 s body time-out. */
export const LATENCY_BUCKETS: [number, ...number[]] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Metrics {
  readonly registry = new Registry();

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(spec: MetricSpec<L>, collect?: (counter: Counter<L>) => void | Promise<void>): Counter<L> {
    const existing = this.registry.getSingleMetric(spec.name);
    if (existing) return existing as Counter<L>;
    return new Counter<L>({
      name: spec.name,
      help: spec.help,
      labelNames: spec.labelNames ?? [],
      registers: [this.registry],
      ...(collect ? { collect(this: Counter<L>) { return collect(this); } } : {}),
    });
  }

  gauge<L extends string>(spec: MetricSpec<L>, collect?: (gauge: Gauge<L>) => void | Promise<void>): Gauge<L> {
    const existing = this.registry.getSingleMetric(spec.name);
    if (existing) return existing as Gauge<L>;
    return new Gauge<L>({
      name: spec.name,
      help: spec.help,
      labelNames: spec.labelNames ?? [],
      registers: [this.registry],
      ...(collect ? { collect(this: Gauge<L>) { return collect(this); } } : {}),
    });
  }

  histogram<L extends string>(spec: MetricSpec<L> & { buckets?: number[] }): Histogram<L> {
    const existing = this.registry.getSingleMetric(spec.name);
    if (existing) return existing as Histogram<L>;
    return new Histogram<L>({
      name: spec.name,
      help: spec.help,
      labelNames: spec.labelNames ?? [],
      buckets: spec.buckets ?? LATENCY_BUCKETS,
      registers: [this.registry],
    });
  }

  /**
   * A counter whose value lives elsewhere (an existing in-process counter): read at scrape time.
   * Each row is a label set and the current total.
   */
  mirroredCounter<L extends string>(spec: MetricSpec<L>, rows: () => Iterable<[Partial<Record<L, string>>, number]>): Counter<L> {
    return this.counter(spec, (counter) => {
      counter.reset();
      for (const [labels, value] of rows()) counter.inc(labels, value);
    });
  }

  /** A gauge read at scrape time from rows of labels and values. */
  mirroredGauge<L extends string>(spec: MetricSpec<L>, rows: () => Iterable<[Partial<Record<L, string>>, number]>): Gauge<L> {
    return this.gauge(spec, (gauge) => {
      gauge.reset();
      for (const [labels, value] of rows()) gauge.set(labels, value);
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
