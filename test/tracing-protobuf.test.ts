/**
 * Traces over OTLP/HTTP in protobuf (the default; `OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf`) to an in-process
 * receiver: the same spans as test/tracing.test.ts's JSON, decoded here from the wire. Its own file:
 * the tracing SDK is one per process, with one exporter. Here the operator also chose the SDK's own
 * sampler (`OTEL_TRACES_SAMPLER=always_on`), which replaces adgraph's default: a response-cache hit
 * outside any caller trace is then recorded too (tracing.test.ts has the default, which does not).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

interface WireSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
}

/**
 * The length-delimited fields of one protobuf message, by field number (varints skipped). Enough
 * of the format to walk ExportTraceServiceRequest → ResourceSpans (1) → ScopeSpans (2) → Span (2):
 * trace_id 1, span_id 2, parent_span_id 4, name 5 (opentelemetry/proto/trace/v1/trace.proto).
 */
function fields(buf: Buffer): Map<number, Buffer[]> {
  const out = new Map<number, Buffer[]>();
  let i = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = buf[i++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  while (i < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const type = key % 8;
    if (type === 0) varint();
    else if (type === 1) i += 8;
    else if (type === 5) i += 4;
    else if (type === 2) {
      const length = varint();
      const list = out.get(field) ?? [];
      list.push(buf.subarray(i, i + length));
      out.set(field, list);
      i += length;
    } else throw new Error(`unexpected wire type ${type} at ${i}`);
  }
  return out;
}

function spansOf(body: Buffer): WireSpan[] {
  const spans: WireSpan[] = [];
  for (const resourceSpans of fields(body).get(1) ?? []) {
    for (const scopeSpans of fields(resourceSpans).get(2) ?? []) {
      for (const span of fields(scopeSpans).get(2) ?? []) {
        const f = fields(span);
        const hex = (n: number) => f.get(n)?.[0]?.toString('hex') ?? '';
        spans.push({ traceId: hex(1), spanId: hex(2), parentSpanId: hex(4), name: f.get(5)?.[0]?.toString('utf8') ?? '' });
      }
    }
  }
  return spans;
}

const received: WireSpan[] = [];
const contentTypes = new Set<string>();
let receiver: Server;
let h: Harness;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      contentTypes.add(req.headers['content-type'] ?? '');
      if (req.url === '/v1/traces' && req.headers['content-type'] === 'application/x-protobuf') received.push(...spansOf(Buffer.concat(chunks)));
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  // No protocol set: protobuf is the default.
  h = await startHarness({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_TRACES_SAMPLER: 'always_on' } });
});
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => {
    receiver.close(() => resolve());
    receiver.closeAllConnections();
  });
});

describe('tracing in protobuf', () => {
  it('sends the operation and its upstream call as protobuf, under the caller\'s trace', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const parentId = 'b7ad6b7169203331';
    const res = await request(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${parentId}-01` },
      body: JSON.stringify({ query: 'query ProtoAds { advertisements(first: 2, connectionId: "demo") { edges { node { id } } } }' }),
    });
    expect(((await res.body.json()) as { errors?: unknown }).errors).toBeUndefined();
    await h.app.observability.tracing.flush();

    expect([...contentTypes]).toEqual(['application/x-protobuf']);
    const spans = received.filter((s) => s.traceId === traceId);
    const operation = spans.find((s) => s.name === 'query.ProtoAds');
    expect(operation, `spans: ${spans.map((s) => s.name).join(', ')}`).toBeDefined();
    expect(operation!.parentSpanId).toBe(parentId);
    const upstream = spans.find((s) => s.name === 'AdStat GET /api/v2/advertisement/');
    expect(upstream).toBeDefined();
    expect(upstream!.parentSpanId).toBe(operation!.spanId);
  });

  it('with the operator\'s OTEL_TRACES_SAMPLER=always_on, a response-cache hit with no caller trace is recorded, as a root', async () => {
    const query = 'query ProtoHits { advertisements(first: 2, connectionId: "demo") { edges { node { id title } } } }';
    const cache = h.app.server.responseCache!;
    const hitsBefore = cache.stats.hits;
    for (let i = 0; i < 3 && cache.stats.hits === hitsBefore; i++) await h.gql(query);
    await h.app.observability.tracing.flush();
    received.length = 0;
    const before = cache.stats.hits;
    await h.gql(query);
    expect(cache.stats.hits).toBe(before + 1);
    await h.app.observability.tracing.flush();
    const hits = received.filter((s) => s.name === 'query.ProtoHits');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.parentSpanId).toBe('');
  });
});
