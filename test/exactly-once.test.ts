/**
 * Exactly-once creates over real HTTP: a create whose answer is lost (the connection dropped after
 * the provider applied it, or the answer arriving after the deadline) is reported as OutcomeUnknown,
 * never as a clean failure, and a retry with the same key finds the object instead of creating a
 * second one. 1,000 concurrent tries of one key make one create.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { IdempotencyStore } from '../src/providers/idempotency.js';
import { MemoryIdempotencyRecords } from '../src/providers/idempotency-records.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { startHarness, type Harness } from './helpers/harness.js';

const CREATE = 'POST /api/advertisement/telegram';
const ADS = 'GET /api/v2/advertisement';
const TONAI_CREATE = 'POST /api/v2/openapi/ad/campaign/create';

const RESULT = `__typename
  ... on MutationError { message }
  ... on OutcomeUnknown { reason provider account sentAt check idempotencyKey retryAfterSeconds candidateProviderIds }
  ... on ProviderFailure { code }`;
const AD = '... on AdvertisementWrite { advertisement { id providerId title } }';
const CAMPAIGN = '... on TonaiCampaignWrite { campaign { id providerId name } }';

type Result = { __typename: string } & Record<string, unknown>;

/** Upstream calls end after 1 s here; the simulators hold delayed answers for longer. */
const ENV = { ADGRAPH_UPSTREAM_DEADLINE_MS: '1000' };
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: ENV });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.resetCounts();
  h.sandbox.adstat.resetRateLimits();
});

async function mutate(harness: Harness, name: string, inputType: string, input: Record<string, unknown>, selection: string): Promise<Result> {
  const res = await harness.gql<Record<string, Result>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![name]!;
}

function newAd(harness: { sandbox: Sandbox }, extra: Record<string, unknown>) {
  const state = harness.sandbox.adstat.state;
  const user = state.userByName('demo')!.id;
  const cabinet = state.cabinetsOf(user).find((c) => c.mode === 'manual_labeling' && c.status === 'active')!;
  const campaign = state.campaignsOf(user).find((c) => c.accountId === cabinet.accountId)!;
  return {
    campaignId: encodeGlobalID('AdstatCampaign', `demo:${campaign.id}`),
    title: 'Exactly once',
    text: 'Our new channel about Telegram ads',
    adType: 'TARGET_CHANNELS',
    promoteUrl: 't.me/adgraph_news',
    cpm: '2.50',
    budget: '20',
    targeting: { languages: ['en'], topics: [1, 2] },
    erid: 'erid: 2VtzqwXYZ',
    ...extra,
  };
}

const day = 86_400_000;
function newCampaign(extra: Record<string, unknown>) {
  return {
    accountId: encodeGlobalID('Account', 'TONAI:alpha:alpha'),
    name: 'exactly once',
    budget: { daily: '10', total: '200.50', startTime: new Date(Date.now() + day).toISOString(), endTime: new Date(Date.now() + 30 * day).toISOString() },
    bidding: { billingType: 'CPC', costPer: '0.05' },
    creative: { popupImage: 'https://file.ton.ai/abc.png', icon: 'https://file.ton.ai/icon.png', actionType: 'VISIT_WEBSITE', destinationUrl: 'https://example.com/app', text: 'Try adgraph', brandName: 'adgraph', buttonText: 'Open' },
    ...extra,
  };
}

const adsTitled = (harness: { sandbox: Sandbox }, title: string) => [...harness.sandbox.adstat.state.ads.values()].filter((a) => a.title === title);
const campaignsNamed = (harness: Harness, name: string) => harness.sandbox.tonai.state.campaigns('sbx-tonai-key-alpha').filter((c) => c.name === name);

describe('AdStat: a create whose answer is lost', () => {
  for (const [lost, fault, reason] of [
    ['dropped after AdStat made the ad', { dropAnswer: true }, 'CONNECTION_LOST'],
    ['arriving after the deadline', { answerDelayMs: 3_000 }, 'TIMED_OUT'],
  ] as const) {
    it(`answer ${lost}: OutcomeUnknown, then a retry with the key returns the ad without creating again`, async () => {
      const title = `Lost answer ${reason}`;
      const input = newAd(h, { title, idempotencyKey: `ad-${reason}` });
      h.sandbox.adstat.server.controls.addFault({ endpoint: CREATE, times: 1, ...fault });
      const first = await mutate(h, 'createAdvertisement', 'CreateAdvertisementInput', input, AD);
      expect(first).toMatchObject({ __typename: 'OutcomeUnknown', reason, provider: 'ADSTAT', account: 'demo', idempotencyKey: `ad-${reason}` });
      expect(first.check).toContain(title);
      expect(adsTitled(h, title)).toHaveLength(1);

      const retry = await mutate(h, 'createAdvertisement', 'CreateAdvertisementInput', input, AD);
      expect(retry.__typename, JSON.stringify(retry)).toBe('AdvertisementWrite');
      const ad = retry.advertisement as { providerId: string; title: string };
      expect(Number(ad.providerId)).toBe(adsTitled(h, title)[0]!.id);
      expect(ad.title).toBe(title);
      expect(h.adstatCount(CREATE)).toBe(1);
      expect(h.adstatCount(ADS)).toBe(1);

      // Once reconciled the key is done: a third try costs no upstream call at all.
      h.resetCounts();
      const third = await mutate(h, 'createAdvertisement', 'CreateAdvertisementInput', input, AD);
      expect((third.advertisement as { providerId: string }).providerId).toBe(ad.providerId);
      expect(h.adstatCount(CREATE) + h.adstatCount(ADS)).toBe(0);
      expect(adsTitled(h, title)).toHaveLength(1);
    });
  }

  it('a create without a key whose answer is lost says so, and that a retry may duplicate', async () => {
    h.sandbox.adstat.server.controls.addFault({ endpoint: CREATE, times: 1, dropAnswer: true });
    const first = await mutate(h, 'createAdvertisement', 'CreateAdvertisementInput', newAd(h, { title: 'No key, lost' }), AD);
    expect(first).toMatchObject({ __typename: 'OutcomeUnknown', reason: 'CONNECTION_LOST', idempotencyKey: null });
    expect(first.check).toMatch(/no idempotency key/);
  });
});

describe('TON.ai: a create whose answer is lost', () => {
  for (const [lost, fault, reason] of [
    ['dropped after TON.ai made the campaign', { dropAnswer: true }, 'CONNECTION_LOST'],
    ['arriving after the deadline', { answerDelayMs: 3_000 }, 'TIMED_OUT'],
  ] as const) {
    it(`answer ${lost}: OutcomeUnknown, then a retry with the key returns the campaign without creating again`, async () => {
      const name = `lost answer ${reason}`;
      const input = newCampaign({ name, idempotencyKey: `campaign-${reason}` });
      h.sandbox.tonai.server.controls.addFault({ endpoint: TONAI_CREATE, times: 1, ...fault });
      const first = await mutate(h, 'createTonaiCampaign', 'CreateTonaiCampaignInput', input, CAMPAIGN);
      expect(first).toMatchObject({ __typename: 'OutcomeUnknown', reason, provider: 'TONAI', account: 'alpha', idempotencyKey: `campaign-${reason}` });
      expect(campaignsNamed(h, name)).toHaveLength(1);

      const retry = await mutate(h, 'createTonaiCampaign', 'CreateTonaiCampaignInput', input, CAMPAIGN);
      expect(retry.__typename, JSON.stringify(retry)).toBe('TonaiCampaignWrite');
      expect((retry.campaign as { providerId: string }).providerId).toBe(campaignsNamed(h, name)[0]!.id);
      expect(h.tonaiCount(TONAI_CREATE)).toBe(1);
      expect(campaignsNamed(h, name)).toHaveLength(1);
    });
  }

  it('a twin that existed before the attempt (same name, same budget) is not taken for the lost one', async () => {
    const name = 'twin names';
    const same = newCampaign({ name });
    const input = { ...same, idempotencyKey: 'twin' };
    const twin = await mutate(h, 'createTonaiCampaign', 'CreateTonaiCampaignInput', same, CAMPAIGN);
    expect(twin.__typename).toBe('TonaiCampaignWrite');
    // The request never reaches the handler: nothing is made, and the retry cannot yet tell it never will be.
    h.sandbox.tonai.server.controls.addFault({ endpoint: TONAI_CREATE, times: 1, drop: true });
    const first = await mutate(h, 'createTonaiCampaign', 'CreateTonaiCampaignInput', input, CAMPAIGN);
    expect(first.__typename).toBe('OutcomeUnknown');
    h.resetCounts();
    const retry = await mutate(h, 'createTonaiCampaign', 'CreateTonaiCampaignInput', input, CAMPAIGN);
    expect(retry).toMatchObject({ __typename: 'OutcomeUnknown', reason: 'NOT_RECONCILED', idempotencyKey: 'twin' });
    expect(retry.retryAfterSeconds).toBeGreaterThan(0);
    expect(h.tonaiCount(TONAI_CREATE)).toBe(0);
    expect(campaignsNamed(h, name)).toHaveLength(1);
  });
});

describe('when the retry can tell nothing was made', () => {
  let quick: Harness;
  beforeAll(async () => {
    // No settling time: "nothing found" is taken as proof at once.
    quick = await startHarness({ env: { ...ENV, ADGRAPH_IDEMPOTENCY_SETTLE_MS: '0' } });
  });
  afterAll(async () => {
    await quick.close();
  });

  it('sends again, once, and the key then holds the one campaign', async () => {
    const name = 'never arrived';
    const input = newCampaign({ name, idempotencyKey: 'resend' });
    quick.sandbox.tonai.server.controls.addFault({ endpoint: TONAI_CREATE, times: 1, drop: true });
    const first = await mutate(quick, 'createTonaiCampaign', 'CreateTonaiCampaignInput', input, CAMPAIGN);
    expect(first.__typename).toBe('OutcomeUnknown');
    expect(campaignsNamed(quick, name)).toHaveLength(0);
    const retry = await mutate(quick, 'createTonaiCampaign', 'CreateTonaiCampaignInput', input, CAMPAIGN);
    expect(retry.__typename, JSON.stringify(retry)).toBe('TonaiCampaignWrite');
    const again = await mutate(quick, 'createTonaiCampaign', 'CreateTonaiCampaignInput', input, CAMPAIGN);
    expect((again.campaign as { providerId: string }).providerId).toBe((retry.campaign as { providerId: string }).providerId);
    expect(quick.tonaiCount(TONAI_CREATE)).toBe(2);
    expect(campaignsNamed(quick, name)).toHaveLength(1);
  });

  it('two ads that both match are ambiguous: OutcomeUnknown names both, nothing is sent', async () => {
    const title = 'Ambiguous';
    quick.sandbox.adstat.server.controls.addFault({ endpoint: CREATE, times: 1, dropAnswer: true });
    const input = newAd(quick, { title, idempotencyKey: 'ambiguous' });
    expect((await mutate(quick, 'createAdvertisement', 'CreateAdvertisementInput', input, AD)).__typename).toBe('OutcomeUnknown');
    // Someone else makes an identical ad in the same campaign meanwhile.
    expect((await mutate(quick, 'createAdvertisement', 'CreateAdvertisementInput', newAd(quick, { title }), AD)).__typename).toBe('AdvertisementWrite');
    quick.resetCounts();
    const retry = await mutate(quick, 'createAdvertisement', 'CreateAdvertisementInput', input, AD);
    expect(retry).toMatchObject({ __typename: 'OutcomeUnknown', reason: 'NOT_RECONCILED' });
    expect((retry.candidateProviderIds as string[]).map(Number).sort()).toEqual(adsTitled(quick, title).map((a) => a.id).sort());
    expect(quick.adstatCount(CREATE)).toBe(0);
  });
});

describe('one key, many tries', () => {
  it('1,000 concurrent tries of one create with one key make exactly 1 create, and all get it', async () => {
    const input = newAd(h, { title: 'A thousand tries', idempotencyKey: 'thousand' });
    const agent = new Agent({ connections: 64 });
    const query = `mutation($input: CreateAdvertisementInput!) { createAdvertisement(input: $input) { ${RESULT} ${AD} } }`;
    try {
      const answers = await Promise.all(
        Array.from({ length: 1000 }, async () => {
          const res = await request(h.url, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { input } }) });
          return (await res.body.json()) as { data: { createAdvertisement: Result } };
        }),
      );
      const ids = new Set(answers.map((a) => (a.data.createAdvertisement.advertisement as { providerId: string } | undefined)?.providerId ?? a.data.createAdvertisement.__typename));
      expect([...ids]).toHaveLength(1);
      expect([...ids][0]).toBe(String(adsTitled(h, 'A thousand tries')[0]!.id));
      expect(h.adstatCount(CREATE)).toBe(1);
      expect(adsTitled(h, 'A thousand tries')).toHaveLength(1);
    } finally {
      await agent.close();
    }
  });

  it('a key is not forgotten after 10,000 other keys (no count cap, only the time to live)', async () => {
    let sent = 0;
    const store = new IdempotencyStore({ ttlMs: 3_600_000, settleMs: 0, waitMs: 0, maxAttemptMs: 1_000 });
    const op = (key: string) => ({
      scope: 'test',
      key,
      input: { key },
      provider: 'AdStat' as const,
      account: 'demo',
      endpoint: 'POST /test',
      send: async () => ({ id: ++sent }),
      save: (r: { id: number }) => r,
      load: (s: { id: number }) => s,
      reconcile: async () => ({ kind: 'absent' as const }),
      check: () => 'nothing',
    });
    const first = await store.run(op('first'));
    for (let i = 0; i < 10_000; i++) await store.run(op(`other-${i}`));
    expect(await store.run(op('first'))).toEqual(first);
    expect(sent).toBe(10_001);
  });
});

describe('instances sharing one record store (as replicas will)', () => {
  it('an attempt whose owner died (in flight past its promise) is reconciled by the next retry, not sent again blindly', async () => {
    let now = 1_000_000;
    const records = new MemoryIdempotencyRecords(() => now);
    const store = new IdempotencyStore({ ttlMs: 3_600_000, settleMs: 60_000, waitMs: 10_000, maxAttemptMs: 5_000, records, now: () => now });
    let sent = 0;
    let looked: Date | undefined;
    const op = {
      scope: 'test',
      key: 'orphan',
      input: { a: 1 },
      provider: 'AdStat' as const,
      account: 'demo',
      endpoint: 'POST /test',
      send: async () => ({ id: ++sent }),
      save: (r: { id: number }) => r,
      load: (saved: { id: number }) => saved,
      reconcile: async (sentAt: Date) => {
        looked = sentAt;
        return { kind: 'found' as const, saved: { id: 42 } };
      },
      check: () => 'nothing',
    };
    // Another instance recorded the key and sent the create, then died before recording the answer.
    const fingerprint = JSON.stringify({ a: 1 });
    await records.putIfAbsent('test\u0000orphan', { state: 'in-flight', fingerprint, attempt: 'dead', sentAt: now, heldUntil: now + 5_000 }, 3_600_000);
    now += 6_000;
    expect(await store.run(op)).toEqual({ id: 42 });
    expect(sent).toBe(0);
    expect(looked!.getTime()).toBe(1_000_000);
  });

  it('a retry on another instance while the first attempt is in flight waits for it; with no wait it is told the key is in progress', async () => {
    const records = new MemoryIdempotencyRecords();
    const sandbox = await startSandbox();
    const apps: Adgraph[] = [];
    const start = async (env: Record<string, string>) => {
      const config = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env });
      const app = await startAdgraph(config, { sandboxInstance: sandbox, providers: { idempotencyRecords: records } });
      apps.push(app);
      return app;
    };
    const input = newAd({ sandbox }, { title: 'Shared key', idempotencyKey: 'shared' });
    const create = async (app: Adgraph): Promise<Result> => {
      const res = await request(`http://127.0.0.1:${app.server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation($input: CreateAdvertisementInput!) { createAdvertisement(input: $input) { ${RESULT} ${AD} ... on IdempotencyKeyInProgress { key retryAfterSeconds } } }`, variables: { input } }),
      });
      return ((await res.body.json()) as { data: { createAdvertisement: Result } }).data.createAdvertisement;
    };
    try {
      const [first, waiting, impatient] = [await start({}), await start({}), await start({ ADGRAPH_IDEMPOTENCY_WAIT_MS: '0' })];
      sandbox.adstat.server.controls.addFault({ endpoint: CREATE, times: 1, answerDelayMs: 1_500 });
      const original = create(first);
      while (sandbox.adstat.server.controls.count(CREATE) === 0) await new Promise((r) => setTimeout(r, 20));

      const busy = await create(impatient);
      expect(busy).toMatchObject({ __typename: 'IdempotencyKeyInProgress', key: 'shared' });
      expect(busy.retryAfterSeconds).toBeGreaterThan(0);
      const [retried, made] = await Promise.all([create(waiting), original]);
      expect(made.__typename, JSON.stringify(made)).toBe('AdvertisementWrite');
      expect(retried.advertisement).toEqual(made.advertisement);
      expect(sandbox.adstat.server.controls.count(CREATE)).toBe(1);
      expect(adsTitled({ sandbox }, 'Shared key')).toHaveLength(1);
    } finally {
      for (const app of apps) await app.close();
      await sandbox.close();
    }
  });
});

describe('the schema', () => {
  it('says that creates without a key are not safe to retry', async () => {
    const res = await h.gql<{ __type: { inputFields: { name: string; description: string }[] } }>(`{ __type(name: "CreateAdvertisementInput") { inputFields { name description } } }`);
    expect(res.data!.__type.inputFields.find((f) => f.name === 'idempotencyKey')!.description).toMatch(/NOT safe to retry/);
  });
});
