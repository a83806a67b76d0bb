/**
 * Apollo Federation v2: Account, Advertisement and Campaign (with both implementations) are
 * entities keyed by their global `id`, resolved by reference through the same loaders as `node`,
 * so many references cost one upstream call per distinct entity where the provider allows.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../context.js';
import { AccountRef, loadAccount } from './account.js';
import { AdvertisementRef, loadAd } from './advertisement.js';
import { builder } from './builder.js';
import { AdstatCampaignRef, CampaignRef, TonaiCampaignRef, loadAdstatCampaign, loadTonaiCampaign } from './campaign.js';

/** The local key of a global id of the given types, or null when it is not one. */
function localKey(id: string, typenames: string[]): { typename: string; key: string } | null {
  try {
    const decoded = decodeGlobalID(id);
    return typenames.includes(decoded.typename) ? { typename: decoded.typename, key: decoded.id } : null;
  } catch {
    return null;
  }
}

const byId = builder.selection<{ id: string }>('id');

builder.asEntity(AccountRef, {
  key: byId,
  resolveReference: ({ id }, ctx: Context) => {
    const local = localKey(id, ['Account']);
    return local ? loadAccount(local.key, ctx) : null;
  },
});

builder.asEntity(AdvertisementRef, {
  key: byId,
  resolveReference: ({ id }, ctx: Context) => {
    const local = localKey(id, ['Advertisement']);
    return local ? loadAd(local.key, ctx) : null;
  },
});

async function loadCampaign(id: string, ctx: Context) {
  const local = localKey(id, ['AdstatCampaign', 'TonaiCampaign']);
  if (!local) return null;
  return local.typename === 'AdstatCampaign' ? loadAdstatCampaign(local.key, ctx) : loadTonaiCampaign(local.key, ctx);
}

builder.asEntity(CampaignRef, { key: byId, resolveReference: ({ id }, ctx: Context) => loadCampaign(id, ctx) });
builder.asEntity(AdstatCampaignRef, {
  key: byId,
  resolveReference: ({ id }, ctx: Context) => {
    const local = localKey(id, ['AdstatCampaign']);
    return local ? loadAdstatCampaign(local.key, ctx) : null;
  },
});
builder.asEntity(TonaiCampaignRef, {
  key: byId,
  resolveReference: ({ id }, ctx: Context) => {
    const local = localKey(id, ['TonaiCampaign']);
    return local ? loadTonaiCampaign(local.key, ctx) : null;
  },
});
