/**
 * The events step of the upstream pipeline: every provider call is counted (by provider, endpoint
 * template, status and outcome), timed, traced as a span, added to the request's access-line
 * counts, and a failure is logged once at WARN with the request id.
 */
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { isProviderError, type ProviderErrorCode } from '../providers/errors.js';
import type { UpstreamCall, UpstreamObservation, UpstreamObserver } from '../providers/http.js';
import { log } from './logger.js';
import { LATENCY_BUCKETS, type Metrics } from './metrics.js';
import { currentRequest } from './request-scope.js';
import type { Tracing } from './tracing.js';

/** What became of one call; a label, so a fixed small set. */
export type UpstreamOutcome = 'ok' | 'auth' | 'rate_limited' | 'rejected' | 'not_found' | 'unavailable' | 'contract' | 'error';

const OUTCOME_OF_CODE: Record<ProviderErrorCode, UpstreamOutcome> = {
  PROVIDER_UNAVAILABLE: 'unavailable',
  PROVIDER_CONTRACT: 'contract',
  PROVIDER_AUTH: 'auth',
  RATE_LIMITED: 'rate_limited',
  PROVIDER_REJECTED: 'rejected',
  NOT_FOUND: 'not_found',
};

export function outcomeOf(status: number | undefined, error: unknown): UpstreamOutcome {
  if (error !== undefined) return isProviderError(error) ? OUTCOME_OF_CODE[error.code] : 'error';
  if (status === undefined) return 'error';
  if (status < 400) return 'ok';
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  if (status < 500) return 'rejected';
  return 'unavailable';
}

export interface UpstreamObserverOptions {
  metrics: Metrics;
  tracing: Tracing;
  /** Told of a refused credential (a call that presents it), so readiness re-checks it. */
  onAuthFailure?: (call: UpstreamCall) => void;
  now?: () => number;
}

export function createUpstreamObserver(options: UpstreamObserverOptions): UpstreamObserver {
  const { metrics, tracing } = options;
  const now = options.now ?? (() => performance.now());
  const requests = metrics.counter({
    name: 'adgraph_upstream_requests_total',
    help: 'Calls to a provider, by provider, endpoint template, HTTP status ("none" when no answer came) and outcome.',
    labelNames: ['provider', 'endpoint', 'status', 'outcome'] as const,
  });
  const duration = metrics.histogram({
    name: 'adgraph_upstream_request_duration_seconds',
    help: 'Time from sending a provider call to its parsed answer, by provider, endpoint template and outcome.',
    labelNames: ['provider', 'endpoint', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
  });
  const retries = metrics.counter({
    name: 'adgraph_upstream_retries_total',
    help: 'Second attempts of a provider call (a transient failure retried, a resend after token renewal).',
    labelNames: ['provider', 'endpoint'] as const,
  });
  const throttled = metrics.counter({
    name: 'adgraph_upstream_throttled_total',
    help: 'HTTP 429 answers drawn from a provider (each extends AdStat\'s block on that path).',
    labelNames: ['provider', 'endpoint'] as const,
  });

  return {
    start(call: UpstreamCall): UpstreamObservation {
      const started = now();
      const scope = currentRequest();
      if (scope) scope.upstreamCalls += 1;
      if (call.retry) retries.inc({ provider: call.provider, endpoint: call.endpoint });
      let span: Span | undefined;
      if (tracing.enabled) {
        span = tracing.tracer.startSpan(`${call.provider} ${call.endpoint}`, {
          kind: SpanKind.CLIENT,
          attributes: {
            'adgraph.provider': call.provider,
            'adgraph.endpoint': call.endpoint,
            'adgraph.retry': call.retry,
            ...(call.account ? { 'adgraph.account': call.account } : {}),
          },
        });
      }
      return {
        // Only with a span to run the exchange in: without one the HTTP layer runs it as it is.
        ...(span ? { run: <T>(exchange: () => Promise<T>): Promise<T> => context.with(trace.setSpan(context.active(), span), exchange) } : {}),
        end(status: number | undefined, error?: unknown) {
          const outcome = outcomeOf(status, error);
          const seconds = (now() - started) / 1000;
          requests.inc({ provider: call.provider, endpoint: call.endpoint, status: status === undefined ? 'none' : String(status), outcome });
          duration.observe({ provider: call.provider, endpoint: call.endpoint, outcome }, seconds);
          if (status === 429) throttled.inc({ provider: call.provider, endpoint: call.endpoint });
          if (span) {
            if (status !== undefined) span.setAttribute('http.response.status_code', status);
            span.setAttribute('adgraph.outcome', outcome);
            if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : outcome });
            span.end();
          }
          if (outcome === 'ok') return;
          if (scope) scope.upstreamFailures += 1;
          // An expired access token is renewed and resent; only a refused credential makes a dependency not ready.
          if (outcome === 'auth' && call.presentsCredential) options.onAuthFailure?.(call);
          // A provider refusing the content or not knowing an id is usually the caller's doing: INFO.
          const level = outcome === 'rejected' || outcome === 'not_found' ? 'info' : 'warn';
          // Provider messages name provider, endpoint and account, never a credential (see providers/errors.ts).
          log[level]('upstream call failed', {
            provider: call.provider,
            endpoint: call.endpoint,
            account: call.account,
            status,
            outcome,
            retry: call.retry || undefined,
            durationMs: Math.round(seconds * 1000),
            error: error instanceof Error ? error.message : undefined,
          });
        },
      };
    },
  };
}
