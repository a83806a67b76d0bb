/**
 * Fields a list row already holds resolve without a promise. On a 500-row page a promise per field
 * per row (and, with it, one per row object in the executor) was most of adgraph's CPU; this test
 * runs the schema's own resolvers (with every plugin's wrapper) on rows mapped from wire rows, so
 * a field that goes back to `async` fails here. Answers staying the same is what the read-graph,
 * schema-truth and documented-examples tests check over HTTP.
 */
import { defaultFieldResolver, GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { advertisementFromRow } from '../src/providers/adstat/map.js';
import { campaignFromList } from '../src/providers/tonai/map.js';
import { advertisementList } from '../src/providers/adstat/wire.js';
import { listCampaign } from '../src/providers/tonai/wire.js';
import { schema } from '../src/schema/index.js';

const WIRE_AD = advertisementList.parse({
  data: [
    {
      account_name: 'Demo Uzbekistan',
      action_type: null,
      ad_text: 'Ilovada buyurtma bering va bonus oling.',
      ad_type: 'target_channels',
      advertisement_title: 'Yangi kolleksiya #257',
      balance: 102.18,
      campaign_id: 4567260,
      campaign_name: 'Mobil ilova',
      clicks: 140,
      cpc: 0.15,
      cpm: 4.2,
      cps: 0.85,
      created_dt: '02.12.2026 01:04:15',
      ctr: 2.78,
      cvr: 17.86,
      goals: 25,
      id: 1370134,
      impressions: 5033,
      kktu_codes: ['1.1.1'],
      object: 't.me/demo_savdo_uz',
      opened: 1875,
      spent: 21.14,
      status: 'stopped',
      status_updated_dt: '2026-12-02T01:07:29.659146+00:00',
      target_topics: ['Languages', 'Psychology'],
    },
  ],
}).data[0]!;

const WIRE_CAMPAIGN = listCampaign.parse({
  userId: 'u-1',
  id: 'c-1',
  name: 'Mini-app launch',
  campaignStatus: 'onGoing',
  impressions: 1000,
  clicks: 20,
  conversions: 2,
  billingType: 'CPM',
  cost: 12.5,
  ctr: 0.02,
  cr: 0.1,
});

/** A request context holding nothing but the rows it has seen (no provider is reachable). */
function context(): Context {
  return { seen: { advertisements: new Map(), tonaiCampaigns: new Map(), inflight: new Map() } } as unknown as Context;
}

const info = {} as GraphQLResolveInfo;

function resolveAll(typeName: string, fieldNames: string[], parent: unknown, ctx: Context): Record<string, unknown> {
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${typeName} is not an object type`);
  const fields = type.getFields();
  return Object.fromEntries(
    fieldNames.map((name) => {
      const field = fields[name];
      if (!field) throw new Error(`${typeName} has no field ${name}`);
      // No resolver of its own (an exposed property): graphql's default one reads it.
      return [name, (field.resolve ?? defaultFieldResolver)(parent, {}, ctx, { ...info, fieldName: name })];
    }),
  );
}

const isPromise = (value: unknown) => typeof (value as { then?: unknown } | null)?.then === 'function';

describe('fields a list row holds resolve synchronously', () => {
  const AD_LIST_FIELDS = [
    'id', 'provider', 'providerId', 'connectionId', 'title', 'text', 'adType', 'rawAdType', 'status', 'rawStatus', 'statusUpdatedAt', 'accountName',
    'campaignProviderId', 'campaignName', 'cpm', 'promotedObject', 'fetchedAt', 'createdAt', 'actionType', 'balance', 'kktuCodes', 'targetTopics', 'statistics',
  ];

  it('Advertisement: every list field of a row from a page, the id included, is a value, not a promise', () => {
    const row = advertisementFromRow('demo', WIRE_AD);
    const values = resolveAll('Advertisement', AD_LIST_FIELDS, { connectionId: 'demo', id: row.id, row, details: null }, context());
    const promised = Object.entries(values).filter(([, v]) => isPromise(v)).map(([k]) => k);
    expect(promised).toEqual([]);
    expect(values.title).toBe('Yangi kolleksiya #257');
    expect(values.cpm).toEqual({ amount: '4.2', currency: 'EUR' });
    expect(values.createdAt).toEqual(new Date('2026-12-02T01:04:15.000Z'));
    expect(decodeGlobalID(values.id as string)).toEqual({ typename: 'Advertisement', id: 'demo:1370134' });
  });

  it('Advertisement reached by id: a row this request has seen answers synchronously too', () => {
    const row = advertisementFromRow('demo', WIRE_AD);
    const ctx = context();
    ctx.seen.advertisements.set('demo:1370134', row);
    const values = resolveAll('Advertisement', ['title', 'statistics', 'balance'], { connectionId: 'demo', id: row.id, row: null, details: null }, ctx);
    expect(Object.values(values).some(isPromise)).toBe(false);
    expect(values.balance).toEqual({ amount: '102.18', currency: 'EUR' });
  });

  it('TonaiCampaign: list fields of a row from a page are values, not promises', () => {
    const row = campaignFromList('alpha', WIRE_CAMPAIGN);
    const values = resolveAll('TonaiCampaign', ['id', 'provider', 'providerId', 'name', 'status', 'rawStatus', 'statistics', 'userId', 'billingType'], { provider: 'TONAI', connectionId: 'alpha', id: row.id, row, details: null }, context());
    expect(Object.entries(values).filter(([, v]) => isPromise(v)).map(([k]) => k)).toEqual([]);
    expect(values.status).toBe('ACTIVE');
    expect(decodeGlobalID(values.id as string)).toEqual({ typename: 'TonaiCampaign', id: 'alpha:c-1' });
  });
});
