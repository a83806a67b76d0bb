/**
 * Traces over OTLP/HTTP to an in-process receiver (a small HTTP server in this test, loopback
 * only): the spans of one query arrive, continuing the caller's `traceparent`, with the upstream
 * call as a child of the operation and the HTTP exchange under it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

const received: OtlpSpan[] = [];
let receiver: Server;
let h: Harness;

function attr(span: OtlpSpan, key: string): unknown {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
}

/** The response cache, once `query` is answered from it (it is kept after an answer or two). */
async function cachedWhole(query: string) {
  const cache = h.app.server.responseCache!;
  const hitsBefore = cache.stats.hits;
  for (let i = 0; i < 3 && cache.stats.hits === hitsBefore; i++) await h.gql(query);
  expect(cache.stats.hits, `${query} was never answered from the response cache`).toBeGreaterThan(hitsBefore);
  return cache;
}

/** `adgraph_graphql_operations_total` for one operation answered ok, from the registry as a scrape reads it. */
async function operationsCounted(operation: string): Promise<number> {
  const text = await h.app.observability.metrics.render();
  const line = text.split('\n').find((l) => l.startsWith(`adgraph_graphql_operations_total{operation="${operation}",type="query",outcome="ok"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces' && (req.headers['content-type'] ?? '').includes('json')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) received.push(...ss.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  // JSON, so the receiver reads the spans as they are (tracing-protobuf.test.ts covers the default, protobuf).
  h = await startHarness({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' } });
});
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => {
    receiver.close(() => resolve());
    receiver.closeAllConnections();
  });
});

describe('tracing', () => {
  it('the spans of one query arrive under the caller\'s trace, with the upstream call as a child of the operation', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentId = '00f067aa0ba902b7';
    const res = await request(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${parentId}-01` },
      body: JSON.stringify({ query: 'query TracedAds { advertisements(first: 3, connectionId: "demo") { edges { node { id } } } }' }),
    });
    const body = (await res.body.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    await h.app.observability.tracing.flush();

    const spans = received.filter((s) => s.traceId === traceId);
    const operation = spans.find((s) => s.name === 'query.TracedAds');
    expect(operation, `spans: ${spans.map((s) => s.name).join(', ')}`).toBeDefined();
    expect(operation!.parentSpanId).toBe(parentId);
    expect(attr(operation!, 'graphql.execute.operationName')).toBe('TracedAds');

    const upstream = spans.find((s) => s.name === 'AdStat GET /api/v2/advertisement/');
    expect(upstream).toBeDefined();
    expect(upstream!.parentSpanId).toBe(operation!.spanId);
    expect(attr(upstream!, 'adgraph.provider')).toBe('AdStat');
    expect(attr(upstream!, 'adgraph.endpoint')).toBe('GET /api/v2/advertisement/');
    expect(attr(upstream!, 'adgraph.account')).toBe('demo');
    expect(attr(upstream!, 'adgraph.outcome')).toBe('ok');
    expect(Number(attr(upstream!, 'http.response.status_code'))).toBe(200);
    expect(attr(upstream!, 'adgraph.retry')).toBe(false);

    // The undici instrumentation's HTTP span sits under our upstream span.
    const http = spans.find((s) => s.parentSpanId === upstream!.spanId);
    expect(http).toBeDefined();
    // No span carries a credential.
    expect(JSON.stringify(received)).not.toMatch(/Bearer |sbx-tonai-key-|password/i);
  });

  it('a repeated query records its cache hits (and no upstream call) on the operation span', async () => {
    const query = 'query CachedAds { advertisements(first: 3, connectionId: "demo") { edges { node { id } } } }';
    await h.gql(query);
    received.length = 0;
    await h.gql(query);
    await h.app.observability.tracing.flush();
    const operation = received.find((s) => s.name === 'query.CachedAds');
    expect(operation).toBeDefined();
    expect(Number(attr(operation!, 'adgraph.cache.hits'))).toBeGreaterThan(0);
    expect(Number(attr(operation!, 'adgraph.upstream.calls'))).toBe(0);
    expect(received.some((s) => s.name.startsWith('AdStat '))).toBe(false);
  });
});

describe('tracing response-cache hits', () => {
  it('a response-cache hit is one server span in the caller\'s trace, marked as a hit, with no upstream span', async () => {
    const query = 'query RepeatedAds { advertisements(first: 2, connectionId: "demo") { edges { node { id title } } } }';
    const cache = await cachedWhole(query);
    const traceId = '5bf92f3577b34da6a3ce929d0e0e4737';
    const parentId = '10f067aa0ba902b8';
    const before = cache.stats.hits;
    const res = await request(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${parentId}-01` },
      body: JSON.stringify({ query }),
    });
    expect(((await res.body.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(cache.stats.hits).toBe(before + 1);
    await h.app.observability.tracing.flush();
    const spans = received.filter((s) => s.traceId === traceId);
    expect(spans.map((s) => s.name)).toEqual(['query.RepeatedAds']);
    expect(spans[0]!.parentSpanId).toBe(parentId);
    expect(attr(spans[0]!, 'adgraph.response_cache')).toBe('hit');
    expect(attr(spans[0]!, 'graphql.execute.operationName')).toBe('RepeatedAds');
  });

  it('a hit outside a recorded trace (no traceparent, or one not sampled) records no span; it is still counted', async () => {
    const query = 'query UntracedAds { advertisements(first: 2, connectionId: "demo") { edges { node { id status } } } }';
    const cache = await cachedWhole(query);
    const unsampledTrace = '6bf92f3577b34da6a3ce929d0e0e4738';
    const countedBefore = await operationsCounted('UntracedAds');
    await h.app.observability.tracing.flush();
    received.length = 0;
    const before = cache.stats.hits;
    await h.gql(query);
    const res = await request(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${unsampledTrace}-20f067aa0ba902b9-00` },
      body: JSON.stringify({ query }),
    });
    expect(((await res.body.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(cache.stats.hits).toBe(before + 2);
    // The same hit in a recorded trace arrives, so the receiver was listening.
    const traceId = '7bf92f3577b34da6a3ce929d0e0e4739';
    const traced = await request(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-30f067aa0ba902ba-01` },
      body: JSON.stringify({ query }),
    });
    expect(((await traced.body.json()) as { errors?: unknown }).errors).toBeUndefined();
    await h.app.observability.tracing.flush();
    expect(received.filter((s) => s.name === 'query.UntracedAds').map((s) => s.traceId)).toEqual([traceId]);
    expect(cache.stats.hits).toBe(before + 3);
    expect((await operationsCounted('UntracedAds')) - countedBefore).toBe(3);
  });
});
