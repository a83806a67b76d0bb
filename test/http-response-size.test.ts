/**
 * The HTTP layer's bound on answer size, over real HTTP against a loopback server: a body with a
 * declared length and a chunked one (two chunks) are both read whole up to the limit and refused
 * past it as PROVIDER_CONTRACT, and the text is what the bytes say (a byte-order mark is kept, and
 * is not JSON).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../src/providers/errors.js';
import { HttpLayer } from '../src/providers/http.js';

const LIMIT = 64;
let server: Server;
let base: string;
let http: HttpLayer;

/** `/fixed/<n>` and `/chunked/<n>`: a JSON string body of n bytes, with or without content-length. */
function body(bytes: number): string {
  return JSON.stringify('x'.repeat(bytes - 2));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const [, kind, size] = (req.url ?? '').split('/');
    const text = kind === 'bom' ? '\uFEFF{"a":1}' : body(Number(size));
    res.setHeader('content-type', 'application/json');
    if (kind === 'chunked') {
      res.write(text.slice(0, 10));
      res.end(text.slice(10));
    } else {
      res.setHeader('content-length', Buffer.byteLength(text));
      res.end(text);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  http = new HttpLayer({ connectTimeoutMs: 5_000, headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000, maxResponseBytes: LIMIT });
});
afterAll(async () => {
  await http.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const get = (path: string) => http.send({ provider: 'AdStat', endpoint: `GET ${path}`, method: 'GET', url: base + path });

describe.each(['fixed', 'chunked'])('a %s-length answer', (kind) => {
  it('within the limit is read', async () => {
    for (const size of [2, LIMIT - 1, LIMIT]) {
      const response = await get(`/${kind}/${size}`);
      expect(response.json).toBe('x'.repeat(size - 2));
    }
  });

  it('past the limit is refused as a contract error', async () => {
    const error = await get(`/${kind}/${LIMIT + 1}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe('PROVIDER_CONTRACT');
    expect((error as ProviderError).message).toBe(`AdStat GET /${kind}/${LIMIT + 1} answered more than ${LIMIT} bytes`);
  });
});

it('keeps a byte-order mark, which is not JSON', async () => {
  const error = await get('/bom/0').catch((e: unknown) => e);
  expect((error as ProviderError).code).toBe('PROVIDER_CONTRACT');
  expect((error as ProviderError).message).toBe('AdStat GET /bom/0 answered HTTP 200 with a body that is not JSON');
});
