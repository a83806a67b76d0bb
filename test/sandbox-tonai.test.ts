import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import {
  CAMPAIGN_STATUSES,
  TONAI_ENDPOINTS,
  TONAI_SANDBOX_KEYS,
  TonaiSimulator,
  tonaiFault,
  type TonaiWireDetail,
  type TonaiWireList,
  type TonaiWireListItem,
} from '../src/sandbox/tonai/index.js';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY = 86_400_000;
const ALPHA = 'sbx-tonai-key-alpha';
const BETA = 'sbx-tonai-key-beta';
const LIST = '/api/v2/openapi/ad/campaign/list';
const DETAIL = '/api/v2/openapi/ad/campaign/detail';
const CREATE = '/api/v2/openapi/ad/campaign/create';
const STATUS = '/api/v2/openapi/ad/campaign/status';

interface Envelope<T = unknown> {
  code: number;
  message: string;
  data: T;
}

interface Answer<T> {
  status: number;
  body: Envelope<T>;
}

async function call<T = unknown>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { key?: string; body?: unknown; rawBody?: string; contentType?: string | null } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.key !== undefined) headers['x-api-key'] = options.key;
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined && options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
  const res = await request(base + path, { method, headers, body: payload });
  return { status: res.statusCode, body: (await res.body.json()) as Envelope<T> };
}

function validBody(): Record<string, unknown> {
  return {
    name: 'Campaign Name',
    targeting: {
      includedRegions: ['Africa', 'CIS'],
      excludedRegions: ['Eastern Asia', 'Southern Asia'],
      includedLanguages: ['hi'],
      excludedLanguages: ['fr'],
      platform: 'All',
      telegramPremium: false,
      isHighValueUser: false,
      userLinkedTonWallet: false,
    },
    budget: { amount: 10, total: 200, strategy: 'daily', startTime: NOW - DAY, endTime: NOW + 30 * DAY },
    bidding: { billingType: 'CPC', costPer: 0.01 },
    ad: {
      adFormat: 'image',
      popupImage: 'https://file.ton.ai/xxxxx',
      icon: 'https://file.ton.ai/xxccc',
      destination: { actionType: 'visit.website', url: 'https://t.me/MeetMeDatingBot/App' },
      text: 'Join MeetMe',
      brandName: 'MeetMe',
      buttonText: 'Join Now',
    },
  };
}

/** validBody() with one dotted path replaced (or deleted when value is undefined). */
function bodyWith(path: string, value: unknown): Record<string, unknown> {
  const body = validBody();
  const keys = path.split('.');
  let node = body;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return body;
}

describe('TON.ai simulator', () => {
  // Read-only checks use `sim`; anything that creates or changes campaigns uses `mutable`.
  const sim = new TonaiSimulator({ now: () => NOW });
  const mutable = new TonaiSimulator({ now: () => NOW });
  let base = '';
  let mbase = '';

  beforeAll(async () => {
    base = await sim.listen(0, '127.0.0.1');
    mbase = await mutable.listen();
  });

  afterAll(async () => {
    await sim.close();
    await mutable.close();
  });

  describe('auth', () => {
    it('answers 401 with the envelope when the key is missing or unknown', async () => {
      for (const key of [undefined, 'nope', '']) {
        const res = await call(base, 'GET', LIST, key === undefined ? {} : { key });
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ code: 401, message: 'invalid api key', data: null });
      }
      const post = await call(base, 'POST', CREATE, { key: 'nope', body: validBody() });
      expect(post.status).toBe(401);
      expect(post.body.code).toBe(401);
    });

    it('leaves unknown paths to the server 404', async () => {
      const res = await request(`${base}/api/v2/openapi/ad/campaign/delete`, { headers: { 'x-api-key': ALPHA } });
      expect(res.statusCode).toBe(404);
      await res.body.dump();
    });

    it('publishes two sandbox keys', () => {
      expect(TONAI_SANDBOX_KEYS.map((k) => k.apiKey)).toEqual([ALPHA, BETA]);
      expect(new Set(TONAI_SANDBOX_KEYS.map((k) => k.userId)).size).toBe(2);
    });
  });

  describe('list', () => {
    it('defaults to page 1 of 20 in the success envelope', async () => {
      const res = await call<TonaiWireList>(base, 'GET', LIST, { key: ALPHA });
      expect(res.status).toBe(200);
      expect(res.body.code).toBe(0);
      expect(res.body.message).toBe('success');
      expect(res.body.data.campaigns).toHaveLength(20);
      expect(res.body.data).toMatchObject({ total: 130, current: 1, success: true });
      const item = res.body.data.campaigns[0]!;
      expect(Object.keys(item).sort()).toEqual(
        ['billingType', 'campaignStatus', 'clicks', 'conversions', 'cost', 'cr', 'ctr', 'id', 'impressions', 'name', 'userId'].sort(),
      );
      expect(item.userId).toBe('664f211f8135c');
      expect(item.id).toMatch(/^\d+$/);
    });

    it('honours pageSize 100 and clamps 500 to 100', async () => {
      const hundred = await call<TonaiWireList>(base, 'GET', `${LIST}?current=1&pageSize=100`, { key: ALPHA });
      expect(hundred.body.data.campaigns).toHaveLength(100);
      const clamped = await call<TonaiWireList>(base, 'GET', `${LIST}?current=1&pageSize=500`, { key: ALPHA });
      expect(clamped.status).toBe(200);
      expect(clamped.body.data.campaigns).toHaveLength(100);
      expect(clamped.body.data.campaigns.map((c) => c.id)).toEqual(hundred.body.data.campaigns.map((c) => c.id));
      const last = await call<TonaiWireList>(base, 'GET', `${LIST}?current=2&pageSize=100`, { key: ALPHA });
      expect(last.body.data.campaigns).toHaveLength(30);
      expect(last.body.data).toMatchObject({ total: 130, current: 2 });
      const beyond = await call<TonaiWireList>(base, 'GET', `${LIST}?current=9`, { key: ALPHA });
      expect(beyond.body.data.campaigns).toEqual([]);
    });

    it('continues page 1 on page 2 without overlap, newest first', async () => {
      const p1 = await call<TonaiWireList>(base, 'GET', `${LIST}?current=1&pageSize=10`, { key: ALPHA });
      const p2 = await call<TonaiWireList>(base, 'GET', `${LIST}?current=2&pageSize=10`, { key: ALPHA });
      const both = await call<TonaiWireList>(base, 'GET', `${LIST}?current=1&pageSize=20`, { key: ALPHA });
      const ids1 = p1.body.data.campaigns.map((c) => c.id);
      const ids2 = p2.body.data.campaigns.map((c) => c.id);
      expect(ids1.filter((id) => ids2.includes(id))).toEqual([]);
      expect([...ids1, ...ids2]).toEqual(both.body.data.campaigns.map((c) => c.id));
      // Seeded ids grow with creation time, so newest first means descending ids.
      const numeric = [...ids1, ...ids2].map(Number);
      expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
    });

    it('shows each key only its own campaigns', async () => {
      const alpha = await call<TonaiWireList>(base, 'GET', `${LIST}?pageSize=100`, { key: ALPHA });
      const beta = await call<TonaiWireList>(base, 'GET', `${LIST}?pageSize=100`, { key: BETA });
      expect(beta.body.data.total).toBe(40);
      expect(beta.body.data.campaigns).toHaveLength(40);
      const alphaIds = new Set(alpha.body.data.campaigns.map((c) => c.id));
      expect(beta.body.data.campaigns.some((c) => alphaIds.has(c.id))).toBe(false);
      expect(new Set(beta.body.data.campaigns.map((c) => c.userId))).toEqual(new Set(['6650a3e29b17d']));
    });

    it('returns impressions and clicks as numeric strings for every 7th campaign and numbers otherwise', async () => {
      const items: TonaiWireListItem[] = [];
      for (const current of [1, 2]) {
        const res = await call<TonaiWireList>(base, 'GET', `${LIST}?current=${current}&pageSize=100`, { key: ALPHA });
        items.push(...res.body.data.campaigns);
      }
      const strings = items.filter((c) => typeof c.impressions === 'string');
      expect(strings).toHaveLength(Math.floor(130 / 7));
      for (const c of strings) {
        expect(c.impressions).toMatch(/^\d+$/);
        expect(c.clicks).toMatch(/^\d+$/);
      }
      const statuses = new Set<string>();
      for (const c of items) {
        statuses.add(c.campaignStatus);
        const impressions = Number(c.impressions);
        const clicks = Number(c.clicks);
        expect(clicks).toBeLessThanOrEqual(impressions);
        expect(c.conversions).toBeLessThanOrEqual(clicks);
        expect(typeof c.cost).toBe('number');
        expect(c.ctr).toBe(impressions > 0 ? Math.round((clicks / impressions) * 10_000) / 100 : 0);
        expect(['CPM', 'CPC']).toContain(c.billingType);
      }
      expect([...statuses].sort()).toEqual([...CAMPAIGN_STATUSES].sort());
    });

    it('rejects a non-numeric or non-positive page with 400', async () => {
      for (const query of ['current=0', 'current=abc', 'pageSize=-1', 'pageSize=1.5', 'pageSize=']) {
        const res = await call(base, 'GET', `${LIST}?${query}`, { key: ALPHA });
        expect(res.status, query).toBe(400);
        expect(res.body.code).toBe(400);
        expect(res.body.data).toBeNull();
        expect(res.body.message).toMatch(/^(current|pageSize) must be a positive integer/);
      }
    });
  });

  describe('detail', () => {
    it('has the documented shape: no id, no statistics, extra targeting fields', async () => {
      const list = await call<TonaiWireList>(base, 'GET', LIST, { key: ALPHA });
      const first = list.body.data.campaigns[0]!;
      const res = await call<TonaiWireDetail>(base, 'GET', `${DETAIL}?campaignId=${first.id}`, { key: ALPHA });
      expect(res.status).toBe(200);
      const d = res.body.data;
      expect(Object.keys(d).sort()).toEqual(['ad', 'bidding', 'budget', 'campaignStatus', 'name', 'targeting']);
      expect(d).not.toHaveProperty('id');
      expect(d.name).toBe(first.name);
      expect(d.campaignStatus).toBe(first.campaignStatus);
      expect(Object.keys(d.targeting).sort()).toEqual(
        [
          'includedLanguages', 'excludedLanguages', 'includedRegions', 'excludedRegions', 'platform', 'telegramPremium',
          'userLinkedWallet', 'userWalletHasBalanceOnChain', 'userLinkedTonWallet', 'isHighValueUser',
        ].sort(),
      );
      expect(Object.keys(d.budget).sort()).toEqual(['amount', 'endTime', 'startTime', 'strategy', 'total']);
      expect(d.budget.strategy).toBe('daily');
      expect(d.budget.amount).toBeLessThanOrEqual(d.budget.total);
      expect(d.bidding.billingType).toBe(first.billingType);
      expect(d.ad.adFormat).toBe('image');
      expect(d.ad.popupImage).toMatch(/^https:\/\/file\.ton\.ai\//);
      expect(Object.keys(d.ad.destination).sort()).toEqual(['actionType', 'url']);
    });

    it('answers 400 without campaignId and 404 for an unknown or another key’s campaign', async () => {
      const missing = await call(base, 'GET', DETAIL, { key: ALPHA });
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual({ code: 400, message: 'campaignId is required', data: null });
      const unknown = await call(base, 'GET', `${DETAIL}?campaignId=1`, { key: ALPHA });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ code: 404, data: null });
      const betaId = sim.state.campaigns(BETA)[0]!.id;
      const foreign = await call(base, 'GET', `${DETAIL}?campaignId=${betaId}`, { key: ALPHA });
      expect(foreign.status).toBe(404);
      const own = await call(base, 'GET', `${DETAIL}?campaignId=${betaId}`, { key: BETA });
      expect(own.status).toBe(200);
    });
  });

  describe('create', () => {
    it('creates a pending campaign that list and detail then show', async () => {
      const res = await call<{ campaignId: string }>(mbase, 'POST', CREATE, { key: ALPHA, body: validBody() });
      expect(res.status).toBe(200);
      expect(res.body.code).toBe(0);
      expect(res.body.message).toBe('success');
      expect(Object.keys(res.body.data)).toEqual(['campaignId']);
      const id = res.body.data.campaignId;
      expect(id).toMatch(/^\d+$/);

      const list = await call<TonaiWireList>(mbase, 'GET', `${LIST}?pageSize=5`, { key: ALPHA });
      expect(list.body.data.total).toBe(131);
      expect(list.body.data.campaigns[0]).toMatchObject({
        id,
        name: 'Campaign Name',
        campaignStatus: 'pending',
        conversions: 0,
        billingType: 'CPC',
        cost: 0,
        ctr: 0,
        cr: 0,
      });
      expect(Number(list.body.data.campaigns[0]!.impressions)).toBe(0);

      const detail = await call<TonaiWireDetail>(mbase, 'GET', `${DETAIL}?campaignId=${id}`, { key: ALPHA });
      const sent = validBody();
      expect(detail.body.data).toEqual({
        name: sent['name'],
        budget: sent['budget'],
        targeting: { ...(sent['targeting'] as object), userLinkedWallet: false, userWalletHasBalanceOnChain: false },
        campaignStatus: 'pending',
        bidding: sent['bidding'],
        ad: sent['ad'],
      });

      // Other key does not see it.
      const beta = await call(mbase, 'GET', `${DETAIL}?campaignId=${id}`, { key: BETA });
      expect(beta.status).toBe(404);
    });

    it('fills documented defaults when optional targeting is omitted', async () => {
      const res = await call<{ campaignId: string }>(mbase, 'POST', CREATE, { key: BETA, body: bodyWith('targeting', {}) });
      expect(res.status).toBe(200);
      const detail = await call<TonaiWireDetail>(mbase, 'GET', `${DETAIL}?campaignId=${res.body.data.campaignId}`, { key: BETA });
      expect(detail.body.data.targeting).toEqual({
        includedLanguages: [],
        excludedLanguages: [],
        includedRegions: [],
        excludedRegions: [],
        platform: 'All',
        telegramPremium: false,
        userLinkedWallet: false,
        userWalletHasBalanceOnChain: false,
        userLinkedTonWallet: false,
        isHighValueUser: false,
      });
    });

    const failures: Array<[string, Record<string, unknown>, string]> = [
      ['missing budget.total', bodyWith('budget.total', undefined), 'budget.total is required'],
      ['missing name', bodyWith('name', undefined), 'name is required'],
      ['missing ad.destination.url', bodyWith('ad.destination.url', undefined), 'ad.destination.url is required'],
      ['bad billingType', bodyWith('bidding.billingType', 'CPA'), 'bidding.billingType must be one of "CPM", "CPC"'],
      ['amount above total', bodyWith('budget.amount', 500), 'budget.amount (daily, 500) must not exceed budget.total (200)'],
      ['start equal to end', bodyWith('budget.startTime', NOW + 30 * DAY), 'budget.startTime must be before budget.endTime'],
      ['text over 50', bodyWith('ad.text', 'x'.repeat(51)), 'ad.text must be at most 50 characters (got 51)'],
      ['brandName over 40', bodyWith('ad.brandName', 'b'.repeat(41)), 'ad.brandName must be at most 40 characters'],
      ['empty buttonText', bodyWith('ad.buttonText', '  '), 'ad.buttonText must not be empty'],
      ['strategy', bodyWith('budget.strategy', 'total'), 'budget.strategy must be one of "daily"'],
      ['adFormat', bodyWith('ad.adFormat', 'video'), 'ad.adFormat must be one of "image"'],
      ['zero money', bodyWith('bidding.costPer', 0), 'bidding.costPer must be greater than 0'],
      ['string money', bodyWith('budget.amount', '10'), 'budget.amount must be a number'],
      ['seconds timestamp', bodyWith('budget.startTime', Math.floor(NOW / 1000)), 'budget.startTime must be epoch milliseconds'],
      ['end in the past', bodyWith('budget.endTime', NOW - 1000), 'budget.endTime must be in the future'],
      ['region', bodyWith('targeting.includedRegions', ['Europe']), 'targeting.includedRegions[0] ("Europe") is not a published region'],
      ['language', bodyWith('targeting.includedLanguages', ['EN']), 'targeting.includedLanguages[0] ("EN") must be a 2-letter lowercase language code'],
      ['platform', bodyWith('targeting.platform', 'ios'), 'targeting.platform must be one of "All", "Android", "iOS"'],
      ['detail-only field', bodyWith('targeting.userLinkedWallet', true), 'targeting.userLinkedWallet is not a known field'],
      ['non-http url', bodyWith('ad.icon', 'ftp://file.ton.ai/x'), 'ad.icon must be an http(s) URL'],
      [
        'join.telegram off t.me',
        bodyWith('ad.destination', { actionType: 'join.telegram', url: 'https://example.com' }),
        'ad.destination.url must be a t.me link',
      ],
      ['bad actionType', bodyWith('ad.destination.actionType', 'open.app'), 'ad.destination.actionType must be one of'],
    ];

    it.each(failures)('rejects %s with 400 naming the field', async (_label, body, message) => {
      const res = await call(mbase, 'POST', CREATE, { key: ALPHA, body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(400);
      expect(res.body.data).toBeNull();
      expect(res.body.message).toContain(message);
    });

    it('reports every problem at once and creates nothing', async () => {
      const before = mutable.state.campaigns(ALPHA).length;
      const body = bodyWith('budget.total', undefined);
      (body['bidding'] as Record<string, unknown>)['billingType'] = 'oCPM';
      const res = await call(mbase, 'POST', CREATE, { key: ALPHA, body });
      expect(res.body.message).toBe('budget.total is required; bidding.billingType must be one of "CPM", "CPC"');
      expect(mutable.state.campaigns(ALPHA).length).toBe(before);
    });

    it('rejects a non-JSON body, a missing content type and a non-object body', async () => {
      const bad = await call(mbase, 'POST', CREATE, { key: ALPHA, rawBody: '{"name":' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe('body must be valid JSON');
      const noType = await call(mbase, 'POST', CREATE, { key: ALPHA, body: validBody(), contentType: null });
      expect(noType.status).toBe(400);
      expect(noType.body.message).toBe('content-type must be application/json');
      const array = await call(mbase, 'POST', CREATE, { key: ALPHA, body: [validBody()] });
      expect(array.body.message).toBe('body must be a JSON object');
    });
  });

  describe('status', () => {
    async function create(startTime = NOW - DAY): Promise<string> {
      const res = await call<{ campaignId: string }>(mbase, 'POST', CREATE, { key: ALPHA, body: bodyWith('budget.startTime', startTime) });
      return res.body.data.campaignId;
    }

    async function setStatus(campaignId: unknown, status: string, key = ALPHA): Promise<Answer<unknown>> {
      return call(mbase, 'POST', STATUS, { key, body: { campaignId, status } });
    }

    function statusOf(id: string): string | undefined {
      return mutable.state.find(ALPHA, id)?.campaignStatus;
    }

    it('moves a campaign through start, paused and end', async () => {
      const id = await create();
      const started = await setStatus(id, 'start');
      expect(started.status).toBe(200);
      expect(started.body).toEqual({ data: { result: 'success' }, code: 0, message: 'success' });
      expect(statusOf(id)).toBe('onGoing');
      // Repeating the same action is accepted without change.
      expect((await setStatus(id, 'start')).status).toBe(200);
      expect((await setStatus(id, 'paused')).status).toBe(200);
      expect(statusOf(id)).toBe('paused');
      expect((await setStatus(id, 'start')).status).toBe(200);
      expect((await setStatus(id, 'end')).status).toBe(200);
      expect(statusOf(id)).toBe('ended');
      const detail = await call<TonaiWireDetail>(mbase, 'GET', `${DETAIL}?campaignId=${id}`, { key: ALPHA });
      expect(detail.body.data.campaignStatus).toBe('ended');

      const again = await setStatus(id, 'start');
      expect(again.status).toBe(400);
      expect(again.body.code).toBe(400);
      expect(again.body.data).toBeNull();
      expect(again.body.message).toContain('is ended');
    });

    it('starts a campaign whose startTime is ahead as readyToStart', async () => {
      const id = await create(NOW + 2 * DAY);
      expect((await setStatus(id, 'start')).status).toBe(200);
      expect(statusOf(id)).toBe('readyToStart');
    });

    it('refuses changes to final and auditing campaigns, naming the status', async () => {
      for (const locked of ['reject', 'fail', 'auditing'] as const) {
        const campaign = mutable.state.campaigns(ALPHA).find((c) => c.campaignStatus === locked)!;
        const res = await setStatus(campaign.id, 'end');
        expect(res.status).toBe(400);
        expect(res.body.message).toContain(`is ${locked}`);
        expect(campaign.campaignStatus).toBe(locked);
      }
    });

    it('answers 404 for an unknown or another key’s campaign', async () => {
      const unknown = await setStatus('99999999', 'start');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ code: 404, data: null });
      expect(unknown.body.message).toContain('99999999');
      const betaId = mutable.state.campaigns(BETA)[0]!.id;
      expect((await setStatus(betaId, 'paused')).status).toBe(404);
    });

    it('validates the body', async () => {
      const id = await create();
      const badStatus = await setStatus(id, 'stop');
      expect(badStatus.status).toBe(400);
      expect(badStatus.body.message).toBe('status must be one of "start", "paused", "end"');
      const numericId = await setStatus(Number(id), 'start');
      expect(numericId.status).toBe(400);
      expect(numericId.body.message).toBe('campaignId must be a string');
      const missing = await call(mbase, 'POST', STATUS, { key: ALPHA, body: { status: 'start' } });
      expect(missing.body.message).toBe('campaignId is required');
    });
  });

  describe('controls', () => {
    it('counts requests per endpoint', async () => {
      sim.server.controls.resetCounts();
      await call(base, 'GET', LIST, { key: ALPHA });
      await call(base, 'GET', `${LIST}?current=2`, { key: BETA });
      await call(base, 'GET', LIST, { key: 'nope' });
      await call(base, 'GET', `${DETAIL}?campaignId=1`, { key: ALPHA });
      expect(sim.server.controls.count('GET /api/v2/openapi/ad/campaign/list')).toBe(3);
      expect(sim.server.controls.count(TONAI_ENDPOINTS.detail)).toBe(1);
      expect(sim.server.controls.count(TONAI_ENDPOINTS.create)).toBe(0);
    });

    it('injects a fault on one endpoint', async () => {
      sim.server.controls.addFault({ endpoint: TONAI_ENDPOINTS.list, status: 500, times: 1 });
      const faulted = await request(`${base}${LIST}`, { headers: { 'x-api-key': ALPHA } });
      expect(faulted.statusCode).toBe(500);
      await faulted.body.dump();
      expect((await call(base, 'GET', LIST, { key: ALPHA })).status).toBe(200);

      sim.server.controls.addFault(tonaiFault(TONAI_ENDPOINTS.detail, { times: 1 }));
      const enveloped = await call(base, 'GET', `${DETAIL}?campaignId=1`, { key: ALPHA });
      expect(enveloped.status).toBe(500);
      expect(enveloped.body).toEqual({ code: 500, message: 'internal error (injected)', data: null });
    });

    it('restores the seeded state on reset', async () => {
      const fresh = new TonaiSimulator({ now: () => NOW });
      const url = await fresh.listen();
      try {
        await call(url, 'POST', CREATE, { key: ALPHA, body: validBody() });
        expect(fresh.state.campaigns(ALPHA)).toHaveLength(131);
        const res = await request(`${url}/__sandbox/tonai/reset`, { method: 'POST' });
        expect(res.statusCode).toBe(200);
        await res.body.dump();
        expect(fresh.state.campaigns(ALPHA)).toHaveLength(130);
        expect(fresh.state.campaigns(ALPHA)).toEqual(sim.state.campaigns(ALPHA));
      } finally {
        await fresh.close();
      }
    });
  });

  describe('seed', () => {
    it('is deterministic for a seed and differs between seeds', () => {
      const a = new TonaiSimulator({ seed: 7, now: () => NOW });
      const b = new TonaiSimulator({ seed: 7, now: () => NOW });
      const c = new TonaiSimulator({ seed: 8, now: () => NOW });
      expect(a.state.campaigns(ALPHA)).toEqual(b.state.campaigns(ALPHA));
      expect(a.state.campaigns(BETA)).toEqual(b.state.campaigns(BETA));
      expect(a.state.campaigns(ALPHA)).not.toEqual(c.state.campaigns(ALPHA));
    });

    it('places campaigns around now and keeps budgets and statistics consistent', () => {
      for (const key of [ALPHA, BETA]) {
        const campaigns = sim.state.campaigns(key);
        expect(new Set(campaigns.map((c) => c.campaignStatus))).toEqual(new Set(CAMPAIGN_STATUSES));
        expect(new Set(campaigns.map((c) => c.bidding.billingType))).toEqual(new Set(['CPM', 'CPC']));
        for (const c of campaigns) {
          expect(c.budget.amount).toBeGreaterThanOrEqual(5);
          expect(c.budget.amount).toBeLessThanOrEqual(200);
          expect(c.budget.total).toBeGreaterThanOrEqual(c.budget.amount);
          expect(c.budget.startTime).toBeLessThan(c.budget.endTime);
          expect(c.stats.cost).toBeLessThanOrEqual(c.budget.total);
          if (c.campaignStatus === 'onGoing') {
            expect(c.budget.startTime).toBeLessThanOrEqual(NOW);
            expect(c.budget.endTime).toBeGreaterThan(NOW);
          }
          if (c.campaignStatus === 'readyToStart') expect(c.budget.startTime).toBeGreaterThan(NOW);
        }
      }
    });
  });
});
