/**
 * Campaigns. The list is verified. UNVERIFIED: create, get one, update and delete — the public
 * catalogue lists their paths without bodies; the bodies and answers here are the simulator's guess:
 *   POST /api/campaigns/        {"name", "description"?, "account_id"}  → the campaign object
 *   GET  /api/campaigns/{id}                                           → the campaign object
 *   PUT  /api/campaigns/{id}    {"name"?, "description"?}              → the campaign object
 *   POST /api/campaigns/delete  {"ids": [...]}                          → {"deleted": [ids deleted]}
 * Deleting a campaign deletes its ads (their unspent budget returns to the cabinet); ids that are
 * unknown or not the caller's are left out of `deleted`.
 */
import { intParam, type AdstatContext } from './context.js';
import { PERIODS, periodRange } from './period.js';
import { BodyReader, QueryReader, detail, readJsonObject, validationError } from './validation.js';
import { campaignIsActive, campaignItem } from './wire.js';

export function registerCampaignRoutes({ router, state, now }: AdstatContext): void {
  router.authed('GET', '/api/campaigns', (req, user) => {
    const q = new QueryReader(req.query);
    // The page is silent on a missing period: treated as "all", like the advertisement list.
    const period = q.oneOf('period', PERIODS) ?? 'all';
    const offset = q.int('offset', { default: 0, min: 0 });
    const limit = q.int('limit', { default: 50, min: 1, max: 500 });
    const name = (q.string('campaign_name') ?? '').trim().toLowerCase();
    const isActive = q.bool('is_active');
    if (q.issues.length > 0) return validationError(q.issues);
    const [from, to] = periodRange(period, now());
    const matched = state
      .campaignsOf(user.id)
      .filter((c) => c.createdAt >= from && c.createdAt < to)
      .filter((c) => c.name.toLowerCase().includes(name))
      .filter((c) => isActive === undefined || campaignIsActive(state, c) === isActive)
      .sort((a, b) => b.id - a.id);
    return {
      status: 200,
      body: { items: matched.slice(offset, offset + limit).map((c) => campaignItem(state, c)), count: matched.length },
    };
  });

  // UNVERIFIED (see the header).
  router.authed('POST', '/api/campaigns', async (req, user) => {
    const read = await readJsonObject(req);
    if ('error' in read) return read.error;
    const r = new BodyReader(read.body);
    const name = r.string('name', { required: true });
    const description = r.string('description', { nullable: true });
    const accountId = r.string('account_id', { required: true });
    if (typeof name === 'string' && name.trim() === '') r.fail('name', 'Campaign name must not be empty');
    const cabinet = typeof accountId === 'string' ? state.cabinetOf(user.id, accountId) : undefined;
    if (typeof accountId === 'string' && !cabinet) r.fail('account_id', 'Account not found');
    if (r.issues.length > 0 || !cabinet || typeof name !== 'string') return validationError(r.issues);
    const id = state.nextCampaignId++;
    const campaign = {
      id, accountId: cabinet.accountId, userId: user.id, name: name.trim(), description: description ?? '', createdAt: now(), deleted: false,
    };
    state.campaigns.set(id, campaign);
    return { status: 200, body: campaignItem(state, campaign) };
  });

  // UNVERIFIED. Registered before `/:id` so "delete" is not read as an id.
  router.authed('POST', '/api/campaigns/delete', async (req, user) => {
    const read = await readJsonObject(req);
    if ('error' in read) return read.error;
    const r = new BodyReader(read.body);
    const ids = r.numberArray('ids', { integer: true, required: true });
    if (r.issues.length > 0 || !ids) return validationError(r.issues);
    const deleted: number[] = [];
    for (const id of new Set(ids)) {
      const campaign = state.campaignOf(user.id, id);
      if (!campaign) continue;
      for (const ad of state.adsOfCampaign(id)) state.deleteAd(ad, now());
      campaign.deleted = true;
      deleted.push(id);
    }
    return { status: 200, body: { deleted } };
  });

  // UNVERIFIED.
  router.authed('GET', '/api/campaigns/:id', (req, user) => {
    const id = intParam(req.params.id, 'id');
    if (typeof id !== 'number') return validationError([id]);
    const campaign = state.campaignOf(user.id, id);
    return campaign ? { status: 200, body: campaignItem(state, campaign) } : detail(404, 'Campaign not found');
  });

  // UNVERIFIED.
  router.authed('PUT', '/api/campaigns/:id', async (req, user) => {
    const id = intParam(req.params.id, 'id');
    if (typeof id !== 'number') return validationError([id]);
    const campaign = state.campaignOf(user.id, id);
    if (!campaign) return detail(404, 'Campaign not found');
    const read = await readJsonObject(req);
    if ('error' in read) return read.error;
    const r = new BodyReader(read.body);
    const name = r.string('name');
    const description = r.string('description', { nullable: true });
    if (typeof name === 'string' && name.trim() === '') r.fail('name', 'Campaign name must not be empty');
    if (r.issues.length > 0) return validationError(r.issues);
    if (typeof name === 'string') campaign.name = name.trim();
    if (description !== undefined) campaign.description = description ?? '';
    return { status: 200, body: campaignItem(state, campaign) };
  });
}
