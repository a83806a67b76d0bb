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
import { RequestScopeContextManager } from './request-scope.js';

export interface TracingConfig {
  /** OTLP base URL (traces go to `<endpoint>/v1/traces`), or undefined for no tracing. */
  otlpEndpoint: string | undefined;
  /** How spans are encoded on the wire (config.ts: `OTEL_EXPORTER_OTLP_PROTOCOL`); protobuf when not given, the spec's default. */
  otlpProtocol?: 'http/json' | 'http/protobuf';
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

/**
 * The SDK registers itself globally (tracer provider, context manager, propagator): one per
 * process, shared by every adgraph instance in it and shut down with the last one.
 */
let shared: { sdk: { shutdown(): Promise<void> }; flush: () => Promise<void>; users: number; endpoint: string } | undefined;

export async function startTracing(config: TracingConfig): Promise<Tracing> {
  if (!config.otlpEndpoint) return disabled;
  const protocol = config.otlpProtocol ?? 'http/protobuf';
  const endpoint = `${config.otlpEndpoint} (${protocol})`;
  if (shared && shared.endpoint !== endpoint) {
    throw new Error(`tracing already exports to ${shared.endpoint} in this process`);
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
