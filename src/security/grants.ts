/**
 * Grants, applied in one place: the provider registry a request's resolvers see is narrowed to the
 * caller's accounts. Logins and keys outside the grant are absent from it; a login granted only
 * some cabinets is replaced by a view of its client that lists, reads and writes those cabinets
 * only; a read-only caller's clients refuse every write before anything is sent. Resolvers never
 * decide access themselves.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  getOperationAST,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  OperationTypeNode,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { Account, AccountDetails, AdstatCampaign, AdvertisementDetails, AdvertisementSummary, Audience, Money, Page, PixelEvent } from '../domain/model.js';
import type { NewAdvertisement } from '../domain/writes.js';
import type { AdstatClient, AdvertisementListFilter, CampaignListFilter } from '../providers/adstat/client.js';
import { ProviderError } from '../providers/errors.js';
import type { Providers } from '../providers/index.js';
import type { TonaiClient } from '../providers/tonai/client.js';
import type { Caller, Grant } from './callers.js';

/** The error a write outside the grant (or by a read-only caller) gets; nothing is sent upstream. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

const ADSTAT_WRITES = ['createAdvertisement', 'editAdvertisement', 'setAdvertisementStatus', 'uploadMedia', 'createAudience'] as const;
const TONAI_WRITES = ['createCampaign', 'setCampaignStatus'] as const;

function readOnly<T extends object>(client: T, writes: readonly string[], callerId: string): T {
  const view = Object.create(client) as T;
  for (const name of writes) {
    Object.defineProperty(view, name, {
      value: () => Promise.reject(forbidden(`caller "${callerId}" may read but not write`)),
    });
  }
  return view;
}

function notFound(what: string, account: string): ProviderError {
  return new ProviderError('NOT_FOUND', `${what} was not found`, { provider: 'AdStat', endpoint: '-', account });
}

function sum(values: Money[], currency: string): Money {
  // Cents as integers: balances are decimal strings with at most two decimals.
  const cents = values.reduce((total, m) => total + Math.round(Number(m.amount) * 100), 0);
  return { amount: (cents / 100).toFixed(2), currency: values[0]?.currency ?? currency };
}

function window<T>(rows: T[], offset: number, count: number): Page<T> {
  return { items: rows.slice(offset, offset + count), hasMore: rows.length > offset + count, total: rows.length };
}

const EVERY_AD: AdvertisementListFilter = { period: 'ALL', showDeleted: true, titles: [], campaignNames: [] };

/**
 * An AdStat login seen through a grant of some of its cabinets. AdStat lists ads and campaigns per
 * login, so lists are read whole (through the shared cache) and filtered; an ad's cabinet is its
 * campaign's.
 */
function cabinetScoped(client: AdstatClient, cabinets: ReadonlySet<string>, callerId: string): AdstatClient {
  const real = client;
  const view = Object.create(client) as AdstatClient;
  const own = (accountId: string) => cabinets.has(accountId);
  const ownCampaigns = async (): Promise<Map<number, string>> => real.campaignDirectory();
  const ownRows = async (rows: AdvertisementSummary[]): Promise<AdvertisementSummary[]> => {
    const directory = await ownCampaigns();
    return rows.filter((row) => own(directory.get(row.campaignId) ?? ''));
  };
  const cabinetOfAd = async (adId: number): Promise<string | undefined> => {
    const directory = await ownCampaigns();
    const row = (await real.allAdvertisements(EVERY_AD)).find((r) => r.id === adId);
    return row ? directory.get(row.campaignId) : undefined;
  };
  const refuseUnless = (ok: boolean, what: string) => {
    if (!ok) throw forbidden(`caller "${callerId}" may not write to ${what}`);
  };
  const overrides = {
    async cabinetDirectory(): Promise<Account[]> {
      return (await real.cabinetDirectory()).filter((a) => own(a.providerId));
    },
    async campaignDirectory(): Promise<Map<number, string>> {
      return new Map([...(await real.campaignDirectory())].filter(([, accountId]) => own(accountId)));
    },
    async cabinets(): Promise<Account[]> {
      return (await real.cabinets()).filter((a) => own(a.providerId));
    },
    async cabinetDetails(): Promise<Map<string, AccountDetails>> {
      return new Map([...(await real.cabinetDetails())].filter(([id]) => own(id)));
    },
    async balances(): Promise<{ active: Money; available: Money; total: Money }> {
      // The login's own figures cover cabinets outside the grant: sum the granted ones instead.
      const details = [...(await overrides.cabinetDetails()).values()];
      return {
        active: sum(details.map((d) => d.balanceActive), 'EUR'),
        available: sum(details.map((d) => d.balanceAvailable), 'EUR'),
        total: sum(details.map((d) => d.balanceTotal), 'EUR'),
      };
    },
    async allAdvertisements(filter: AdvertisementListFilter): Promise<AdvertisementSummary[]> {
      return ownRows(await real.allAdvertisements(filter));
    },
    async advertisements(offset: number, count: number, filter: AdvertisementListFilter): Promise<Page<AdvertisementSummary>> {
      return window(await overrides.allAdvertisements(filter), offset, count);
    },
    async advertisement(adId: number): Promise<AdvertisementDetails> {
      const details = await real.advertisement(adId);
      if (!own(details.accountId)) throw notFound(`advertisement ${adId}`, real.id);
      return details;
    },
    async allCampaigns(filter: CampaignListFilter): Promise<AdstatCampaign[]> {
      return (await real.allCampaigns(filter)).filter((c) => own(c.accountId));
    },
    async campaigns(offset: number, count: number, filter: CampaignListFilter): Promise<Page<AdstatCampaign>> {
      return window(await overrides.allCampaigns(filter), offset, count);
    },
    async pixelEvents(accountId: string): Promise<PixelEvent[]> {
      return own(accountId) ? real.pixelEvents(accountId) : [];
    },
    async audiences(accountId: string): Promise<Audience[]> {
      return own(accountId) ? real.audiences(accountId) : [];
    },
    async validateBots(accountId: string, bots: string[]) {
      if (!own(accountId)) throw notFound(`account ${accountId}`, real.id);
      return real.validateBots(accountId, bots);
    },
    async createAdvertisement(ad: NewAdvertisement) {
      refuseUnless(own((await real.campaignDirectory()).get(ad.campaignId) ?? ''), `campaign ${ad.campaignId}`);
      return real.createAdvertisement(ad);
    },
    async editAdvertisement(adId: number, change: Parameters<AdstatClient['editAdvertisement']>[1]) {
      refuseUnless(own((await cabinetOfAd(adId)) ?? ''), `advertisement ${adId}`);
      return real.editAdvertisement(adId, change);
    },
    async setAdvertisementStatus(adIds: number[], status: Parameters<AdstatClient['setAdvertisementStatus']>[1]) {
      for (const adId of adIds) refuseUnless(own((await cabinetOfAd(adId)) ?? ''), `advertisement ${adId}`);
      return real.setAdvertisementStatus(adIds, status);
    },
    async uploadMedia(accountId: string, file: Parameters<AdstatClient['uploadMedia']>[1]) {
      refuseUnless(own(accountId), `account ${accountId}`);
      return real.uploadMedia(accountId, file);
    },
    async createAudience(accountId: string, title: string, file: Parameters<AdstatClient['createAudience']>[2]) {
      refuseUnless(own(accountId), `account ${accountId}`);
      return real.createAudience(accountId, title, file);
    },
  };
  for (const [name, value] of Object.entries(overrides)) Object.defineProperty(view, name, { value });
  return view;
}

/** Whether a configured connection (login or key) is reachable at all under the grant. */
export function grantsConnection(grant: Grant, provider: 'ADSTAT' | 'TONAI', connectionId: string): boolean {
  if (grant.all) return true;
  return provider === 'ADSTAT' ? grant.adstatLogins.has(connectionId) || grant.adstatCabinets.has(connectionId) : grant.tonaiKeys.has(connectionId);
}

/** Whether one account is inside the grant (AdStat cabinet id, or the TON.ai key id). */
export function grantsAccount(grant: Grant, provider: 'ADSTAT' | 'TONAI', connectionId: string, accountId: string): boolean {
  if (grant.all) return true;
  if (provider === 'TONAI') return grant.tonaiKeys.has(connectionId);
  return grant.adstatLogins.has(connectionId) || (grant.adstatCabinets.get(connectionId)?.has(accountId) ?? false);
}

/**
 * The registry as this caller sees it. The open caller gets the registry itself; anyone else a
 * view sharing its HTTP layer, cache and idempotency store, with only the granted clients.
 */
export function narrowProviders(providers: Providers, caller: Caller): Providers {
  const { grant } = caller;
  if (grant.all && grant.write) return providers;
  const adstat = new Map<string, AdstatClient>();
  for (const [id, client] of providers.adstat) {
    if (!grantsConnection(grant, 'ADSTAT', id)) continue;
    const cabinets = grant.all ? undefined : grant.adstatCabinets.get(id);
    let view = cabinets ? cabinetScoped(client, cabinets, caller.id) : client;
    if (!grant.write) view = readOnly(view, ADSTAT_WRITES, caller.id);
    adstat.set(id, view);
  }
  const tonai = new Map<string, TonaiClient>();
  for (const [id, client] of providers.tonai) {
    if (!grantsConnection(grant, 'TONAI', id)) continue;
    tonai.set(id, grant.write ? client : readOnly(client, TONAI_WRITES, caller.id));
  }
  const view = Object.create(providers) as Providers;
  Object.defineProperty(view, 'adstat', { value: adstat });
  Object.defineProperty(view, 'tonai', { value: tonai });
  return view;
}

/** Every value of type ID in the arguments of an operation's fields, variables applied. */
function idArguments(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): string[] {
  const ids: string[] = [];
  const collect = (type: GraphQLInputType, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (isNonNullType(type)) return collect(type.ofType, value);
    if (isListType(type)) {
      for (const item of Array.isArray(value) ? value : [value]) collect(type.ofType, item);
      return;
    }
    if (isInputObjectType(type) && typeof value === 'object') {
      for (const [name, field] of Object.entries(type.getFields())) collect(field.type, (value as Record<string, unknown>)[name]);
      return;
    }
    // The Upload scalar's value is a promise of a file; only ID values name accounts.
    if (isScalarType(type) && type.name === 'ID' && (typeof value === 'string' || typeof value === 'number')) ids.push(String(value));
  };
  const typeInfo = new TypeInfo(schema);
  const only = { ...document, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
  visit(
    only,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return;
        collect(argument.type, valueFromAST(node.value, argument.type, variables));
      },
    }),
  );
  return ids;
}

/** What a global id names, when it is one of ours: its connection, and its account when the id says. */
function target(globalId: string): { provider: 'ADSTAT' | 'TONAI'; connection: string; account?: string; adId?: number; campaignId?: number } | null {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    return null;
  }
  const [first = '', second = '', ...rest] = decoded.id.split(':');
  switch (decoded.typename) {
    case 'Account':
      return first === 'ADSTAT' || first === 'TONAI' ? { provider: first, connection: second, account: rest.join(':') } : null;
    case 'Advertisement':
      return { provider: 'ADSTAT', connection: first, adId: Number(second) };
    case 'AdstatCampaign':
      return { provider: 'ADSTAT', connection: first, campaignId: Number(second) };
    case 'TonaiCampaign':
      return { provider: 'TONAI', connection: first };
    default:
      return null;
  }
}

/** The cabinet of an AdStat ad or campaign, from the login's (cached) campaign and ad lists. */
async function cabinetOf(client: AdstatClient, t: { adId?: number; campaignId?: number }): Promise<string | undefined> {
  const directory = await client.campaignDirectory();
  if (t.campaignId !== undefined) return directory.get(t.campaignId);
  const row = (await client.allAdvertisements(EVERY_AD)).find((r) => r.id === t.adId);
  return row ? directory.get(row.campaignId) : undefined;
}

/**
 * Writes are checked before they run: a read-only caller's mutation, or one naming an account,
 * campaign or advertisement outside the grant, is FORBIDDEN and executes nothing. Ids of nothing
 * that exists are left to the mutation, which reports them not found; the cabinet-scoped client
 * views check again before they send.
 */
export function useWriteGuard(providers: Providers): Plugin<Context> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== OperationTypeNode.MUTATION) return;
      const caller = (args.contextValue as Context).caller;
      const refuse = (message: string) => setResultAndStopExecution({ data: null, errors: [forbidden(message)] });
      if (!caller.grant.write) return refuse(`caller "${caller.id}" may read but not write`);
      if (caller.grant.all) return;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      for (const id of idArguments(args.schema, args.document, operation, variables)) {
        const t = target(id);
        if (!t) continue;
        const configured = t.provider === 'ADSTAT' ? providers.adstat.has(t.connection) : providers.tonai.has(t.connection);
        if (!configured) continue;
        let allowed = t.account !== undefined ? grantsAccount(caller.grant, t.provider, t.connection, t.account) : grantsConnection(caller.grant, t.provider, t.connection);
        const cabinets = t.provider === 'ADSTAT' ? caller.grant.adstatCabinets.get(t.connection) : undefined;
        if (allowed && cabinets && t.account === undefined) {
          // Reads only (cached lists), so a refusal still sends no write.
          const cabinet = await cabinetOf(providers.adstat.get(t.connection)!, t).catch(() => undefined);
          allowed = cabinet === undefined || cabinets.has(cabinet);
        }
        if (!allowed) return refuse(`caller "${caller.id}" may not write to ${id}`);
      }
    },
  };
}
