/**
 * The GraphQL side of the metrics and the access line: The Guild's Prometheus plugin for operation
 * counts, durations and errors by phase; OpenTelemetry spans per operation when tracing is on; and
 * adgraph's own counters of outcomes, error codes and refused documents, which also fill in the
 * request's operation name, caller and error codes for its access line.
 */
import { SpanKind, trace } from '@opentelemetry/api';
import { getCurrentOtelContext, useOpenTelemetry } from '@envelop/opentelemetry';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { getOperationAST, type ExecutionResult, type GraphQLError } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { errorsOf } from '../incremental.js';
import type { Counter } from 'prom-client';
import type { Metrics } from './metrics.js';
import { LATENCY_BUCKETS } from './metrics.js';
import { currentRequest } from './request-scope.js';
import type { Tracing } from './tracing.js';

/** Why a document was answered without running it; a label, so a fixed set. */
export type RefusalReason = 'syntax' | 'invalid' | 'limits' | 'cost' | 'auth';

/**
 * Refusals from the limit plugins (graphql-armor), the cost budget and authentication, by the code
 * or wording those plugins use; anything else that failed validation is `invalid`.
 */
export function refusalReason(error: { message: string; extensions?: Record<string, unknown> } | undefined): RefusalReason {
  const code = typeof error?.extensions?.code === 'string' ? error.extensions.code : '';
  const message = error?.message ?? '';
  if (/UNAUTHENTICATED|FORBIDDEN|UNAUTHORIZED/.test(code)) return 'auth';
  if (/COST|COMPLEXITY|BUDGET/.test(code) || /\b(cost|complexity)\b/i.test(message)) return 'cost';
  if (/LIMIT|DEPTH|ALIAS|TOKEN|DIRECTIVE/.test(code) || /\b(depth|aliases|tokens|directives)\b.*\blimit|limit\b/i.test(message)) return 'limits';
  if (code === 'GRAPHQL_PARSE_FAILED' || message.startsWith('Syntax Error')) return 'syntax';
  return 'invalid';
}

/** Client-chosen names become labels only when short and plain; others are counted together. */
export function operationLabel(name: string | undefined): string {
  if (!name) return 'anonymous';
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'other';
}

/** The Yoga plugin counts executed operations, the response cache its hits (`metrics.counter` returns the registered one). */
export function operationsCounter(metrics: Metrics): Counter<'operation' | 'type' | 'outcome'> {
  return metrics.counter({
    name: 'adgraph_graphql_operations_total',
    help: 'GraphQL operations answered, by operation name, type and outcome (ok, partial: data with errors, failed: no data, refused: not run); response-cache hits count as ok.',
    labelNames: ['operation', 'type', 'outcome'] as const,
  });
}

/** Per GraphQL context: set when execution starts (the result hook no longer has the document). */
const executed = new WeakMap<object, { type: string }>();

/**
 * `prometheus`: The Guild's per-phase metrics, installed only when metrics are served (nothing could
 * read them otherwise, so nothing pays for them).
 */
export function observabilityPlugins(metrics: Metrics, tracing: Tracing, prometheus = true): Plugin[] {
  const operations = operationsCounter(metrics);
  const errors = metrics.counter({
    name: 'adgraph_graphql_errors_total',
    help: 'Errors in GraphQL answers by extensions.code (RATE_LIMITED, PROVIDER_AUTH, BAD_USER_INPUT, ...).',
    labelNames: ['code'] as const,
  });
  const refused = metrics.counter({
    name: 'adgraph_refused_documents_total',
    help: 'Documents answered without running them, by reason: syntax, invalid, limits, cost, auth.',
    labelNames: ['reason'] as const,
  });

  const own: Plugin = {
    onExecute({ args }) {
      const op = getOperationAST(args.document, args.operationName);
      executed.set(args.contextValue as object, { type: op?.operation ?? 'query' });
      const scope = currentRequest();
      if (!scope) return;
      scope.operation = op?.name?.value ?? args.operationName ?? 'anonymous';
      // Counts on the operation span rather than an event per cache lookup: a dashboard makes dozens,
      // and per-lookup events made tracing cost a fifth of the throughput. Runs before the span ends.
      const done = tracing.enabled
        ? {
            onExecuteDone() {
              trace.getSpan(getCurrentOtelContext(args.contextValue))?.setAttributes({
                'adgraph.upstream.calls': scope.upstreamCalls,
                'adgraph.cache.hits': scope.cacheHits,
                'adgraph.cache.misses': scope.cacheMisses,
              });
            },
          }
        : undefined;
      // The caller, once authentication puts one on the context.
      const caller = (args.contextValue as { caller?: { id?: unknown } }).caller?.id;
      if (typeof caller === 'string') scope.caller = caller;
      return done;
    },
    onExecutionResult({ result, context, setResult }) {
      if (result === undefined) return;
      const scope = currentRequest();
      const ran = executed.get(context as object);
      const countErrors = (list: readonly GraphQLError[]) => {
        for (const error of list) {
          const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
          errors.inc({ code });
          if (scope) scope.errorCodes.set(code, (scope.errorCodes.get(code) ?? 0) + 1);
        }
      };
      const count = (failures: readonly GraphQLError[], data: unknown) => {
        const outcome = !ran ? 'refused' : failures.length === 0 ? 'ok' : data ? 'partial' : 'failed';
        if (!ran) refused.inc({ reason: refusalReason(failures[0] as { message: string; extensions?: Record<string, unknown> } | undefined) });
        const op = scope?.operation;
        operations.inc({ operation: operationLabel(ran ? op : undefined), type: ran ? ran.type : 'none', outcome });
      };
      if (isAsyncIterable<ExecutionResult>(result)) {
        // @defer/@stream: errors as each payload goes out, the operation once when the last has gone
        // (or the client left), with the data of the first payload deciding partial or failed.
        let data: unknown;
        let first = true;
        const failures: GraphQLError[] = [];
        setResult(
          mapAsyncIterator(
            result,
            (payload) => {
              if (first) data = payload.data;
              first = false;
              const list = errorsOf(payload);
              countErrors(list);
              failures.push(...list);
              return payload;
            },
            undefined,
            () => count(failures, data),
          ),
        );
        return;
      }
      const one = result as ExecutionResult;
      countErrors(one.errors ?? []);
      count(one.errors ?? [], one.data);
    },
  };

  // `own` first: its execute-done hook must run before the tracing plugin ends the operation span.
  const plugins: Plugin[] = [own];
  if (prometheus) {
    plugins.push(usePrometheus({
      registry: metrics.registry,
      // Served by adgraph itself, behind the scrape token or on the metrics port, never on the public path.
      endpoint: false,
      // The plugin's defaults turn everything on; these are the ones a dashboard reads, the rest cost per request.
      metrics: {
        graphql_envelop_request: true,
        graphql_envelop_request_duration: LATENCY_BUCKETS,
        graphql_envelop_error_result: true,
        // Walks every document with TypeInfo on every request (a quarter of a millisecond for a dashboard page);
        // no panel reads it, and which clients still use a deprecated field is a question for the logs, not the hot path.
        graphql_envelop_deprecated_field: false,
        // Per-phase histograms: validation is cached for a repeated document and execution is most of
        // the request's duration, so they told little beside graphql_envelop_request_duration and cost
        // two more labelled observations on every request (bench/overhead.ts).
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_execute: false,
        graphql_yoga_http_duration: LATENCY_BUCKETS,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_schema_change: false,
      },
      labels: { url: false },
    }));
  }
  if (tracing.enabled) {
    // Documents, variables and results stay out of spans: they may hold personal data, and they
    // made most of the export's bytes; the operation name and type identify the operation.
    plugins.splice(1, 0, useOpenTelemetry({ resolvers: false, document: false, variables: false, result: false }, tracing.provider, SpanKind.SERVER, {}, 'adgraph') as Plugin);
  }
  return plugins;
}
