/** The advertisement list, details, create and edit. */
import { applyEdit, buildAd } from './ad-rules.js';
import { intParam, type AdstatContext } from './context.js';
import { PERIODS, periodRange } from './period.js';
import { round2 } from './state.js';
import { QueryReader, detail, readJsonObject, validationError } from './validation.js';
import { adDetails, adListItem } from './wire.js';

export function registerAdRoutes({ router, state, now }: AdstatContext): void {
  router.authed('GET', '/api/v2/advertisement', (req, user) => {
    const q = new QueryReader(req.query);
    const showDeleted = q.bool('show_deleted') ?? false;
    // The page is silent on a missing period; the simulator then lists all periods.
    const period = q.oneOf('period', PERIODS) ?? 'all';
    const offset = q.int('offset', { default: 0, min: 0 });
    const limit = q.int('limit', { default: 50, min: 1, max: 500 });
    // Repeated parameters, one value each (a comma belongs to the value); any one match is enough.
    const titles = q.list('advertisement_titles').map((t) => t.toLowerCase());
    const campaignNames = q.list('campaign_names').map((t) => t.toLowerCase());
    if (q.issues.length > 0) return validationError(q.issues);

    const [from, to] = periodRange(period, now());
    const ads = state.adsOf(user.id);
    const data: Array<Record<string, unknown>> = [];
    let skipped = 0;
    // Newest first: ids grow with creation time, so walk the user's ads backwards.
    for (let i = ads.length - 1; i >= 0 && data.length < limit; i--) {
      const ad = ads[i]!;
      if (!showDeleted && ad.status === 'deleted') continue;
      if (ad.createdAt < from || ad.createdAt >= to) continue;
      if (titles.length > 0 && !titles.some((t) => ad.title.toLowerCase().includes(t))) continue;
      if (campaignNames.length > 0) {
        const name = (state.campaigns.get(ad.campaignId)?.name ?? '').toLowerCase();
        if (!campaignNames.some((c) => name.includes(c))) continue;
      }
      if (skipped < offset) {
        skipped += 1;
        continue;
      }
      data.push(adListItem(state, ad));
    }
    return { status: 200, body: { data } };
  });

  router.authed('POST', '/api/advertisement/telegram', async (req, user) => {
    const read = await readJsonObject(req);
    if ('error' in read) return read.error;
    const result = buildAd(state, user, read.body, now());
    if ('issues' in result) return validationError(result.issues);
    const { ad } = result;
    const cabinet = state.cabinets.get(ad.accountId)!;
    cabinet.available = round2(cabinet.available - ad.budget); // the budget moves from the cabinet to the ad
    state.addAd(ad);
    return { status: 200, body: adDetails(state, ad) };
  });

  router.authed('GET', '/api/advertisement/telegram/:ad_id', (req, user) => {
    const id = intParam(req.params.ad_id, 'ad_id');
    if (typeof id !== 'number') return validationError([id]);
    const ad = state.adOf(user.id, id);
    return ad ? { status: 200, body: adDetails(state, ad) } : detail(404, 'Advertisement not found');
  });

  router.authed('PUT', '/api/advertisement/telegram/:ad_id', async (req, user) => {
    const id = intParam(req.params.ad_id, 'ad_id');
    if (typeof id !== 'number') return validationError([id]);
    const ad = state.adOf(user.id, id);
    if (!ad) return detail(404, 'Advertisement not found');
    if (ad.status === 'deleted') return detail(400, 'Advertisement is deleted');
    const read = await readJsonObject(req);
    if ('error' in read) return read.error;
    const issues = applyEdit(state, user, ad, read.body, now());
    if (issues.length > 0) return validationError(issues);
    return { status: 200, body: adDetails(state, ad) };
  });
}
