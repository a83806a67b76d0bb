/**
 * Observability assembled for one adgraph instance: the metrics registry, tracing, readiness, the
 * upstream observer on the shared HTTP layer, and the HTTP side (request ids, access lines,
 * `/metrics`, `/health`, `/ready`). server.ts calls `handle` for every request.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Plugin } from 'graphql-yoga';
import { SpanKind } from '@opentelemetry/api';
import type { ObservabilityConfig } from '../config.js';
import type { Providers } from '../providers/index.js';
import { observabilityPlugins, operationLabel, operationsCounter } from './graphql.js';
import { log, logLevelEnabled } from './logger.js';
import { Metrics } from './metrics.js';
import { Readiness } from './readiness.js';
import { currentRequest, newRequestScope, requestIdFrom, runInRequestScope, type RequestScope } from './request-scope.js';
import { RESPONSE_CACHE_ATTRIBUTE, startTracing, type Tracing } from './tracing.js';
import { createUpstreamObserver } from './upstream.js';

export { Metrics } from './metrics.js';
export type { Readiness, ReadinessCheck } from './readiness.js';

/** Probe and scrape paths: answered here, logged at DEBUG (a probe every few seconds is not news). */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

export class Observability {
  private metricsServer: Server | undefined;
  /** The separate metrics port, once listening. */
  metricsPort: number | undefined;

  private constructor(
    private readonly config: ObservabilityConfig,
    readonly metrics: Metrics,
    readonly tracing: Tracing,
    readonly readiness: Readiness,
    private readonly mode: string,
  ) {}

  static async start(config: ObservabilityConfig, providers: Providers, mode: 'sandbox' | 'production'): Promise<Observability> {
    const metrics = new Metrics();
    const tracing = await startTracing({ otlpEndpoint: config.otlpEndpoint, otlpProtocol: config.otlpProtocol, sampler: config.tracesSampler, serviceName: config.serviceName });
    const readiness = new Readiness({ recheckMs: config.readinessRecheckMs });
    const self = new Observability(config, metrics, tracing, readiness, mode);
    self.registerChecks(providers);
    self.feedFromProviders(providers);
    providers.http.observer = createUpstreamObserver({
      metrics,
      tracing,
      onAuthFailure: (call) => {
        if (!call.account) return;
        readiness.noteFailure(call.provider === 'AdStat' ? 'adstat-login' : 'tonai-key', call.account, `${call.provider} refused the credentials on ${call.endpoint}`);
      },
    });
    const previousLookup = providers.cache.onLookup;
    providers.cache.onLookup = (result, key) => {
      previousLookup?.(result, key);
      const scope = currentRequest();
      if (scope) {
        if (result === 'miss') scope.cacheMisses += 1;
        else scope.cacheHits += 1;
      }
    };
    if (config.metricsPort !== undefined) await self.listenMetrics(config.metricsPort, config.metricsHost);
    return self;
  }

  /** The whole-answer response cache's counters, read at scrape time. */
  watchResponseCache(cache: { stats: Record<'hits' | 'misses' | 'stored' | 'skipped' | 'outdated', number>; onHit: ((operation: string) => void) | undefined }): void {
    // A hit is an operation answered: counted like one (outcome ok: only answers without errors are
    // kept), and, with tracing on, one server span, which the sampler records in a caller's sampled
    // trace but not as a trace of its own (tracing.ts, rootSampler: why).
    const operations = operationsCounter(this.metrics);
    const tracing = this.tracing;
    cache.onHit = (operation) => {
      operations.inc({ operation: operationLabel(operation), type: 'query', outcome: 'ok' });
      if (tracing.enabled) {
        tracing.tracer
          .startSpan(`query.${operation}`, { kind: SpanKind.SERVER, attributes: { 'graphql.execute.operationName': operation, 'graphql.execute.operationType': 'query', [RESPONSE_CACHE_ATTRIBUTE]: 'hit' } })
          .end();
      }
    };
    this.metrics.mirroredCounter(
      {
        name: 'adgraph_response_cache_total',
        help: 'Whole-answer response cache: hit (served from it), miss (a query executed), stored, skipped (not kept: errors, stale or no cached data), outdated (a write since it was kept).',
        labelNames: ['result'] as const,
      },
      () => (['hits', 'misses', 'stored', 'skipped', 'outdated'] as const).map((k) => [{ result: k === 'hits' ? 'hit' : k === 'misses' ? 'miss' : k }, cache.stats[k]]),
    );
  }

  /** Start-up checks run in the background: the server listens at once, `/ready` says "pending" meanwhile. */
  runStartupChecks(): Promise<void> {
    return this.readiness.start();
  }

  yogaPlugins(): Plugin[] {
    return observabilityPlugins(this.metrics, this.tracing, this.config.metricsToken !== undefined || this.config.metricsPort !== undefined);
  }

  /**
   * Every request: a request id (the caller's `x-request-id` when sane), echoed in the response;
   * the request's scope for log lines and counts; the caller's trace context; one access line when
   * the response is finished. Health, readiness and metrics are answered here.
   */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const scope = newRequestScope(requestIdFrom(req.headers['x-request-id'], randomUUID), performance.now());
    res.setHeader('x-request-id', scope.id);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // 'close' rather than 'finish': a client that gives up still gets its access line (aborted: true).
    res.once('close', () => this.accessLine(req, res, path, scope));
    runInRequestScope(scope, () => {
      if (this.answerOperational(req, res, path)) return;
      this.tracing.withIncoming(req.headers, next);
    });
  }

  async close(): Promise<void> {
    this.readiness.close();
    if (this.metricsServer) {
      const server = this.metricsServer;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    await this.tracing.shutdown();
  }

  private accessLine(req: IncomingMessage, res: ServerResponse, path: string, scope: RequestScope): void {
    const quiet = QUIET_PATHS.has(path);
    if (quiet ? !logLevelEnabled('debug') : !logLevelEnabled('info')) return;
    const fields = {
      // Named here, not left to the logger's mixin: whether the 'close' event runs inside the
      // request's async context is up to Node (today it does), and the line must not depend on it.
      requestId: scope.id,
      method: req.method,
      path,
      status: res.statusCode,
      operation: scope.operation,
      caller: scope.caller,
      durationMs: Math.round((performance.now() - scope.startedAt) * 10) / 10,
      upstreamCalls: scope.upstreamCalls,
      upstreamFailures: scope.upstreamFailures || undefined,
      cacheHits: scope.cacheHits,
      cacheMisses: scope.cacheMisses,
      responseCache: scope.responseCache,
      errorCodes: scope.errorCodes.size > 0 ? Object.fromEntries(scope.errorCodes) : undefined,
      aborted: res.writableFinished ? undefined : true,
    };
    if (quiet) log.debug('request', fields);
    else log.info('request', fields);
  }

  /** `/health`, `/ready` and (with the token) `/metrics`; true when answered. */
  private answerOperational(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (path === '/health') {
      sendJson(res, 200, { status: 'ok', mode: this.mode });
      return true;
    }
    if (path === '/ready') {
      const report = this.readiness.report();
      const notReady = report.checks.filter((c) => c.state !== 'ok');
      sendJson(res, report.ready ? 200 : 503, {
        status: report.ready ? 'ready' : 'not-ready',
        ...(notReady.length > 0 ? { notReady: notReady.map((c) => `${c.kind} "${c.id}": ${c.state === 'pending' ? 'not checked yet' : c.reason ?? 'failing'}`) } : {}),
        checks: report.checks,
      });
      return true;
    }
    if (path === '/metrics') {
      if (this.config.metricsToken === undefined) {
        // Not public: either the scrape token or the separate metrics port.
        sendJson(res, 404, { error: 'metrics are not served on this port (set ADGRAPH_METRICS_TOKEN or ADGRAPH_METRICS_PORT)' });
      } else if (!bearerMatches(req.headers.authorization, this.config.metricsToken)) {
        sendJson(res, 401, { error: 'metrics need Authorization: Bearer <ADGRAPH_METRICS_TOKEN>' }, { 'www-authenticate': 'Bearer' });
      } else {
        void this.sendMetrics(res);
      }
      return true;
    }
    return false;
  }

  private async sendMetrics(res: ServerResponse): Promise<void> {
    try {
      const text = await this.metrics.render();
      res.writeHead(200, { 'content-type': this.metrics.contentType, 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    } catch (error) {
      log.error('metrics collection failed', { error: error instanceof Error ? error.stack ?? error.message : String(error) });
      if (!res.headersSent) sendJson(res, 500, { error: 'metrics collection failed' });
    }
  }

  private async listenMetrics(port: number, host: string | undefined): Promise<void> {
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== '/metrics') return sendJson(res, 404, { error: 'only /metrics is served on this port' });
      if (this.config.metricsToken !== undefined && !bearerMatches(req.headers.authorization, this.config.metricsToken)) {
        return sendJson(res, 401, { error: 'metrics need Authorization: Bearer <ADGRAPH_METRICS_TOKEN>' }, { 'www-authenticate': 'Bearer' });
      }
      void this.sendMetrics(res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      if (host) server.listen(port, host, () => resolve());
      else server.listen(port, () => resolve());
    });
    this.metricsServer = server;
    this.metricsPort = (server.address() as AddressInfo).port;
  }

  private registerChecks(providers: Providers): void {
    const redis = providers.redis;
    if (redis) {
      // Without Redis a replica still reads (from its own memory) but spends AdStat's budget alone and
      // refuses keyed creates: not ready. Checked at start and live from the connection's events.
      this.readiness.register({ kind: 'redis', id: redis.url, run: () => redis.check() });
      redis.onStateChange((up) => (up ? this.readiness.recheck('redis', redis.url) : this.readiness.noteFailure('redis', redis.url, 'the connection to Redis was lost')));
    }
    if (!this.config.startupChecks) return;
    for (const client of providers.adstat.values()) {
      // A login (or the token already held): the check that the username and password work.
      this.readiness.register({ kind: 'adstat-login', id: client.id, run: () => client.session.token().then(() => undefined) });
    }
    for (const client of providers.tonai.values()) {
      this.readiness.register({ kind: 'tonai-key', id: client.id, run: () => client.check() });
    }
  }

  /** The counters that already exist in the providers, read at scrape time. */
  private feedFromProviders(providers: Providers): void {
    const m = this.metrics;
    m.mirroredCounter({ name: 'adgraph_upstream_sent_total', help: 'Calls handed to the shared HTTP layer, per provider (HttpLayer.sent).', labelNames: ['provider'] as const }, () =>
      [...providers.http.sent].map(([provider, n]) => [{ provider }, n]),
    );
    m.mirroredCounter(
      { name: 'adgraph_cache_lookups_total', help: 'Shared read cache lookups: hit (a fresh answer), miss (went upstream), coalesced (joined a read in flight).', labelNames: ['result'] as const },
      () => [
        [{ result: 'hit' }, providers.cache.stats.hits],
        [{ result: 'miss' }, providers.cache.stats.misses],
        [{ result: 'coalesced' }, providers.cache.stats.coalesced],
      ],
    );
    m.mirroredCounter({ name: 'adgraph_adstat_logins_total', help: 'AdStat logins (username and password sent), per configured login.', labelNames: ['login'] as const }, () =>
      [...providers.adstat.values()].map((c) => [{ login: c.id }, c.session.stats.logins]),
    );
    m.mirroredCounter({ name: 'adgraph_adstat_token_refreshes_total', help: 'AdStat access-token refreshes, per configured login.', labelNames: ['login'] as const }, () =>
      [...providers.adstat.values()].map((c) => [{ login: c.id }, c.session.stats.refreshes]),
    );
    m.gauge(
      {
        name: 'adgraph_adstat_budget_remaining',
        help: "Requests left in AdStat's per-path rate window, per login and endpoint template (the tightest path of a template).",
        labelNames: ['login', 'endpoint'] as const,
      },
      async (gauge) => {
        gauge.reset();
        for (const client of providers.adstat.values()) {
          for (const [endpoint, left] of await client.budgetRemaining()) gauge.set({ login: client.id, endpoint }, left);
        }
      },
    );
    m.mirroredCounter(
      {
        name: 'adgraph_adstat_planner_total',
        help: 'The AdStat quota planner, per login: slots granted by priority, RATE_LIMITED refusals, stale answers served, refreshes scheduled and dropped, 429s, answers filtered locally.',
        labelNames: ['login', 'event'] as const,
      },
      () =>
        [...providers.adstat.values()].flatMap((c): [{ login: string; event: string }, number][] => {
          const s = c.planner.stats;
          return [
            ...Object.entries(s.granted).map(([priority, n]): [{ login: string; event: string }, number] => [{ login: c.id, event: `granted_${priority}` }, n]),
            [{ login: c.id, event: 'rate_limited' }, s.rateLimited],
            [{ login: c.id, event: 'stale_answer' }, s.staleAnswers],
            [{ login: c.id, event: 'refresh_scheduled' }, s.refreshesScheduled],
            [{ login: c.id, event: 'refresh_dropped' }, s.refreshesDropped],
            [{ login: c.id, event: 'upstream_429' }, s.upstream429],
            [{ login: c.id, event: 'local_filter' }, s.localFilterAnswers],
          ];
        }),
    );
    const redis = providers.redis;
    if (redis) {
      m.mirroredGauge({ name: 'adgraph_redis_connected', help: 'Whether the Redis shared state is connected now (1) or not (0).' }, () => [[{}, redis.usable ? 1 : 0]]);
      m.mirroredCounter(
        {
          name: 'adgraph_redis_events_total',
          help: 'Redis trouble: connection_lost, command_failed, local_fallback (a store operation answered from this replica\'s memory), record_refused (an idempotency record could not be read or written).',
          labelNames: ['event'] as const,
        },
        () => [
          [{ event: 'connection_lost' }, redis.stats.connectionsLost],
          [{ event: 'command_failed' }, redis.stats.commandsFailed],
          [{ event: 'local_fallback' }, redis.stats.localFallbacks],
          [{ event: 'record_refused' }, redis.stats.recordsRefused],
        ],
      );
    }
    m.mirroredCounter({ name: 'adgraph_idempotency_replays_total', help: 'Creates answered from an earlier attempt with the same idempotency key.' }, () => [[{}, providers.idempotency.replays]]);
    m.mirroredGauge({ name: 'adgraph_ready', help: 'Readiness checks: 1 ok, 0 failing or not yet checked, per check kind and id.', labelNames: ['check', 'id'] as const }, () =>
      this.readiness.report().checks.map((c) => [{ check: c.kind, id: c.id }, c.state === 'ok' ? 1 : 0]),
    );
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7).trim() : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
