/**
 * What a connection field's document selects on each of its items, read from the resolver's `info`
 * before execution reaches the items: lets a resolver start per-item work (a details call) the
 * moment the items are known, instead of when execution gets to each item's field.
 *
 * Exact, not an upper bound (unlike the cost estimate): a field counts only when execution will
 * surely resolve it on every item: `@skip`/`@include` are applied with the request's variables,
 * and a fragment counts only when its type condition holds for the item type. `@defer` does not
 * change that (a deferred field is still resolved, later).
 */
import {
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

type Selectable = FieldNode | Parameters<typeof getDirectiveValues>[1];

function included(node: Selectable, variables: GraphQLResolveInfo['variableValues']): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The fields a selection set selects on objects of `type`, through fragments that apply to it. */
function fieldsOn(info: GraphQLResolveInfo, set: SelectionSetNode, type: GraphQLObjectType, out: FieldNode[], spread: Set<string>): void {
  const applies = (name: string) => {
    if (name === type.name) return true;
    const on = info.schema.getType(name);
    return on !== undefined && isAbstractType(on) && info.schema.isSubType(on, type);
  };
  for (const selection of set.selections) {
    if (!included(selection, info.variableValues)) continue;
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || applies(selection.typeCondition.name.value)) fieldsOn(info, selection.selectionSet, type, out, spread);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (!fragment || spread.has(fragment.name.value) || !applies(fragment.typeCondition.name.value)) continue;
      fieldsOn(info, fragment.selectionSet, type, out, new Set([...spread, fragment.name.value]));
    }
  }
}

/** The selection sets of `name` among `fields`, with the object type it returns (null if not an object). */
function childSets(fields: FieldNode[], parent: GraphQLObjectType, name: string): { sets: SelectionSetNode[]; type: GraphQLObjectType | null } {
  const def = parent.getFields()[name];
  const type = def ? getNamedType(def.type) : undefined;
  const sets = fields.filter((f) => f.name.value === name && f.selectionSet).map((f) => f.selectionSet!);
  return { sets, type: type && isObjectType(type) ? type : null };
}

/**
 * Whether the connection this resolver returns (Relay shape: `nodes` and `edges { node }`) selects,
 * on every item, a field of the item type for which `wanted` holds.
 */
export function itemsSelect(info: GraphQLResolveInfo, wanted: (field: GraphQLField<unknown, unknown>) => boolean): boolean {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return false;
  const onConnection: FieldNode[] = [];
  for (const node of info.fieldNodes) if (node.selectionSet) fieldsOn(info, node.selectionSet, connection, onConnection, new Set());
  const itemSets: { sets: SelectionSetNode[]; type: GraphQLObjectType | null }[] = [childSets(onConnection, connection, 'nodes')];
  const edges = childSets(onConnection, connection, 'edges');
  if (edges.type) {
    const onEdge: FieldNode[] = [];
    for (const set of edges.sets) fieldsOn(info, set, edges.type, onEdge, new Set());
    itemSets.push(childSets(onEdge, edges.type, 'node'));
  }
  for (const { sets, type } of itemSets) {
    if (!type) continue;
    const onItem: FieldNode[] = [];
    for (const set of sets) fieldsOn(info, set, type, onItem, new Set());
    const defs = type.getFields();
    if (onItem.some((f) => defs[f.name.value] !== undefined && wanted(defs[f.name.value]!))) return true;
  }
  return false;
}
