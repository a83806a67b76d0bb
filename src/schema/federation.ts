/**
 * Apollo Federation v2: Account, Advertisement and Campaign (with both implementations) are
 * entities keyed by their global `id`, resolved by reference through the same loaders as `node`,
 * so many references cost one upstream call per distinct entity where the provider allows.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { AccountRef } from './account.js';
import { AdvertisementRef } from './advertisement.js';
import { builder } from './builder.js';
import { errorValue, InputError } from './errors.js';
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

/**
 * @apollo/subgraph's `_entities` throws a plain Error for a `__typename` that is not an entity,
 * which would reach the client as INTERNAL_SERVER_ERROR. Checks the representations first, so a
 * gateway or client sending a wrong one gets BAD_USER_INPUT naming it. Wraps the resolver because
 * the subgraph library offers no hook for it.
 */
export function guardEntityRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()['_entities'];
  const resolve = field?.resolve;
  if (!field || !resolve) return schema;
  const entities = Object.values(schema.getTypeMap())
    .filter((t) => (isObjectType(t) || isInterfaceType(t)) && (t.extensions as { apollo?: { subgraph?: { resolveReference?: unknown } } }).apollo?.subgraph?.resolveReference)
    .map((t) => t.name);
  field.resolve = (source, args: { representations?: unknown[] }, context, info) => {
    (args.representations ?? []).forEach((r, i) => {
      const typename = r !== null && typeof r === 'object' ? (r as { __typename?: unknown }).__typename : undefined;
      if (typeof typename !== 'string') throw new InputError(`representations[${i}]`, 'needs a __typename naming an entity type', 'ENTITY_TYPENAME');
      if (!entities.includes(typename)) throw new InputError(`representations[${i}]`, `__typename "${typename}" is not an entity of this subgraph (one of ${entities.join(', ')})`, 'ENTITY_TYPENAME');
    });
    // A representation that fails is its slot's Error, not a rejected item: graphql-jit would put a
    // rejected item's null at the end of the list (src/jit.ts), and both executors answer an Error
    // item as null at its index with its error.
    return Promise.resolve(resolve(source, args, context, info)).then(settledItems);
  };
  return schema;
}

function settledItems(items: unknown): unknown {
  return Array.isArray(items) ? items.map((item) => Promise.resolve(item).catch(errorValue)) : items;
}
