/**
 * JSON request bodies are limited to 4 MiB (src/security/body-limit.ts), whether the client
 * declares the length or streams the body chunked: a larger one is refused with 413
 * REQUEST_ENTITY_TOO_LARGE before anything runs, and the server answers the next request.
 */
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../src/security/body-limit.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  // Logged in once, so a run below is one KKTU call.
  await h.gql('{ kktuTree { code } }');
});
afterAll(async () => {
  await h?.close();
});

/** A valid request whose body is `bytes` long: the query and an unused extension padded to size. */
function bodyOf(bytes: number): Buffer {
  const head = '{"query":"{ kktuTree { code } }","extensions":{"pad":"';
  const tail = '"}}';
  return Buffer.from(head + 'x'.repeat(bytes - head.length - tail.length) + tail);
}

/** The body in 64 KiB chunks from a stream: undici sends it with `transfer-encoding: chunked`. */
function chunked(body: Buffer): Readable {
  return Readable.from((function* () {
    for (let i = 0; i < body.length; i += 65536) yield body.subarray(i, i + 65536);
  })());
}

async function post(body: Buffer | Readable): Promise<{ status: number; json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const res = await request(h.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body,
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: JSON.parse(text) };
}

describe.each(['declared', 'chunked'] as const)('a JSON body of %s length', (kind) => {
  const send = (body: Buffer) => post(kind === 'chunked' ? chunked(body) : body);

  it('at the limit runs', async () => {
    h.resetCounts();
    h.clearCache();
    const res = await send(bodyOf(MAX_JSON_BODY_BYTES));
    expect(res.json.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(Array.isArray((res.json.data as { kktuTree?: unknown }).kktuTree)).toBe(true);
    expect(h.adstatCount()).toBe(1);
  });

  it('one byte over the limit is refused with 413 and nothing runs', async () => {
    h.resetCounts();
    h.clearCache();
    const res = await send(bodyOf(MAX_JSON_BODY_BYTES + 1));
    expect(res.status).toBe(413);
    expect(res.json.data ?? null).toBeNull();
    expect(res.json.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(res.json.errors?.[0]?.message).toMatch(/too large/i);
    expect(h.adstatCount() + h.tonaiCount()).toBe(0);
    const next = await h.gql('{ environment { mode } }');
    expect(next.data).toEqual({ environment: { mode: 'SANDBOX' } });
  });
});
