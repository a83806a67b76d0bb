/**
 * Per-request context: the provider registry, the environment, the request's loaders, and errors
 * to report beside data.
 */
import DataLoader from 'dataloader';
import type { AdvertisementDetails, AdvertisementSummary, TonaiCampaignDetails, TonaiCampaignSummary } from './domain/model.js';
import type { Providers } from './providers/index.js';
import type { Caller } from './security/callers.js';

export interface EnvironmentInfo {
  mode: 'sandbox' | 'production';
  startedAt: Date;
}

export interface Loaders {
  /** AdStat advertisement details by `login:adId`: one upstream call per distinct ad, none twice. */
  adstatDetails: DataLoader<string, AdvertisementDetails>;
  /**
   * What `adstatDetails` holds, by key (its cache map): a connection that starts the details calls
   * of its rows itself (schema/advertisement.ts) skips the ones another field already asked for.
   */
  adstatDetailsHeld: ReadonlyMap<string, unknown>;
  /** TON.ai campaign details by `key:campaignId`. */
  tonaiDetails: DataLoader<string, TonaiCampaignDetails>;
}

/**
 * Rows this request has already read from a list, by `login:id` / `key:id`. A later lookup of the
 * same item (a `node` query, a link from another object) is served from here, so list rows prime
 * the item loaders and no call is made unless a field needs more than the row has.
 */
export interface SeenRows {
  advertisements: Map<string, AdvertisementSummary>;
  tonaiCampaigns: Map<string, TonaiCampaignSummary>;
  /**
   * List reads in flight in this request, per connection. Sibling root fields run in parallel, so
   * a lookup by id waits for them before deciding it must fetch the item itself.
   */
  inflight: Map<string, Promise<unknown>[]>;
}

/** Registers a list read so lookups of its items in the same request wait for it. */
export function trackListRead<T>(ctx: Context, connectionId: string, read: Promise<T>): Promise<T> {
  const list = ctx.seen.inflight.get(connectionId) ?? [];
  list.push(read);
  ctx.seen.inflight.set(connectionId, list);
  return read;
}

/** Waits for the list reads of a connection that this request started (failures ignored). */
export async function listReadsSettled(ctx: Context, connectionId: string): Promise<void> {
  const list = ctx.seen.inflight.get(connectionId);
  if (list?.length) await Promise.allSettled(list);
}

export interface Context {
  /** Who is calling (authenticated before execution); `providers` is already narrowed to its grant. */
  caller: Caller;
  providers: Providers;
  environment: EnvironmentInfo;
  loaders: Loaders;
  seen: SeenRows;
  /**
   * Per-request deduplication of one upstream read (a whole list, a reference tree): the first
   * caller starts it, everyone else in the request shares the promise.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** Splits `connection:id` keys (connection ids never contain a colon; item ids may). */
export function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}

/** A batch function that loads each key on its own and returns an Error for the ones that failed. */
function each<V>(load: (connectionId: string, id: string) => Promise<V>) {
  return (keys: readonly string[]) =>
    Promise.all(
      keys.map((key) => {
        const [connectionId, id] = splitKey(key);
        return load(connectionId, id).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      }),
    );
}

function missing(provider: string, connectionId: string): Error {
  return new Error(`no ${provider} connection "${connectionId}" is configured`);
}

export function createContext(providers: Providers, environment: EnvironmentInfo, caller: Caller): Context {
  const pending = new Map<string, Promise<unknown>>();
  const adstatDetailsHeld = new Map<string, Promise<AdvertisementDetails>>();
  return {
    caller,
    providers,
    environment,
    seen: { advertisements: new Map(), tonaiCampaigns: new Map(), inflight: new Map() },
    loaders: {
      // AdStat has no batch read: each ad's details path is its own call (and its own rate bucket).
      // No batching either (`batch: false`): a batch would wait until every row of a 500-row page
      // had started its fields, and only then send the first call; each key goes out as it is asked.
      adstatDetails: new DataLoader(
        each((login, id) => {
          const client = providers.adstat.get(login);
          return client ? client.advertisement(Number(id)) : Promise.reject(missing('AdStat', login));
        }),
        { batch: false, cacheMap: adstatDetailsHeld },
      ),
      adstatDetailsHeld,
      tonaiDetails: new DataLoader(
        each((key, id) => {
          const client = providers.tonai.get(key);
          return client ? client.campaign(id) : Promise.reject(missing('TON.ai', key));
        }),
        { batch: false },
      ),
    },
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let promise = pending.get(key) as Promise<T> | undefined;
      if (!promise) {
        promise = load();
        pending.set(key, promise);
      }
      return promise;
    },
  };
}
