/**
 * docs/grafana/adgraph.json reads only what adgraph exports: every metric a panel's query names,
 * and every label it selects or groups by, appears in a real /metrics scrape after some traffic.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';
import { scrape, type Scrape } from './helpers/metrics.js';
import { startRedis, type RedisServer } from './helpers/redis.js';

const TOKEN = 'dashboard-test-token-42';
const PROMQL_WORDS = new Set([
  'sum', 'min', 'max', 'avg', 'count', 'topk', 'bottomk', 'by', 'without', 'rate', 'irate', 'increase', 'histogram_quantile',
  'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'offset', 'bool', 'clamp_min', 'clamp_max', 'abs', 'delta', 'deriv',
]);

interface Panel {
  title: string;
  targets: { expr: string }[];
}

/** Metric names and the labels each is selected or grouped by, from one PromQL expression. */
export function metricsOf(expr: string): { names: string[]; labels: string[] } {
  const labels: string[] = [];
  let rest = expr.replace(/\$__\w+/g, '1m').replace(/"(?:[^"\\]|\\.)*"/g, '""');
  rest = rest.replace(/\{([^}]*)\}/g, (_, inner: string) => {
    for (const m of inner.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)) labels.push(m[1]!);
    return ' ';
  });
  rest = rest.replace(/\b(?:by|without)\s*\(([^)]*)\)/g, (_, inner: string) => {
    labels.push(...inner.split(',').map((s) => s.trim()).filter(Boolean));
    return ' ';
  });
  rest = rest.replace(/\[[^\]]*\]/g, ' ');
  const names = [...rest.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)].map((m) => m[0]).filter((w) => !PROMQL_WORDS.has(w));
  return { names, labels: labels.filter((l) => l !== 'le') };
}

function exported(s: Scrape, name: string): boolean {
  return s.has(name);
}

let h: Harness;
let redis: RedisServer;
let metrics: Scrape;
const dashboard = JSON.parse(readFileSync(resolve(import.meta.dirname, '../docs/grafana/adgraph.json'), 'utf8')) as { panels: Panel[] };

beforeAll(async () => {
  // With the Redis state store, so its series (the Redis panel) are exported too.
  redis = await startRedis();
  h = await startHarness({ env: { ADGRAPH_METRICS_TOKEN: TOKEN, ADGRAPH_STARTUP_CHECKS: '1', REDIS_URL: redis.url } });
  await h.app.observability.runStartupChecks();
  // Traffic that makes every series appear: reads (calls, then cache hits), a 429, a refused document, a retried 503.
  const q = '{ accounts { id } advertisements(first: 3, connectionId: "demo") { edges { node { id } } } tonai: campaigns(first: 3, provider: TONAI) { edges { node { id } } } }';
  await h.gql(q);
  await h.gql(q);
  h.sandbox.adstat.server.controls.addFault({ endpoint: 'GET /api/v2/advertisement', status: 429, times: 1 });
  await h.gql('{ advertisements(first: 3, connectionId: "agency2") { edges { node { id } } } }');
  await h.gql('{ noSuchField }');
  h.clearCache();
  h.sandbox.adstat.server.controls.addFault({ endpoint: 'GET /api/v2/advertisement', status: 503, times: 1 });
  await h.gql('{ advertisements(first: 3, connectionId: "demo") { edges { node { id } } } }');
  metrics = await scrape(`http://127.0.0.1:${h.app.server.port}/metrics`, TOKEN);
});
afterAll(async () => {
  await h?.close();
  await redis?.stop();
});

describe('Grafana dashboard', () => {
  it('has panels for upstream calls and errors per provider, AdStat budget, cache hit ratio and operation latency', () => {
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    for (const needed of ['adgraph_upstream_requests_total', 'adgraph_adstat_budget_remaining', 'adgraph_cache_lookups_total', 'graphql_envelop_request_duration_bucket']) {
      expect(exprs).toContain(needed);
    }
  });

  it('every panel query names metrics and labels that /metrics really exports', () => {
    const problems: string[] = [];
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const { expr } of panel.targets) {
        const { names, labels } = metricsOf(expr);
        expect(names.length, `${panel.title}: ${expr}`).toBeGreaterThan(0);
        for (const name of names) {
          if (!exported(metrics, name)) {
            problems.push(`${panel.title}: ${name} is not exported`);
            continue;
          }
          const present = new Set(metrics.samples.filter((s) => s.name === name).flatMap((s) => Object.keys(s.labels)));
          for (const label of labels) if (names.length === 1 && !present.has(label)) problems.push(`${panel.title}: ${name} has no label ${label}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the checker catches a metric that does not exist', () => {
    expect(metricsOf('sum by (provider) (rate(adgraph_no_such_total{outcome!="ok"}[$__rate_interval]))')).toEqual({ names: ['adgraph_no_such_total'], labels: ['outcome', 'provider'] });
    expect(exported(metrics, 'adgraph_no_such_total')).toBe(false);
  });
});
