/**
 * Callers and grants over real HTTP: production mode refuses anonymous and wrong keys with 401; a
 * caller sees only the accounts it was granted in every read, and its writes outside them (or any
 * write of a read-only caller) are FORBIDDEN with nothing sent upstream.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdgraph } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { productionFile, startWithCallers, upstreamWrites, writeConfig, type CallersApp } from './helpers/callers.js';

const ADMIN_KEY = 'admin-key-0123456789abcdef';
const ONE_KEY = 'one-cabinet-key-0123456789';
const READER_KEY = 'reader-key-0123456789abcdef';
const HASHED_KEY = 'hashed-key-0123456789abcdef';

interface AccountRow {
  id: string;
  name: string;
  connectionId: string;
  provider: string;
  providerId: string;
}
interface AdRow {
  id: string;
  accountProviderId: string;
  connectionId: string;
}

let sandbox: Sandbox;
let app: CallersApp;
let accounts: AccountRow[];
let granted: AccountRow;
let ads: AdRow[];
let tonaiCampaignId: string;

const ACCOUNTS = `{ accounts { id name connectionId provider providerId } }`;
const ADS = `{ advertisements(first: 5000, showDeleted: true) { nodes { id accountProviderId connectionId } } }`;

beforeAll(async () => {
  sandbox = await startSandbox();
  // First learn the cabinets' global ids from an open server, then grant one of them.
  // Listing every ad with its cabinet is one details call per ad: far over the default budget.
  const open = await startWithCallers(sandbox, { mode: 'production', env: { ADGRAPH_AUTH: 'none', ADGRAPH_COST_BUDGET: '100000' } });
  accounts = (await open.gql<{ accounts: AccountRow[] }>(undefined, ACCOUNTS)).data!.accounts;
  ads = (await open.gql<{ advertisements: { nodes: AdRow[] } }>(undefined, ADS)).data!.advertisements.nodes;
  const campaigns = await open.gql<{ campaigns: { nodes: { id: string }[] } }>(undefined, `{ campaigns(provider: TONAI, first: 1) { nodes { id } } }`);
  tonaiCampaignId = campaigns.data!.campaigns.nodes[0]!.id;
  await open.close();
  granted = accounts.find((a) => a.name === 'Demo EU Manual')!;
  app = await startWithCallers(sandbox, {
    mode: 'production',
    env: { ADGRAPH_TEST_ADMIN_KEY: ADMIN_KEY, ADGRAPH_COST_BUDGET: '100000' },
    callers: [
      { id: 'admin', apiKeyEnv: 'ADGRAPH_TEST_ADMIN_KEY', write: true },
      { id: 'one', apiKey: ONE_KEY, accounts: [granted.id], write: true },
      { id: 'reader', apiKey: READER_KEY, accounts: ['agency2', 'alpha'] },
      { id: 'hashed', apiKeySha256: createHash('sha256').update(HASHED_KEY).digest('hex'), accounts: ['beta'] },
    ],
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sandbox?.close();
});

describe('authentication', () => {
  it('refuses anonymous, malformed and wrong keys with 401 UNAUTHENTICATED and runs nothing', async () => {
    sandbox.adstat.server.controls.resetCounts();
    for (const key of [undefined, 'wrong-key-0123456789abcdef', `${ADMIN_KEY}x`, '']) {
      const res = await app.gql(key, ACCOUNTS);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeUndefined();
    }
    expect(sandbox.adstat.server.controls.count()).toBe(0);
  });

  it('accepts keys given inline, by environment variable and as a SHA-256 digest', async () => {
    for (const key of [ADMIN_KEY, ONE_KEY, READER_KEY, HASHED_KEY]) {
      const res = await app.gql(key, `{ environment { mode } }`);
      expect(res.status, key).toBe(200);
      expect(res.data).toEqual({ environment: { mode: 'PRODUCTION' } });
    }
  });

  it('does not start in production without callers unless ADGRAPH_AUTH=none', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ADGRAPH_CONFIG: writeConfig(productionFile(sandbox, undefined)) });
    await expect(startAdgraph(config)).rejects.toThrow(ConfigError);
    await expect(startAdgraph(config)).rejects.toThrow(/ADGRAPH_AUTH=none/);
  });

  it('names unknown grant entries at start', async () => {
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'error',
      ADGRAPH_CONFIG: writeConfig(productionFile(sandbox, [{ id: 'x', apiKey: ADMIN_KEY, accounts: ['nope'] }] as never)),
    });
    await expect(startAdgraph(config)).rejects.toThrow(/callers "x" accounts: "nope" is neither a configured login or key id nor an Account global id/);
  });

  it('rejects short keys and ambiguous secrets in the configuration', () => {
    const problems = (callers: unknown) => {
      try {
        loadConfig({ ADGRAPH_CONFIG: writeConfig({ callers }) });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems([{ id: 'a', apiKey: 'short' }])).toEqual(['ADGRAPH_CONFIG callers[0]: the API key must be at least 16 characters']);
    expect(problems([{ id: 'a', apiKey: ADMIN_KEY, apiKeySha256: 'ab'.repeat(32) }])).toEqual(['ADGRAPH_CONFIG callers[0]: give one of apiKey, apiKeyEnv or apiKeySha256']);
    expect(problems([{ id: 'a', apiKey: ADMIN_KEY }, { id: 'b', apiKey: ADMIN_KEY }])).toEqual(['ADGRAPH_CONFIG: caller "b" has the same key as another caller']);
  });

  it('keeps the sandbox open without callers, and closes it once callers are configured', async () => {
    const open = await startWithCallers(sandbox, { mode: 'sandbox' });
    expect((await open.gql(undefined, `{ environment { mode } }`)).status).toBe(200);
    await open.close();
    const closed = await startWithCallers(sandbox, { mode: 'sandbox', callers: [{ id: 'dev', apiKey: ADMIN_KEY }] });
    expect((await closed.gql(undefined, `{ environment { mode } }`)).status).toBe(401);
    expect((await closed.gql(ADMIN_KEY, `{ environment { mode } }`)).status).toBe(200);
    await closed.close();
  });
});

describe('a caller granted one cabinet', () => {
  it('lists only that cabinet, its advertisements and its campaigns', async () => {
    const res = await app.gql<{ accounts: AccountRow[] }>(ONE_KEY, ACCOUNTS);
    expect(res.errors).toBeUndefined();
    expect(res.data!.accounts.map((a) => a.id)).toEqual([granted.id]);

    const own = ads.filter((a) => a.connectionId === granted.connectionId && a.accountProviderId === granted.providerId);
    expect(own.length).toBeGreaterThan(0);
    const list = await app.gql<{ advertisements: { nodes: AdRow[] } }>(ONE_KEY, ADS);
    expect(list.errors).toBeUndefined();
    expect(new Set(list.data!.advertisements.nodes.map((a) => a.id))).toEqual(new Set(own.map((a) => a.id)));

    const campaigns = await app.gql<{ campaigns: { nodes: { provider: string; accountProviderId?: string }[] } }>(
      ONE_KEY,
      `{ campaigns(first: 5000) { nodes { provider ... on AdstatCampaign { accountProviderId } } } }`,
    );
    expect(campaigns.data!.campaigns.nodes.length).toBeGreaterThan(0);
    for (const c of campaigns.data!.campaigns.nodes) expect(c).toEqual({ provider: 'ADSTAT', accountProviderId: granted.providerId });

    const env = await app.gql<{ environment: { connections: { id: string }[] } }>(ONE_KEY, `{ environment { connections { id } } }`);
    expect(env.data!.environment.connections.map((c) => c.id)).toEqual([granted.connectionId]);
  });

  it('gets null for other accounts and advertisements through node, nodes and _entities', async () => {
    const other = accounts.find((a) => a.id !== granted.id && a.connectionId === granted.connectionId)!;
    const otherLogin = accounts.find((a) => a.connectionId !== granted.connectionId && a.provider === 'ADSTAT')!;
    const tonai = accounts.find((a) => a.provider === 'TONAI')!;
    const foreignAd = ads.find((a) => a.accountProviderId !== granted.providerId)!;
    const ownAd = ads.find((a) => a.accountProviderId === granted.providerId)!;
    const res = await app.gql<{ node: unknown; nodes: unknown[]; _entities: unknown[] }>(
      ONE_KEY,
      `query($ids: [ID!]!, $reps: [_Any!]!, $one: ID!) {
        node(id: $one) { id }
        nodes(ids: $ids) { id }
        _entities(representations: $reps) { ... on Account { id } ... on Advertisement { id } ... on Campaign { id } }
      }`,
      {
        one: other.id,
        ids: [other.id, otherLogin.id, tonai.id, foreignAd.id, ownAd.id, granted.id, tonaiCampaignId],
        reps: [
          { __typename: 'Account', id: other.id },
          { __typename: 'Account', id: tonai.id },
          { __typename: 'Advertisement', id: foreignAd.id },
          { __typename: 'Campaign', id: tonaiCampaignId },
          { __typename: 'Account', id: granted.id },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toBeNull();
    expect(res.data!.nodes).toEqual([null, null, null, null, { id: ownAd.id }, { id: granted.id }, null]);
    expect(res.data!._entities).toEqual([null, null, null, null, { id: granted.id }]);
  });

  it('is FORBIDDEN to write outside the cabinet, and nothing is sent', async () => {
    const foreignSameLogin = ads.find((a) => a.connectionId === granted.connectionId && a.accountProviderId !== granted.providerId)!;
    const foreignLogin = ads.find((a) => a.connectionId !== granted.connectionId)!;
    const before = upstreamWrites(sandbox);
    for (const ids of [[foreignSameLogin.id], [foreignLogin.id]]) {
      const res = await app.gql(ONE_KEY, `mutation($ids: [ID!]!) { setAdvertisementStatus(ids: $ids, status: STOPPED) { __typename } }`, { ids });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res)).toBe('FORBIDDEN');
    }
    const tonai = await app.gql(ONE_KEY, `mutation($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: PAUSE) { __typename } }`, { ids: [tonaiCampaignId] });
    expect(tonai.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(upstreamWrites(sandbox)).toBe(before);
  });

  it('may write to its own cabinet', async () => {
    const ownAd = ads.find((a) => a.accountProviderId === granted.providerId)!;
    const res = await app.gql<{ setAdvertisementStatus: { __typename: string; succeeded: number } }>(
      ONE_KEY,
      `mutation($ids: [ID!]!) { setAdvertisementStatus(ids: $ids, status: STOPPED) { __typename ... on SetAdvertisementStatusPayload { succeeded } } }`,
      { ids: [ownAd.id] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.setAdvertisementStatus.__typename).toBe('SetAdvertisementStatusPayload');
  });
});

describe('a read-only caller', () => {
  it('reads its login and key only, and every write is FORBIDDEN with nothing sent', async () => {
    const res = await app.gql<{ accounts: AccountRow[] }>(READER_KEY, ACCOUNTS);
    expect(new Set(res.data!.accounts.map((a) => a.connectionId))).toEqual(new Set(['agency2', 'alpha']));
    const ownAd = ads.find((a) => a.connectionId === 'agency2')!;
    const before = upstreamWrites(sandbox);
    const write = await app.gql(READER_KEY, `mutation($ids: [ID!]!) { setAdvertisementStatus(ids: $ids, status: STOPPED) { __typename } }`, { ids: [ownAd.id] });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(write.errors?.[0]?.message).toMatch(/may read but not write/);
    expect(upstreamWrites(sandbox)).toBe(before);
  });

  it('a TON.ai-only caller sees no AdStat data', async () => {
    const res = await app.gql<{ accounts: AccountRow[]; advertisements: { nodes: unknown[] } }>(HASHED_KEY, `{ accounts { connectionId } advertisements(first: 10) { nodes { id } } }`);
    expect(res.data!.accounts).toEqual([{ connectionId: 'beta' }]);
    expect(res.data!.advertisements.nodes).toEqual([]);
  });
});
