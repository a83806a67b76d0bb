/** Campaigns of both providers under one interface; each provider's details on its own type. */
import { listReadsSettled, splitKey, trackListRead, type Context } from '../context.js';
import type { AdstatCampaign, CampaignStatus, CreationPeriod, Provider, TonaiCampaignDetails, TonaiCampaignSummary } from '../domain/model.js';
import type { AdstatClient, CampaignListFilter } from '../providers/adstat/client.js';
import { parseAdstatId } from '../providers/adstat/rules.js';
import { ProviderError } from '../providers/errors.js';
import type { TonaiClient } from '../providers/tonai/client.js';
import { adstatCabinets, AccountRef, tonaiAccount } from './account.js';
import { AdvertisementRef, advertisementListArgs, resolveAdvertisements } from './advertisement.js';
import { builder } from './builder.js';
import { adstatWindow, cabinetsOnce, TONAI_DETAILS, tonaiWindow, upstreamCost, wholeAdstatList, wholeTonaiList, windowSize } from './costs.js';
import { lazyArraySource, mergedConnection, type ConnectionArgs, type Source } from './pagination.js';
import { MoneyRef, ProviderEnum, StatisticsRef } from './scalars.js';
import { PeriodEnum } from './advertisement.js';

/** A TON.ai campaign: its list row, its details, or both. */
export interface TonaiRef {
  provider: 'TONAI';
  connectionId: string;
  id: string;
  row: TonaiCampaignSummary | null;
  details: TonaiCampaignDetails | null;
}

type CampaignSource = AdstatCampaign | TonaiRef;

const tonaiKey = (c: { connectionId: string; id: string }) => `${c.connectionId}:${c.id}`;

export function tonaiFromRow(ctx: Context, row: TonaiCampaignSummary): TonaiRef {
  ctx.seen.tonaiCampaigns.set(tonaiKey(row), row);
  return { provider: 'TONAI', connectionId: row.connectionId, id: row.id, row, details: null };
}

export const ALL_CAMPAIGNS: CampaignListFilter = { period: 'ALL', name: null, active: null };

export function allAdstatCampaigns(ctx: Context, client: AdstatClient, filter: CampaignListFilter = ALL_CAMPAIGNS): Promise<AdstatCampaign[]> {
  return ctx.once(`adstat:${client.id}:all-campaigns:${filter.period}:${filter.name ?? ''}:${String(filter.active)}`, () => client.allCampaigns(filter));
}

function allTonaiCampaigns(ctx: Context, client: TonaiClient): Promise<TonaiCampaignSummary[]> {
  return ctx.once(`tonai:${client.id}:all-campaigns`, async () => {
    const rows = await trackListRead(ctx, `tonai:${client.id}`, client.allCampaigns());
    for (const row of rows) ctx.seen.tonaiCampaigns.set(tonaiKey(row), row);
    return rows;
  });
}

async function tonaiRow(c: TonaiRef, ctx: Context): Promise<TonaiCampaignSummary | null> {
  if (c.row) return c.row;
  const seen = ctx.seen.tonaiCampaigns.get(tonaiKey(c));
  if (seen) return seen;
  const client = ctx.providers.tonai.get(c.connectionId);
  if (!client) return null;
  return (await allTonaiCampaigns(ctx, client)).find((r) => r.id === c.id) ?? null;
}

function tonaiDetails(c: TonaiRef, ctx: Context): Promise<TonaiCampaignDetails> {
  return c.details ? Promise.resolve(c.details) : ctx.loaders.tonaiDetails.load(tonaiKey(c));
}

/** The row of a TON.ai campaign, when this request already holds it. */
function heldTonaiRow(c: TonaiRef, ctx: Context): TonaiCampaignSummary | undefined {
  return c.row ?? ctx.seen.tonaiCampaigns.get(tonaiKey(c));
}

/**
 * A list field of a TON.ai campaign: synchronous when the row is held (no promise per field per
 * row on a list page), from the key's full list otherwise.
 */
function fromTonaiRow<T>(c: TonaiRef, ctx: Context, pick: (r: TonaiCampaignSummary) => T | null): T | null | Promise<T | null> {
  const row = heldTonaiRow(c, ctx);
  if (row) return pick(row) ?? null;
  return tonaiRow(c, ctx).then((r) => (r ? (pick(r) ?? null) : null));
}

/** A details field of a TON.ai campaign: synchronous when the campaign holds its details. */
function fromTonaiDetails<T>(c: TonaiRef, ctx: Context, pick: (d: TonaiCampaignDetails) => T): T | Promise<T> {
  return c.details ? pick(c.details) : ctx.loaders.tonaiDetails.load(tonaiKey(c)).then(pick);
}

export async function loadAdstatCampaign(key: string, ctx: Context): Promise<AdstatCampaign | null> {
  const [login, idText] = splitKey(key);
  const client = ctx.providers.adstat.get(login);
  const id = parseAdstatId(idText);
  // An id no campaign can have is a null slot, with no list read.
  if (!client || id === null) return null;
  return (await allAdstatCampaigns(ctx, client)).find((c) => c.id === id) ?? null;
}

export async function loadTonaiCampaign(key: string, ctx: Context): Promise<TonaiRef | null> {
  const [connectionId, id] = splitKey(key);
  if (!ctx.providers.tonai.has(connectionId) || id === '') return null;
  await listReadsSettled(ctx, `tonai:${connectionId}`);
  const row = ctx.seen.tonaiCampaigns.get(key);
  if (row) return { provider: 'TONAI', connectionId, id, row, details: null };
  try {
    return { provider: 'TONAI', connectionId, id, row: null, details: await ctx.loaders.tonaiDetails.load(key) };
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export const CampaignStatusEnum = builder.enumType('CampaignStatus', {
  description: 'Campaign status, normalized across providers (the provider value is in `rawStatus`).',
  values: {
    ACTIVE: { description: 'Running (AdStat active, TON.ai onGoing).' },
    INACTIVE: { description: 'Not running (AdStat not_active).' },
    PENDING: { description: 'Created, not started yet (TON.ai pending).' },
    SCHEDULED: { description: 'Started, waiting for its start time (TON.ai readyToStart).' },
    IN_REVIEW: { description: 'Under review by the platform (TON.ai auditing).' },
    PAUSED: { description: 'Paused by the advertiser.' },
    PAUSED_BY_PLATFORM: { description: 'Paused by the platform, e.g. for low balance (TON.ai systemPaused).' },
    ENDED: { description: 'Ended; cannot be restarted.' },
    REJECTED: { description: 'Rejected by review (TON.ai reject).' },
    FAILED: { description: 'Failed at the platform (TON.ai fail).' },
    UNKNOWN: { description: 'A status adgraph does not know yet; `rawStatus` has the provider’s value.' },
  } as const,
});

export const CampaignRef = builder.interfaceRef<CampaignSource>('Campaign').implement({
  description: 'A campaign of either provider. Provider-specific details are on AdstatCampaign and TonaiCampaign.',
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, description: 'The provider.', resolve: (c) => c.provider }),
    providerId: t.string({ description: 'The provider’s own campaign id.', resolve: (c) => String(c.id) }),
    connectionId: t.exposeString('connectionId', { description: 'The configured login or key it was read through.' }),
    name: t.string({
      description: 'Campaign name.',
      resolve: (c, _a, ctx) => {
        if (c.provider === 'ADSTAT') return c.name;
        const held = heldTonaiRow(c, ctx)?.name;
        if (held !== undefined && held !== null) return held;
        return (async () => (await tonaiRow(c, ctx))?.name ?? (await tonaiDetails(c, ctx)).name)();
      },
    }),
    status: t.field({
      type: CampaignStatusEnum,
      description: 'Normalized status.',
      resolve: (c, _a, ctx) => (c.provider === 'ADSTAT' ? c.status : (c.row?.status ?? fromTonaiDetails(c, ctx, (d) => d.status))),
    }),
    rawStatus: t.string({
      description: 'The provider’s own status value.',
      resolve: (c, _a, ctx) => (c.provider === 'ADSTAT' ? c.rawStatus : (c.row?.rawStatus ?? fromTonaiDetails(c, ctx, (d) => d.rawStatus))),
    }),
    statistics: t.field({
      type: StatisticsRef,
      nullable: true,
      description: 'Delivery statistics in the provider’s currency (AdStat EUR, TON.ai USDT).',
      resolve: (c, _a, ctx) => (c.provider === 'ADSTAT' ? c.statistics : fromTonaiRow(c, ctx, (r) => r.statistics)),
    }),
    account: t.field({
      type: AccountRef,
      nullable: true,
      description: 'The account the campaign belongs to.',
      extensions: upstreamCost((_args, scope) => ({ shared: cabinetsOnce(scope) })),
      resolve: async (c, _a, ctx) => {
        if (c.provider === 'TONAI') {
          const client = ctx.providers.tonai.get(c.connectionId);
          return client ? tonaiAccount(client) : null;
        }
        const client = ctx.providers.adstat.get(c.connectionId);
        return client ? ((await adstatCabinets(ctx, client)).find((a) => a.providerId === c.accountId) ?? null) : null;
      },
    }),
  }),
});

export const AdstatCampaignRef = builder.objectRef<AdstatCampaign>('AdstatCampaign');
builder.node(AdstatCampaignRef, {
  description: 'An AdStat campaign: a group of advertisements in one cabinet, with summed statistics.',
  interfaces: [CampaignRef],
  id: { resolve: (c) => `${c.connectionId}:${c.id}` },
  loadOne: (key, ctx) => loadAdstatCampaign(key, ctx),
  isTypeOf: (value) => (value as CampaignSource).provider === 'ADSTAT' && 'advertisementCount' in (value as object),
  fields: (t) => ({
    description: t.exposeString('description', { nullable: true, description: 'Description.' }),
    accountProviderId: t.exposeString('accountId', { description: 'Id of its cabinet, e.g. "ACC0000222".' }),
    accountName: t.exposeString('accountName', { description: 'Name of its cabinet.' }),
    advertisementCount: t.exposeInt('advertisementCount', { description: 'Number of advertisements, as AdStat counts them.' }),
    budget: t.field({ type: MoneyRef, nullable: true, description: 'Budget.', resolve: (c) => c.budget }),
    advertisements: t.connection({
      type: AdvertisementRef,
      description: 'Its advertisements (from the login’s list, read once and shared).',
      extensions: upstreamCost((args, scope) => ({ shared: wholeAdstatList(scope, `ads:${JSON.stringify([args.period, args.showDeleted, args.titles, args.campaignNames])}`), items: windowSize(args) })),
      args: advertisementListArgs(t.arg),
      resolve: (c, args, ctx, info) => {
        const client = ctx.providers.adstat.get(c.connectionId);
        return resolveAdvertisements(args, ctx, client ? [client] : [], (row) => row.campaignId === c.id, info);
      },
    }),
  }),
});

const TonaiBudgetRef = builder.objectRef<TonaiCampaignDetails['budget']>('TonaiBudget').implement({
  description: 'A TON.ai campaign’s budget, in USDT.',
  fields: (t) => ({
    daily: t.field({ type: MoneyRef, description: 'Daily budget.', resolve: (b) => b.daily }),
    total: t.field({ type: MoneyRef, description: 'Total budget.', resolve: (b) => b.total }),
    strategy: t.exposeString('strategy', { description: 'Budget strategy ("daily").' }),
    startTime: t.field({ type: 'DateTime', nullable: true, description: 'Start (UTC).', resolve: (b) => b.startTime }),
    endTime: t.field({ type: 'DateTime', nullable: true, description: 'End (UTC).', resolve: (b) => b.endTime }),
  }),
});

const TonaiTargetingRef = builder.objectRef<TonaiCampaignDetails['targeting']>('TonaiTargeting').implement({
  description: 'Who sees a TON.ai campaign.',
  fields: (t) => ({
    includedRegions: t.exposeStringList('includedRegions', { description: 'Regions shown to (e.g. "CIS").' }),
    excludedRegions: t.exposeStringList('excludedRegions', { description: 'Regions excluded.' }),
    includedLanguages: t.exposeStringList('includedLanguages', { description: 'Language codes shown to.' }),
    excludedLanguages: t.exposeStringList('excludedLanguages', { description: 'Language codes excluded.' }),
    platform: t.exposeString('platform', { nullable: true, description: 'Device platform: All, Android or iOS.' }),
    telegramPremium: t.exposeBoolean('telegramPremium', { nullable: true, description: 'Only Telegram Premium users.' }),
    isHighValueUser: t.exposeBoolean('isHighValueUser', { nullable: true, description: 'Only the platform’s high-value users.' }),
    userLinkedTonWallet: t.exposeBoolean('userLinkedTonWallet', { nullable: true, description: 'Only users who linked a TON wallet.' }),
    userLinkedWallet: t.exposeBoolean('userLinkedWallet', { nullable: true, description: 'Only users who linked any wallet (reported by TON.ai, not settable on create).' }),
    userWalletHasBalanceOnChain: t.exposeBoolean('userWalletHasBalanceOnChain', { nullable: true, description: 'Only users whose wallet holds a balance on chain (reported, not settable on create).' }),
  }),
});

const TonaiBiddingRef = builder.objectRef<TonaiCampaignDetails['bidding']>('TonaiBidding').implement({
  description: 'How a TON.ai campaign pays.',
  fields: (t) => ({
    billingType: t.exposeString('billingType', { description: 'CPM or CPC.' }),
    costPer: t.field({ type: MoneyRef, description: 'Bid per thousand impressions (CPM) or per click (CPC).', resolve: (b) => b.costPer }),
  }),
});

const TonaiCreativeRef = builder.objectRef<TonaiCampaignDetails['creative']>('TonaiCreative').implement({
  description: 'A TON.ai image ad.',
  fields: (t) => ({
    adFormat: t.exposeString('adFormat', { description: 'Ad format ("image").' }),
    popupImage: t.exposeString('popupImage', { description: 'URL of the image shown.' }),
    icon: t.exposeString('icon', { description: 'URL of the icon.' }),
    destinationUrl: t.exposeString('destinationUrl', { description: 'Landing URL.' }),
    actionType: t.exposeString('actionType', { description: 'What a click does: "visit.website" or "join.telegram".' }),
    text: t.exposeString('text', { description: 'Ad text.' }),
    brandName: t.exposeString('brandName', { description: 'Brand name.' }),
    buttonText: t.exposeString('buttonText', { description: 'Button label.' }),
  }),
});

export const TonaiCampaignRef = builder.objectRef<TonaiRef>('TonaiCampaign');
builder.node(TonaiCampaignRef, {
  description:
    'A TON.ai campaign: image ads in Telegram mini-apps, money in USDT. `budget`, `targeting`, `bidding` and `creative` need one details call per campaign (made once per request).',
  interfaces: [CampaignRef],
  id: { resolve: (c) => tonaiKey(c) },
  loadOne: (key, ctx) => loadTonaiCampaign(key, ctx),
  isTypeOf: (value) => (value as CampaignSource).provider === 'TONAI',
  fields: (t) => ({
    userId: t.string({ nullable: true, description: 'TON.ai id of the user who created it.', resolve: (c, _a, ctx) => fromTonaiRow(c, ctx, (r) => r.userId) }),
    billingType: t.string({
      description: 'CPM or CPC.',
      resolve: (c, _a, ctx) => c.row?.billingType ?? ctx.seen.tonaiCampaigns.get(tonaiKey(c))?.billingType ?? fromTonaiDetails(c, ctx, (d) => d.bidding.billingType),
    }),
    budget: t.field({ type: TonaiBudgetRef, nullable: true, description: 'Daily and total budget and run time (details call).', extensions: upstreamCost(TONAI_DETAILS), resolve: (c, _a, ctx) => fromTonaiDetails(c, ctx, (d) => d.budget) }),
    targeting: t.field({ type: TonaiTargetingRef, nullable: true, description: 'Targeting (details call).', extensions: upstreamCost(TONAI_DETAILS), resolve: (c, _a, ctx) => fromTonaiDetails(c, ctx, (d) => d.targeting) }),
    bidding: t.field({ type: TonaiBiddingRef, nullable: true, description: 'Billing type and bid (details call).', extensions: upstreamCost(TONAI_DETAILS), resolve: (c, _a, ctx) => fromTonaiDetails(c, ctx, (d) => d.bidding) }),
    creative: t.field({ type: TonaiCreativeRef, nullable: true, description: 'The image ad (details call).', extensions: upstreamCost(TONAI_DETAILS), resolve: (c, _a, ctx) => fromTonaiDetails(c, ctx, (d) => d.creative) }),
  }),
});

export interface CampaignQueryArgs extends ConnectionArgs {
  provider?: Provider | null;
  status?: CampaignStatus[] | null;
  name?: string | null;
  period?: CreationPeriod | null;
  active?: boolean | null;
}

export function adstatCampaignSource(ctx: Context, client: AdstatClient, args: CampaignQueryArgs, predicate?: (c: AdstatCampaign) => boolean): Source<CampaignSource> {
  const filter: CampaignListFilter = { period: args.period ?? 'ALL', name: args.name ?? null, active: args.active ?? null };
  const statuses = args.status?.length ? new Set(args.status) : null;
  if (!statuses && !predicate) return { fetch: (offset, count) => client.campaigns(offset, count, filter), sizeHint: () => client.campaignCountHint(filter) };
  return lazyArraySource(async () => (await allAdstatCampaigns(ctx, client, filter)).filter((c) => (!statuses || statuses.has(c.status)) && (!predicate || predicate(c))));
}

/** TON.ai lists have no filters: with a name or status filter the whole list is read and filtered. */
export function tonaiCampaignSource(ctx: Context, client: TonaiClient, args: CampaignQueryArgs): Source<CampaignSource> {
  const statuses = args.status?.length ? new Set(args.status) : null;
  const name = args.name?.toLowerCase() ?? null;
  const active = args.active ?? null;
  if (!statuses && !name && active === null) {
    return {
      fetch: async (offset, count) => {
        const page = await trackListRead(ctx, `tonai:${client.id}`, client.campaigns(offset, count));
        return { ...page, items: page.items.map((row) => tonaiFromRow(ctx, row)) };
      },
      sizeHint: () => client.campaignCountHint(),
    };
  }
  return lazyArraySource(async () =>
    (await allTonaiCampaigns(ctx, client))
      .filter((r) => (!statuses || statuses.has(r.status)) && (!name || r.name.toLowerCase().includes(name)) && (active === null || (r.status === 'ACTIVE') === active))
      .map((r) => tonaiFromRow(ctx, r)),
  );
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type ArgBuilder = PothosSchemaTypes.RootFieldBuilder<Types, unknown>['arg'];

export function campaignListArgs(arg: ArgBuilder) {
  return {
    status: arg({ type: [CampaignStatusEnum], required: false, description: 'Only these statuses (filtered by adgraph over the whole list, read through the cache).' }),
    name: arg.string({ required: false, description: 'Only campaigns whose name contains this (AdStat filters upstream; TON.ai by adgraph).' }),
    active: arg.boolean({
      required: false,
      description: 'Only running (true) or only not running (false) campaigns: AdStat’s `is_active` filter; for TON.ai, status ACTIVE or not.',
    }),
    period: arg({
      type: PeriodEnum,
      required: false,
      defaultValue: 'ALL',
      description: 'AdStat: creation period. TON.ai publishes no creation time, so any period other than ALL leaves TON.ai campaigns out.',
    }),
  };
}

export function resolveCampaigns(args: CampaignQueryArgs, ctx: Context, adstat: AdstatClient[], tonai: TonaiClient[]) {
  const period = args.period ?? 'ALL';
  return mergedConnection(
    args,
    [
      ...(args.provider === 'TONAI' ? [] : adstat.map((client) => adstatCampaignSource(ctx, client, args))),
      ...(args.provider === 'ADSTAT' || period !== 'ALL' ? [] : tonai.map((client) => tonaiCampaignSource(ctx, client, args))),
    ],
  );
}

builder.queryField('campaigns', (t) =>
  t.connection({
    type: CampaignRef,
    // Pages per login and key up to the window's end; filters adgraph applies itself read whole lists.
    extensions: upstreamCost((args, scope) => {
      const adstat = args.provider === 'TONAI' ? 0 : scope.adstatLogins.length;
      const tonai = args.provider === 'ADSTAT' || (args.period ?? 'ALL') !== 'ALL' ? 0 : scope.tonaiKeys.length;
      const statuses = Array.isArray(args.status) && args.status.length > 0;
      const tonaiWhole = statuses || Boolean(args.name) || args.active !== null && args.active !== undefined;
      return {
        ...(statuses ? {} : { adstat: adstatWindow(args, adstat) }),
        ...(tonaiWhole ? {} : { tonai: tonaiWindow(args, tonai) }),
        shared: {
          ...(statuses ? wholeAdstatList(scope, `campaigns:${JSON.stringify([args.period, args.name, args.active])}`, adstat) : {}),
          ...(tonaiWhole && tonai > 0 ? wholeTonaiList(scope) : {}),
        },
        items: windowSize(args),
      };
    }),
    description: 'Campaigns of every configured AdStat login and TON.ai key (AdStat first, then TON.ai; newest first within each). A login or key that fails is one null edge where its campaigns would be, with its error in `errors` at that edge’s path.',
    args: {
      provider: t.arg({ type: ProviderEnum, required: false, description: 'Only this provider.' }),
      ...campaignListArgs(t.arg),
    },
    resolve: (_root, args, ctx) => resolveCampaigns(args, ctx, [...ctx.providers.adstat.values()], [...ctx.providers.tonai.values()]),
  }),
);
