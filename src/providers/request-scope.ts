/**
 * What the providers layer knows about the GraphQL request it is serving, without importing
 * GraphQL: an id (so the quota planner can share a path's budget fairly between requests), a
 * priority, and the freshness of every cached answer the request was given (reported in
 * `extensions.freshness`). Carried by AsyncLocalStorage because provider calls are made deep inside
 * resolvers, loaders and the shared cache, where threading a parameter would touch every call site.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ProviderName } from './errors.js';

export type Priority = 'write' | 'interactive' | 'background';

/** How old the provider data behind an answer is. */
export interface FreshnessRecord {
  provider: ProviderName;
  account: string;
  /** The upstream path the data came from, e.g. `/api/v2/advertisement`. */
  path: string;
  fetchedAt: number;
  /** When the answer's lifetime ends (past it the answer is served stale while a refresh is due). */
  freshUntil: number;
}

export interface RequestScope {
  id: string;
  priority: Priority;
  freshness: FreshnessRecord[];
  /**
   * For the response cache: the earliest end of lifetime among the cached answers the request was
   * given (Infinity: none), and the cache keys it read or looked at (what a write can outdate).
   */
  freshUntil: number;
  readKeys: Set<string>;
}

const storage = new AsyncLocalStorage<RequestScope>();
let counter = 0;

export function newRequestScope(priority: Priority = 'interactive'): RequestScope {
  counter += 1;
  return { id: `r${counter}`, priority, freshness: [], freshUntil: Number.POSITIVE_INFINITY, readKeys: new Set() };
}

export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Notes the freshness of an answer on the current request, if there is one. */
export function recordFreshness(record: FreshnessRecord): void {
  const scope = storage.getStore();
  if (!scope) return;
  scope.freshness.push(record);
  if (record.freshUntil < scope.freshUntil) scope.freshUntil = record.freshUntil;
}

/**
 * Notes a shared-cache read on the current request: its key, and (when its answer is used) the
 * end of that answer's lifetime. Every answer counts, also those not reported as freshness.
 */
export function recordCachedRead(key: string, freshUntil?: number): void {
  const scope = storage.getStore();
  if (!scope) return;
  scope.readKeys.add(key);
  if (freshUntil !== undefined && freshUntil < scope.freshUntil) scope.freshUntil = freshUntil;
}

/** `localeCompare`'s own order (the default locale and options), as one reusable comparator. */
const collator = new Intl.Collator();

/** One entry per provider, account and path: the oldest data the request was given there. */
export function summarizeFreshness(records: readonly FreshnessRecord[], now: number) {
  const byPath = new Map<string, FreshnessRecord>();
  for (const r of records) {
    const key = `${r.provider} ${r.account} ${r.path}`;
    const seen = byPath.get(key);
    if (!seen || r.fetchedAt < seen.fetchedAt) byPath.set(key, r);
  }
  // Sorted as localeCompare sorts, by one collator on keys built once: a page's details give an
  // entry per advertisement, and building both keys and a comparison in localeCompare on every
  // step of the sort cost ~2–3 ms of a 500-ad request.
  return [...byPath.values()]
    .map((r) => ({ r, order: r.provider + r.account + r.path }))
    .sort((a, b) => collator.compare(a.order, b.order))
    .map(({ r }) => ({
      provider: r.provider,
      account: r.account,
      path: r.path,
      fetchedAt: new Date(r.fetchedAt).toISOString(),
      ageSeconds: Math.max(0, Math.floor((now - r.fetchedAt) / 1000)),
      stale: now >= r.freshUntil,
    }));
}
