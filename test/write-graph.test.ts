/**
 * The write graph over the simulators: each mutation changes the simulator's state and the next
 * query shows it; refusals are typed and send nothing; retries with a key never create twice; bulk
 * changes report per item.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

const CREATE = 'POST /api/advertisement/telegram';
const EDIT = 'PUT /api/advertisement/telegram/:ad_id';
const STATUS = 'POST /api/advertisement/telegram/status';
const MEDIA = 'POST /api/v1/advertising/telegram/upload_media';
const AUDIENCE = 'POST /api/advertisement/telegram/:account_id/audiences';
const TONAI_CREATE = 'POST /api/v2/openapi/ad/campaign/create';
const TONAI_STATUS = 'POST /api/v2/openapi/ad/campaign/status';

const RESULT = `__typename
  ... on MutationError { message }
  ... on ValidationError { issues { field rule message } }
  ... on ProviderFailure { code provider account }`;

type Result = { __typename: string; message?: string; issues?: { field: string; rule: string; message: string }[] } & Record<string, unknown>;

let h: Harness;
let demo: string;

beforeAll(async () => {
  h = await startHarness();
  demo = h.sandbox.adstat.state.userByName('demo')!.id;
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.resetCounts();
  h.sandbox.adstat.resetRateLimits();
});

function cabinet(predicate: (c: { mode: string; country: string; status: string }) => boolean) {
  const found = h.sandbox.adstat.state.cabinetsOf(demo).find(predicate);
  if (!found) throw new Error('no such cabinet in the seed');
  return found;
}
function campaignOf(accountId: string) {
  const found = h.sandbox.adstat.state.campaignsOf(demo).find((c) => c.accountId === accountId);
  if (!found) throw new Error('no campaign in that cabinet');
  return { id: found.id, globalId: encodeGlobalID('AdstatCampaign', `demo:${found.id}`) };
}
const accountGlobalId = (accountId: string) => encodeGlobalID('Account', `ADSTAT:demo:${accountId}`);
const writes = () => h.adstatCount(CREATE) + h.adstatCount(EDIT) + h.adstatCount(STATUS) + h.adstatCount(MEDIA) + h.adstatCount(AUDIENCE) + h.tonaiCount(TONAI_CREATE) + h.tonaiCount(TONAI_STATUS);

async function mutate(name: string, inputType: string, input: Record<string, unknown>, selection = ''): Promise<Result> {
  const res = await h.gql<Record<string, Result>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![name]!;
}

const AD_WRITE = '... on AdvertisementWrite { validateOnly request { method path body } advertisement { id providerId title status rawStatus campaignName moderation { rawStatus } } }';

function manualCampaign() {
  const eu = cabinet((c) => c.mode === 'manual_labeling' && c.status === 'active');
  return { cabinet: eu, campaign: campaignOf(eu.accountId) };
}

function newAd(extra: Record<string, unknown> = {}) {
  return {
    campaignId: manualCampaign().campaign.globalId,
    title: 'Autumn launch',
    text: 'Our new channel about Telegram ads',
    adType: 'TARGET_CHANNELS',
    promoteUrl: 't.me/adgraph_news',
    cpm: '2.50',
    budget: '20',
    dailyBudget: '5',
    targeting: { languages: ['en'], topics: [1, 2] },
    schedule: { days: [{ day: 'MONDAY', hours: [9, 10, 11] }, { day: 'FRIDAY', hours: [18] }], timezoneOffsetSeconds: 10800 },
    erid: 'erid: 2VtzqwXYZ',
    ...extra,
  };
}

describe('AdStat advertisements', () => {
  it('creates an advertisement: the simulator has it and the next query shows it', async () => {
    const result = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd(), AD_WRITE);
    expect(result.__typename).toBe('AdvertisementWrite');
    const ad = result.advertisement as { id: string; providerId: string; title: string; status: string };
    expect(ad.title).toBe('Autumn launch');
    expect(ad.status).toBe('IN_REVIEW');
    const stored = h.sandbox.adstat.state.ads.get(Number(ad.providerId))!;
    expect(stored).toMatchObject({ title: 'Autumn launch', cpm: 2.5 });
    expect(h.adstatCount(CREATE)).toBe(1);

    const listed = await h.gql<{ advertisements: { edges: { node: { id: string; title: string; schedule: { days: { day: string; hours: number[] }[] } } }[] } }>(
      `{ advertisements(first: 5, connectionId: "demo") { edges { node { id title schedule { days { day hours } } } } } }`,
    );
    const first = listed.data!.advertisements.edges[0]!.node;
    expect(first.id).toBe(ad.id);
    expect(first.schedule.days.find((d) => d.day === 'MONDAY')!.hours).toEqual([9, 10, 11]);
    expect(first.schedule.days.find((d) => d.day === 'SUNDAY')!.hours).toEqual([]);
  });

  it('validateOnly runs every check and returns the exact request, writing nothing', async () => {
    const result = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ validateOnly: true }), AD_WRITE);
    expect(result).toMatchObject({ __typename: 'AdvertisementWrite', validateOnly: true, advertisement: null });
    const req = result.request as { method: string; path: string; body: Record<string, unknown> };
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/api/advertisement/telegram/');
    expect(req.body).toMatchObject({ campaign_id: manualCampaign().campaign.id, cpm: 2.5, budget: 20, daily_budget: 5, ad_source: 'web_api', other_info: 'erid: 2VtzqwXYZ', schedule_timezone: 10800 });
    expect((req.body.schedule as Record<string, number[]>).mon).toEqual([9, 10, 11]);
    expect(writes()).toBe(0);
  });

  it('a retry with the same idempotency key returns the first advertisement; the same key with other input is refused', async () => {
    const key = `launch-${Date.now()}`;
    const first = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ idempotencyKey: key, title: 'Once only' }), AD_WRITE);
    const again = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ idempotencyKey: key, title: 'Once only' }), AD_WRITE);
    expect((again.advertisement as { id: string }).id).toBe((first.advertisement as { id: string }).id);
    expect(h.adstatCount(CREATE)).toBe(1);
    expect([...h.sandbox.adstat.state.ads.values()].filter((a) => a.title === 'Once only')).toHaveLength(1);

    const other = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ idempotencyKey: key, title: 'Something else' }), '... on IdempotencyKeyReused { key }');
    expect(other).toMatchObject({ __typename: 'IdempotencyKeyReused', key });
    expect(h.adstatCount(CREATE)).toBe(1);
  });

  it('edits an advertisement and refuses fields AdStat no longer lets edit', async () => {
    const created = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ title: 'To edit' }), AD_WRITE);
    const id = (created.advertisement as { id: string }).id;
    const providerId = Number((created.advertisement as { providerId: string }).providerId);
    const edited = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, title: 'Edited title', cpm: '3.10', schedule: null }, AD_WRITE);
    expect(edited.__typename).toBe('AdvertisementWrite');
    expect((edited.request as { body: unknown }).body).toEqual({ title: 'Edited title', cpm: 3.1, schedule: null, use_selected_timezone: false, schedule_timezone: null });
    expect(h.sandbox.adstat.state.ads.get(providerId)).toMatchObject({ title: 'Edited title', cpm: 3.1, schedule: null });
    const read = await h.gql<{ node: { title: string; budget: { cpm: { amount: string } } } }>(`query($id: ID!) { node(id: $id) { ... on Advertisement { title budget { cpm { amount } } } } }`, { id });
    expect(read.data!.node).toEqual({ title: 'Edited title', budget: { cpm: { amount: '3.1' } } });

    // An approved advertisement can no longer change its promoted URL.
    h.sandbox.adstat.moderate(providerId, 'approve');
    h.clearCache();
    h.resetCounts();
    const locked = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, promoteUrl: 't.me/another_channel' });
    expect(locked.__typename).toBe('ValidationError');
    expect(locked.issues).toEqual([expect.objectContaining({ field: 'input.promoteUrl', rule: 'NOT_EDITABLE' })]);
    expect(writes()).toBe(0);
  });

  it('sets the status of many advertisements with a result per item, never all-or-nothing', async () => {
    const state = h.sandbox.adstat.state;
    const stopped = state.adsOf(demo).filter((a) => a.status === 'stopped').slice(0, 2);
    const declined = state.adsOf(demo).find((a) => a.status === 'declined')!;
    const ids = [...stopped.map((a) => encodeGlobalID('Advertisement', `demo:${a.id}`)), encodeGlobalID('Advertisement', `demo:${declined.id}`), 'not-an-id'];
    const res = await h.gql<{ setAdvertisementStatus: { results: { id: string; ok: boolean; error: { code: string; message: string } | null; advertisement: { status: string } | null }[]; succeeded: number; failed: number } }>(
      `mutation($ids: [ID!]!) { setAdvertisementStatus(ids: $ids, status: ACTIVE) { __typename ... on SetAdvertisementStatusPayload { succeeded failed results { id ok error { code message } advertisement { status } } } } }`,
      { ids },
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.setAdvertisementStatus;
    expect(payload).toMatchObject({ succeeded: 2, failed: 2 });
    expect(payload.results.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(payload.results[2]!.error!.code).toBe('PROVIDER_REJECTED');
    expect(payload.results[3]!.error!.code).toBe('VALIDATION');
    expect(payload.results[0]!.advertisement!.status).toBe('ACTIVE');
    expect(stopped.map((a) => state.ads.get(a.id)!.status)).toEqual(['active', 'active']);
    expect(h.adstatCount(STATUS)).toBe(1);
  });

  it('checks target bots with AdStat, one verdict per bot', async () => {
    const eu = manualCampaign().cabinet;
    const bots = h.sandbox.adstat.state.bots;
    const good = bots.find((b) => b.dailyUsers >= 1000)!;
    const small = bots.find((b) => b.dailyUsers < 1000)!;
    const res = await h.gql<{ validateTargetBots: { bot: string; ok: boolean; errorCode: string | null }[] }>(
      `query($account: ID!, $bots: [String!]!) { validateTargetBots(accountId: $account, bots: $bots) { bot ok telegramId title errorCode errorMessage } }`,
      { account: accountGlobalId(eu.accountId), bots: [`t.me/${good.username}`, `t.me/${small.username}`, 't.me/no_such_bot_here'] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.validateTargetBots.map((b) => [b.ok, b.errorCode])).toEqual([
      [true, null],
      [false, 'advertisement__target_bot_daily_users_limit_error'],
      [false, expect.any(String)],
    ]);
  });
});

describe('uploads', () => {
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4096, 7)]);
  const uzNumbers = (n: number) => Array.from({ length: n }, (_, i) => `998${String(900000000 + i)}`).join('\n');

  it('uploads media and returns a token AdStat accepts in an advertisement', async () => {
    const eu = manualCampaign().cabinet;
    const res = await h.upload<{ uploadMedia: Result }>(
      `mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { ${RESULT} ... on MediaUpload { token contentType bytes } } }`,
      { input: { accountId: accountGlobalId(eu.accountId), file: null } },
      { 'input.file': { name: 'banner.jpg', type: 'image/jpeg', content: jpeg } },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.uploadMedia).toMatchObject({ __typename: 'MediaUpload', contentType: 'image/jpeg', bytes: jpeg.length });
    const token = res.data!.uploadMedia.token as string;
    const created = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ creative: { mediaToken: token } }), '... on AdvertisementWrite { advertisement { creative { media { token } } } }');
    expect(created.advertisement).toEqual({ creative: { media: { token } } });
  });

  it('refuses a file whose bytes are not the declared type, sending nothing', async () => {
    const eu = manualCampaign().cabinet;
    const res = await h.upload<{ uploadMedia: Result }>(
      `mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { ${RESULT} } }`,
      { input: { accountId: accountGlobalId(eu.accountId), file: null } },
      { 'input.file': { name: 'fake.jpg', type: 'image/jpeg', content: 'GIF89a not a jpeg at all, really' } },
    );
    expect(res.data!.uploadMedia.issues).toEqual([expect.objectContaining({ field: 'input.file', rule: 'MEDIA_CONTENT' })]);
    const png = await h.upload<{ uploadMedia: Result }>(
      `mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { ${RESULT} } }`,
      { input: { accountId: accountGlobalId(eu.accountId), file: null } },
      { 'input.file': { name: 'a.png', type: 'image/png', content: '\x89PNG....' } },
    );
    expect(png.data!.uploadMedia.issues).toEqual([expect.objectContaining({ field: 'input.file', rule: 'MEDIA_TYPE' })]);
    expect(h.adstatCount(MEDIA)).toBe(0);
  });

  it('refuses a multipart request without the CSRF header before reading it', async () => {
    const res = await h.upload(`mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { __typename } }`, { input: { accountId: 'x', file: null } }, { 'input.file': { name: 'a.jpg', type: 'image/jpeg', content: jpeg } }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CSRF_HEADER_REQUIRED' });
    expect(h.adstatCount()).toBe(0);
  });

  it('creates an audience from a file in an Uzbekistan cabinet; the account then lists it', async () => {
    const uz = cabinet((c) => c.country === 'UZ');
    const res = await h.upload<{ createAudience: Result }>(
      `mutation($input: CreateAudienceInput!) { createAudience(input: $input) { ${RESULT} ... on AudienceWrite { entries audience { telegramId title } } } }`,
      { input: { accountId: accountGlobalId(uz.accountId), title: 'Tashkent buyers', file: null } },
      { 'input.file': { name: 'numbers.csv', type: 'text/csv', content: uzNumbers(1200) } },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.createAudience).toMatchObject({ __typename: 'AudienceWrite', entries: 1200, audience: { title: 'Tashkent buyers' } });
    const listed = await h.gql<{ node: { audiences: { title: string }[] } }>(`query($id: ID!) { node(id: $id) { ... on Account { audiences { title } } } }`, { id: accountGlobalId(uz.accountId) });
    expect(listed.data!.node.audiences.map((a) => a.title)).toContain('Tashkent buyers');
  });

  it('refuses bad audience files with the rule and the line, and non-Uzbek cabinets, sending nothing', async () => {
    const uz = cabinet((c) => c.country === 'UZ');
    const eu = manualCampaign().cabinet;
    const send = (accountId: string, name: string, content: string) =>
      h.upload<{ createAudience: Result }>(
        `mutation($input: CreateAudienceInput!) { createAudience(input: $input) { ${RESULT} } }`,
        { input: { accountId: accountGlobalId(accountId), title: 'x', file: null } },
        { 'input.file': { name, type: 'text/plain', content } },
      );
    const few = await send(uz.accountId, 'few.txt', uzNumbers(999));
    expect(few.data!.createAudience.issues).toEqual([expect.objectContaining({ field: 'input.file', rule: 'AUDIENCE_MIN_ENTRIES' })]);
    const bad = await send(uz.accountId, 'bad.txt', `${uzNumbers(5)}\n+79001234567\n${uzNumbers(2000)}`);
    expect(bad.data!.createAudience.issues![0]).toMatchObject({ rule: 'AUDIENCE_ENTRY' });
    expect(bad.data!.createAudience.issues![0]!.message).toMatch(/^line 6: "\+79001234567"/);
    const pdf = await send(uz.accountId, 'numbers.pdf', uzNumbers(1000));
    expect(pdf.data!.createAudience.issues![0]).toMatchObject({ rule: 'AUDIENCE_FILE_TYPE' });
    const notUz = await send(eu.accountId, 'ok.csv', uzNumbers(1000));
    expect(notUz.data!.createAudience.issues![0]).toMatchObject({ field: 'input.accountId', rule: 'AUDIENCES_NOT_ALLOWED' });
    const big = await send(uz.accountId, 'big.txt', `${uzNumbers(1000)}\n`.repeat(900));
    expect(big.data!.createAudience.issues![0]).toMatchObject({ rule: 'FILE_TOO_LARGE' });
    expect(h.adstatCount(AUDIENCE)).toBe(0);
  });
});

describe('TON.ai campaigns', () => {
  const alpha = encodeGlobalID('Account', 'TONAI:alpha:alpha');
  const day = 86_400_000;
  const campaign = (extra: Record<string, unknown> = {}) => ({
    accountId: alpha,
    name: 'adgraph launch',
    targeting: { includedRegions: ['CIS'], includedLanguages: ['ru'], platform: 'ANDROID' },
    budget: { daily: '10', total: '200.50', startTime: new Date(Date.now() + day).toISOString(), endTime: new Date(Date.now() + 30 * day).toISOString() },
    bidding: { billingType: 'CPC', costPer: '0.05' },
    creative: { popupImage: 'https://file.ton.ai/abc.png', icon: 'https://file.ton.ai/icon.png', actionType: 'VISIT_WEBSITE', destinationUrl: 'https://t.me/adgraph_bot/app', text: 'Try adgraph', brandName: 'adgraph', buttonText: 'Open' },
    ...extra,
  });
  const TONAI_WRITE = '... on TonaiCampaignWrite { validateOnly request { body } campaign { id providerId name status ... on TonaiCampaign { budget { total { amount currency } startTime } targeting { platform } } } }';

  it('creates a campaign; the next query shows it with its budget in USDT', async () => {
    const result = await mutate('createTonaiCampaign', 'CreateTonaiCampaignInput', campaign(), TONAI_WRITE);
    expect(result.__typename, JSON.stringify(result)).toBe('TonaiCampaignWrite');
    const created = result.campaign as { id: string; providerId: string; name: string; budget: { total: { amount: string; currency: string } }; targeting: { platform: string } };
    expect(created).toMatchObject({ name: 'adgraph launch', budget: { total: { amount: '200.5', currency: 'USDT' } }, targeting: { platform: 'Android' } });
    expect(h.sandbox.tonai.state.find('sbx-tonai-key-alpha', created.providerId)).toBeTruthy();
    const listed = await h.gql<{ campaigns: { edges: { node: { id: string } }[] } }>(`{ campaigns(provider: TONAI, first: 1) { edges { node { id } } } }`);
    expect(listed.data!.campaigns.edges[0]!.node.id).toBe(created.id);
  });

  it('checks every TON.ai rule before sending', async () => {
    const bad = campaign({
      name: '',
      targeting: { includedRegions: ['Atlantis', 'CIS'], excludedRegions: ['CIS'], includedLanguages: ['russian'] },
      budget: { daily: '300', total: '200', startTime: new Date(Date.now() + 2 * day).toISOString(), endTime: new Date(Date.now() + day).toISOString() },
      bidding: { billingType: 'CPM', costPer: '0' },
      creative: { popupImage: 'not a url', icon: 'https://file.ton.ai/i.png', actionType: 'JOIN_TELEGRAM', destinationUrl: 'https://example.com', text: 'x'.repeat(51), brandName: '', buttonText: 'A button label far too long' },
    });
    const result = await mutate('createTonaiCampaign', 'CreateTonaiCampaignInput', bad);
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues!.map((i) => `${i.field} ${i.rule}`).sort()).toEqual(
      [
        'input.name LENGTH',
        'input.targeting.includedRegions[0] REGION',
        'input.targeting.includedLanguages[0] LANGUAGE',
        'input.targeting.excludedRegions REGION_BOTH',
        'input.budget.daily DAILY_WITHIN_TOTAL',
        'input.budget.endTime START_BEFORE_END',
        'input.bidding.costPer POSITIVE_MONEY',
        'input.creative.popupImage URL',
        'input.creative.destinationUrl TELEGRAM_URL',
        'input.creative.text LENGTH',
        'input.creative.brandName LENGTH',
        'input.creative.buttonText LENGTH',
      ].sort(),
    );
    expect(writes()).toBe(0);
  });

  it('starts, pauses and ends many campaigns with a result per campaign', async () => {
    const created = await mutate('createTonaiCampaign', 'CreateTonaiCampaignInput', campaign({ name: 'to pause' }), TONAI_WRITE);
    const id = (created.campaign as { id: string }).id;
    const ended = h.sandbox.tonai.state.campaigns('sbx-tonai-key-alpha').find((c) => c.campaignStatus === 'ended')!;
    const endedId = encodeGlobalID('TonaiCampaign', `alpha:${ended.id}`);
    const res = await h.gql<{ setTonaiCampaignStatus: { succeeded: number; failed: number; results: { ok: boolean; error: { code: string } | null; campaign: { status: string } | null }[] } }>(
      `mutation($ids: [ID!]!) { setTonaiCampaignStatus(ids: $ids, action: PAUSE) { ... on SetTonaiCampaignStatusPayload { succeeded failed results { ok error { code } campaign { status } } } } }`,
      { ids: [id, endedId, encodeGlobalID('TonaiCampaign', 'alpha:99999999')] },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const payload = res.data!.setTonaiCampaignStatus;
    expect(payload).toMatchObject({ succeeded: 1, failed: 2 });
    expect(payload.results[0]).toMatchObject({ ok: true, campaign: { status: 'PAUSED' } });
    expect(payload.results[1]!.error!.code).toBe('PROVIDER_REJECTED');
    expect(payload.results[2]!.error!.code).toBe('NOT_FOUND');
  });
});

describe('regressions found by the rule table', () => {
  async function anAdInReview(): Promise<{ id: string; budget: number }> {
    const created = await mutate('createAdvertisement', 'CreateAdvertisementInput', newAd({ title: 'Regression base', budget: '20' }), '... on AdvertisementWrite { advertisement { id } }');
    return { id: (created.advertisement as { id: string }).id, budget: 20 };
  }

  it('an edit with null for a field AdStat cannot take null is a ValidationError, not a crash', async () => {
    const { id } = await anAdInReview();
    h.resetCounts();
    const result = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, kktuIds: null, viewsPerUser: null });
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues!.map((i) => `${i.field} ${i.rule}`).sort()).toEqual(['input.kktuIds REQUIRED', 'input.viewsPerUser REQUIRED']);
    expect(h.adstatCount()).toBe(0);
  });

  it('an edit is checked against what the advertisement already has: URL, daily budget, dates', async () => {
    const { id } = await anAdInReview();
    const res = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, promoteUrl: 'not a url' });
    expect(res.issues).toEqual([expect.objectContaining({ field: 'input.promoteUrl', rule: 'PROMOTE_URL' })]);
    const daily = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, dailyBudget: '200' });
    expect(daily.issues).toEqual([expect.objectContaining({ field: 'input.dailyBudget', rule: 'DAILY_WITHIN_TOTAL' })]);
    await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, startDate: '2030-01-10T00:00:00Z' });
    const dates = await mutate('updateAdvertisement', 'UpdateAdvertisementInput', { id, endDate: '2030-01-01T00:00:00Z' });
    expect(dates.issues).toEqual([expect.objectContaining({ field: 'input.endDate', rule: 'DATES_ORDER' })]);
  });

  it('an audience file of 9 MB of blanks is refused promptly, without rescanning what it read', async () => {
    const uz = cabinet((c) => c.country === 'UZ');
    const res = await h.upload<{ createAudience: Result }>(
      `mutation($input: CreateAudienceInput!) { createAudience(input: $input) { ${RESULT} } }`,
      { input: { accountId: accountGlobalId(uz.accountId), title: 'blanks', file: null } },
      { 'input.file': { name: 'blanks.txt', type: 'text/plain', content: ' '.repeat(9 * 1024 * 1024) } },
    );
    expect(res.data!.createAudience.issues).toEqual([expect.objectContaining({ rule: 'AUDIENCE_MIN_ENTRIES' })]);
  });

  it('TON.ai URLs are sent as they were checked: trimmed', async () => {
    const alpha = encodeGlobalID('Account', 'TONAI:alpha:alpha');
    const day = 86_400_000;
    const result = await mutate(
      'createTonaiCampaign',
      'CreateTonaiCampaignInput',
      {
        accountId: alpha,
        name: 'trim',
        budget: { daily: '1', total: '2', startTime: new Date(Date.now() + day).toISOString(), endTime: new Date(Date.now() + 2 * day).toISOString() },
        bidding: { billingType: 'CPM', costPer: '1' },
        creative: { popupImage: ' https://file.ton.ai/a.png ', icon: 'https://file.ton.ai/i.png', actionType: 'VISIT_WEBSITE', destinationUrl: '  https://t.me/x  ', text: 't', brandName: 'b', buttonText: 'go' },
        validateOnly: true,
      },
      '... on TonaiCampaignWrite { request { body } }',
    );
    const body = (result.request as { body: { ad: { popupImage: string; destination: { url: string } } } }).body;
    expect(body.ad.popupImage).toBe('https://file.ton.ai/a.png');
    expect(body.ad.destination.url).toBe('https://t.me/x');
  });
});
