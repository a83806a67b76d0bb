/**
 * Partial failures through both federation gateways. A provider that fails (the sandbox's fault
 * injection) must reach a client of @apollo/gateway and of Hive Gateway as adgraph reports it: the
 * failed part null, its error (code, provider, account) at that part's path. Hive Gateway keeps a
 * subgraph error only where the data is null, so an error appended beside a whole-looking list was
 * lost there. The supergraph is composed by `scripts/compose.ts --out` (the CLI, as README says) and
 * Hive Gateway runs README's command on that file, offline.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeFromUrls, writeFileAtomic } from '../scripts/compose.js';
import { expectedReviewerCount, startReviewsSubgraph, type ReviewsSubgraph } from './fixtures/reviews-subgraph.js';
import { startApolloGateway, startHiveGateway, type Gateway, type GatewayError, type GatewayResponse, type HiveGateway } from './helpers/gateways.js';
import { startHarness, type Harness } from './helpers/harness.js';

const run = promisify(execFile);
const TONAI_LIST = 'GET /api/v2/openapi/ad/campaign/list';
const ADSTAT_CABINETS = 'GET /api/accounts/telegram/names';
const DETAILS = 'GET /api/advertisement/telegram/:ad_id';

let h: Harness;
let reviews: ReviewsSubgraph;
let dir: string;
let supergraphPath: string;
let apollo: Gateway;
let hive: HiveGateway;

/** Runs `scripts/compose.ts --out <file> <sources…>` as a user would. */
async function compose(out: string, ...sources: string[]): Promise<void> {
  await run(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/compose.ts', '--out', out, ...sources], { cwd: process.cwd() });
}

/** The supergraph text `compose --out` writes for these sources, composed in this process (faster than the CLI for set-up). */
async function supergraphText(...sources: [string, string][]): Promise<string> {
  const result = await composeFromUrls(sources.map(([name, url]) => ({ name, url })));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
}

/** The value at a response path (undefined when the path leads nowhere). */
function at(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** What a client acts on in an error, in a stable order. */
function essentials(errors: GatewayError[] | undefined) {
  return (errors ?? [])
    .map((e) => ({ message: e.message, path: e.path, code: e.extensions?.['code'], provider: e.extensions?.['provider'], account: e.extensions?.['account'] }))
    .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
}

/** Every error sits on a null: the part that failed. */
function expectErrorsOnNulls(res: GatewayResponse<unknown>) {
  for (const error of res.errors ?? []) {
    expect(error.path, error.message).toBeDefined();
    expect(at(res.data, error.path!), JSON.stringify(error.path)).toBeNull();
  }
}

beforeAll(async () => {
  // Upstream calls are counted, not rationed: this file reads AdStat's lists many times a minute.
  h = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
  reviews = await startReviewsSubgraph();
  dir = mkdtempSync(join(tmpdir(), 'adgraph-gateways-'));
  supergraphPath = join(dir, 'supergraph.graphql');
  await compose(supergraphPath, `adgraph=${h.url}`, `reviews=${reviews.url}`);
  [apollo, hive] = await Promise.all([startApolloGateway(readFileSync(supergraphPath, 'utf8')), startHiveGateway(supergraphPath)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([apollo?.close(), hive?.close()]);
  await reviews?.close();
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  h.sandbox.adstat.server.controls.clearFaults();
  h.sandbox.tonai.server.controls.clearFaults();
  h.clearCache();
});

it("README's Hive Gateway command is the one the tests run", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toMatch(/^npx hive-gateway supergraph \.\/supergraph\.graphql --port \d+$/m);
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
  expect(pkg.devDependencies['@graphql-hive/gateway']).toMatch(/^~2\.15\./);
});

describe.each([
  ['@apollo/gateway', () => apollo],
  ['Hive Gateway', () => hive],
])('through %s', (_name, gateway) => {
  it('a TON.ai key that fails is a null edge and node with its error, exactly as adgraph says it', async () => {
    h.sandbox.tonai.server.controls.addFault({ endpoint: TONAI_LIST, status: 500 });
    const query = `{ campaigns(first: 1000) { edges { node { __typename id name provider } } nodes { id } pageInfo { hasNextPage } } }`;
    const direct = await h.gql<{ campaigns: { edges: ({ node: { provider: string } } | null)[] } }>(query);
    const res = await gateway().gql<typeof direct.data>(query);

    // What adgraph says: the AdStat campaigns, then one null per TON.ai key, each with its error.
    const edges = direct.data!.campaigns.edges;
    expect(edges.slice(-2)).toEqual([null, null]);
    expect(edges.slice(0, -2).length).toBeGreaterThan(0);
    expect(edges.slice(0, -2).every((e) => e?.node.provider === 'ADSTAT')).toBe(true);
    const nulls = [edges.length - 2, edges.length - 1];
    expect(essentials(direct.errors)).toEqual(
      ['edges', 'nodes'].flatMap((field) =>
        nulls.map((i, k) => ({
          message: `TON.ai ${TONAI_LIST} failed with HTTP 500`,
          path: ['campaigns', field, i],
          code: 'PROVIDER_UNAVAILABLE',
          provider: 'TONAI',
          account: ['alpha', 'beta'][k],
        })),
      ),
    );

    // What the gateway's client gets: the same data and the same errors, each on its null.
    expect(res.data).toEqual(direct.data);
    expect(essentials(res.errors)).toEqual(essentials(direct.errors));
    expectErrorsOnNulls(res);
  });

  it('an AdStat login whose cabinets fail is a null account; the other subgraph still extends the rest', async () => {
    h.sandbox.adstat.server.controls.addFault({ endpoint: ADSTAT_CABINETS, status: 503 });
    const res = await gateway().gql<{ accounts: ({ id: string; provider: string; reviewerCount: number } | null)[] }>(`{ accounts { id name provider reviewerCount } }`);
    const accounts = res.data!.accounts;
    // Both AdStat logins (demo, agency2) failed: a null each, in login order, then the TON.ai keys.
    expect(accounts.slice(0, 2)).toEqual([null, null]);
    expect(accounts.slice(2).map((a) => a?.provider)).toEqual(['TONAI', 'TONAI']);
    for (const account of accounts.slice(2)) expect(account!.reviewerCount).toBe(expectedReviewerCount(account!.id));
    expect(essentials(res.errors)).toEqual([
      { message: expect.stringContaining(ADSTAT_CABINETS), path: ['accounts', 0], code: 'PROVIDER_UNAVAILABLE', provider: 'ADSTAT', account: 'demo' },
      { message: expect.stringContaining(ADSTAT_CABINETS), path: ['accounts', 1], code: 'PROVIDER_UNAVAILABLE', provider: 'ADSTAT', account: 'agency2' },
    ]);
    expectErrorsOnNulls(res);
  });

  it('one ad whose details fail loses only its budget, with the error at that budget', async () => {
    h.sandbox.adstat.server.controls.addFault({ endpoint: DETAILS, status: 500, times: 1 });
    const res = await gateway().gql<{ advertisements: { edges: { node: { title: string; budget: unknown } }[] } }>(
      `{ advertisements(first: 5, connectionId: "demo") { edges { node { id title budget { cpm { amount } } } } } }`,
    );
    const nodes = res.data!.advertisements.edges.map((e) => e.node);
    expect(nodes).toHaveLength(5);
    expect(nodes.every((n) => n.title)).toBe(true);
    expect(nodes.filter((n) => n.budget === null)).toHaveLength(1);
    expect(essentials(res.errors)).toEqual([
      { message: expect.any(String), path: ['advertisements', 'edges', expect.any(Number), 'node', 'budget'], code: 'PROVIDER_UNAVAILABLE', provider: 'ADSTAT', account: 'demo' },
    ]);
    expectErrorsOnNulls(res);
  });
});

describe('scripts/compose.ts --out', () => {
  it('replaces the file whole by a rename: readers see the old supergraph or the new one, never part of one', async () => {
    const file = join(dir, 'swapped.graphql');
    const small = await supergraphText(['adgraph', h.url]);
    const large = await supergraphText(['adgraph', h.url], ['reviews', reviews.url]);
    expect(small).not.toBe(large);
    writeFileAtomic(file, large);

    // A reader in this process reads the file as fast as it can while the CLI (another process)
    // rewrites it, alternating the two supergraphs.
    const seen = new Set<string>();
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const text = readFileSync(file, 'utf8');
        seen.add(text === small ? 'small' : text === large ? 'large' : `partial (${text.length} of ${small.length} or ${large.length} characters)`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Each write must put a new file in place: its inode differs from the one it replaced (which is
    // still linked while the new one is written, so the two cannot share a number; a number freed
    // by an earlier swap may come back, so distinct numbers across all writes are not required).
    let replaced = 0;
    for (let i = 0; i < 4; i++) {
      const before = statSync(file).ino;
      await compose(file, `adgraph=${h.url}`, ...(i % 2 === 0 ? [] : [`reviews=${reviews.url}`]));
      if (statSync(file).ino !== before) replaced += 1;
    }
    reading = false;
    await reader;

    expect([...seen].filter((s) => s !== 'small' && s !== 'large')).toEqual([]);
    // Each write is a new file renamed into place (an in-place rewrite keeps the inode and has a
    // moment when the file is empty), and no temp file is left behind.
    expect(replaced).toBe(4);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(large);
    parse(large);
  }, 120_000);

  it('a failed composition leaves the existing file untouched', async () => {
    const file = join(dir, 'kept.graphql');
    writeFileAtomic(file, await supergraphText(['adgraph', h.url]));
    const before = readFileSync(file, 'utf8');
    const inode = statSync(file).ino;
    await expect(compose(file, `adgraph=${h.url}`, 'broken=http://127.0.0.1:1/graphql')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).ino).toBe(inode);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('a Hive Gateway watching the file serves the re-composed supergraph and keeps running', async () => {
    const file = join(dir, 'watched.graphql');
    writeFileAtomic(file, await supergraphText(['adgraph', h.url]));
    const watching = await startHiveGateway(file);
    try {
      const query = `{ accounts { id reviewerCount } }`;
      const before = await watching.gql(query);
      expect(before.errors?.[0]?.message).toMatch(/reviewerCount/);

      await compose(file, `adgraph=${h.url}`, `reviews=${reviews.url}`);
      type Reviewed = { accounts: { id: string; reviewerCount: number }[] };
      let after: GatewayResponse<Reviewed> | undefined;
      for (let i = 0; i < 100; i++) {
        // An in-place rewrite can hand the gateway an empty or partial file, on which it exits.
        expect(watching.exitCode(), watching.output()).toBeNull();
        after = await watching.gql<Reviewed>(query).catch(() => undefined);
        if (after && !after.errors) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(after?.errors).toBeUndefined();
      for (const account of after!.data!.accounts) expect(account.reviewerCount).toBe(expectedReviewerCount(account.id));
      expect(watching.exitCode()).toBeNull();
    } finally {
      await watching.close();
    }
  }, 120_000);
});
