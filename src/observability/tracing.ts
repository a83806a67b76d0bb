/**
 * OpenTelemetry traces, exported over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT is set. When
 * it is not, the SDK is not even loaded: the API's no-op tracer answers every call, and the server
 * skips the `traceparent` extraction, so tracing costs nothing.
 *
 * Spans: one per GraphQL operation (@envelop/opentelemetry), one per upstream call (ours, with
 * provider, endpoint template, account, status, outcome, retry), and under it the HTTP exchange
 * itself (the undici instrumentation, which also sends `traceparent` on to the provider).
 */
import { context, propagation, ROOT_CONTEXT, trace, type Context, type Tracer, type TracerProvider } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';
import type { TracesSampler } from '../config.js';
import { RequestScopeContextManager } from './request-scope.js';

export interface TracingConfig {
  /** OTLP base URL (traces go to `<endpoint>/v1/traces`), or undefined for no tracing. */
  otlpEndpoint: string | undefined;
  /** How spans are encoded on the wire (config.ts: `OTEL_EXPORTER_OTLP_PROTOCOL`); protobuf when not given, the spec's default. */
  otlpProtocol?: 'http/json' | 'http/protobuf';
  /** The operator's sampler (config.ts); undefined: adgraph's default. */
  sampler?: TracesSampler;
  serviceName: string;
}

export interface Tracing {
  readonly enabled: boolean;
  readonly tracer: Tracer;
  readonly provider: TracerProvider;
  /** Runs `fn` in the context of the caller's `traceparent`, so a gateway's trace continues here. */
  withIncoming<T>(headers: IncomingHttpHeaders, fn: () => T): T;
  /** Sends the spans ended so far (tests, shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const TRACER_NAME = 'adgraph';

const disabled: Tracing = {
  enabled: false,
  tracer: trace.getTracer(TRACER_NAME),
  provider: trace.getTracerProvider(),
  withIncoming: (_headers, fn) => fn(),
  flush: async () => {},
  shutdown: async () => {},
};

/** What a response-cache hit's span carries (src/observability/index.ts), so the sampler can tell it at its start. */
export const RESPONSE_CACHE_ATTRIBUTE = 'adgraph.response_cache';

/**
 * The samplers come from the SDK's own `tracing` export (deprecated in favour of importing
 * @opentelemetry/sdk-trace, but sdk-node pins its own copy of that package, and this export is the
 * copy its TracerProvider runs; a direct import would load a second one of another version).
 */
type SdkTracing = typeof import('@opentelemetry/sdk-node').tracing;
type Sampler = import('@opentelemetry/sdk-node').tracing.Sampler;

function samplerFor(chosen: TracesSampler | undefined, t: SdkTracing): Sampler {
  const parentBased = (root: Sampler) => new t.ParentBasedSampler({ root });
  switch (chosen?.name) {
    case undefined:
      return parentBased(rootSampler(t.SamplingDecision));
    case 'always_on':
      return new t.AlwaysOnSampler();
    case 'always_off':
      return new t.AlwaysOffSampler();
    case 'traceidratio':
      return new t.TraceIdRatioBasedSampler(chosen.ratio);
    case 'parentbased_always_on':
      return parentBased(new t.AlwaysOnSampler());
    case 'parentbased_always_off':
      return parentBased(new t.AlwaysOffSampler());
    case 'parentbased_traceidratio':
      return parentBased(new t.TraceIdRatioBasedSampler(chosen.ratio));
  }
}

/**
 * adgraph's default sampler for spans that start a trace (within a trace, the parent's decision is
 * followed: the SDK's ParentBased around it). Everything is recorded, as the SDK's default
 * (ParentBased(AlwaysOn)) would, except a response-cache hit that is not part of a caller's trace:
 * such a root span has no children and holds only what its access line and the operations counter
 * already hold (name, duration, outcome), and recording and exporting it cost 13-17 µs of CPU, a
 * tenth to a fifth of the hit itself (bench/overhead.ts --queries=page --on=traces, before this
 * sampler). In a gateway's sampled trace a hit is recorded, showing that adgraph answered from
 * memory (bench/overhead.ts --traceparent prices that). An operator who sets
 * OTEL_TRACES_SAMPLER (always_on to record every hit too) replaces this choice with theirs: the
 * spec's samplers, built as the SDK builds them from that variable.
 */
function rootSampler(decisions: { NOT_RECORD: number; RECORD_AND_SAMPLED: number }) {
  const notRecorded = { decision: decisions.NOT_RECORD };
  const recorded = { decision: decisions.RECORD_AND_SAMPLED };
  return {
    shouldSample: (_context: unknown, _traceId: string, _name: string, _kind: unknown, attributes?: Record<string, unknown>) =>
      attributes?.[RESPONSE_CACHE_ATTRIBUTE] === 'hit' ? notRecorded : recorded,
    toString: () => 'AdgraphRootSampler{response-cache hits outside a caller trace not recorded, everything else recorded}',
  };
}

/**
 * The SDK registers itself globally (tracer provider, context manager, propagator): one per
 * process, shared by every adgraph instance in it and shut down with the last one.
 */
let shared: { sdk: { shutdown(): Promise<void> }; flush: () => Promise<void>; users: number; endpoint: string } | undefined;

export async function startTracing(config: TracingConfig): Promise<Tracing> {
  if (!config.otlpEndpoint) return disabled;
  const protocol = config.otlpProtocol ?? 'http/protobuf';
  const endpoint = `${config.otlpEndpoint} (${protocol}, sampler ${config.sampler ? `${config.sampler.name} ${config.sampler.ratio}` : 'adgraph default'})`;
  if (shared && shared.endpoint !== endpoint) {
    throw new Error(`tracing already runs in this process with another set-up: ${shared.endpoint}`);
  }
  if (!shared) {
    const [{ NodeSDK, tracing }, { OTLPTraceExporter }, { UndiciInstrumentation }] = await Promise.all([
      import('@opentelemetry/sdk-node'),
      // The two OTLP/HTTP exporters take the same options; protobuf is about 5 µs less CPU and half
      // the bytes per span than JSON (bench/overhead.ts --on=traces --otlp=json|protobuf).
      protocol === 'http/protobuf' ? import('@opentelemetry/exporter-trace-otlp-proto') : import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/instrumentation-undici'),
    ]);
    const exporter = new OTLPTraceExporter({ url: `${config.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` });
    const processor = new tracing.BatchSpanProcessor(exporter);
    const sdk = new NodeSDK({
      // Always given, so the SDK never reads OTEL_TRACES_SAMPLER itself: config.ts has checked it.
      sampler: samplerFor(config.sampler, tracing),
      serviceName: config.serviceName,
      autoDetectResources: false,
      spanProcessors: [processor],
      contextManager: new RequestScopeContextManager(),
      // Metrics are Prometheus at /metrics; without this the SDK would also push OTLP metrics (the
      // undici instrumentation's histograms) to the trace endpoint every minute.
      metricReaders: [],
      // Only requests made inside an adgraph span (an upstream call): not a test's or a tool's own.
      instrumentations: [new UndiciInstrumentation({ requireParentforSpans: true })],
    });
    sdk.start();
    shared = { sdk, flush: () => processor.forceFlush(), users: 0, endpoint };
  }
  const current = shared;
  current.users += 1;
  let closed = false;
  return {
    enabled: true,
    tracer: trace.getTracer(TRACER_NAME),
    provider: trace.getTracerProvider(),
    withIncoming<T>(headers: IncomingHttpHeaders, fn: () => T): T {
      if (!headers.traceparent) return fn();
      const parent: Context = propagation.extract(ROOT_CONTEXT, headers);
      return context.with(parent, fn);
    },
    flush: () => current.flush(),
    async shutdown() {
      if (closed) return;
      closed = true;
      current.users -= 1;
      if (current.users > 0) return current.flush();
      shared = undefined;
      await current.sdk.shutdown();
    },
  };
}
