/**
 * Apollo Federation v2: Account, Advertisement and Campaign (with both implementations) are
 * entities keyed by their global `id`, resolved by reference through the same loaders as `node`,
 * so many references cost one upstream call per distinct entity where the provider allows.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../context.js';
import { AccountRef } from './account.js';
import { AdvertisementRef } from './advertisement.js';
import { builder } from './builder.js';
import { AdstatCampaignRef, CampaignRef, TonaiCampaignRef } from './campaign.js';
import { NODE_LOADERS } from './node.js';

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

/** Resolves a reference whose global id names one of the given types; anything else is null. */
function byReference(typenames: string[]) {
  return ({ id }: { id: string }, ctx: Context) => {
    const local = localKey(id, typenames);
    return local ? (NODE_LOADERS[local.typename]!(local.key, ctx) as Promise<never>) : null;
  };
}

builder.asEntity(AccountRef, { key: byId, resolveReference: byReference(['Account']) });
builder.asEntity(AdvertisementRef, { key: byId, resolveReference: byReference(['Advertisement']) });
builder.asEntity(CampaignRef, { key: byId, resolveReference: byReference(['AdstatCampaign', 'TonaiCampaign']) });
builder.asEntity(AdstatCampaignRef, { key: byId, resolveReference: byReference(['AdstatCampaign']) });
builder.asEntity(TonaiCampaignRef, { key: byId, resolveReference: byReference(['TonaiCampaign']) });
