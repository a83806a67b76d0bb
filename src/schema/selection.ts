/**
 * What a connection field's document selects on each of its items, read from the resolver's `info`
 * before execution reaches the items: lets a resolver start per-item work (a details call) the
 * moment the items are known, instead of when execution gets to each item's field.
 *
 * Exact, not an upper bound (unlike the cost estimate): a field counts only when execution will
 * surely resolve it on every item: `@skip`/`@include` are applied with the request's variables,
 * and a fragment counts only when its type condition holds for the item type. A field under
 * `@defer` is still resolved, but the client asked for everything else first: it is told apart.
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

interface Selected {
  node: FieldNode;
  /** Reached only through a `@defer` fragment (one whose `if` is not false). */
  deferred: boolean;
}

function included(node: Selectable, variables: GraphQLResolveInfo['variableValues']): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** Whether a fragment is deferred. `@defer` is not one of graphql-js's own directives: read by name. */
function deferredBy(node: Selectable, variables: GraphQLResolveInfo['variableValues']): boolean {
  const directive = node.directives?.find((d) => d.name.value === 'defer');
  if (!directive) return false;
  const condition = directive.arguments?.find((a) => a.name.value === 'if')?.value;
  if (!condition) return true;
  if (condition.kind === Kind.BOOLEAN) return condition.value;
  return condition.kind === Kind.VARIABLE ? variables[condition.name.value] !== false : true;
}

/** The fields a selection set selects on objects of `type`, through fragments that apply to it. */
function fieldsOn(info: GraphQLResolveInfo, set: SelectionSetNode, type: GraphQLObjectType, out: Selected[], spread: Set<string>, deferred = false): void {
  const applies = (name: string) => {
    if (name === type.name) return true;
    const on = info.schema.getType(name);
    return on !== undefined && isAbstractType(on) && info.schema.isSubType(on, type);
  };
  for (const selection of set.selections) {
    if (!included(selection, info.variableValues)) continue;
    if (selection.kind === Kind.FIELD) out.push({ node: selection, deferred });
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const later = deferred || deferredBy(selection, info.variableValues);
      if (!selection.typeCondition || applies(selection.typeCondition.name.value)) fieldsOn(info, selection.selectionSet, type, out, spread, later);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (!fragment || spread.has(fragment.name.value) || !applies(fragment.typeCondition.name.value)) continue;
      fieldsOn(info, fragment.selectionSet, type, out, new Set([...spread, fragment.name.value]), deferred || deferredBy(selection, info.variableValues));
    }
  }
}

interface ChildSets {
  sets: { set: SelectionSetNode; deferred: boolean }[];
  type: GraphQLObjectType | null;
}

/** The selection sets of `name` among `fields`, with the object type it returns (null if not an object). */
function childSets(fields: Selected[], parent: GraphQLObjectType, name: string): ChildSets {
  const def = parent.getFields()[name];
  const type = def ? getNamedType(def.type) : undefined;
  const sets = fields.filter((f) => f.node.name.value === name && f.node.selectionSet).map((f) => ({ set: f.node.selectionSet!, deferred: f.deferred }));
  return { sets, type: type && isObjectType(type) ? type : null };
}

/**
 * Whether the connection this resolver returns (Relay shape: `nodes` and `edges { node }`) selects,
 * on every item, a field of the item type for which `wanted` holds: 'now' when one is outside any
 * `@defer` fragment, 'deferred' when all are inside one, false when none is selected.
 */
export function itemsSelect(info: GraphQLResolveInfo, wanted: (field: GraphQLField<unknown, unknown>) => boolean): 'now' | 'deferred' | false {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return false;
  const onConnection: Selected[] = [];
  for (const node of info.fieldNodes) if (node.selectionSet) fieldsOn(info, node.selectionSet, connection, onConnection, new Set());
  const itemSets: ChildSets[] = [childSets(onConnection, connection, 'nodes')];
  const edges = childSets(onConnection, connection, 'edges');
  if (edges.type) {
    const onEdge: Selected[] = [];
    for (const { set, deferred } of edges.sets) fieldsOn(info, set, edges.type, onEdge, new Set(), deferred);
    itemSets.push(childSets(onEdge, edges.type, 'node'));
  }
  let found: 'now' | 'deferred' | false = false;
  for (const { sets, type } of itemSets) {
    if (!type) continue;
    const onItem: Selected[] = [];
    for (const { set, deferred } of sets) fieldsOn(info, set, type, onItem, new Set(), deferred);
    const defs = type.getFields();
    for (const f of onItem) {
      const def = defs[f.node.name.value];
      if (!def || !wanted(def)) continue;
      if (!f.deferred) return 'now';
      found = 'deferred';
    }
  }
  return found;
}
