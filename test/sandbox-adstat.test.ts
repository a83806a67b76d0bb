/**
 * The AdStat simulator against the provider's published contract, through real HTTP (undici) on
 * loopback. Time-dependent behaviour (token expiry, the rate-limit window) runs on a manual clock.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { ADSTAT_SANDBOX_USERS, AdstatSimulator, type AdstatSimulatorOptions } from '../src/sandbox/adstat/index.js';

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
}

interface CallOptions {
  token?: string;
  json?: unknown;
  form?: Record<string, string>;
  multipart?: { body: Buffer; contentType: string };
  headers?: Record<string, string>;
}

function client(base: () => string) {
  return async (method: 'GET' | 'POST' | 'PUT', path: string, options: CallOptions = {}): Promise<Reply> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.multipart) {
      headers['content-type'] = options.multipart.contentType;
      body = options.multipart.body;
    }
    const res = await request(`${base()}${path}`, { method, headers, body });
    const text = await res.body.text();
    return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
  };
}

/** A hand-built multipart body, so tests control part names, filenames and declared types. */
function multipart(parts: Array<{ name: string; value: string | Buffer; filename?: string; type?: string }>) {
  const boundary = `----adstat-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.type) head += `Content-Type: ${part.type}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const demo = ADSTAT_SANDBOX_USERS.find((u) => u.username === 'demo')!;
const agency2 = ADSTAT_SANDBOX_USERS.find((u) => u.username === 'agency2')!;

async function start(options: AdstatSimulatorOptions = {}) {
  const sim = new AdstatSimulator(options);
  await sim.listen();
  const call = client(() => sim.url);
  const login = async (user = demo): Promise<{ access: string; refresh: string; userId: string }> => {
    const res = await call('POST', '/api/v2/login', { form: { username: user.username, password: user.password } });
    expect(res.status).toBe(200);
    return { access: res.body.access_token, refresh: res.body.refresh_token, userId: res.body.user_id };
  };
  return { sim, call, login };
}

const LIST_FIELDS = [
  'account_name', 'action_type', 'ad_text', 'ad_type', 'advertisement_title', 'balance', 'campaign_id', 'campaign_name',
  'clicks', 'cpc', 'cpm', 'cps', 'created_dt', 'ctr', 'cvr', 'goals', 'id', 'impressions', 'kktu_codes', 'object', 'opened',
  'spent', 'status', 'status_updated_dt', 'target_topics',
];
const DETAIL_FIELDS = [
  'ad_id', 'telegram_id', 'account_id', 'account_name', 'campaign_id', 'campaign_name', 'title', 'text', 'promote_url',
  'promote_url_title', 'promote_url_photo', 'media', 'cpm', 'budget', 'langs', 'topics', 'channels', 'exclude_topics',
  'exclude_channels', 'other_info', 'decline_reason', 'status', 'status_updated_dt', 'cannot_edit_fields', 'ad_type',
  'countries', 'user_locations', 'audiences', 'exclude_audiences', 'is_audiences', 'is_exclude_audiences', 'website_name',
  'is_website', 'views_per_user', 'show_picture', 'exclude_politic', 'promote_url_picture_id', 'all_topics_interested_users',
  'device', 'target_user_channels', 'exclude_target_user_channels', 'button_type', 'daily_budget', 'after_moderation_status',
  'start_date', 'end_date', 'schedule', 'use_selected_timezone', 'schedule_timezone', 'website_photo_url', 'tg_account_type',
  'currency', 'only_crypto', 'exclude_crypto', 'kktu_ids', 'target_search', 'target_bots', 'event',
];

describe('AdStat simulator: authentication', () => {
  let clock = Date.UTC(2025, 5, 15, 12, 0, 0);
  const env = start({ now: () => clock, accessTokenTtlMs: 60_000, refreshTokenTtlMs: 600_000, rateLimit: false });
  let t: Awaited<typeof env>;
  beforeAll(async () => {
    t = await env;
  });
  afterAll(async () => t.sim.close());

  it('logs in with form data and the access token works; it is a JWT with sub and exp in seconds', async () => {
    const { access, userId } = await t.login();
    const names = await t.call('GET', '/api/accounts/telegram/names', { token: access });
    expect(names.status).toBe(200);
    expect(names.body).toHaveLength(4);
    const payload = JSON.parse(Buffer.from(access.split('.')[1]!, 'base64url').toString('utf8'));
    expect(payload.sub).toBe(userId);
    expect(payload.exp).toBe(Math.floor((clock + 60_000) / 1000));
  });

  it('accepts multipart login too, and refuses a JSON body and wrong credentials', async () => {
    const mp = await t.call('POST', '/api/v2/login', {
      multipart: multipart([{ name: 'username', value: demo.username }, { name: 'password', value: demo.password }]),
    });
    expect(mp.status).toBe(200);
    const json = await t.call('POST', '/api/v2/login', { json: { username: demo.username, password: demo.password } });
    expect(json.status).toBe(422);
    expect(json.body.detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(['body.username', 'body.password']);
    const bad = await t.call('POST', '/api/v2/login', { form: { username: demo.username, password: 'nope' } });
    expect(bad).toEqual({ status: 401, body: { detail: 'Incorrect username or password' } });
  });

  it('answers 401 without a token, with an unknown one, and for an expired one; refresh gives a new token', async () => {
    const { access, refresh } = await t.login();
    expect(await t.call('GET', '/api/dashboard/balances')).toEqual({ status: 401, body: { detail: 'Not authenticated' } });
    expect((await t.call('GET', '/api/dashboard/balances', { token: 'x.y.z' })).body).toEqual({ detail: 'Not authenticated' });

    clock += 60_000; // the TTL
    expect(await t.call('GET', '/api/dashboard/balances', { token: access })).toEqual({ status: 401, body: { detail: 'Token expired' } });
    const refreshed = await t.call('GET', '/api/v2/access-token', { headers: { refresh_token: refresh } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token_type).toBe('Bearer');
    expect((await t.call('GET', '/api/dashboard/balances', { token: refreshed.body.access_token })).status).toBe(200);

    t.sim.expireAccessTokens();
    expect((await t.call('GET', '/api/dashboard/balances', { token: refreshed.body.access_token })).body).toEqual({ detail: 'Token expired' });
  });

  it('answers the documented 401 for an expired refresh token, and another for an unknown one', async () => {
    const { refresh } = await t.login();
    t.sim.expireRefreshTokens();
    expect(await t.call('GET', '/api/v2/access-token', { headers: { refresh_token: refresh } })).toEqual({
      status: 401,
      body: { detail: 'Refresh Token Expired', status_code: 401 },
    });
    expect((await t.call('GET', '/api/v2/access-token', { headers: { refresh_token: 'unknown' } })).body).toEqual({
      detail: 'Invalid refresh token',
      status_code: 401,
    });
    // Over HTTP too: the control endpoint expires what it is told to.
    const fresh = await t.login();
    const res = await request(`${t.sim.url}/__sandbox/expire-tokens`, { method: 'POST', body: JSON.stringify({ access: true }) });
    expect(res.statusCode).toBe(200);
    await res.body.text();
    expect((await t.call('GET', '/api/kktu', { token: fresh.access })).body).toEqual({ detail: 'Token expired' });
    expect((await t.call('GET', '/api/v2/access-token', { headers: { refresh_token: fresh.refresh } })).status).toBe(200);
  });
});

describe('AdStat simulator: rate limit', () => {
  let clock = Date.UTC(2025, 5, 15, 12, 0, 0);
  const env = start({ now: () => clock, rateLimit: { max: 10, windowMs: 300 } });
  let t: Awaited<typeof env>;
  beforeAll(async () => {
    t = await env;
  });
  afterAll(async () => t.sim.close());

  it('allows 10 per (user, path) per window, then blocks; a request during the block extends it', async () => {
    const { access } = await t.login();
    const names = () => t.call('GET', '/api/accounts/telegram/names', { token: access });
    for (let i = 0; i < 10; i++) {
      clock += 1;
      // A trailing slash is the same path.
      const res = i % 2 === 0 ? await names() : await t.call('GET', '/api/accounts/telegram/names/', { token: access });
      expect(res.status).toBe(200);
    }
    expect(await names()).toEqual({ status: 429, body: { detail: 'Rate limit exceeded' } }); // block starts at B
    expect((await t.call('GET', '/api/dashboard/balances', { token: access })).status).toBe(200); // other path
    expect((await t.call('GET', '/api/advertisement/telegram/1', { token: access })).status).toBe(404);

    clock += 200;
    expect((await names()).status).toBe(429); // B+200: still blocked, and the block restarts here
    clock += 200;
    expect((await names()).status).toBe(429); // B+400: past the first window, but extended; restarts again
    clock += 300;
    expect((await names()).status).toBe(200); // a full window after the last blocked request

    // Another user has their own budget on the same path.
    const other = await t.login(agency2);
    expect((await t.call('GET', '/api/accounts/telegram/names', { token: other.access })).status).toBe(200);
  });

  it('does not count unauthenticated requests', async () => {
    clock += 1000;
    for (let i = 0; i < 15; i++) expect((await t.call('GET', '/api/kktu')).status).toBe(401);
    const { access } = await t.login();
    for (let i = 0; i < 10; i++) expect((await t.call('GET', '/api/kktu', { token: access })).status).toBe(200);
    expect((await t.call('GET', '/api/kktu', { token: access })).status).toBe(429);
  });
});

describe('AdStat simulator: data and writes', () => {
  const env = start({ rateLimit: false });
  let t: Awaited<typeof env>;
  let token: string;
  let cabinets: Array<{ account_uid: string; name: string; mode: string; is_audience_allowed: boolean; balance: number }>;
  const cabinet = (mode: string, uz = false) => cabinets.find((c) => c.mode === mode && c.is_audience_allowed === uz)!;
  let campaigns: Array<{ id: number; account_id: string }>;
  const campaignIn = (accountId: string) => campaigns.find((c) => c.account_id === accountId)!.id;
  const THIRD_LEVEL = '0193d46f-1889-7cb1-b1a0-9800191b62e9'; // 1.1.1 ВИНО, from the page

  beforeAll(async () => {
    t = await env;
    token = (await t.login()).access;
    cabinets = (await t.call('GET', '/api/accounts/telegram/names', { token })).body;
    campaigns = (await t.call('GET', '/api/campaigns/?limit=500', { token })).body.items;
  });
  afterAll(async () => t.sim.close());

  const validBody = (campaignId: number, extra: Record<string, unknown> = {}) => ({
    campaign_id: campaignId,
    title: 'Sandbox test ad',
    text: 'Learn Python in three months',
    promote_url: 't.me/demo_code_school',
    cpm: 2,
    budget: 10,
    ad_type: 'target_channels',
    topics: [2],
    kktu_ids: [THIRD_LEVEL],
    ...extra,
  });

  it('seeds four cabinets for demo, twelve campaigns and 1,200 ads', async () => {
    expect(cabinets.map((c) => c.mode).sort()).toEqual(['auto_labeling', 'manual_labeling', 'manual_labeling', 'no_labeling']);
    expect(campaigns).toHaveLength(12);
    const demoId = [...t.sim.state.users.values()].find((u) => u.username === 'demo')!.id;
    expect(t.sim.state.adsOf(demoId)).toHaveLength(1200);
    const list = await t.call('GET', '/api/accounts/telegram/?account_name=uzbek', { token });
    expect(list.body.count).toBe(1);
    expect(list.body.items[0].status).toBe('active');
  });

  it('lists ads newest first with exactly the documented fields, paginates and filters', async () => {
    const page = await t.call('GET', '/api/v2/advertisement/?show_deleted=false&offset=0&limit=50', { token });
    expect(page.status).toBe(200);
    expect(Object.keys(page.body)).toEqual(['data']);
    expect(page.body.data).toHaveLength(50);
    expect(Object.keys(page.body.data[0]).sort()).toEqual([...LIST_FIELDS].sort());
    const ids = page.body.data.map((a: { id: number }) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page.body.data[0].created_dt).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(page.body.data[0].status_updated_dt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/);
    expect(page.body.data.some((a: { status: string }) => a.status === 'deleted')).toBe(false);

    const next = await t.call('GET', '/api/v2/advertisement/?offset=50&limit=5', { token });
    expect(next.body.data.map((a: { id: number }) => a.id)[0]).toBeLessThan(ids[49]);

    const today = await t.call('GET', '/api/v2/advertisement/?period=today&limit=500', { token });
    const todayStr = new Date().toISOString().slice(0, 10).split('-').reverse().join('.');
    expect(today.body.data.length).toBeGreaterThan(0);
    for (const ad of today.body.data) expect(ad.created_dt.startsWith(todayStr)).toBe(true);

    const withDeleted = await t.call('GET', '/api/v2/advertisement/?show_deleted=true&limit=500&period=all', { token });
    expect(withDeleted.body.data.some((a: { status: string }) => a.status === 'deleted')).toBe(true);

    // Lists are repeated parameters; a comma belongs to the value (campaign names may contain one).
    const names = (res: { body: { data: { campaign_name: string }[] } }) => new Set(res.body.data.map((a) => a.campaign_name));
    const repeated = await t.call('GET', `/api/v2/advertisement/?limit=500&campaign_names=${encodeURIComponent('wallet LAUNCH')}&campaign_names=${encodeURIComponent('Курс аналитики')}`, { token });
    expect(names(repeated)).toEqual(new Set(['Wallet launch', 'Курс аналитики данных']));
    const joined = await t.call('GET', `/api/v2/advertisement/?limit=500&campaign_names=${encodeURIComponent('Wallet launch,Курс аналитики')}`, { token });
    expect(joined.body.data).toEqual([]);
    const comma = await t.call('GET', `/api/v2/advertisement/?limit=500&campaign_names=${encodeURIComponent('wallet, trading')}`, { token });
    expect(names(comma)).toEqual(new Set(['Always-on: wallet, trading']));
  });

  it('refuses limit 501 with the validation error', async () => {
    expect(await t.call('GET', '/api/v2/advertisement/?limit=501', { token })).toEqual({
      status: 422,
      body: { detail: [{ loc: ['query', 'limit'], msg: 'Input should be less than or equal to 500', type: 'less_than_equal' }] },
    });
    expect((await t.call('GET', '/api/campaigns/?limit=501', { token })).status).toBe(422);
  });

  it('enforces the KKTU rules: required in auto-labelling cabinets, one id, third level only', async () => {
    const auto = campaignIn(cabinet('auto_labeling').account_uid);
    const locs = async (body: unknown) =>
      (await t.call('POST', '/api/advertisement/telegram/', { token, json: body })).body.detail.map((d: { loc: Array<string | number> }) => d.loc.join('.'));
    expect(await locs(validBody(auto, { kktu_ids: [] }))).toEqual(['body.kktu_ids']);
    expect(await locs(validBody(auto, { kktu_ids: ['0193d46f-1888-7553-8d09-53116794ddb3'] }))).toEqual(['body.kktu_ids.0']); // level 1
    expect(await locs(validBody(auto, { kktu_ids: ['0193d46f-1889-7cb1-b1a0-97f889d945ad'] }))).toEqual(['body.kktu_ids.0']); // level 2
    expect(await locs(validBody(auto, { kktu_ids: [THIRD_LEVEL, '0193d46f-1889-7cb1-b1a0-98184fd25317'] }))).toEqual(['body.kktu_ids']);
    // A manual-labelling cabinet does not require one.
    const manual = campaignIn(cabinet('manual_labeling').account_uid);
    const ok = await t.call('POST', '/api/advertisement/telegram/', { token, json: validBody(manual, { kktu_ids: [], other_info: 'erid: 2VtzqTEST' }) });
    expect(ok.status).toBe(200);
  });

  it('lists every problem of a body at once: tg_event_id, ad_object, target bots, audiences, schedule', async () => {
    const autoCab = cabinet('auto_labeling').account_uid;
    const manualCab = cabinet('manual_labeling').account_uid;
    const otherEvents = (await t.call('GET', `/api/pixel_events/?account_id=${manualCab}`, { token })).body.items;
    const res = await t.call('POST', '/api/advertisement/telegram/', {
      token,
      json: validBody(campaignIn(autoCab), {
        promote_url: 'https://t.me/+AbCdEf12345',
        ad_type: 'target_bots',
        target_bots: [{ id: 123456789, url: 't.me/bot_1' }, { id: 123456771, url: 'bot_3' }, { id: 1, url: '@no_such_bot' }, { url: 't.me/bot_2' }],
        tg_event_id: otherEvents[0].tg_event_id, // another cabinet's event
        audiences: [1],
        schedule: { mon: [0, 24], someday: [1] },
        cpm: 0,
      }),
    });
    expect(res.status).toBe(422);
    const byLoc = new Map(res.body.detail.map((d: { loc: Array<string | number>; msg: string; type: string }) => [d.loc.join('.'), d]));
    expect([...byLoc.keys()].sort()).toEqual(
      ['body.ad_object', 'body.audiences', 'body.cpm', 'body.schedule.mon', 'body.schedule.someday', 'body.target_bots.1', 'body.target_bots.2', 'body.target_bots.3.id', 'body.tg_event_id'].sort(),
    );
    expect((byLoc.get('body.target_bots.1') as { msg: string }).msg).toBe('Advertisement: Target bot must have 1000+ daily users');
    // A bot without its id (the body example gives `{id, url}`) is refused.
    expect(byLoc.get('body.target_bots.3.id')).toEqual({ loc: ['body', 'target_bots', 3, 'id'], msg: 'Field required', type: 'missing' });
    expect((byLoc.get('body.ad_object') as { type: string }).type).toBe('value_error');

    // Fixed, the same ad goes through; the own cabinet's event is accepted.
    const ownEvents = (await t.call('GET', `/api/pixel_events/?account_id=${autoCab}`, { token })).body.items;
    const ok = await t.call('POST', '/api/advertisement/telegram/', {
      token,
      json: validBody(campaignIn(autoCab), {
        promote_url: 'https://t.me/+AbCdEf12345',
        ad_object: 't.me/target_channel',
        ad_type: 'target_bots',
        target_bots: [{ id: 123456789, url: 't.me/bot_1' }],
        tg_event_id: ownEvents[0].tg_event_id,
      }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.event).toEqual({ tg_id: ownEvents[0].tg_event_id, name: ownEvents[0].title });
    expect(ok.body.target_bots).toEqual([{ url: 't.me/bot_1', title: 'Bot name 1', photo_url: 'https://cdn4.telesco.pe/file/path_to_photo_url_for_bot_1.jpg' }]);
  });

  it('creates an ad that the details and the list then show, with its uploaded media', async () => {
    const auto = cabinet('auto_labeling');
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
    const upload = await t.call('POST', `/api/v1/advertising/telegram/upload_media?account_id=${auto.account_uid}`, {
      token,
      multipart: multipart([{ name: 'media', value: jpeg, filename: 'a.jpg', type: 'image/jpeg' }]),
    });
    expect(upload.body).toMatchObject({ content_type: 'image/jpeg', error: null });
    const before = (await t.call('GET', `/api/accounts/telegram/${auto.account_uid}`, { token })).body.balance;

    const created = await t.call('POST', '/api/advertisement/telegram/', {
      token,
      json: validBody(campaignIn(auto.account_uid), { media_token: upload.body.media_token, title: 'Brand new ad' }),
    });
    expect(created.status).toBe(200);
    expect(Object.keys(created.body)).toEqual(DETAIL_FIELDS);
    expect(created.body).toMatchObject({ status: 'in_review', after_moderation_status: 'active', kktu_ids: [THIRD_LEVEL], media: { token: upload.body.media_token, type: 'image' } });
    const details = await t.call('GET', `/api/advertisement/telegram/${created.body.ad_id}`, { token });
    expect(details.body).toEqual(created.body);
    const list = await t.call('GET', '/api/v2/advertisement/?period=today&limit=1', { token });
    expect(list.body.data[0]).toMatchObject({ id: created.body.ad_id, advertisement_title: 'Brand new ad', status: 'in_review', kktu_codes: ['1.1.1'] });
    const after = (await t.call('GET', `/api/accounts/telegram/${auto.account_uid}`, { token })).body.balance;
    expect(after).toBeCloseTo(before - 10, 2);

    // Another user cannot see it.
    const other = await t.login(agency2);
    expect(await t.call('GET', `/api/advertisement/telegram/${created.body.ad_id}`, { token: other.access })).toEqual({
      status: 404,
      body: { detail: 'Advertisement not found' },
    });
  });

  it('edits: locked fields are refused, text changes send the ad back to review, deleted ads are refused', async () => {
    const approved = [...t.sim.state.ads.values()].find((a) => a.userId === [...t.sim.state.users.values()][0]!.id && a.status === 'active' && a.accountId === cabinet('auto_labeling').account_uid)!;
    const locked = await t.call('PUT', `/api/advertisement/telegram/${approved.id}`, { token, json: { promote_url: 'https://example.com/' } });
    expect(locked.status).toBe(422);
    expect(locked.body.detail[0].loc).toEqual(['body', 'promote_url']);
    const same = await t.call('PUT', `/api/advertisement/telegram/${approved.id}`, { token, json: { promote_url: approved.promoteUrl, cpm: 3.5 } });
    expect(same.body).toMatchObject({ status: 'active', cpm: 3.5 });
    const edited = await t.call('PUT', `/api/advertisement/telegram/${approved.id}`, { token, json: { text: 'New text' } });
    expect(edited.body).toMatchObject({ status: 'in_review', text: 'New text' });

    const deleted = [...t.sim.state.ads.values()].find((a) => a.status === 'deleted' && a.userId === approved.userId)!;
    expect(await t.call('PUT', `/api/advertisement/telegram/${deleted.id}`, { token, json: { title: 'x' } })).toEqual({
      status: 400,
      body: { detail: 'Advertisement is deleted' },
    });
  });

  it('changes statuses in bulk with per-ad errors (UNVERIFIED endpoint)', async () => {
    const demoId = [...t.sim.state.users.values()].find((u) => u.username === 'demo')!.id;
    const stopped = t.sim.state.adsOf(demoId).find((a) => a.status === 'stopped' && a.stats.spent < a.budget && t.sim.state.cabinets.get(a.accountId)!.status === 'active')!;
    const declined = t.sim.state.adsOf(demoId).find((a) => a.status === 'declined')!;
    const res = await t.call('POST', '/api/advertisement/telegram/status/', { token, json: { ad_ids: [stopped.id, declined.id, 1], status: 'active' } });
    expect(res.status).toBe(200);
    expect(res.body.updated).toEqual([stopped.id]);
    expect(res.body.errors.map((e: { ad_id: number }) => e.ad_id)).toEqual([declined.id, 1]);
    expect((await t.call('POST', '/api/advertisement/telegram/status/', { token, json: { ad_ids: [stopped.id], status: 'paused' } })).status).toBe(422);
  });

  it('creates, edits and deletes campaigns, and moves money between ads and the cabinet (UNVERIFIED endpoints)', async () => {
    const manual = cabinet('manual_labeling');
    const created = await t.call('POST', '/api/campaigns/', { token, json: { name: 'Sandbox campaign', account_id: manual.account_uid } });
    expect(created.body).toMatchObject({ name: 'Sandbox campaign', account_id: manual.account_uid, status: 'not_active', number_of_advertisements: 0 });
    expect((await t.call('PUT', `/api/campaigns/${created.body.id}`, { token, json: { description: 'About' } })).body.description).toBe('About');
    const ad = await t.call('POST', '/api/advertisement/telegram/', { token, json: validBody(created.body.id, { kktu_ids: [] }) });
    const balance = async () => (await t.call('GET', `/api/accounts/telegram/${manual.account_uid}`, { token })).body.balance as number;
    const start = await balance();
    const raised = await t.call('POST', '/api/advertisement/telegram/budget/', { token, json: { ad_ids: [ad.body.ad_id], budget: 25 } });
    expect(raised.body).toEqual({ updated: [ad.body.ad_id], errors: [] });
    expect(await balance()).toBeCloseTo(start - 15, 2);
    const deleted = await t.call('POST', '/api/campaigns/delete', { token, json: { ids: [created.body.id, 1] } });
    expect(deleted.body).toEqual({ deleted: [created.body.id] });
    expect(await balance()).toBeCloseTo(start + 10, 2); // the whole unspent budget came back
    expect((await t.call('GET', `/api/advertisement/telegram/${ad.body.ad_id}`, { token })).body.status).toBe('deleted');
    expect((await t.call('GET', `/api/campaigns/${created.body.id}`, { token })).status).toBe(404);
  });

  it('validates target bots', async () => {
    const acc = cabinet('auto_labeling').account_uid;
    const res = await t.call('GET', `/api/advertisement/bots/validate?bots=bot_1&bots=bot_2&bots=bot_3&bots=ghost_bot&account_id=${acc}`, { token });
    expect(res.body.bots.map((b: { url: string }) => b.url)).toEqual(['t.me/bot_1', 't.me/bot_2']);
    expect(res.body.errors).toEqual([
      { code: 'advertisement__target_bot_daily_users_limit_error', detail: 'Advertisement: Target bot must have 1000+ daily users', url: 'bot_3' },
      { code: 'advertisement__target_bot_not_found', detail: 'Advertisement: Target bot not found', url: 'ghost_bot' },
    ]);
    // Usernames only, as the page asks: a link or `@name` names no bot.
    const links = await t.call('GET', `/api/advertisement/bots/validate?bots=t.me/bot_1&bots=${encodeURIComponent('https://t.me/bot_1')}&bots=${encodeURIComponent('@bot_1')}&account_id=${acc}`, { token });
    expect(links.body.bots).toEqual([]);
    expect(links.body.errors.map((e: { url: string }) => e.url)).toEqual(['t.me/bot_1', 'https://t.me/bot_1', '@bot_1']);
  });

  it('serves the KKTU tree with the documented nodes and 40+ third-level nodes', async () => {
    const res = await t.call('GET', '/api/kktu', { token });
    expect(res.body.items[0].children[0].children[0]).toEqual({ id: THIRD_LEVEL, tree_id: 1001001, code: '1.1.1', name: 'ВИНО', children: [] });
    const thirds = res.body.items.flatMap((g: { children: Array<{ children: unknown[] }> }) => g.children.flatMap((s) => s.children));
    expect(thirds.length).toBeGreaterThanOrEqual(40);
  });

  describe('audiences', () => {
    const numbers = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `998${String(900000000 + from + i)}`);
    const upload = (accountId: string, file: string, filename = 'numbers.csv', title = 'Test audience') =>
      t.call('POST', `/api/advertisement/telegram/${accountId}/audiences`, {
        token,
        multipart: multipart([{ name: 'title', value: title }, { name: 'audience', value: file, filename, type: 'text/csv' }]),
      });
    const uz = () => cabinet('no_labeling', true).account_uid;
    const audienceCount = async () => (await t.call('GET', `/api/advertisement/telegram/${uz()}/audiences/`, { token })).body.length;

    it('is refused outside Uzbekistan cabinets', async () => {
      const ru = cabinet('auto_labeling').account_uid;
      const body = { detail: 'Audiences are available only for cabinets with geolocation Uzbekistan' };
      expect(await upload(ru, numbers(1000).join('\n'))).toEqual({ status: 403, body });
      expect(await t.call('GET', `/api/advertisement/telegram/${ru}/audiences/`, { token })).toEqual({ status: 403, body });
    });

    it('refuses fewer than 1,000 numbers and a bad entry, creating nothing', async () => {
      const before = await audienceCount();
      const few = await upload(uz(), numbers(999).join('\n'));
      expect(few.status).toBe(400);
      expect(few.body.detail).toContain('at least 1,000');
      const lines = numbers(1200);
      lines[4] = '+998901234567';
      const bad = await upload(uz(), lines.join('\r\n'));
      expect(bad.status).toBe(400);
      expect(bad.body.detail).toMatch(/^Line 5: .*digits only/);
      const foreign = await upload(uz(), ['79161234567', ...numbers(1000)].join('\n'));
      expect(foreign.body.detail).toMatch(/^Line 1: .*998/);
      expect((await upload(uz(), numbers(1000).join('\n'), 'numbers.xlsx')).status).toBe(400);
      expect(await audienceCount()).toBe(before);
    });

    it('accepts 1,000 entries mixing numbers and SHA-256 hashes, commas and line breaks', async () => {
      const before = await audienceCount();
      const hashes = Array.from({ length: 10 }, (_, i) => createHash('sha256').update(`998${i}`).digest('hex'));
      const file = `${numbers(495).join(',')}\r\n${numbers(495, 5000).join('\n')}\n${hashes.join(' , ')}\n\n`;
      const res = await upload(uz(), file, 'list.txt', 'Sandbox buyers');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ telegram_id: expect.any(Number), title: 'Sandbox buyers' });
      const list = (await t.call('GET', `/api/advertisement/telegram/${uz()}/audiences/`, { token })).body;
      expect(list).toHaveLength(before + 1);
      expect(list).toContainEqual(res.body);
    });
  });

  it('checks uploaded media types and magic bytes', async () => {
    const acc = cabinet('auto_labeling').account_uid;
    const send = (value: Buffer, type: string, filename: string) =>
      t.call('POST', `/api/v1/advertising/telegram/upload_media?account_id=${acc}`, { token, multipart: multipart([{ name: 'media', value, filename, type }]) });
    const png = await send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'image/png', 'a.png');
    expect(png.body).toEqual({ media_token: null, content_type: 'image/png', error: 'Unsupported media type' });
    const fakeJpeg = await send(Buffer.from('not a jpeg at all'), 'image/jpeg', 'a.jpg');
    expect(fakeJpeg.body.media_token).toBeNull();
    expect(fakeJpeg.body.error).toBeTruthy();
    const mp4 = await send(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64)]), 'video/mp4', 'v.mp4');
    expect(mp4.body).toMatchObject({ content_type: 'video/mp4', error: null });
    expect(typeof mp4.body.media_token).toBe('string');
  });

  it('answers statistics pages and refuses fine grouping over more than 2 days', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const res = await t.call('POST', '/api/v1/stats/page', {
      token,
      json: { period_from: from.toISOString(), period_to: to.toISOString(), period_grouping_unit: 'day', grouping: 'cabinet', limit: 10 },
    });
    expect(res.status).toBe(200);
    expect(res.body.columns[0].key).toBe('period_date');
    expect(res.body.rows).toHaveLength(10);
    expect(typeof res.body.next_cursor).toBe('string');
    const tooLong = await t.call('POST', '/api/v1/stats/page', {
      token,
      json: { period_from: new Date(to.getTime() - 3 * 86_400_000).toISOString(), period_to: to.toISOString(), period_grouping_unit: 'hour' },
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.detail[0].loc).toEqual(['body', 'period_grouping_unit']);
  });

  it('counts requests per endpoint', async () => {
    t.sim.server.controls.resetCounts();
    await t.call('GET', '/api/v2/advertisement/?limit=1', { token });
    await t.call('GET', '/api/v2/advertisement?limit=2', { token });
    await t.call('GET', '/api/advertisement/telegram/1', { token });
    await t.call('GET', '/api/nowhere', { token });
    expect(t.sim.server.controls.count('GET /api/v2/advertisement')).toBe(2);
    expect(t.sim.server.controls.count('GET /api/advertisement/telegram/:ad_id')).toBe(1);
    expect(t.sim.server.controls.count()).toBe(4);
    expect((await t.call('GET', '/api/nowhere', { token })).body).toEqual({ detail: 'Not Found' });
  });
});

describe('AdStat simulator: determinism', () => {
  it('builds the same data from the same seed and clock', () => {
    const now = () => Date.UTC(2025, 5, 15, 12, 0, 0);
    const a = new AdstatSimulator({ seed: 7, now });
    const b = new AdstatSimulator({ seed: 7, now });
    const pick = (s: AdstatSimulator) => [...s.state.ads.values()].slice(0, 50).map((ad) => [ad.id, ad.title, ad.status, ad.stats, ad.createdAt]);
    expect(pick(a)).toEqual(pick(b));
    expect([...a.state.cabinets.keys()]).toEqual([...b.state.cabinets.keys()]);
  });
});
