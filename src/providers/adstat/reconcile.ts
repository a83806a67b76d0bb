/**
 * Finding what a create whose answer was lost made: the login's newest advertisements with that
 * title, in that campaign, created since the attempt was sent. Read fresh (never from the cache):
 * a cached list from before the attempt would say "nothing" about an ad that exists.
 */
import type { AdvertisementDetails, AdvertisementSummary, Audience } from '../../domain/model.js';
import type { NewAdvertisement } from '../../domain/writes.js';
import type { CreateOperation } from '../idempotency.js';
import { allPages } from '../paging.js';
import type { AdstatClient } from './client.js';
import { advertisementFromRow, audienceFromWire } from './map.js';
import * as wire from './wire.js';

/**
 * `created_dt` has whole seconds and AdStat's clock is not ours: an ad stamped up to this much
 * before our send time still counts as made after it.
 */
const CLOCK_SLACK_MS = 2_000;

export async function advertisementsCreatedSince(
  client: AdstatClient,
  ad: { title: string; campaignId: number },
  sentAt: Date,
): Promise<AdvertisementSummary[]> {
  const size = wire.LIMITS.maxPageSize;
  const rows = await allPages(size, async (index) => {
    const query = new URLSearchParams({ show_deleted: 'false', period: wire.PERIODS.ALL, offset: String(index * size), limit: String(size) });
    query.append('advertisement_titles', ad.title);
    const page = await client.call(wire.ENDPOINTS.advertisements, { query, schema: wire.advertisementList });
    return { rows: page.data.map((row) => advertisementFromRow(client.id, row)), total: null };
  });
  const since = sentAt.getTime() - CLOCK_SLACK_MS;
  return rows.filter((row) => row.title === ad.title && row.campaignId === ad.campaignId && row.createdAt !== null && row.createdAt.getTime() >= since);
}

type Created = { id: number; details: AdvertisementDetails | null };

/** Creating an advertisement, as the idempotency store runs it. */
export function advertisementCreate(client: AdstatClient, ad: NewAdvertisement): CreateOperation<Created, { id: number }> {
  const e = wire.ENDPOINTS.createAdvertisement;
  return {
    provider: 'AdStat',
    account: client.id,
    endpoint: `${e.method} ${e.path}`,
    send: () => client.createAdvertisement(ad),
    save: (created) => ({ id: created.id }),
    load: (saved) => ({ id: saved.id, details: null }),
    reconcile: async (sentAt) => {
      const found = await advertisementsCreatedSince(client, ad, sentAt);
      if (found.length === 1) return { kind: 'found', saved: { id: found[0]!.id } };
      return found.length === 0 ? { kind: 'absent' } : { kind: 'ambiguous', candidates: found.map((f) => String(f.id)) };
    },
    check: (sentAt) => `Look for an AdStat advertisement titled ${JSON.stringify(ad.title)} in campaign ${ad.campaignId} created since ${sentAt.toISOString()} (advertisements filtered by that title)`,
  };
}

/**
 * Creating an audience. Audiences carry no creation time: audiences of that title that existed just
 * before the attempt are left out; one new one is the attempt's, several are ambiguous.
 */
export function audienceCreate(client: AdstatClient, accountId: string, title: string, file: { path: string; filename: string; contentType: string }): CreateOperation<Audience, { telegramId: number; title: string }> {
  const e = wire.ENDPOINTS.createAudience;
  return {
    provider: 'AdStat',
    account: client.id,
    endpoint: `${e.method} ${e.path}`,
    send: () => client.createAudience(accountId, title, file),
    save: (audience) => ({ telegramId: audience.telegramId, title: audience.title }),
    load: (saved) => ({ connectionId: client.id, accountId, telegramId: saved.telegramId, title: saved.title }),
    before: async () => (await client.audiences(accountId)).filter((a) => a.title === title).map((a) => a.telegramId),
    reconcile: async (_sentAt, before) => {
      const existing = new Set(Array.isArray(before) ? before : []);
      const list = await client.call(wire.ENDPOINTS.audiences, { params: { account_id: accountId }, schema: wire.audiences });
      const found = list.map((a) => audienceFromWire(client.id, accountId, a)).filter((a) => a.title === title && !existing.has(a.telegramId));
      if (found.length === 1) return { kind: 'found', saved: { telegramId: found[0]!.telegramId, title } };
      return found.length === 0 ? { kind: 'absent' } : { kind: 'ambiguous', candidates: found.map((a) => String(a.telegramId)) };
    },
    check: () => `Look for an audience titled ${JSON.stringify(title)} in cabinet ${accountId} (Account.audiences)`,
  };
}
