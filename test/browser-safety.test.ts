/**
 * A web page in a nearby browser cannot drive adgraph: form-encoded and text/plain POSTs are
 * refused before execution, GET runs queries only, CORS grants only listed origins and never
 * credentials; production hides GraphiQL, introspection and field suggestions by default.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { startWithCallers, upstreamWrites, type CallersApp } from './helpers/callers.js';
import { startHarness, type Harness } from './helpers/harness.js';

const MUTATION = 'mutation { setAdvertisementStatus(ids: ["QWR2ZXJ0aXNlbWVudDpkZW1vOjE="], status: STOPPED) { __typename } }';
const KEY = 'browser-safety-key-0123456789';

let h: Harness;
let sandbox: Sandbox;
let production: CallersApp;

beforeAll(async () => {
  h = await startHarness({ env: { ADGRAPH_CORS_ORIGINS: 'https://dashboard.example.com, http://localhost:5173' } });
  sandbox = await startSandbox();
  production = await startWithCallers(sandbox, { mode: 'production', callers: [{ id: 'web', apiKey: KEY, write: true }] });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await production?.close();
  await sandbox?.close();
});

describe('request bodies a browser can send without a preflight', () => {
  it.each([
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(MUTATION)}`],
    ['text/plain', JSON.stringify({ query: MUTATION })],
    ['application/graphql', MUTATION],
    [undefined, JSON.stringify({ query: MUTATION })],
  ])('%s is refused with 415 and reaches no provider', async (type, body) => {
    h.resetCounts();
    const res = await request(h.url, { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
    expect(res.statusCode).toBe(415);
    const json = (await res.body.json()) as { errors: { extensions: { code: string } }[] };
    expect(json.errors[0]!.extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(h.adstatCount() + h.tonaiCount()).toBe(0);
  });

  it('multipart without a CSRF header is refused with 403', async () => {
    const res = await h.upload(MUTATION, {}, { x: { name: 'a.txt', type: 'text/plain', content: 'x' } }, { csrf: false });
    expect(res.status).toBe(403);
  });

  it('GET runs queries but not mutations', async () => {
    const query = await request(`${h.url}?query=${encodeURIComponent('{ environment { mode } }')}`, { headers: { accept: 'application/json' } });
    expect(query.statusCode).toBe(200);
    expect(await query.body.json()).toMatchObject({ data: { environment: { mode: 'SANDBOX' } } });
    const before = upstreamWrites(h.sandbox);
    const mutation = await request(`${h.url}?query=${encodeURIComponent(MUTATION)}`, { headers: { accept: 'application/json' } });
    expect(mutation.statusCode).toBe(405);
    await mutation.body.text();
    expect(upstreamWrites(h.sandbox)).toBe(before);
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    request(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });

  it('grants a listed origin exactly, without credentials', async () => {
    const res = await preflight(h.url, 'https://dashboard.example.com');
    await res.body.text();
    expect(res.headers['access-control-allow-origin']).toBe('https://dashboard.example.com');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(res.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('gives an unlisted origin no grant', async () => {
    const res = await preflight(h.url, 'https://evil.example.net');
    await res.body.text();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const post = await request(h.url, { method: 'POST', headers: { origin: 'https://evil.example.net', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ environment { mode } }' }) });
    await post.body.text();
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants no origin at all by default in production', async () => {
    const res = await preflight(production.url, 'http://localhost:5173');
    await res.body.text();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('production defaults', () => {
  it('serves no GraphiQL page, no introspection and no field suggestions', async () => {
    const page = await request(production.url, { headers: { accept: 'text/html' } });
    const text = await page.body.text();
    expect(text).not.toMatch(/graphiql/i);
    const introspection = await production.gql(KEY, '{ __schema { types { name } } }');
    expect(introspection.data).toBeUndefined();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await production.gql(KEY, '{ acounts { id } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    // The sandbox keeps them for development.
    const sandboxTypo = await h.gql('{ acounts { id } }');
    expect(sandboxTypo.errors?.[0]?.message).toMatch(/Did you mean "accounts"/);
    expect((await h.gql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
