/**
 * `node` and `nodes`, owned here rather than by the relay plugin so that a malformed or foreign id
 * gives null for that one slot instead of failing the whole field. Each type loads through the
 * same loaders as everywhere else.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../context.js';
import { loadAccount } from './account.js';
import { loadAd } from './advertisement.js';
import { builder } from './builder.js';
import { loadingByIds, upstreamCost } from './costs.js';
import { loadAdstatCampaign, loadTonaiCampaign } from './campaign.js';
import { errorValue, InputError } from './errors.js';
import { kktuIndex } from './kktu.js';

/** Each node type's loader, by typename: shared by `node`, `nodes` and federation references. */
export const NODE_LOADERS: Record<string, (key: string, ctx: Context) => Promise<unknown>> = {
  Account: loadAccount,
  Advertisement: loadAd,
  AdstatCampaign: loadAdstatCampaign,
  TonaiCampaign: loadTonaiCampaign,
  KktuNode: async (key, ctx) => (await kktuIndex(ctx)).byId.get(key) ?? null,
};

export async function loadNode(globalId: string, ctx: Context): Promise<unknown> {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    return null;
  }
  const load = NODE_LOADERS[decoded.typename];
  return load ? load(decoded.id, ctx) : null;
}

const MAX_NODES = 500;

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Fetches any object by its global id; null when the id is unknown or not an id of this API.',
    args: { id: t.arg.id({ required: true, description: 'A global id, as any `id` field returns it.' }) },
    extensions: upstreamCost((args, scope) => loadingByIds([String(args.id)], scope)),
    resolve: (_root, args, ctx) => loadNode(String(args.id), ctx) as Promise<never>,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Fetches several objects by their global ids, in order; null for each id that is unknown or malformed. An item that fails to load is null with its error at ["nodes", index]; the others still come back.',
    args: { ids: t.arg.idList({ required: true, description: 'Global ids, as `id` fields return them (at most 500).' }) },
    extensions: upstreamCost((args, scope) => loadingByIds((args.ids as unknown[]).map(String), scope)),
    resolve: (_root, args, ctx) => {
      if (args.ids.length > MAX_NODES) throw new InputError('ids', `at most ${MAX_NODES} ids (got ${args.ids.length})`, 'TOO_MANY');
      // One promise per item, not Promise.all: GraphQL completes each item on its own, so one
      // failure nulls its slot (error at ["nodes", i]) instead of failing the whole list. A failed
      // item resolves to its Error rather than rejecting (see errorValue).
      return args.ids.map((id) => loadNode(String(id), ctx).catch(errorValue)) as never[];
    },
  }),
}));
