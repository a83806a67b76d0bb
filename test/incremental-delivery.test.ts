/**
 * @defer and @stream over real HTTP (multipart/mixed, read with meros): the rows come in the first
 * part without waiting for the details calls, the deferred parts carry the details, their errors are
 * typed and masked, the final part carries `cost` and `freshness`, the cost budget counts deferred
 * fields, and a client that accepts only JSON gets a typed error instead of an empty 406.
 */
import { meros } from 'meros/browser';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASK } from '../src/security/mask.js';
import { startHarness, type Harness } from './helpers/harness.js';

const DETAILS = 'GET /api/advertisement/telegram/:ad_id';

interface Part {
  data?: { advertisements?: { nodes: ({ id: string; providerId: string; moderation?: unknown } | null)[] }; campaigns?: { nodes: unknown[] } };
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  hasNext?: boolean;
  incremental?: { data?: Record<string, unknown>; items?: unknown[]; path: (string | number)[]; errors?: Part['errors'] }[];
  extensions?: { cost?: { estimated: number; upstreamCalls: number }; freshness?: { path: string }[] };
}

/** The parts of an incremental answer, each with the details calls the simulator had received when it arrived. */
async function parts(h: Harness, query: string): Promise<{ body: Part; detailsCallsSoFar: number }[]> {
  const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'multipart/mixed' }, body: JSON.stringify({ query }) });
  expect(res.headers.get('content-type')).toMatch(/^multipart\/mixed/);
  const stream = await meros<Part>(res as unknown as Response);
  if (stream instanceof Response) throw new Error(`not multipart: ${await stream.text()}`);
  const out: { body: Part; detailsCallsSoFar: number }[] = [];
  for await (const part of stream) {
    if (!part.json) throw new Error(`a part that is not JSON: ${String(part.body)}`);
    out.push({ body: part.body, detailsCallsSoFar: h.adstatCount(DETAILS) });
  }
  return out;
}

const DEFERRED = `{ advertisements(first: 5, connectionId: "demo") { nodes { id providerId title ... @defer { moderation { declineReasons { message } } } } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    sandbox: { adstat: { rateLimit: false } },
    providers: { adstat: { rateLimit: { max: 1_000_000 } } },
    // A held details call gives up soon (the deferred part then carries the error).
    env: { ADGRAPH_HEADERS_TIMEOUT_MS: '300', ADGRAPH_UPSTREAM_DEADLINE_MS: '1000' },
  });
});
afterAll(async () => {
  await h.close();
});

describe('@defer on details fields', () => {
  it('sends the rows first, then each row\'s details; the last part carries cost and freshness', async () => {
    h.clearCache();
    await h.gql('{ __typename }');
    h.resetCounts();
    const got = await parts(h, DEFERRED);
    const [first, ...rest] = got;
    expect(first!.body.errors).toBeUndefined();
    expect(first!.body.hasNext).toBe(true);
    const rows = first!.body.data!.advertisements!.nodes;
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).not.toHaveProperty('moderation');
    // The deferred parts: one `moderation` per row, at that row's path.
    const deferred = rest.flatMap((p) => p.body.incremental ?? []);
    expect(deferred.map((d) => d.path).sort()).toEqual(rows.map((_, i) => ['advertisements', 'nodes', i]).sort());
    for (const d of deferred) expect(d.data).toHaveProperty('moderation.declineReasons');
    const last = rest[rest.length - 1]!.body;
    expect(last.hasNext).toBe(false);
    // One list call and five details calls, all counted on the final part.
    expect(h.adstatCount(DETAILS)).toBe(5);
    expect(last.extensions?.cost?.upstreamCalls).toBe(h.adstatCount());
    expect(last.extensions?.freshness?.some((f) => f.path.startsWith('/api/advertisement/telegram/'))).toBe(true);
    expect(first!.body.extensions?.cost).toBeUndefined();
  });

  it('does not hold the rows for the details calls: they arrive while every details call is still unanswered', async () => {
    h.clearCache();
    h.resetCounts();
    // Details calls are never answered: adgraph gives up on them after its deadline. Had the rows
    // waited for them, the first part would come only after that, carrying the failures.
    h.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, timeout: true });
    try {
      const got = await parts(h, DEFERRED);
      const first = got[0]!.body;
      expect(first.errors).toBeUndefined();
      expect(first.data!.advertisements!.nodes).toHaveLength(5);
      const failures = got.slice(1).flatMap((p) => (p.body.incremental ?? []).flatMap((d) => d.errors ?? []));
      expect(failures.length).toBeGreaterThanOrEqual(5);
      for (const e of failures) {
        expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        expect(e.extensions?.provider).toBe('ADSTAT');
      }
    } finally {
      h.sandbox.adstat.server.controls.clearFaults();
    }
  });

  it('gives the same answer as without @defer, for the same upstream calls', async () => {
    const fields = 'id providerId title status cpm { amount currency }';
    const details = 'moderation { declineReasons { message } } budget { daily { amount currency } total { amount currency } }';
    h.clearCache();
    h.resetCounts();
    const plain = await h.gql<{ advertisements: { nodes: Record<string, unknown>[] } }>(`{ advertisements(first: 30, connectionId: "demo") { nodes { ${fields} ${details} } } }`);
    expect(plain.errors).toBeUndefined();
    const plainCalls = h.sandbox.adstat.server.controls.snapshot();
    h.clearCache();
    h.resetCounts();
    const got = await parts(h, `{ advertisements(first: 30, connectionId: "demo") { nodes { ${fields} ... @defer { ${details} } } } }`);
    expect(h.sandbox.adstat.server.controls.snapshot()).toEqual(plainCalls);
    expect(plainCalls[DETAILS]).toBe(30);
    // The first part's rows with each deferred part's fields merged in at its path.
    const merged = structuredClone(got[0]!.body.data!.advertisements!.nodes) as Record<string, unknown>[];
    for (const part of got.slice(1).flatMap((p) => p.body.incremental ?? [])) {
      expect(part.errors).toBeUndefined();
      const [, , index] = part.path as [string, string, number];
      Object.assign(merged[index]!, part.data);
    }
    expect(merged).toEqual(plain.data!.advertisements.nodes);
  });

  it('types and masks an error in a deferred part, leaving the other rows\' details', async () => {
    const demo = h.sandbox.logins.find((l) => l.id === 'demo')!;
    const list = await h.gql<{ advertisements: { nodes: { providerId: string }[] } }>('{ advertisements(first: 5, connectionId: "demo") { nodes { providerId } } }');
    const broken = list.data!.advertisements.nodes[2]!.providerId;
    h.clearCache();
    h.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, path: `/api/advertisement/telegram/${broken}`, status: 400, body: { detail: `password ${demo.password} is wrong here` } });
    try {
      const got = await parts(h, DEFERRED);
      const text = JSON.stringify(got);
      expect(text).not.toContain(demo.password);
      const deferred = got.slice(1).flatMap((p) => p.body.incremental ?? []);
      const errors = deferred.flatMap((d) => d.errors ?? []);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toContain(`password ${MASK} is wrong here`);
      expect(errors[0]!.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(errors[0]!.extensions?.provider).toBe('ADSTAT');
      expect(errors[0]!.path?.slice(0, 3)).toEqual(['advertisements', 'nodes', 2]);
      expect(deferred.filter((d) => (d.data as { moderation?: unknown } | undefined)?.moderation)).toHaveLength(4);
    } finally {
      h.sandbox.adstat.server.controls.clearFaults();
    }
  });

  it('counts deferred fields in the cost budget: refused before any upstream call', async () => {
    const tight = await startHarness({ sandbox: { adstat: { rateLimit: false } }, env: { ADGRAPH_COST_BUDGET: '20' } });
    try {
      const query = `{ advertisements(first: 50, connectionId: "demo") { nodes { id ... @defer { moderation { declineReasons { message } } } } } }`;
      const res = await fetch(tight.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'multipart/mixed, application/json' }, body: JSON.stringify({ query }) });
      const text = await res.text();
      expect(text).toContain('QUERY_TOO_EXPENSIVE');
      expect(tight.adstatCount(DETAILS)).toBe(0);
      expect(tight.adstatCount('GET /api/v2/advertisement')).toBe(0);
      // The same rows without the deferred details fit the budget.
      const ok = await tight.gql('{ advertisements(first: 50, connectionId: "demo") { nodes { id } } }');
      expect(ok.errors).toBeUndefined();
    } finally {
      await tight.close();
    }
  });

  it('answers a client that accepts only JSON with a typed error, not an empty 406, and calls nothing', async () => {
    h.clearCache();
    h.resetCounts();
    const res = await h.gql(DEFERRED);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'Accept', rule: 'INCREMENTAL_DELIVERY_ACCEPT' });
    expect(h.adstatCount()).toBe(0);
  });
});

describe('@stream on a connection\'s nodes', () => {
  it('streams the items after initialCount, the same items as without @stream', async () => {
    const plain = await h.gql<{ advertisements: { nodes: unknown[] } }>('{ advertisements(first: 4, connectionId: "demo") { nodes { id title } } }');
    const got = await parts(h, '{ advertisements(first: 4, connectionId: "demo") { nodes @stream(initialCount: 1) { id title } } }');
    const first = got[0]!.body.data!.advertisements!.nodes;
    expect(first).toHaveLength(1);
    const streamed = got.slice(1).flatMap((p) => (p.body.incremental ?? []).flatMap((d) => d.items ?? []));
    expect([...first, ...streamed]).toEqual(plain.data!.advertisements.nodes);
  });

  it('keeps the null-slot rule: each failing source streams as a null item with its error at that slot', async () => {
    h.clearCache();
    h.sandbox.tonai.server.controls.addFault({ endpoint: 'GET /api/v2/openapi/ad/campaign/list', status: 500 });
    try {
      const plain = await h.gql<{ campaigns: { nodes: unknown[] } }>('{ campaigns(first: 30) { nodes { id } } }');
      // Both TON.ai keys fail: one null slot each, after AdStat's campaigns.
      const slots = plain.data!.campaigns.nodes.flatMap((n, i) => (n === null ? [i] : []));
      expect(slots.length).toBe(h.sandbox.keys.length);
      h.clearCache();
      const got = await parts(h, '{ campaigns(first: 30) { nodes @stream(initialCount: 1) { id } } }');
      const first = got[0]!.body.data!.campaigns!.nodes;
      const increments = got.slice(1).flatMap((p) => p.body.incremental ?? []);
      const streamed = increments.flatMap((d) => d.items ?? []);
      expect([...first, ...streamed]).toEqual(plain.data!.campaigns.nodes);
      const errors = increments.flatMap((d) => d.errors ?? []);
      expect(errors.map((e) => e.path)).toEqual(slots.map((slot) => ['campaigns', 'nodes', slot]));
      for (const e of errors) {
        expect(e.extensions).toMatchObject({ provider: 'TONAI' });
        expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
    } finally {
      h.sandbox.tonai.server.controls.clearFaults();
    }
  });
});

describe('@defer parts per turn of the event loop', () => {
  // Its own harness: the held calls must not meet the short headers timeout of the one above.
  let own: Harness;
  beforeAll(async () => {
    own = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
  });
  afterAll(async () => {
    await own.close();
  });

  // One connection, and one per AdStat campaign: the rows of every connection in the request share the part.
  const documents = {
    'one connection': DEFERRED,
    'a connection per campaign': '{ campaigns(provider: ADSTAT, first: 4) { nodes { ... on AdstatCampaign { advertisements(first: 3) { nodes { id ... @defer { moderation { declineReasons { message } } } } } } } } }',
  };
  for (const [name, query] of Object.entries(documents)) {
    it(`sends the rows whose details answered in the same turn as one part (${name})`, async () => {
      own.clearCache();
      await own.gql('{ __typename }');
      own.resetCounts();
      // The simulator holds every details call, then answers them all at once: their answers reach
      // adgraph together. Each would have been a part of its own (and the executor pays for each
      // part in proportion to the parts still pending).
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      own.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, heldUntil: held });
      try {
        const res = await fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'multipart/mixed' }, body: JSON.stringify({ query }) });
        const stream = await meros<Part>(res as unknown as Response);
        if (stream instanceof Response) throw new Error(`not multipart: ${await stream.text()}`);
        const got: Part[] = [];
        let calls = 0;
        for await (const part of stream) {
          got.push(part.body);
          if (got.length === 1) {
            // The rows came while every details call is held: wait until they have all arrived (the
            // count stops growing for a few turns), then answer them together.
            for (let quiet = 0; quiet < 20; quiet++) {
              await new Promise((resolve) => setImmediate(resolve));
              if (own.adstatCount(DETAILS) !== calls) quiet = 0;
              calls = own.adstatCount(DETAILS);
            }
            release();
          }
        }
        expect(calls).toBeGreaterThanOrEqual(name === 'one connection' ? 5 : 6);
        const withDetails = got.slice(1).filter((p) => p.incremental?.length);
        expect(withDetails).toHaveLength(1);
        expect(withDetails[0]!.incremental).toHaveLength(calls);
        for (const d of withDetails[0]!.incremental!) expect(d.data).toHaveProperty('moderation.declineReasons');
        expect(got[got.length - 1]!.hasNext).toBe(false);
      } finally {
        own.sandbox.adstat.server.controls.clearFaults();
      }
    });
  }
});

describe('@defer details already asked for in the request', () => {
  it('are not called again when a node field read one first (no item cache to catch it)', async () => {
    const bare = await startHarness({ env: { ADGRAPH_CACHE_ITEM_TTL_MS: '0', ADGRAPH_CACHE_LIST_TTL_MS: '0', ADGRAPH_RESPONSE_CACHE: '0' } });
    try {
      const first = (await bare.gql<{ advertisements: { nodes: { id: string }[] } }>('{ advertisements(first: 1, connectionId: "demo") { nodes { id } } }')).data!.advertisements.nodes[0]!.id;
      bare.resetCounts();
      const got = await parts(
        bare,
        `{ n: node(id: "${first}") { ... on Advertisement { moderation { declineReasons { message } } } } a: advertisements(first: 5, connectionId: "demo") { nodes { id ... @defer { moderation { declineReasons { message } } } } } }`,
      );
      expect(got[got.length - 1]!.body.hasNext).toBe(false);
      expect(bare.adstatCount(DETAILS)).toBe(5);
    } finally {
      await bare.close();
    }
  });
});
