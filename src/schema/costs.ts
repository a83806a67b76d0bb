/**
 * Helpers for the upstream-cost declarations that sit beside each field (`extensions:
 * upstreamCost(...)`, see security/cost.ts). Each states, for its field, the calls the resolver
 * can make: list pages from `first` and `after`, whole-list reads shared by the request, a details
 * call per item.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { pages, type Calls, type CostScope, type FieldCost } from '../security/cost.js';
import { DEFAULT_PAGE_SIZE, decodeCursor } from './pagination.js';

export { upstreamCost } from '../security/cost.js';

/** AdStat and TON.ai list page sizes (the documented caps adgraph reads with). */
const ADSTAT_PAGE = 500;
const TONAI_PAGE = 100;

/** Items a connection field yields: `first` (or `last`), default 50. */
export function windowSize(args: Record<string, unknown>): number {
  const n = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
  return Math.max(0, n);
}

/** The offset a window starts at, from its `after` cursor (0 for a malformed one: the field refuses it). */
function windowEnd(args: Record<string, unknown>): number {
  let offset = 0;
  if (typeof args.after === 'string') {
    try {
      offset = decodeCursor(args.after, 'after').offset + 1;
    } catch {
      offset = 0;
    }
  }
  return offset + windowSize(args);
}

/** AdStat logins a field reads: the caller's, or the one named by `connectionId`. */
export function loginsOf(scope: CostScope, connectionId?: unknown): number {
  return typeof connectionId === 'string' && connectionId ? (scope.adstatLogins.includes(connectionId) ? 1 : 0) : scope.adstatLogins.length;
}

/** Every page of a login's list, read once per request (a status filter, a cabinet's or campaign's ads). */
export function wholeAdstatList(scope: CostScope, what: string, logins = scope.adstatLogins.length): Record<string, Calls> {
  return { [`adstat:${what}`]: { adstat: logins * scope.assume.wholeListPages } };
}

export function wholeTonaiList(scope: CostScope): Record<string, Calls> {
  return { 'tonai:campaigns': { tonai: scope.tonaiKeys.length * scope.assume.wholeListPages } };
}

/** A window of AdStat list pages per login. */
export function adstatWindow(args: Record<string, unknown>, logins: number): number {
  return logins * pages(windowEnd(args), ADSTAT_PAGE);
}

export function tonaiWindow(args: Record<string, unknown>, keys: number): number {
  return keys * pages(windowEnd(args), TONAI_PAGE);
}

/** One details call per item, shared by all the item's details fields. */
export const ADSTAT_DETAILS: FieldCost = { perParent: { 'adstat-details': { adstat: 1 } } };
export const TONAI_DETAILS: FieldCost = { perParent: { 'tonai-details': { tonai: 1 } } };

/** The cabinet-name list, once per login per request. */
export const cabinetsOnce = (scope: CostScope): Record<string, Calls> => ({ 'adstat:cabinets': { adstat: scope.adstatLogins.length } });

/** What loading objects by global id costs (`node`, `nodes`, `_entities`), from each id's type. */
export function loadingByIds(ids: string[], scope: CostScope): FieldCost {
  let adstat = 0;
  let tonai = 0;
  let shared: Record<string, Calls> = {};
  for (const id of ids) {
    let typename = '';
    try {
      typename = decodeGlobalID(id).typename;
    } catch {
      continue;
    }
    if (typename === 'Advertisement') {
      // Its details prove it exists; a list field of it then reads the login's whole list once.
      adstat += 1;
      shared = { ...shared, ...wholeAdstatList(scope, 'ads:ALL') };
    } else if (typename === 'TonaiCampaign') {
      tonai += 1;
      shared = { ...shared, ...wholeTonaiList(scope) };
    } else if (typename === 'AdstatCampaign') shared = { ...shared, ...wholeAdstatList(scope, 'campaigns:ALL') };
    else if (typename === 'Account') shared = { ...shared, ...cabinetsOnce(scope) };
    else if (typename === 'KktuNode') shared = { ...shared, 'adstat:kktu': { adstat: 1 } };
  }
  return { adstat, tonai, shared, items: ids.length };
}
