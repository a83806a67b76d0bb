/**
 * Finding what a create whose answer was lost made: campaigns with that name whose budget (total,
 * daily amount, run time) and bid are the ones sent, leaving out those of that name that existed
 * just before the attempt (TON.ai's list carries no creation time). Read fresh, never from the cache.
 */
import type { NewTonaiCampaign } from '../../domain/writes.js';
import type { CreateOperation } from '../idempotency.js';
import { allPages } from '../paging.js';
import type { TonaiClient } from './client.js';
import * as wire from './wire.js';

export async function matchingCampaigns(client: TonaiClient, campaign: NewTonaiCampaign, existing: ReadonlySet<string> = new Set()): Promise<string[]> {
  const size = wire.LIMITS.maxPageSize;
  const rows = await allPages(size, async (index) => {
    const query = new URLSearchParams({ current: String(index + 1), pageSize: String(size) });
    const data = await client.call(wire.ENDPOINTS.list, { query, schema: wire.listData });
    return { rows: data.campaigns, total: data.total };
  });
  const named = rows.filter((row) => row.name === campaign.name && !existing.has(row.id));
  const details = await Promise.all(
    named.map(async (row) => ({ id: row.id, detail: await client.call(wire.ENDPOINTS.detail, { query: new URLSearchParams({ campaignId: row.id }), schema: wire.detailData }) })),
  );
  return details
    .filter(
      ({ detail }) =>
        detail.budget.total === Number(campaign.budget.total) &&
        detail.budget.amount === Number(campaign.budget.daily) &&
        detail.budget.startTime === campaign.budget.startTime.getTime() &&
        detail.budget.endTime === campaign.budget.endTime.getTime() &&
        detail.bidding.costPer === Number(campaign.bidding.costPer),
    )
    .map(({ id }) => id);
}

/** Creating a campaign, as the idempotency store runs it. */
export function campaignCreate(client: TonaiClient, campaign: NewTonaiCampaign): CreateOperation<string, { id: string }> {
  const e = wire.ENDPOINTS.create;
  return {
    provider: 'TON.ai',
    account: client.id,
    endpoint: `${e.method} ${e.path}`,
    send: () => client.createCampaign(campaign),
    save: (id) => ({ id }),
    load: (saved) => saved.id,
    // Campaigns of that name that exist before the attempt are not its result (the list has no creation time).
    before: async () => (await client.allCampaigns()).filter((c) => c.name === campaign.name).map((c) => c.id),
    reconcile: async (_sentAt, before) => {
      const found = await matchingCampaigns(client, campaign, new Set(Array.isArray(before) ? before.map(String) : []));
      if (found.length === 1) return { kind: 'found', saved: { id: found[0]! } };
      return found.length === 0 ? { kind: 'absent' } : { kind: 'ambiguous', candidates: found };
    },
    check: () =>
      `Look for a TON.ai campaign named ${JSON.stringify(campaign.name)} with a total budget of ${campaign.budget.total} USDT (campaigns(provider: TONAI), then its budget)`,
  };
}
