/**
 * Acceptance: every field in the providers' documented responses is reachable in the graph.
 *
 * Each documented response example (test/fixtures/documented-examples.ts) has a table from every
 * wire field it contains (dotted path; arrays by their items, `target_bots[].title`) to the GraphQL
 * path that exposes it and the value the graph must show (dates as ISO UTC, money as
 * `{amount, currency}` decimal strings, statuses as enum + raw value). The test
 *   (a) fails when the example holds a field the table does not map — a newly documented field
 *       cannot go unmapped — or when the table names a field the example does not hold;
 *   (b) injects the example as the upstream answer, runs ONE GraphQL operation selecting every
 *       mapped path, and compares each value. Write answers (upload_media, TON.ai create/status) are
 *       injected on their write endpoint and read back from the mutation's payload; upload_media is
 *       sent as a GraphQL multipart request with a small JPEG.
 * A documented field the graph does not expose is a row with `unreachable: '<why>'`: it documents
 * the gap (and keeps (a) honest) without faking a mapping.
 *
 * Every configured login/key that calls an injected endpoint gets the same body (the sandbox has two
 * AdStat logins and two TON.ai keys), so faults apply until cleared; each case reads the `demo`
 * login's (or `alpha` key's) view.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ADSTAT_AD_DETAILS,
  ADSTAT_AD_DETAILS_TABLE_EVENT,
  ADSTAT_AD_LIST,
  ADSTAT_AUDIENCES,
  ADSTAT_BALANCES,
  ADSTAT_BOT_VALIDATION,
  ADSTAT_CABINET_LIST,
  ADSTAT_CABINET_NAMES,
  ADSTAT_CAMPAIGN_LIST,
  ADSTAT_KKTU_TREE,
  ADSTAT_PIXEL_EVENTS,
  ADSTAT_UPLOAD_MEDIA,
  ADSTAT_UPLOAD_MEDIA_REFUSED,
  TONAI_CAMPAIGN_DETAIL,
  TONAI_CAMPAIGN_LIST,
  TONAI_CREATE,
  TONAI_STATUS,
} from './fixtures/documented-examples.js';
import { startHarness, type Harness } from './helpers/harness.js';

// ---- paths ----------------------------------------------------------------------------------

/** What `at` gives for a path that leads nowhere (a string, so diffs stay readable). */
const MISSING = '<missing>';

/** `a.b[].c` maps over the array at `b`; `a.b[2].c` takes one item. Works on wire and graph values. */
function at(value: unknown, path: string): unknown {
  return walk(value, path.match(/[^.[\]]+|\[\d*\]/g) ?? []);
}

function walk(value: unknown, tokens: string[]): unknown {
  const [head, ...rest] = tokens;
  if (head === undefined) return value;
  if (head === '[]') return Array.isArray(value) ? value.map((item) => walk(item, rest)) : MISSING;
  if (head.startsWith('[')) {
    const index = Number(head.slice(1, -1));
    return Array.isArray(value) && index < value.length ? walk(value[index], rest) : MISSING;
  }
  if (value === null || typeof value !== 'object' || !(head in value)) return MISSING;
  return walk((value as Record<string, unknown>)[head], rest);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every field path of a JSON value: objects recursively, arrays of objects by their items (`[]`). */
function fieldPaths(value: unknown, prefix = ''): string[] {
  const join = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  if (Array.isArray(value)) {
    const objects = value.filter(isObject);
    if (objects.length === 0) return [prefix];
    return [...new Set(objects.flatMap((item) => fieldPaths(item, `${prefix}[]`)))];
  }
  if (isObject(value) && Object.keys(value).length > 0) return Object.entries(value).flatMap(([key, v]) => fieldPaths(v, join(key)));
  return [prefix];
}

// ---- the tables -----------------------------------------------------------------------------

interface Mapped {
  /** Wire path, relative to the case's documented item. */
  wire: string;
  /** GraphQL path, relative to the case's graph root. */
  graph: string;
  expected: unknown;
}
interface Unreachable {
  wire: string;
  /** Why no GraphQL path exposes it (a gap to close, reported, not faked). */
  unreachable: string;
}
type Row = Mapped | Unreachable;
const isMapped = (row: Row): row is Mapped => 'graph' in row;

interface Injection {
  provider: 'adstat' | 'tonai';
  endpoint: string;
  body: unknown;
}

interface Case {
  name: string;
  /** The documented body, exactly as injected. */
  response: unknown;
  /** Where the documented item sits in the response ('' = the whole body, `data[]` = each row of `data`). */
  item: string;
  /** Fields of the response outside the item (envelopes, paging), and what adgraph does with them. */
  envelope?: Record<string, string>;
  rows: Row[];
  /** How the graph reaches the item; absent when no row is reachable. */
  graph?: {
    inject: Injection[];
    query: string;
    variables?: Record<string, unknown>;
    /** Files to send as a GraphQL multipart request (variable path → file); absent for plain JSON requests. */
    files?: Record<string, { name: string; type: string; content: Buffer }>;
    /** The object the rows' graph paths start from, in the query's `data`. */
    root: (data: unknown) => unknown;
  };
}

const MONEY = '{ amount currency }';
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const usdt = (amount: string) => ({ amount, currency: 'USDT' });
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The `demo` login's view of an account list (both sandbox logins get the same injected body). */
const demoAccount = (data: unknown) => (at(data, 'accounts') as { connectionId: string }[]).find((a) => a.connectionId === 'demo');

const AD_ENDPOINTS = {
  list: 'GET /api/v2/advertisement',
  details: 'GET /api/advertisement/telegram/:ad_id',
  names: 'GET /api/accounts/telegram/names',
  cabinets: 'GET /api/accounts/telegram',
  campaigns: 'GET /api/campaigns',
  kktu: 'GET /api/kktu',
  pixelEvents: 'GET /api/pixel_events',
  audiences: 'GET /api/advertisement/telegram/:account_id/audiences',
  balances: 'GET /api/dashboard/balances',
  validateBots: 'GET /api/advertisement/bots/validate',
  uploadMedia: 'POST /api/v1/advertising/telegram/upload_media',
} as const;
const TONAI_ENDPOINTS = {
  list: 'GET /api/v2/openapi/ad/campaign/list',
  detail: 'GET /api/v2/openapi/ad/campaign/detail',
  create: 'POST /api/v2/openapi/ad/campaign/create',
  status: 'POST /api/v2/openapi/ad/campaign/status',
} as const;

/** The cabinet the write examples act in: the one ADSTAT_CABINET_NAMES (injected alongside) holds. */
const CABINET = ADSTAT_CABINET_NAMES[0]!.account_uid;
const DEMO_CABINET = encodeGlobalID('Account', `ADSTAT:demo:${CABINET}`);

/** A file the upload checks accept (JPEG magic bytes FF D8 FF, declared image/jpeg). */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1024, 7)]);
const UPLOAD_MEDIA = /* GraphQL */ `mutation ($input: UploadMediaInput!) {
  uploadMedia(input: $input) { __typename ... on MutationError { message } ... on ProviderFailure { code provider account } ... on MediaUpload { token contentType filename bytes } }
}`;
const uploadMediaVariables = { input: { accountId: DEMO_CABINET, file: null } };
const uploadMediaFiles = { 'input.file': { name: 'banner.jpg', type: 'image/jpeg', content: JPEG } };

/** The bots asked about in the validation example: the two it accepts (by link) and the one it refuses (by name). */
const BOTS_ASKED = ['t.me/bot_1', 't.me/bot_2', 'bot_3'];

/**
 * The details example's `"ad_id": 0` is a placeholder no advertisement can have (adgraph refuses it
 * before any call), so the example is served at this id; every other field is the example's.
 */
const DETAILS_AD_ID = 4242;
const DETAILS_AT_AN_ID = { ...ADSTAT_AD_DETAILS, ad_id: DETAILS_AD_ID };

const DAY_MS = 86_400_000;
/** A campaign every TON.ai rule accepts (the create answer is injected, so its content is not echoed). */
const TONAI_NEW_CAMPAIGN = {
  accountId: encodeGlobalID('Account', 'TONAI:alpha:alpha'),
  name: 'ton ads',
  targeting: { includedRegions: ['Africa', 'CIS'], includedLanguages: ['hi'], platform: 'ALL' },
  budget: { daily: '10', total: '200', startTime: new Date(Date.now() + DAY_MS).toISOString(), endTime: new Date(Date.now() + 14 * DAY_MS).toISOString() },
  bidding: { billingType: 'CPC', costPer: '0.06' },
  creative: { popupImage: 'https://file.ton.ai/popup.png', icon: 'https://file.ton.ai/icon.png', actionType: 'VISIT_WEBSITE', destinationUrl: 'https://app.ton.ai', text: 'show ad', brandName: 'ton.ai', buttonText: 'GO' },
};
/** The id TON.ai's create example answers, as the campaign whose status the status example changes. */
const TONAI_CAMPAIGN_ID = encodeGlobalID('TonaiCampaign', `alpha:${TONAI_CREATE.data.campaignId}`);

const CASES: Case[] = [
  {
    name: 'AdStat advertisement list row (GET /api/v2/advertisement/)',
    response: ADSTAT_AD_LIST,
    item: 'data[]',
    rows: [
      { wire: 'account_name', graph: 'accountName', expected: 'SOME_test' },
      { wire: 'action_type', graph: 'actionType', expected: null },
      { wire: 'ad_text', graph: 'text', expected: 'example text' },
      { wire: 'ad_type', graph: 'adType', expected: 'TARGET_BOTS' },
      { wire: 'ad_type', graph: 'rawAdType', expected: 'target_bots' },
      { wire: 'advertisement_title', graph: 'title', expected: 'example title' },
      { wire: 'balance', graph: 'balance', expected: eur('0') },
      { wire: 'campaign_id', graph: 'campaignProviderId', expected: '12345' },
      { wire: 'campaign_name', graph: 'campaignName', expected: 'Default' },
      { wire: 'clicks', graph: 'statistics.clicks', expected: 0 },
      { wire: 'cpc', graph: 'statistics.cpc', expected: eur('0') },
      { wire: 'cpm', graph: 'cpm', expected: eur('3') },
      { wire: 'cpm', graph: 'statistics.cpm', expected: eur('3') },
      { wire: 'cps', graph: 'statistics.cps', expected: eur('0') },
      // "09.01.1998 09:04:26" is dd.mm.yyyy (status_updated_dt beside it is 1998-01-09), read as UTC.
      { wire: 'created_dt', graph: 'createdAt', expected: '1998-01-09T09:04:26.000Z' },
      { wire: 'ctr', graph: 'statistics.ctr', expected: 0 },
      { wire: 'cvr', graph: 'statistics.cvr', expected: 0 },
      { wire: 'goals', graph: 'statistics.goals', expected: 0 },
      { wire: 'id', graph: 'providerId', expected: '1364756' },
      { wire: 'impressions', graph: 'statistics.impressions', expected: 0 },
      { wire: 'kktu_codes', graph: 'kktuCodes', expected: [] },
      { wire: 'object', graph: 'promotedObject', expected: 't.me/example' },
      { wire: 'opened', graph: 'statistics.videoOpens', expected: null },
      { wire: 'spent', graph: 'statistics.spent', expected: eur('0') },
      { wire: 'status', graph: 'status', expected: 'STOPPED' },
      { wire: 'status', graph: 'rawStatus', expected: 'stopped' },
      // Microseconds are cut to the DateTime scalar's milliseconds.
      { wire: 'status_updated_dt', graph: 'statusUpdatedAt', expected: '1998-01-09T09:29:27.311Z' },
      { wire: 'target_topics', graph: 'targetTopics', expected: [] },
    ],
    graph: {
      inject: [{ provider: 'adstat', endpoint: AD_ENDPOINTS.list, body: ADSTAT_AD_LIST }],
      query: /* GraphQL */ `{
        advertisements(first: 1, connectionId: "demo") { edges { node {
          providerId title text adType rawAdType status rawStatus statusUpdatedAt accountName campaignProviderId campaignName
          cpm ${MONEY} promotedObject createdAt actionType balance ${MONEY} kktuCodes targetTopics
          statistics { impressions clicks goals videoOpens ctr cvr cpc ${MONEY} cpm ${MONEY} cps ${MONEY} spent ${MONEY} }
        } } }
      }`,
      root: (data) => at(data, 'advertisements.edges[0].node'),
    },
  },
  {
    name: 'AdStat advertisement details (GET /api/advertisement/telegram/{ad_id})',
    response: ADSTAT_AD_DETAILS,
    item: '',
    rows: [
      // Reached by `node` with the key demo:4242 (the example's placeholder 0 replaced, see DETAILS_AD_ID),
      // so every field shared with the list row comes from the details.
      { wire: 'ad_id', graph: 'providerId', expected: String(DETAILS_AD_ID) },
      { wire: 'telegram_id', graph: 'telegramId', expected: 999999999 },
      { wire: 'account_id', graph: 'accountProviderId', expected: 'ACCTEST_1111' },
      { wire: 'account_name', graph: 'accountName', expected: 'TEST' },
      { wire: 'campaign_id', graph: 'campaignProviderId', expected: '56521378' },
      { wire: 'campaign_name', graph: 'campaignName', expected: 'Campaign test' },
      { wire: 'title', graph: 'title', expected: 'Test promote title' },
      { wire: 'title', graph: 'creative.title', expected: 'Test promote title' },
      { wire: 'text', graph: 'text', expected: 'Test promote text' },
      { wire: 'text', graph: 'creative.text', expected: 'Test promote text' },
      { wire: 'promote_url', graph: 'creative.promotedUrl', expected: 'https://cryptosite.ru/' },
      { wire: 'promote_url', graph: 'promotedObject', expected: 'https://cryptosite.ru/' },
      { wire: 'promote_url_title', graph: 'creative.promotedTitle', expected: 'Crypto Channel' },
      { wire: 'promote_url_photo', graph: 'creative.promotedPhoto', expected: '/file/test_token.jpg' },
      { wire: 'media.token', graph: 'creative.media.token', expected: 'test_token' },
      { wire: 'media.url', graph: 'creative.media.url', expected: 'https://cdn4.telesco.pe/file/test_token.jpg' },
      { wire: 'media.type', graph: 'creative.media.type', expected: 'image' },
      { wire: 'cpm', graph: 'budget.cpm', expected: eur('1.5') },
      { wire: 'cpm', graph: 'cpm', expected: eur('1.5') },
      { wire: 'budget', graph: 'budget.total', expected: eur('10') },
      { wire: 'langs', graph: 'targeting.languages', expected: [] },
      { wire: 'topics', graph: 'targeting.topics', expected: [] },
      { wire: 'channels', graph: 'targeting.channels', expected: [] },
      { wire: 'exclude_topics', graph: 'targeting.excludedTopics', expected: [] },
      { wire: 'exclude_channels', graph: 'targeting.excludedChannels', expected: [] },
      { wire: 'other_info', graph: 'labelling.erid', expected: 'erid: test token' },
      { wire: 'decline_reason', graph: 'moderation.declineReasons', expected: [] },
      { wire: 'status', graph: 'status', expected: 'ACTIVE' },
      { wire: 'status', graph: 'rawStatus', expected: 'active' },
      { wire: 'status', graph: 'moderation.status', expected: 'ACTIVE' },
      { wire: 'status', graph: 'moderation.rawStatus', expected: 'active' },
      { wire: 'status_updated_dt', graph: 'statusUpdatedAt', expected: '2024-12-04T07:24:45.344Z' },
      { wire: 'status_updated_dt', graph: 'moderation.statusUpdatedAt', expected: '2024-12-04T07:24:45.344Z' },
      { wire: 'cannot_edit_fields', graph: 'moderation.nonEditableFields', expected: [] },
      { wire: 'ad_type', graph: 'adType', expected: 'TARGET_BOTS' },
      { wire: 'ad_type', graph: 'rawAdType', expected: 'target_bots' },
      { wire: 'ad_type', graph: 'targeting.type', expected: 'TARGET_BOTS' },
      { wire: 'countries', graph: 'targeting.countries', expected: [] },
      { wire: 'user_locations', graph: 'targeting.locations', expected: [] },
      { wire: 'audiences', graph: 'targeting.audiences', expected: [] },
      { wire: 'exclude_audiences', graph: 'targeting.excludedAudiences', expected: [] },
      { wire: 'is_audiences', graph: 'targeting.usesAudiences', expected: false },
      { wire: 'is_exclude_audiences', graph: 'targeting.usesExcludedAudiences', expected: false },
      { wire: 'website_name', graph: 'creative.websiteName', expected: 'Crypto Site' },
      { wire: 'is_website', graph: 'creative.isWebsite', expected: true },
      { wire: 'views_per_user', graph: 'targeting.viewsPerUser', expected: 1 },
      { wire: 'show_picture', graph: 'creative.showPicture', expected: false },
      { wire: 'exclude_politic', graph: 'targeting.excludePolitical', expected: null },
      { wire: 'promote_url_picture_id', graph: 'creative.promotedPictureId', expected: 'https://ads.telegram.org/file/test..asd' },
      { wire: 'all_topics_interested_users', graph: 'targeting.allTopicsInterestedUsers', expected: null },
      { wire: 'device', graph: 'targeting.device', expected: null },
      { wire: 'target_user_channels', graph: 'targeting.userChannels', expected: [] },
      { wire: 'exclude_target_user_channels', graph: 'targeting.excludedUserChannels', expected: [] },
      { wire: 'button_type', graph: 'creative.buttonType', expected: 'learn_more' },
      { wire: 'daily_budget', graph: 'budget.daily', expected: eur('2') },
      { wire: 'after_moderation_status', graph: 'moderation.statusAfterModeration', expected: 'ACTIVE' },
      { wire: 'after_moderation_status', graph: 'moderation.rawStatusAfterModeration', expected: 'active' },
      { wire: 'start_date', graph: 'schedule.startDate', expected: null },
      { wire: 'end_date', graph: 'schedule.endDate', expected: null },
      { wire: 'schedule.mon', graph: 'schedule.days[0]', expected: { day: 'MONDAY', hours: HOURS } },
      { wire: 'schedule.tue', graph: 'schedule.days[1]', expected: { day: 'TUESDAY', hours: HOURS } },
      { wire: 'schedule.wed', graph: 'schedule.days[2]', expected: { day: 'WEDNESDAY', hours: HOURS } },
      { wire: 'schedule.thu', graph: 'schedule.days[3]', expected: { day: 'THURSDAY', hours: HOURS } },
      { wire: 'schedule.fri', graph: 'schedule.days[4]', expected: { day: 'FRIDAY', hours: HOURS } },
      { wire: 'schedule.sat', graph: 'schedule.days[5]', expected: { day: 'SATURDAY', hours: HOURS } },
      { wire: 'schedule.sun', graph: 'schedule.days[6]', expected: { day: 'SUNDAY', hours: HOURS } },
      { wire: 'use_selected_timezone', graph: 'schedule.useSelectedTimezone', expected: true },
      { wire: 'schedule_timezone', graph: 'schedule.timezoneOffsetSeconds', expected: 10800 },
      { wire: 'website_photo_url', graph: 'creative.websitePhotoUrl', expected: 'test' },
      { wire: 'tg_account_type', graph: 'telegramAccountType', expected: 1 },
      { wire: 'currency', graph: 'currency', expected: 'EUR' },
      { wire: 'only_crypto', graph: 'targeting.onlyCrypto', expected: false },
      { wire: 'exclude_crypto', graph: 'targeting.excludeCrypto', expected: false },
      { wire: 'kktu_ids', graph: 'labelling.kktuIds', expected: ['some_uid_kktu'] },
      { wire: 'target_search', graph: 'targeting.searchQueries', expected: [] },
      { wire: 'target_bots[].url', graph: 'targeting.bots[].url', expected: ['t.me/bot_1', 't.me/bot_2'] },
      { wire: 'target_bots[].title', graph: 'targeting.bots[].title', expected: ['Bot name 1', 'Bot name 2'] },
      {
        wire: 'target_bots[].photo_url',
        graph: 'targeting.bots[].photoUrl',
        expected: ['https://cdn4.telesco.pe/file/path_to_photo_url_for_bot_1.jpg', 'https://cdn4.telesco.pe/file/path_to_photo_url_for_bot_2.jpg'],
      },
      { wire: 'event.tg_id', graph: 'pixelEvent.tgEventId', expected: 'KuliaGnSD' },
      { wire: 'event.name', graph: 'pixelEvent.name', expected: 'test1' },
    ],
    graph: {
      inject: [{ provider: 'adstat', endpoint: AD_ENDPOINTS.details, body: DETAILS_AT_AN_ID }],
      query: /* GraphQL */ `query ($id: ID!) {
        node(id: $id) { ... on Advertisement {
          providerId title text adType rawAdType status rawStatus statusUpdatedAt accountName accountProviderId campaignProviderId campaignName
          cpm ${MONEY} promotedObject telegramId telegramAccountType currency
          targeting {
            type languages topics channels userChannels bots { telegramId url title photoUrl } searchQueries countries locations audiences
            excludedTopics excludedChannels excludedUserChannels excludedAudiences usesAudiences usesExcludedAudiences device onlyCrypto
            excludeCrypto excludePolitical allTopicsInterestedUsers viewsPerUser
          }
          creative { title text media { token url type } buttonType promotedUrl promotedTitle promotedPhoto promotedPictureId showPicture websiteName websitePhotoUrl isWebsite }
          budget { cpm ${MONEY} total ${MONEY} daily ${MONEY} }
          schedule { startDate endDate days { day hours } timezoneOffsetSeconds useSelectedTimezone }
          moderation { status rawStatus statusUpdatedAt declineReasons { code message } nonEditableFields statusAfterModeration rawStatusAfterModeration }
          labelling { erid kktuIds }
          pixelEvent { tgEventId name }
        } }
      }`,
      variables: { id: encodeGlobalID('Advertisement', `demo:${DETAILS_AT_AN_ID.ad_id}`) },
      root: (data) => at(data, 'node'),
    },
  },
  {
    name: 'AdStat cabinet names item (GET /api/accounts/telegram/names)',
    response: ADSTAT_CABINET_NAMES,
    item: '[]',
    rows: [
      { wire: 'account_uid', graph: 'providerId', expected: 'ACC0000222' },
      { wire: 'name', graph: 'name', expected: 'SOME_test' },
      { wire: 'balance', graph: 'balance', expected: eur('125.5') },
      { wire: 'mode', graph: 'labellingMode', expected: 'auto_labeling' },
      { wire: 'is_audience_allowed', graph: 'audiencesAllowed', expected: false },
    ],
    graph: {
      inject: [{ provider: 'adstat', endpoint: AD_ENDPOINTS.names, body: ADSTAT_CABINET_NAMES }],
      query: `{ accounts(provider: ADSTAT) { connectionId providerId name balance ${MONEY} labellingMode audiencesAllowed } }`,
      root: demoAccount,
    },
  },
  {
    name: 'AdStat cabinet detail item (GET /api/accounts/telegram/)',
    response: ADSTAT_CABINET_LIST,
    item: 'items[]',
    envelope: { count: 'paging: the total number of cabinets; adgraph reads pages until it (not a value of its own)' },
    rows: [
      // The join key: the graph shows it as the cabinet id (from /names), and the detail fields below only appear when it matches.
      { wire: 'account_id', graph: 'providerId', expected: 'ACC0000222' },
      // adgraph shows the cabinet's name from /names (`name`), not this list's `account_name`: the names body injected
      // below is given this list's `account_name` for the same cabinet, so the two agree and Account.name shows it.
      // This proves the name reaches the graph consistently, not that `account_name` itself is read.
      { wire: 'account_name', graph: 'name', expected: 'SOME_test' },
      { wire: 'status', graph: 'status', expected: 'ACTIVE' },
      { wire: 'status', graph: 'rawStatus', expected: 'active' },
      { wire: 'balance_total', graph: 'balanceTotal', expected: eur('500') },
      { wire: 'balance_available', graph: 'balanceAvailable', expected: eur('120.75') },
      { wire: 'balance_active', graph: 'balanceActive', expected: eur('300') },
      { wire: 'balance_spent', graph: 'balanceSpent', expected: eur('79.25') },
      { wire: 'objects', graph: 'promotedObjects', expected: ['t.me/example'] },
      { wire: 'legal_name', graph: 'legalName', expected: 'OOO Example' },
      { wire: 'category_key', graph: 'categoryKey', expected: 'crypto' },
      { wire: 'category_name', graph: 'categoryName', expected: 'Crypto' },
    ],
    graph: {
      inject: [
        {
          provider: 'adstat',
          endpoint: AD_ENDPOINTS.names,
          body: ADSTAT_CABINET_NAMES.map((c) => ({ ...c, name: ADSTAT_CABINET_LIST.items.find((i) => i.account_id === c.account_uid)?.account_name ?? c.name })),
        },
        { provider: 'adstat', endpoint: AD_ENDPOINTS.cabinets, body: ADSTAT_CABINET_LIST },
      ],
      query: `{ accounts(provider: ADSTAT) {
        connectionId providerId name status rawStatus balanceTotal ${MONEY} balanceAvailable ${MONEY} balanceActive ${MONEY} balanceSpent ${MONEY}
        promotedObjects legalName categoryKey categoryName
      } }`,
      root: demoAccount,
    },
  },
  {
    name: 'AdStat dashboard balances (GET /api/dashboard/balances)',
    response: ADSTAT_BALANCES,
    item: '',
    rows: [
      { wire: 'active.amount', graph: 'balances.active.amount', expected: '300' },
      { wire: 'active.currency', graph: 'balances.active.currency', expected: 'EUR' },
      { wire: 'available.amount', graph: 'balances.available.amount', expected: '120.75' },
      { wire: 'available.currency', graph: 'balances.available.currency', expected: 'EUR' },
      { wire: 'total.amount', graph: 'balances.total.amount', expected: '500' },
      { wire: 'total.currency', graph: 'balances.total.currency', expected: 'EUR' },
    ],
    graph: {
      inject: [{ provider: 'adstat', endpoint: AD_ENDPOINTS.balances, body: ADSTAT_BALANCES }],
      query: `{ environment { connections { provider id label balances { active ${MONEY} available ${MONEY} total ${MONEY} } } } }`,
      // The `demo` login's connection (both logins get the same body).
      root: (data) => (at(data, 'environment.connections') as { provider: string; id: string }[]).find((c) => c.provider === 'ADSTAT' && c.id === 'demo'),
    },
  },
  {
    name: 'AdStat campaign item (GET /api/campaigns/)',
    response: ADSTAT_CAMPAIGN_LIST,
    item: 'items[]',
    envelope: { count: 'paging: the total number of campaigns; drives pageInfo.hasNextPage (not a value of its own)' },
    rows: [
      { wire: 'id', graph: 'providerId', expected: '999999' },
      { wire: 'name', graph: 'name', expected: 'Default' },
      { wire: 'description', graph: 'description', expected: 'Autumn promo' },
      { wire: 'account_id', graph: 'accountProviderId', expected: 'ACC0000222' },
      { wire: 'account_name', graph: 'accountName', expected: 'SOME_test' },
      { wire: 'status', graph: 'status', expected: 'INACTIVE' },
      { wire: 'status', graph: 'rawStatus', expected: 'not_active' },
      { wire: 'number_of_advertisements', graph: 'advertisementCount', expected: 3 },
      { wire: 'goals', graph: 'statistics.goals', expected: 12 },
      { wire: 'impressions', graph: 'statistics.impressions', expected: 15400 },
      { wire: 'budget', graph: 'budget', expected: eur('150.5') },
      { wire: 'cps', graph: 'statistics.cps', expected: eur('1.25') },
      { wire: 'cpm', graph: 'statistics.cpm', expected: eur('2.4') },
      { wire: 'ctr', graph: 'statistics.ctr', expected: 0.83 },
      { wire: 'cpc', graph: 'statistics.cpc', expected: eur('0.29') },
      { wire: 'clicks', graph: 'statistics.clicks', expected: 128 },
      { wire: 'spent', graph: 'statistics.spent', expected: eur('36.96') },
    ],
    graph: {
      inject: [{ provider: 'adstat', endpoint: AD_ENDPOINTS.campaigns, body: ADSTAT_CAMPAIGN_LIST }],
      query: `{ campaigns(provider: ADSTAT, first: 1) { edges { node { ... on AdstatCampaign {
        providerId name status rawStatus description accountProviderId accountName advertisementCount budget ${MONEY}
        statistics { impressions clicks goals ctr cpc ${MONEY} cpm ${MONEY} cps ${MONEY} spent ${MONEY} }
      } } } } }`,
      root: (data) => at(data, 'campaigns.edges[0].node'),
    },
  },
  {
    name: 'AdStat KKTU tree (GET /api/kktu/)',
    response: ADSTAT_KKTU_TREE,
    item: '',
    // Names, codes and ids pass through unchanged: the expected values are the example's own, level by level.
    rows: (
      [
        ['items[].id', 'kktuTree[].kktuId'],
        ['items[].tree_id', 'kktuTree[].treeId'],
        ['items[].code', 'kktuTree[].code'],
        ['items[].name', 'kktuTree[].name'],
        ['items[].children[].id', 'kktuTree[].children[].kktuId'],
        ['items[].children[].tree_id', 'kktuTree[].children[].treeId'],
        ['items[].children[].code', 'kktuTree[].children[].code'],
        ['items[].children[].name', 'kktuTree[].children[].name'],
        ['items[].children[].children[].id', 'kktuTree[].children[].children[].kktuId'],
        ['items[].children[].children[].tree_id', 'kktuTree[].children[].children[].treeId'],
        ['items[].children[].children[].code', 'kktuTree[].children[].children[].code'],
        ['items[].children[].children[].name', 'kktuTree[].children[].children[].name'],
        ['items[].children[].children[].children', 'kktuTree[].children[].children[].children'],
      ] as const
    ).map(([wire, graph]) => ({ wire, graph, expected: at(ADSTAT_KKTU_TREE, wire) })),
    graph: {
      inject: [{ provider: 'adstat', endpoint: AD_ENDPOINTS.kktu, body: ADSTAT_KKTU_TREE }],
      query: `{ kktuTree { kktuId treeId code name children { kktuId treeId code name children { kktuId treeId code name children { kktuId } } } } }`,
      root: (data) => data,
    },
  },
  {
    name: 'AdStat Pixel Tag event item (GET /api/pixel_events/)',
    response: ADSTAT_PIXEL_EVENTS,
    item: 'items[]',
    rows: [
      { wire: 'id', graph: 'id', expected: 'test_event_some_property' },
      { wire: 'pixel_id', graph: 'pixelId', expected: 'test_event_some_property' },
      { wire: 'tg_event_id', graph: 'tgEventId', expected: 'test_event_some_property' },
      { wire: 'title', graph: 'title', expected: 'test_event_some_property' },
      { wire: 'type', graph: 'type', expected: 'custom' },
      { wire: 'status', graph: 'status', expected: 'inactive' },
      { wire: 'ads_count', graph: 'adsCount', expected: 1 },
      { wire: 'created_at', graph: 'createdAt', expected: '2025-06-04T14:36:45.000Z' },
      { wire: 'last_triggered_at', graph: 'lastTriggeredAt', expected: null },
      { wire: 'code_snippet', graph: 'codeSnippet', expected: '<script>\ntgp("event","test_event_some_property");\n</script>' },
    ],
    graph: {
      inject: [
        { provider: 'adstat', endpoint: AD_ENDPOINTS.names, body: ADSTAT_CABINET_NAMES },
        { provider: 'adstat', endpoint: AD_ENDPOINTS.pixelEvents, body: ADSTAT_PIXEL_EVENTS },
      ],
      query: `{ accounts(provider: ADSTAT) { connectionId pixelEvents { id pixelId tgEventId title type status adsCount createdAt lastTriggeredAt codeSnippet } } }`,
      root: (data) => at(demoAccount(data), 'pixelEvents[0]'),
    },
  },
  {
    name: 'AdStat audience list (GET /api/advertisement/telegram/{account_id}/audiences/)',
    response: ADSTAT_AUDIENCES,
    item: '[]',
    rows: [
      { wire: 'telegram_id', graph: 'audiences[].telegramId', expected: [1, 2] },
      { wire: 'title', graph: 'audiences[].title', expected: ['phone_numbers_1', 'phone_numbers_2'] },
    ],
    graph: {
      // Audiences are read only for cabinets that allow them (Uzbekistan): the names answer says so.
      inject: [
        { provider: 'adstat', endpoint: AD_ENDPOINTS.names, body: ADSTAT_CABINET_NAMES.map((c) => ({ ...c, is_audience_allowed: true })) },
        { provider: 'adstat', endpoint: AD_ENDPOINTS.audiences, body: ADSTAT_AUDIENCES },
      ],
      query: `{ accounts(provider: ADSTAT) { connectionId audiences { telegramId title } } }`,
      root: demoAccount,
    },
  },
  {
    name: 'AdStat bot validation (GET /api/advertisement/bots/validate)',
    response: ADSTAT_BOT_VALIDATION,
    item: '',
    // validateTargetBots answers one verdict per bot asked, in order, matched to `bots[]`/`errors[]` by link or name:
    // asked ["t.me/bot_1", "t.me/bot_2", "bot_3"], the first two are the example's `bots`, the third its `errors`.
    rows: [
      { wire: 'bots[].id', graph: 'accepted[].telegramId', expected: [123456789, 123456780] },
      { wire: 'bots[].title', graph: 'accepted[].title', expected: ['Bot name 1', 'Bot name 2'] },
      { wire: 'bots[].url', graph: 'accepted[].url', expected: ['t.me/bot_1', 't.me/bot_2'] },
      // The match: a bot listed in `bots` is accepted, under the name it was asked by.
      { wire: 'bots[].url', graph: 'accepted[].bot', expected: ['t.me/bot_1', 't.me/bot_2'] },
      { wire: 'bots[].url', graph: 'accepted[].ok', expected: [true, true] },
      {
        wire: 'bots[].photo_url',
        graph: 'accepted[].photoUrl',
        expected: ['https://cdn4.telesco.pe/file/path_to_photo_url_for_bot_1.jpg', 'https://cdn4.telesco.pe/file/path_to_photo_url_for_bot_2.jpg'],
      },
      { wire: 'errors[].code', graph: 'refused[].errorCode', expected: ['advertisement__target_bot_daily_users_limit_error'] },
      { wire: 'errors[].detail', graph: 'refused[].errorMessage', expected: ['Advertisement: Target bot must have 1000+ daily users'] },
      // The match: a bot listed in `errors` is refused, under the name it was asked by.
      { wire: 'errors[].url', graph: 'refused[].bot', expected: ['bot_3'] },
      { wire: 'errors[].url', graph: 'refused[].ok', expected: [false] },
    ],
    graph: {
      inject: [{ provider: 'adstat', endpoint: AD_ENDPOINTS.validateBots, body: ADSTAT_BOT_VALIDATION }],
      query: `query ($account: ID!, $bots: [String!]!) { validateTargetBots(accountId: $account, bots: $bots) { bot ok telegramId title url photoUrl errorCode errorMessage } }`,
      variables: { account: DEMO_CABINET, bots: BOTS_ASKED },
      root: (data) => {
        const verdicts = at(data, 'validateTargetBots');
        return Array.isArray(verdicts) && verdicts.length === BOTS_ASKED.length ? { accepted: verdicts.slice(0, 2), refused: verdicts.slice(2) } : undefined;
      },
    },
  },
  {
    name: 'AdStat upload_media answer (POST api/v1/advertising/telegram/upload_media)',
    response: ADSTAT_UPLOAD_MEDIA,
    item: '',
    rows: [
      { wire: 'media_token', graph: 'token', expected: 'test_token' },
      { wire: 'content_type', graph: 'contentType', expected: 'image/jpeg' },
      // `error` null is a success: the MediaUpload payload. A non-null `error` is a ProviderFailure carrying it (a case below).
      { wire: 'error', graph: '__typename', expected: 'MediaUpload' },
    ],
    graph: {
      inject: [
        // The cabinet must exist for the login (uploadMedia checks it against /names first).
        { provider: 'adstat', endpoint: AD_ENDPOINTS.names, body: ADSTAT_CABINET_NAMES },
        { provider: 'adstat', endpoint: AD_ENDPOINTS.uploadMedia, body: ADSTAT_UPLOAD_MEDIA },
      ],
      query: UPLOAD_MEDIA,
      variables: uploadMediaVariables,
      files: uploadMediaFiles,
      root: (data) => at(data, 'uploadMedia'),
    },
  },
  {
    name: 'TON.ai list campaign (GET /api/v2/openapi/ad/campaign/list)',
    response: TONAI_CAMPAIGN_LIST,
    item: 'data.campaigns[]',
    envelope: {
      'data.total': 'paging: the total number of campaigns; drives pageInfo.hasNextPage (not a value of its own)',
      'data.current': 'paging: the page number answered (adgraph asks for it; not a value of its own)',
      'data.success': 'envelope flag (success is `code` 0)',
      code: 'envelope: 0 is success; anything else becomes a typed provider error',
      message: 'envelope: reported in the error when `code` is not 0',
    },
    rows: [
      { wire: 'userId', graph: 'userId', expected: '664f211f8135c' },
      { wire: 'id', graph: 'providerId', expected: 'xxx' },
      { wire: 'name', graph: 'name', expected: 'ads' },
      { wire: 'campaignStatus', graph: 'status', expected: 'ACTIVE' },
      { wire: 'campaignStatus', graph: 'rawStatus', expected: 'onGoing' },
      { wire: 'impressions', graph: 'statistics.impressions', expected: 0 },
      { wire: 'clicks', graph: 'statistics.clicks', expected: 0 },
      { wire: 'conversions', graph: 'statistics.conversions', expected: 0 },
      { wire: 'billingType', graph: 'billingType', expected: 'CPC' },
      { wire: 'cost', graph: 'statistics.spent', expected: usdt('0') },
      // TON.ai does not document the unit of ctr/cr: they are kept raw; ctr/cvr are computed from the counts.
      { wire: 'ctr', graph: 'statistics.providerCtr', expected: 0 },
      { wire: 'cr', graph: 'statistics.providerCvr', expected: 0 },
    ],
    graph: {
      inject: [{ provider: 'tonai', endpoint: TONAI_ENDPOINTS.list, body: TONAI_CAMPAIGN_LIST }],
      query: `{ campaigns(provider: TONAI, first: 1) { edges { node { ... on TonaiCampaign {
        providerId name status rawStatus userId billingType statistics { impressions clicks conversions ctr cvr providerCtr providerCvr spent ${MONEY} }
      } } } } }`,
      root: (data) => at(data, 'campaigns.edges[0].node'),
    },
  },
  {
    name: 'TON.ai campaign detail (GET /api/v2/openapi/ad/campaign/detail)',
    response: TONAI_CAMPAIGN_DETAIL,
    item: 'data',
    envelope: {
      code: 'envelope: 0 is success; anything else becomes a typed provider error',
      message: 'envelope: reported in the error when `code` is not 0',
    },
    rows: [
      // Reached by `node` with a campaign the (empty) list does not hold, so name and status come from the detail.
      { wire: 'name', graph: 'name', expected: 'ton ads' },
      { wire: 'budget.total', graph: 'budget.total', expected: usdt('200') },
      { wire: 'budget.strategy', graph: 'budget.strategy', expected: 'daily' },
      { wire: 'budget.amount', graph: 'budget.daily', expected: usdt('10') },
      { wire: 'budget.startTime', graph: 'budget.startTime', expected: '2024-12-16T16:00:00.000Z' },
      { wire: 'budget.endTime', graph: 'budget.endTime', expected: '2024-12-30T22:00:00.000Z' },
      { wire: 'targeting.includedLanguages', graph: 'targeting.includedLanguages', expected: ['hi'] },
      { wire: 'targeting.excludedLanguages', graph: 'targeting.excludedLanguages', expected: ['fr'] },
      { wire: 'targeting.includedRegions', graph: 'targeting.includedRegions', expected: ['Africa', 'CIS'] },
      { wire: 'targeting.excludedRegions', graph: 'targeting.excludedRegions', expected: ['Eastern Asia', 'Southern Asia'] },
      { wire: 'targeting.platform', graph: 'targeting.platform', expected: 'All' },
      { wire: 'targeting.telegramPremium', graph: 'targeting.telegramPremium', expected: false },
      { wire: 'targeting.userLinkedWallet', graph: 'targeting.userLinkedWallet', expected: false },
      { wire: 'targeting.userWalletHasBalanceOnChain', graph: 'targeting.userWalletHasBalanceOnChain', expected: false },
      { wire: 'targeting.userLinkedTonWallet', graph: 'targeting.userLinkedTonWallet', expected: false },
      { wire: 'targeting.isHighValueUser', graph: 'targeting.isHighValueUser', expected: false },
      { wire: 'campaignStatus', graph: 'status', expected: 'ACTIVE' },
      { wire: 'campaignStatus', graph: 'rawStatus', expected: 'onGoing' },
      { wire: 'bidding.billingType', graph: 'bidding.billingType', expected: 'CPC' },
      { wire: 'bidding.billingType', graph: 'billingType', expected: 'CPC' },
      { wire: 'bidding.costPer', graph: 'bidding.costPer', expected: usdt('0.06') },
      { wire: 'ad.adFormat', graph: 'creative.adFormat', expected: 'image' },
      { wire: 'ad.popupImage', graph: 'creative.popupImage', expected: 'https://file.p' },
      { wire: 'ad.icon', graph: 'creative.icon', expected: 'https://file' },
      { wire: 'ad.destination.url', graph: 'creative.destinationUrl', expected: 'https://app.ton.ai' },
      { wire: 'ad.destination.actionType', graph: 'creative.actionType', expected: 'visit.website' },
      { wire: 'ad.text', graph: 'creative.text', expected: 'show ad' },
      { wire: 'ad.brandName', graph: 'creative.brandName', expected: 'ton.ai' },
      { wire: 'ad.buttonText', graph: 'creative.buttonText', expected: 'GO' },
    ],
    graph: {
      inject: [
        { provider: 'tonai', endpoint: TONAI_ENDPOINTS.detail, body: TONAI_CAMPAIGN_DETAIL },
        { provider: 'tonai', endpoint: TONAI_ENDPOINTS.list, body: { data: { campaigns: [], total: 0, current: 1, success: true }, code: 0, message: 'success' } },
      ],
      query: /* GraphQL */ `query ($id: ID!) {
        node(id: $id) { ... on TonaiCampaign {
          name status rawStatus billingType
          budget { total ${MONEY} strategy daily ${MONEY} startTime endTime }
          targeting { includedLanguages excludedLanguages includedRegions excludedRegions platform telegramPremium userLinkedWallet userWalletHasBalanceOnChain userLinkedTonWallet isHighValueUser }
          bidding { billingType costPer ${MONEY} }
          creative { adFormat popupImage icon destinationUrl actionType text brandName buttonText }
        } }
      }`,
      variables: { id: encodeGlobalID('TonaiCampaign', 'alpha:12345678') },
      root: (data) => at(data, 'node'),
    },
  },
  {
    name: 'TON.ai create answer (POST /api/v2/openapi/ad/campaign/create)',
    response: TONAI_CREATE,
    item: 'data',
    envelope: { code: 'envelope: 0 is success', message: 'envelope: reported when `code` is not 0' },
    rows: [{ wire: 'campaignId', graph: 'campaign.providerId', expected: '12345678' }],
    graph: {
      inject: [{ provider: 'tonai', endpoint: TONAI_ENDPOINTS.create, body: TONAI_CREATE }],
      query: /* GraphQL */ `mutation ($input: CreateTonaiCampaignInput!) {
        createTonaiCampaign(input: $input) { __typename ... on MutationError { message } ... on TonaiCampaignWrite { validateOnly campaign { providerId } } }
      }`,
      variables: { input: TONAI_NEW_CAMPAIGN },
      root: (data) => at(data, 'createTonaiCampaign'),
    },
  },
  {
    name: 'TON.ai status answer (POST /api/v2/openapi/ad/campaign/status)',
    response: TONAI_STATUS,
    item: 'data',
    envelope: { code: 'envelope: 0 is success', message: 'envelope: reported when `code` is not 0' },
    rows: [
      // "success" for the one campaign asked about: its result is ok, with no error.
      { wire: 'result', graph: 'results[0].ok', expected: true },
      { wire: 'result', graph: 'results[0].error', expected: null },
      { wire: 'result', graph: 'succeeded', expected: 1 },
    ],
    graph: {
      inject: [{ provider: 'tonai', endpoint: TONAI_ENDPOINTS.status, body: TONAI_STATUS }],
      query: /* GraphQL */ `mutation ($ids: [ID!]!) {
        setTonaiCampaignStatus(ids: $ids, action: START) {
          __typename ... on MutationError { message } ... on SetTonaiCampaignStatusPayload { succeeded failed results { id ok error { code message } } }
        }
      }`,
      variables: { ids: [TONAI_CAMPAIGN_ID] },
      root: (data) => at(data, 'setTonaiCampaignStatus'),
    },
  },
];

// ---- (a) every documented field has a row ---------------------------------------------------

/** A response field's path relative to the case's item, or null when it lies outside the item. */
function relative(item: string, path: string): string | null {
  if (item === '') return path;
  return path.startsWith(`${item}.`) ? path.slice(item.length + 1) : null;
}

describe('documented response examples: every field has a row in its table', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const paths = fieldPaths(c.response);
      const itemFields = paths.map((p) => relative(c.item, p)).filter((p): p is string => p !== null);
      const outside = paths.filter((p) => relative(c.item, p) === null);
      const mapped = new Set(c.rows.map((r) => r.wire));
      const envelope = c.envelope ?? {};
      expect({
        unmappedFields: itemFields.filter((f) => !mapped.has(f)),
        unexplainedEnvelopeFields: outside.filter((p) => !(p in envelope)),
        rowsForFieldsNotInTheExample: [...mapped].filter((w) => !itemFields.includes(w)),
        envelopeEntriesNotInTheExample: Object.keys(envelope).filter((p) => !outside.includes(p)),
      }).toEqual({ unmappedFields: [], unexplainedEnvelopeFields: [], rowsForFieldsNotInTheExample: [], envelopeEntriesNotInTheExample: [] });
      if (c.rows.some(isMapped)) expect(c.graph, `${c.name}: mapped rows need a graph query`).toBeDefined();
    });
  }
});

// ---- (b) every mapped field reads back through the graph -------------------------------------

let h: Harness;
beforeAll(async () => {
  // Every case reads the same few AdStat paths again (/names above all): rate limits off, on both sides.
  h = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.clearCache();
  h.resetCounts();
  h.sandbox.adstat.server.controls.clearFaults();
  h.sandbox.tonai.server.controls.clearFaults();
});

function inject(injection: Injection): void {
  const controls = injection.provider === 'adstat' ? h.sandbox.adstat.server.controls : h.sandbox.tonai.server.controls;
  // No `times`: every login/key calling the endpoint in this query gets the documented body; cleared before the next case.
  controls.addFault({ endpoint: injection.endpoint, status: 200, body: injection.body });
}

const label = (row: Mapped) => `${row.wire} → ${row.graph}`;

describe('documented response examples: each mapped field reads back through one GraphQL query', () => {
  for (const c of CASES) {
    const graph = c.graph;
    if (!graph) continue;
    it(c.name, async () => {
      for (const injection of graph.inject) inject(injection);
      const res = graph.files ? await h.upload(graph.query, graph.variables ?? {}, graph.files) : await h.gql(graph.query, graph.variables);
      expect(res.errors).toBeUndefined();
      // The values below came from the injected bodies, not the simulators' own data.
      for (const injection of graph.inject) {
        const served = injection.provider === 'adstat' ? h.adstatCount(injection.endpoint) : h.tonaiCount(injection.endpoint);
        expect(served, `${injection.endpoint} was called`).toBeGreaterThan(0);
      }
      const root = graph.root(res.data);
      expect(root, 'the graph reached the documented item').toBeTruthy();
      const rows = c.rows.filter(isMapped);
      const got = Object.fromEntries(rows.map((row) => [label(row), at(root, row.graph)]));
      const want = Object.fromEntries(rows.map((row) => [label(row), row.expected]));
      expect(got).toEqual(want);
    });
  }

  it('AdStat advertisement details: the field table’s spelling `event.tg_event_id` (the example says `event.tg_id`) reaches pixelEvent.tgEventId', async () => {
    inject({ provider: 'adstat', endpoint: AD_ENDPOINTS.details, body: { ...ADSTAT_AD_DETAILS_TABLE_EVENT, ad_id: DETAILS_AD_ID } });
    const res = await h.gql(`query ($id: ID!) { node(id: $id) { ... on Advertisement { pixelEvent { tgEventId name } } } }`, {
      id: encodeGlobalID('Advertisement', `demo:${DETAILS_AD_ID}`),
    });
    expect(res.errors).toBeUndefined();
    expect(at(res.data, 'node.pixelEvent')).toEqual({ tgEventId: 'JuKiaLISFD', name: 'test1' });
  });

  it('AdStat bot validation: each requested bot gets its own verdict, in the order asked', async () => {
    inject({ provider: 'adstat', endpoint: AD_ENDPOINTS.validateBots, body: ADSTAT_BOT_VALIDATION });
    const res = await h.gql(`query ($account: ID!, $bots: [String!]!) { validateTargetBots(accountId: $account, bots: $bots) { bot ok telegramId title url photoUrl errorCode errorMessage } }`, {
      account: DEMO_CABINET,
      bots: BOTS_ASKED,
    });
    expect(res.errors).toBeUndefined();
    expect(h.adstatCount(AD_ENDPOINTS.validateBots)).toBe(1);
    const accepted = (i: 0 | 1) => {
      const bot = ADSTAT_BOT_VALIDATION.bots[i]!;
      return { bot: BOTS_ASKED[i], ok: true, telegramId: bot.id, title: bot.title, url: bot.url, photoUrl: bot.photo_url, errorCode: null, errorMessage: null };
    };
    const refused = ADSTAT_BOT_VALIDATION.errors[0]!;
    expect(at(res.data, 'validateTargetBots')).toEqual([
      accepted(0),
      accepted(1),
      { bot: 'bot_3', ok: false, telegramId: null, title: null, url: null, photoUrl: null, errorCode: refused.code, errorMessage: refused.detail },
    ]);
  });

  it('AdStat upload_media with `error` set: uploadMedia is a ProviderFailure carrying the error', async () => {
    inject({ provider: 'adstat', endpoint: AD_ENDPOINTS.names, body: ADSTAT_CABINET_NAMES });
    inject({ provider: 'adstat', endpoint: AD_ENDPOINTS.uploadMedia, body: ADSTAT_UPLOAD_MEDIA_REFUSED });
    const res = await h.upload(UPLOAD_MEDIA, uploadMediaVariables, uploadMediaFiles);
    expect(res.errors).toBeUndefined();
    expect(h.adstatCount(AD_ENDPOINTS.uploadMedia)).toBe(1);
    const result = at(res.data, 'uploadMedia') as Record<string, unknown>;
    expect(result).toMatchObject({ __typename: 'ProviderFailure', provider: 'ADSTAT', account: 'demo' });
    expect(result.message).toContain(ADSTAT_UPLOAD_MEDIA_REFUSED.error);
    expect(result).not.toHaveProperty('token');
  });

  it('AdStat dashboard balances: TON.ai connections have none', async () => {
    inject({ provider: 'adstat', endpoint: AD_ENDPOINTS.balances, body: ADSTAT_BALANCES });
    const res = await h.gql(`{ environment { connections { provider id balances { total ${MONEY} } } } }`);
    expect(res.errors).toBeUndefined();
    const connections = at(res.data, 'environment.connections') as { provider: string; balances: unknown }[];
    expect(connections.filter((c) => c.provider === 'TONAI').map((c) => c.balances)).toEqual(connections.filter((c) => c.provider === 'TONAI').map(() => null));
    expect(connections.some((c) => c.provider === 'TONAI')).toBe(true);
  });
});
