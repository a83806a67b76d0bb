/**
 * The GraphiQL page over real HTTP as a browser fetches it: compressed under 3 MB on the first
 * load, nothing on the next (304 for the ETag), and the same page as uncompressed.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../src/graphiql-page.js';
import { startHarness, type Harness } from './helpers/harness.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
let h: Harness;

async function load(headers: Record<string, string>) {
  const res = await request(h.url, { headers: { accept: BROWSER_ACCEPT, ...headers } });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, bytes };
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('GraphiQL page delivery', () => {
  it('transfers compressed under 3 MB, and nothing on the next load', async () => {
    const plain = await load({ 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const html = plain.bytes.toString('utf8');
    expect(html).toContain('GraphiQL');

    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const first = await load({ 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br, zstd' : 'gzip, deflate' });
      expect(first.status).toBe(200);
      expect(first.headers['content-encoding']).toBe(encoding);
      expect(first.bytes.length).toBeLessThan(3 * 1024 * 1024);
      expect(first.bytes.length).toBeLessThan(plain.bytes.length / 3);
      expect(decode(first.bytes).toString('utf8')).toBe(html);
      expect(first.headers.vary).toContain('Accept-Encoding');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[^"]+"$/);

      const next = await load({ 'accept-encoding': encoding, 'if-none-match': etag });
      expect(next.status).toBe(304);
      expect(next.bytes.length).toBe(0);
      expect(next.headers.etag).toBe(etag);
    }
  });

  it('negotiates as browsers ask', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('*')).toBe('br');
  });

  it('still answers GraphQL over GET and POST on the same path', async () => {
    const get = await request(`${h.url}?query=${encodeURIComponent('{ environment { mode } }')}`, { headers: { accept: 'application/json' } });
    expect(get.statusCode).toBe(200);
    expect(await get.body.json()).toMatchObject({ data: { environment: { mode: 'SANDBOX' } } });
    const post = await h.gql('{ environment { mode } }');
    expect(post.data).toEqual({ environment: { mode: 'SANDBOX' } });
  });
});
