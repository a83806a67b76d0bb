/**
 * UNVERIFIED — every wire detail in this file is the simulator's guess. AdStat's public endpoint
 * catalogue lists these paths but publishes no bodies:
 *   POST /api/advertisement/telegram/status/  {"ad_ids": [1, 2], "status": "active" | "stopped"}
 *   POST /api/advertisement/telegram/cpm/     {"ad_ids": [...], "cpm": 2.5}
 *   POST /api/advertisement/telegram/budget/  {"ad_ids": [...], "budget": 100}   (the new total budget)
 *   POST /api/advertisement/telegram/delete/  {"ad_ids": [...]}
 * All answer 200 `{"updated": [ids], "errors": [{"ad_id", "detail"}]}`: one ad's problem does not fail
 * the others. Only a malformed body is a 422. Repeated ids are handled once.
 */
import type { AdstatContext } from './context.js';
import { round2, type AdstatState } from './state.js';
import type { Advertisement, AdstatUser } from './types.js';
import { BodyReader, enumList, readJsonObject, validationError } from './validation.js';
import type { SimRequest, SimResponse } from '../http.js';

const SETTABLE_STATUSES = ['active', 'stopped'] as const;

/** Returns an error text for the ad, or undefined after applying the change. */
type PerAd = (ad: Advertisement) => string | undefined;

async function bulk(
  req: SimRequest,
  user: AdstatUser,
  state: AdstatState,
  readExtra: (r: BodyReader) => PerAd | undefined,
): Promise<SimResponse> {
  const read = await readJsonObject(req);
  if ('error' in read) return read.error;
  const r = new BodyReader(read.body);
  const ids = r.numberArray('ad_ids', { integer: true, required: true });
  if (ids && ids.length === 0) r.fail('ad_ids', 'ad_ids must contain at least one id');
  const apply = readExtra(r);
  if (r.issues.length > 0 || !ids || !apply) return validationError(r.issues);

  const updated: number[] = [];
  const errors: Array<{ ad_id: number; detail: string }> = [];
  for (const id of new Set(ids)) {
    const ad = state.adOf(user.id, id);
    const problem = ad ? apply(ad) : 'Advertisement not found';
    if (problem) errors.push({ ad_id: id, detail: problem });
    else updated.push(id);
  }
  return { status: 200, body: { updated, errors } };
}

export function registerAdBulkRoutes({ router, state, now }: AdstatContext): void {
  router.authed('POST', '/api/advertisement/telegram/status', (req, user) =>
    bulk(req, user, state, (r) => {
      const status = r.string('status', { required: true });
      if (typeof status !== 'string') return undefined;
      if (!(SETTABLE_STATUSES as readonly string[]).includes(status)) {
        return r.fail('status', `status should be ${enumList(SETTABLE_STATUSES)}`);
      }
      return (ad) => {
        if (ad.status === 'deleted') return 'Advertisement is deleted';
        if (ad.status === 'in_review') return 'Advertisement is on moderation; its status is set by after_moderation_status';
        if (ad.status === 'declined') return 'Advertisement is declined; edit it to send it to moderation again';
        if (status === 'active') {
          if (state.cabinets.get(ad.accountId)?.status === 'inactive') return 'The advertising account is inactive';
          if (state.adBalance(ad) <= 0) return 'Advertisement budget is exhausted; raise the budget first';
        }
        if (ad.status !== status) {
          ad.status = status as 'active' | 'stopped';
          ad.statusUpdatedAt = now();
        }
        return undefined;
      };
    }),
  );

  router.authed('POST', '/api/advertisement/telegram/cpm', (req, user) =>
    bulk(req, user, state, (r) => {
      const cpm = r.number('cpm', { required: true });
      if (typeof cpm !== 'number') return undefined;
      if (cpm <= 0) return r.fail('cpm', 'cpm must be greater than 0');
      return (ad) => {
        if (ad.status === 'deleted') return 'Advertisement is deleted';
        ad.cpm = cpm;
        return undefined;
      };
    }),
  );

  router.authed('POST', '/api/advertisement/telegram/budget', (req, user) =>
    bulk(req, user, state, (r) => {
      const budget = r.number('budget', { required: true });
      if (typeof budget !== 'number') return undefined;
      if (budget <= 0) return r.fail('budget', 'budget must be greater than 0');
      return (ad) => {
        if (ad.status === 'deleted') return 'Advertisement is deleted';
        if (budget < ad.stats.spent) return `Budget cannot be lower than the amount already spent (${ad.stats.spent})`;
        const cabinet = state.cabinets.get(ad.accountId)!;
        const delta = round2(budget - ad.budget);
        if (delta > cabinet.available) return `Insufficient funds: the advertising account has ${cabinet.available} ${cabinet.currency} available`;
        cabinet.available = round2(cabinet.available - delta);
        ad.budget = round2(budget);
        return undefined;
      };
    }),
  );

  router.authed('POST', '/api/advertisement/telegram/delete', (req, user) =>
    bulk(req, user, state, () => (ad) => {
      state.deleteAd(ad, now()); // deleting a deleted ad is not an error: a retried request succeeds
      return undefined;
    }),
  );
}
