/** Accounts: AdStat cabinets and TON.ai API-key accounts, under one type. */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Context } from '../context.js';
import type { Account, AccountDetails, Provider } from '../domain/model.js';
import type { AdstatClient } from '../providers/adstat/client.js';
import type { TonaiClient } from '../providers/tonai/client.js';
import { builder } from './builder.js';
import { failedSlot } from './errors.js';
import { cabinetsOnce, upstreamCost } from './costs.js';
import { MoneyRef, ProviderEnum } from './scalars.js';

export const AccountStatusEnum = builder.enumType('AccountStatus', {
  description: 'Account status, normalized across providers (the provider value is in `rawStatus`).',
  values: {
    ACTIVE: { description: 'The account can run ads.' },
    INACTIVE: { description: 'The account is switched off at the provider.' },
    UNKNOWN: { description: 'The provider reports no status, or one adgraph does not know yet (see `rawStatus`).' },
  } as const,
});

/** Cabinets of one AdStat login, read once per request. */
export function adstatCabinets(ctx: Context, client: AdstatClient): Promise<Account[]> {
  return ctx.once(`adstat:${client.id}:cabinets`, () => client.cabinets());
}

function adstatCabinetDetails(ctx: Context, client: AdstatClient): Promise<Map<string, AccountDetails>> {
  return ctx.once(`adstat:${client.id}:cabinet-details`, () => client.cabinetDetails());
}

/** A TON.ai key is one account; the provider publishes no account endpoint, so it is built from configuration. */
export function tonaiAccount(client: TonaiClient): Account {
  return {
    provider: 'TONAI',
    connectionId: client.id,
    providerId: client.id,
    name: client.label,
    currency: 'USDT',
    balance: null,
    audiencesAllowed: null,
    labellingMode: null,
  };
}

async function details(account: Account, ctx: Context): Promise<AccountDetails | null> {
  if (account.provider !== 'ADSTAT') return null;
  const client = ctx.providers.adstat.get(account.connectionId);
  if (!client) return null;
  return (await adstatCabinetDetails(ctx, client)).get(account.providerId) ?? null;
}

export function accountGlobalKey(account: Pick<Account, 'provider' | 'connectionId' | 'providerId'>): string {
  return `${account.provider}:${account.connectionId}:${account.providerId}`;
}

export async function loadAccount(key: string, ctx: Context): Promise<Account | null> {
  const [provider, connectionId = '', ...rest] = key.split(':');
  const providerId = rest.join(':');
  if (provider === 'ADSTAT') {
    const client = ctx.providers.adstat.get(connectionId);
    if (!client) return null;
    return (await adstatCabinets(ctx, client)).find((a) => a.providerId === providerId) ?? null;
  }
  if (provider === 'TONAI') {
    const client = ctx.providers.tonai.get(connectionId);
    return client && providerId === client.id ? tonaiAccount(client) : null;
  }
  return null;
}

export const AccountRef = builder.objectRef<Account>('Account');

builder.node(AccountRef, {
  description: 'An advertising account: an AdStat cabinet (reached through a configured login) or a TON.ai account (one per configured API key).',
  id: { resolve: (a) => accountGlobalKey(a) },
  loadOne: (key, ctx) => loadAccount(key, ctx),
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'providerId' in value && 'labellingMode' in value,
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, description: 'The provider.', resolve: (a) => a.provider }),
    providerId: t.exposeString('providerId', { description: 'The provider’s own id: the AdStat cabinet id (e.g. "ACC0000222"), or the configured key id for TON.ai.' }),
    connectionId: t.exposeString('connectionId', { description: 'The configured AdStat login or TON.ai key this account is reached through.' }),
    name: t.exposeString('name', { description: 'Account name.' }),
    currency: t.exposeString('currency', { description: 'Currency of the account’s amounts (AdStat: EUR by default; TON.ai: always USDT).' }),
    status: t.field({
      type: AccountStatusEnum,
      description: 'Normalized status. AdStat: from the detailed cabinet list (one extra call per login when selected). TON.ai publishes none: UNKNOWN.',
      extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.status ?? 'UNKNOWN',
    }),
    rawStatus: t.string({ nullable: true, description: 'The provider’s own status value.', extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.rawStatus ?? null }),
    balance: t.field({ type: MoneyRef, nullable: true, description: 'Balance as the account list reports it; null where the provider gives none (TON.ai).', resolve: (a) => a.balance }),
    balanceTotal: t.field({ type: MoneyRef, nullable: true, description: 'AdStat: total balance.', extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.balanceTotal ?? null }),
    balanceAvailable: t.field({ type: MoneyRef, nullable: true, description: 'AdStat: balance available to allocate.', extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.balanceAvailable ?? null }),
    balanceActive: t.field({ type: MoneyRef, nullable: true, description: 'AdStat: balance allocated to running ads.', extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.balanceActive ?? null }),
    balanceSpent: t.field({ type: MoneyRef, nullable: true, description: 'AdStat: amount spent.', extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.balanceSpent ?? null }),
    audiencesAllowed: t.exposeBoolean('audiencesAllowed', { nullable: true, description: 'AdStat: whether phone-number audiences are available (Uzbekistan cabinets only); null for TON.ai.' }),
    labellingMode: t.exposeString('labellingMode', { nullable: true, description: 'AdStat: the cabinet’s ad-law labelling mode as AdStat names it; automatic labelling requires a KKTU code on every ad.' }),
    legalName: t.string({ nullable: true, description: 'AdStat: legal name of the advertiser.', extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.legalName ?? null }),
    categoryKey: t.string({ nullable: true, description: 'AdStat: business category key.', extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.categoryKey ?? null }),
    categoryName: t.string({ nullable: true, description: 'AdStat: business category name.', extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.categoryName ?? null }),
    promotedObjects: t.stringList({ description: 'AdStat: the Telegram objects (t.me links) the cabinet promotes; empty for TON.ai.', extensions: upstreamCost((_args, scope) => ({ shared: { 'adstat:cabinet-details': { adstat: scope.adstatLogins.length } } })), resolve: async (a, _args, ctx) => (await details(a, ctx))?.promotedObjects ?? [] }),
  }),
});

/** Account fields served by AdStat's detailed cabinet list. */
const DETAIL_FIELDS = new Set(['status', 'rawStatus', 'balanceTotal', 'balanceAvailable', 'balanceActive', 'balanceSpent', 'legalName', 'categoryKey', 'categoryName', 'promotedObjects']);

/** Whether the selection asks for any detail field (through fragments too). */
function selectsDetails(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): boolean {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD && DETAIL_FIELDS.has(s.name.value)) return true;
    if (s.kind === Kind.INLINE_FRAGMENT && selectsDetails(s.selectionSet, info)) return true;
    if (s.kind === Kind.FRAGMENT_SPREAD && selectsDetails(info.fragments[s.name.value]?.selectionSet, info)) return true;
  }
  return false;
}

/**
 * Every account of the selected providers. A failing login is one null slot (its error at that
 * slot's path) where its accounts would be; the name filter keeps it, as its accounts are unknown.
 */
export async function allAccounts(ctx: Context, info: GraphQLResolveInfo, provider?: Provider | null, name?: string | null): Promise<(Account | Promise<never>)[]> {
  const wantsDetails = info.fieldNodes.some((node) => selectsDetails(node.selectionSet, info));
  const lists = await Promise.all([
    ...(provider === 'TONAI' ? [] : [...ctx.providers.adstat.values()]).map((client) => {
      // Both AdStat lists at once when details are selected: one round trip instead of two.
      if (wantsDetails) adstatCabinetDetails(ctx, client).catch(() => undefined);
      return adstatCabinets(ctx, client).catch((error: unknown) => [failedSlot(error)]);
    }),
    ...(provider === 'ADSTAT' ? [] : [...ctx.providers.tonai.values()].map((client) => Promise.resolve([tonaiAccount(client)]))),
  ]);
  const needle = name?.trim().toLowerCase();
  const all: (Account | Promise<never>)[] = lists.flat();
  return needle ? all.filter((a) => a instanceof Promise || a.name.toLowerCase().includes(needle)) : all;
}

builder.queryField('accounts', (t) =>
  t.field({
    type: [AccountRef],
    extensions: upstreamCost((args, scope) => ({
      shared: args.provider === 'TONAI' ? {} : cabinetsOnce(scope),
      items: (args.provider === 'TONAI' ? 0 : scope.adstatLogins.length * scope.assume.cabinetsPerLogin) + (args.provider === 'ADSTAT' ? 0 : scope.tonaiKeys.length),
    })),
    // Items nullable: a login that fails is a null slot with its error at that slot's path.
    nullable: { list: false, items: true },
    description: 'Every account of every configured login and key, optionally of one provider. A login that fails is a null item where its accounts would be, with its error in `errors` at that item’s path (`extensions.code`, `provider`, `account`); the rest are returned.',
    args: {
      provider: t.arg({ type: ProviderEnum, required: false, description: 'Only accounts of this provider.' }),
      name: t.arg.string({ required: false, description: 'Only accounts whose name contains this (case-insensitive).' }),
    },
    resolve: (_root, args, ctx, info) => allAccounts(ctx, info, args.provider, args.name),
  }),
);
