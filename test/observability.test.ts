/**
 * What an on-call engineer sees, over real HTTP: metrics of upstream calls and cache hits after a
 * dashboard query, a provider fault in the outcome label and as one WARN line with the request id,
 * request ids echoed and in the access line, `/metrics` not public, readiness naming a wrong login.
 */
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { captureLogs } from '../src/log.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { startHarness, type Harness } from './helpers/harness.js';
import { scrape } from './helpers/metrics.js';

const TOKEN = 'scrape-token-0123456789';
const DASHBOARD = `query Dashboard {
  accounts { id name }
  advertisements(first: 5, connectionId: "demo") { edges { node { id title status } } }
  campaigns(first: 5) { edges { node { id name } } }
  tonai: campaigns(first: 5, provider: TONAI) { edges { node { id name } } }
}`;

const lines: string[] = [];
let restore: () => void;
let h: Harness;
let metricsUrl: string;

type Line = Record<string, unknown> & { level: string; msg: string };
const parsed = (): Line[] => lines.map((l) => JSON.parse(l) as Line);

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await request(h.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

beforeAll(async () => {
  restore = captureLogs(lines);
  h = await startHarness({ env: { LOG_LEVEL: 'info', ADGRAPH_METRICS_TOKEN: TOKEN } });
  metricsUrl = `http://127.0.0.1:${h.app.server.port}/metrics`;
});
afterAll(async () => {
  await h.close();
  restore();
});
beforeEach(() => {
  h.clearCache();
  h.resetCounts();
  h.sandbox.adstat.server.controls.clearFaults();
  lines.length = 0;
});

describe('metrics', () => {
  it('after a dashboard query, /metrics shows its upstream calls by provider and endpoint, and the cache hits of the same query repeated', async () => {
    const before = await scrape(metricsUrl, TOKEN);
    const first = await h.gql(DASHBOARD);
    expect(first.errors).toBeUndefined();
    const ads = h.adstatCount('GET /api/v2/advertisement');
    const tonaiLists = h.tonaiCount('GET /api/v2/openapi/ad/campaign/list');
    expect(ads).toBeGreaterThan(0);
    expect(tonaiLists).toBeGreaterThan(0);

    const after = await scrape(metricsUrl, TOKEN);
    const delta = (name: string, labels: Record<string, string>) => after.sum(name, labels) - before.sum(name, labels);
    expect(delta('adgraph_upstream_requests_total', { provider: 'AdStat', endpoint: 'GET /api/v2/advertisement/', status: '200', outcome: 'ok' })).toBe(ads);
    expect(delta('adgraph_upstream_requests_total', { provider: 'TON.ai', endpoint: 'GET /api/v2/openapi/ad/campaign/list', outcome: 'ok' })).toBe(tonaiLists);
    expect(delta('adgraph_upstream_requests_total', { provider: 'AdStat' })).toBe(h.adstatCount());
    expect(delta('adgraph_upstream_requests_total', { provider: 'TON.ai' })).toBe(h.tonaiCount());
    expect(delta('adgraph_upstream_sent_total', {})).toBe(h.adstatCount() + h.tonaiCount());
    expect(delta('adgraph_upstream_request_duration_seconds_count', { provider: 'AdStat', endpoint: 'GET /api/v2/advertisement/' })).toBe(ads);
    // Endpoint labels are templates: no raw id ever becomes a label.
    expect(after.samples.filter((s) => s.name === 'adgraph_upstream_requests_total').every((s) => !/\d{4,}/.test(s.labels.endpoint!))).toBe(true);
    expect(delta('adgraph_graphql_operations_total', { operation: 'Dashboard', outcome: 'ok' })).toBe(1);
    expect(after.sum('graphql_envelop_request', { operationName: 'Dashboard' })).toBeGreaterThanOrEqual(1);
    expect(after.sum('adgraph_adstat_logins_total', { login: 'demo' })).toBeGreaterThanOrEqual(1);
    expect(after.has('adgraph_adstat_budget_remaining')).toBe(true);
    expect(after.sum('adgraph_adstat_budget_remaining', { login: 'demo', endpoint: 'GET /api/v2/advertisement/' })).toBeLessThan(10);

    h.resetCounts();
    // The same reads in another document: answered by the shared read cache (the identical
    // document is answered whole by the response cache, below, and looks nothing up).
    const again = await h.gql(`${DASHBOARD}\n`);
    expect(again.data).toEqual(first.data);
    expect(h.adstatCount() + h.tonaiCount()).toBe(0);
    const third = await scrape(metricsUrl, TOKEN);
    expect(third.sum('adgraph_cache_lookups_total', { result: 'hit' }) - after.sum('adgraph_cache_lookups_total', { result: 'hit' })).toBeGreaterThanOrEqual(2);
    expect(third.sum('adgraph_upstream_requests_total')).toBe(after.sum('adgraph_upstream_requests_total'));
    const repeated = await h.gql(DASHBOARD);
    expect(repeated.data).toEqual(first.data);
    const fourth = await scrape(metricsUrl, TOKEN);
    expect(fourth.sum('adgraph_response_cache_total', { result: 'hit' }) - third.sum('adgraph_response_cache_total', { result: 'hit' })).toBe(1);
    // A hit is an operation answered too, though Yoga never runs for it.
    expect(fourth.sum('adgraph_graphql_operations_total', { operation: 'Dashboard', outcome: 'ok' }) - third.sum('adgraph_graphql_operations_total', { operation: 'Dashboard', outcome: 'ok' })).toBe(1);
    expect(fourth.sum('adgraph_upstream_requests_total')).toBe(after.sum('adgraph_upstream_requests_total'));
  });

  it('a provider fault shows in the outcome label and as one WARN line with the request id', async () => {
    h.sandbox.adstat.server.controls.addFault({ endpoint: 'GET /api/v2/advertisement', status: 500, body: { detail: 'boom' }, times: 1 });
    const before = await scrape(metricsUrl, TOKEN);
    const res = await post({ query: `query Ads { advertisements(first: 5, connectionId: "demo") { edges { node { id } } } }` }, { 'x-request-id': 'fault-probe-1' });
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['PROVIDER_UNAVAILABLE']);
    const after = await scrape(metricsUrl, TOKEN);
    expect(
      after.sum('adgraph_upstream_requests_total', { provider: 'AdStat', endpoint: 'GET /api/v2/advertisement/', status: '500', outcome: 'unavailable' }) -
        before.sum('adgraph_upstream_requests_total', { provider: 'AdStat', endpoint: 'GET /api/v2/advertisement/', status: '500', outcome: 'unavailable' }),
    ).toBe(1);
    expect(after.sum('adgraph_graphql_errors_total', { code: 'PROVIDER_UNAVAILABLE' }) - before.sum('adgraph_graphql_errors_total', { code: 'PROVIDER_UNAVAILABLE' })).toBe(1);

    const warns = parsed().filter((l) => l.level === 'warn');
    expect(warns).toHaveLength(1);
    expect(warns[0]).toMatchObject({ requestId: 'fault-probe-1', provider: 'AdStat', endpoint: 'GET /api/v2/advertisement/', account: 'demo', status: 500, outcome: 'unavailable' });
    expect(parsed().some((l) => l.level === 'error')).toBe(false);
  });

  it('is not public: /metrics needs the scrape token', async () => {
    const none = await request(metricsUrl);
    expect(none.statusCode).toBe(401);
    await none.body.dump();
    const wrong = await request(metricsUrl, { headers: { authorization: `Bearer ${TOKEN.replace(/.$/, 'x')}` } });
    expect(wrong.statusCode).toBe(401);
    expect(await wrong.body.text()).not.toContain('adgraph_');
  });
});

describe('request ids and access lines', () => {
  it('an x-request-id sent comes back and is in the one access line of the request', async () => {
    const res = await post({ query: DASHBOARD }, { 'x-request-id': 'gateway-req-42' });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('gateway-req-42');
    const access = parsed().filter((l) => l.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: 'info', requestId: 'gateway-req-42', method: 'POST', path: '/graphql', status: 200, operation: 'Dashboard', cacheHits: expect.any(Number) });
    expect(access[0]!.upstreamCalls).toBe(h.adstatCount() + h.tonaiCount());
    expect(typeof access[0]!.durationMs).toBe('number');
  });

  it('makes a request id when none (or a malformed one) is sent, and lists the error codes of the answer', async () => {
    const res = await post({ query: '{ advertisements(first: -1) { edges { cursor } } }' }, { 'x-request-id': 'bad id with spaces' });
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const access = parsed().find((l) => l.msg === 'request')!;
    expect(access.requestId).toBe(id);
    const codes = Object.keys(access.errorCodes as Record<string, number>);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
  });
});

describe('@defer', () => {
  it('a deferred query is one access line and one counted operation, with the errors of its deferred parts', async () => {
    const list = await h.gql<{ advertisements: { nodes: { providerId: string }[] } }>('{ advertisements(first: 3, connectionId: "demo") { nodes { providerId } } }');
    const broken = list.data!.advertisements.nodes[1]!.providerId;
    h.clearCache();
    h.resetCounts();
    lines.length = 0;
    h.sandbox.adstat.server.controls.addFault({ endpoint: 'GET /api/advertisement/telegram/:ad_id', path: `/api/advertisement/telegram/${broken}`, status: 500, body: { detail: 'boom' } });
    const before = await scrape(metricsUrl, TOKEN);
    const res = await request(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed', 'x-request-id': 'deferred-1' },
      body: JSON.stringify({ query: 'query Deferred { advertisements(first: 3, connectionId: "demo") { nodes { id ... @defer { telegramId } } } }' }),
    });
    const text = await res.body.text();
    expect(res.headers['content-type']).toMatch(/^multipart\/mixed/);
    expect(text).toContain('PROVIDER_UNAVAILABLE');
    const after = await scrape(metricsUrl, TOKEN);
    const delta = (name: string, labels: Record<string, string>) => after.sum(name, labels) - before.sum(name, labels);
    expect(delta('adgraph_graphql_operations_total', { operation: 'Deferred', outcome: 'partial' })).toBe(1);
    expect(delta('adgraph_graphql_operations_total', { operation: 'Deferred' })).toBe(1);
    expect(delta('adgraph_graphql_errors_total', { code: 'PROVIDER_UNAVAILABLE' })).toBe(1);
    const access = parsed().filter((l) => l.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ requestId: 'deferred-1', operation: 'Deferred', status: 200, errorCodes: { PROVIDER_UNAVAILABLE: 1 } });
    expect(access[0]!.upstreamCalls).toBe(h.adstatCount() + h.tonaiCount());
  });
});

describe('metrics on a separate port', () => {
  it('serves /metrics there (not on the main port) when ADGRAPH_METRICS_PORT is set', async () => {
    const other = await startHarness({ env: { ADGRAPH_METRICS_PORT: '0' } });
    try {
      const port = other.app.observability.metricsPort!;
      expect(port).toBeGreaterThan(0);
      expect(port).not.toBe(other.app.server.port);
      const main = await request(`http://127.0.0.1:${other.app.server.port}/metrics`);
      expect(main.statusCode).toBe(404);
      await main.body.dump();
      const s = await scrape(`http://127.0.0.1:${port}/metrics`);
      expect(s.has('process_cpu_user_seconds_total')).toBe(true);
      expect(s.has('adgraph_cache_lookups_total')).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('readiness', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  async function start(password: string, recheckMs = 60_000): Promise<Adgraph> {
    const good = sandbox.logins[0]!;
    return startAdgraph(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ADGRAPH_READINESS_RECHECK_MS: String(recheckMs),
        // Production mode with no API callers (this file tests readiness, not authentication).
        ADGRAPH_AUTH: 'none',
        ADSTAT_BASE_URL: sandbox.adstatUrl,
        ADSTAT_USERNAME: good.username,
        ADSTAT_PASSWORD: password,
        TONAI_BASE_URL: sandbox.tonaiUrl,
        TONAI_API_KEY: sandbox.keys[0]!.apiKey,
      }),
    );
  }

  async function ready(app: Adgraph): Promise<{ status: number; body: { status: string; notReady?: string[]; checks: { kind: string; id: string; state: string }[] } }> {
    for (;;) {
      const res = await request(`http://127.0.0.1:${app.server.port}/ready`);
      const body = (await res.body.json()) as { status: string; notReady?: string[]; checks: { kind: string; id: string; state: string }[] };
      if (body.checks.every((c) => c.state !== 'pending')) return { status: res.statusCode, body };
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('turns not-ready with a wrong password, names the login (not the password), and says so at start as a WARN line', async () => {
    const wrong = 'wrong-password-never-logged';
    const app = await start(wrong);
    try {
      const { status, body } = await ready(app);
      expect(status).toBe(503);
      expect(body.status).toBe('not-ready');
      expect(body.checks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'adstat-login', id: 'default', state: 'failing' }),
          expect.objectContaining({ kind: 'tonai-key', id: 'default', state: 'ok' }),
        ]),
      );
      expect(body.notReady).toHaveLength(1);
      expect(body.notReady![0]).toContain('adstat-login "default"');
      expect(JSON.stringify(body)).not.toContain(wrong);
      const warn = parsed().find((l) => l.level === 'warn' && l.msg === 'not ready');
      expect(warn).toMatchObject({ check: 'adstat-login', id: 'default', code: 'PROVIDER_AUTH' });
      expect(lines.join('\n')).not.toContain(wrong);
      // Probes read the last result: no login per probe.
      const logins = sandbox.adstat.server.controls.count('POST /api/v2/login');
      await ready(app);
      await ready(app);
      expect(sandbox.adstat.server.controls.count('POST /api/v2/login')).toBe(logins);
      const live = await request(`http://127.0.0.1:${app.server.port}/health`);
      expect(live.statusCode).toBe(200);
      await live.body.dump();
    } finally {
      await app.close();
    }
  });

  it('re-checks a failed check (not every probe) and turns ready when the provider recovers', async () => {
    sandbox.adstat.server.controls.addFault({ endpoint: 'POST /api/v2/login', status: 503, body: { detail: 'maintenance' }, times: 1 });
    const app = await start(sandbox.logins[0]!.password, 150);
    try {
      const first = await ready(app);
      expect(first.status).toBe(503);
      expect(first.body.notReady![0]).toContain('adstat-login "default"');
      let now = first;
      while (now.status !== 200) {
        await new Promise((r) => setTimeout(r, 50));
        now = await ready(app);
      }
      expect(now.body.status).toBe('ready');
      expect(parsed().some((l) => l.msg === 'ready again' && l.id === 'default')).toBe(true);
    } finally {
      sandbox.adstat.server.controls.clearFaults();
      await app.close();
    }
  });

  it('a key refused on a live call turns not-ready at once, and ready again after its re-check', async () => {
    // Long enough that the probe right after the refused call comes before the re-check, even on a busy machine.
    const app = await start(sandbox.logins[0]!.password, 1500);
    try {
      expect((await ready(app)).status).toBe(200);
      sandbox.tonai.server.controls.addFault({ endpoint: 'GET /api/v2/openapi/ad/campaign/list', status: 401, body: { code: 401, message: 'invalid api key' }, times: 1 });
      const res = await request(`http://127.0.0.1:${app.server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ campaigns(first: 1, provider: TONAI) { edges { cursor } } }' }),
      });
      const body = (await res.body.json()) as { errors?: { extensions: { code: string } }[] };
      expect(body.errors?.[0]?.extensions.code).toBe('PROVIDER_AUTH');
      const after = await ready(app);
      expect(after.status).toBe(503);
      expect(after.body.notReady).toEqual([expect.stringContaining('tonai-key "default"')]);
      let now = after;
      while (now.status !== 200) {
        await new Promise((r) => setTimeout(r, 50));
        now = await ready(app);
      }
      expect(now.body.status).toBe('ready');
    } finally {
      sandbox.tonai.server.controls.clearFaults();
      await app.close();
    }
  });

  it('is ready when every login and key works', async () => {
    const app = await start(sandbox.logins[0]!.password);
    try {
      const { status, body } = await ready(app);
      expect(status).toBe(200);
      expect(body.status).toBe('ready');
      expect(body.checks.map((c) => `${c.kind}:${c.id}:${c.state}`).sort()).toEqual(['adstat-login:default:ok', 'tonai-key:default:ok']);
    } finally {
      await app.close();
    }
  });
});

describe('observability configuration', () => {
  function problems(env: Record<string, string>): string[] {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as { problems?: string[] }).problems ?? [String(error)];
    }
  }

  it('validates its variables in the same one-line-per-problem style', () => {
    expect(
      problems({ ADGRAPH_METRICS_TOKEN: 'short', ADGRAPH_METRICS_PORT: '70000', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318', ADGRAPH_STARTUP_CHECKS: 'maybe' }),
    ).toEqual([
      'ADGRAPH_METRICS_TOKEN: must be at least 16 characters',
      'ADGRAPH_METRICS_PORT: must be a whole number from 0 to 65535 (got 70000)',
      'OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL (got "collector:4318")',
      'ADGRAPH_STARTUP_CHECKS: must be 1 or 0 (got "maybe")',
    ]);
    const config = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/', ADGRAPH_METRICS_PORT: '9464' });
    expect(config.observability).toMatchObject({ otlpEndpoint: 'http://collector:4318', metricsPort: 9464, metricsToken: undefined, serviceName: 'adgraph', startupChecks: true });
    expect(loadConfig({}).observability).toMatchObject({ otlpEndpoint: undefined, metricsPort: undefined, metricsToken: undefined });
  });

  it('reads the OTLP encoding from the standard variables, the traces one first, and refuses gRPC by name', () => {
    expect(loadConfig({}).observability.otlpProtocol).toBe('http/protobuf');
    expect(loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' }).observability.otlpProtocol).toBe('http/protobuf');
    expect(loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' }).observability.otlpProtocol).toBe('http/json');
    expect(problems({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toEqual(['OTEL_EXPORTER_OTLP_PROTOCOL: must be http/json or http/protobuf (got "grpc"); adgraph exports over OTLP/HTTP only']);
    expect(problems({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'thrift' })).toEqual(['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: must be http/json or http/protobuf (got "thrift")']);
  });

  it('reads the trace sampler from the standard variables and refuses what the SDK would silently replace', () => {
    const traced = (vars: Record<string, string>) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', ...vars });
    expect(loadConfig(traced({})).observability.tracesSampler).toBeUndefined();
    expect(loadConfig(traced({ OTEL_TRACES_SAMPLER: 'always_on' })).observability.tracesSampler).toEqual({ name: 'always_on', ratio: 1 });
    expect(loadConfig(traced({ OTEL_TRACES_SAMPLER: 'ParentBased_TraceIdRatio', OTEL_TRACES_SAMPLER_ARG: '0.25' })).observability.tracesSampler).toEqual({ name: 'parentbased_traceidratio', ratio: 0.25 });
    // The spec's default ratio is 1.
    expect(loadConfig(traced({ OTEL_TRACES_SAMPLER: 'traceidratio' })).observability.tracesSampler).toEqual({ name: 'traceidratio', ratio: 1 });
    expect(problems(traced({ OTEL_TRACES_SAMPLER: 'sometimes' }))).toEqual([
      'OTEL_TRACES_SAMPLER: must be one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio (got "sometimes")',
    ]);
    expect(problems(traced({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '10%' }))).toEqual(['OTEL_TRACES_SAMPLER_ARG: must be a fraction from 0 to 1 for traceidratio (got "10%")']);
    expect(problems(traced({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' }))).toEqual(['OTEL_TRACES_SAMPLER_ARG: must be a fraction from 0 to 1 for parentbased_traceidratio (got "1.5")']);
    // Without tracing, a value meant for other services' SDKs does not stop adgraph.
    expect(problems({ OTEL_TRACES_SAMPLER: 'parentbased_jaeger_remote' })).toEqual([]);
    expect(loadConfig({ OTEL_TRACES_SAMPLER: 'always_on' }).observability.tracesSampler).toBeUndefined();
  });
});
