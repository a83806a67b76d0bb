/**
 * The upstream-cost budget. Each schema field that causes provider calls declares them beside
 * itself (`extensions: upstreamCost(...)`); before a document runs, the estimate walks it and adds
 * up an upper bound per provider. Over the budget, the request is refused with
 * QUERY_TOO_EXPENSIVE and sends nothing. Every response reports the estimate and the calls this
 * request actually sent (`extensions.cost`), counted at the shared HTTP layer.
 *
 * Hand-written rather than @pothos/plugin-complexity: that plugin yields one complexity number;
 * the budget needs calls per provider, costs a request shares (a whole list read once however
 * many fields use it), costs an item's fields share (one details call per ad), and the fields
 * that cost most for the refusal message.
 */
import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isAbstractType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { onFinalResult } from '../incremental.js';
import { callsSoFar } from './meter.js';

export interface Calls {
  adstat?: number;
  tonai?: number;
}

/** What one field costs upstream, given its arguments and the caller's connections. */
export interface FieldCost extends Calls {
  /** Calls a request makes once however often fields need them (whole-list reads), by key. */
  shared?: Record<string, Calls>;
  /** Calls one parent item makes once for all its fields that need them (an ad's details), by key. */
  perParent?: Record<string, Calls>;
  /** How many items the field yields at most: what its sub-selection is multiplied by. */
  items?: number;
}

export interface CostScope {
  /** The AdStat logins and TON.ai keys this caller may use. */
  adstatLogins: string[];
  tonaiKeys: string[];
  /** Bounds the estimate assumes where the count is only known upstream; see README. */
  assume: typeof ASSUME;
}

/** Where a list's length is only known upstream, the estimate assumes these bounds. */
export const ASSUME = {
  /** Cabinets under one AdStat login. */
  cabinetsPerLogin: 10,
  /** Pages of a whole list read by adgraph (a status filter, a cabinet's or campaign's ads): 10 × 500 ads per login. */
  wholeListPages: 10,
} as const;

export type CostDeclaration = (args: Record<string, unknown>, scope: CostScope) => FieldCost;

const KEY = 'upstreamCost';

/** Field extensions declaring a field's upstream cost. */
export function upstreamCost(declare: CostDeclaration | FieldCost): { [KEY]: CostDeclaration } {
  return { [KEY]: typeof declare === 'function' ? declare : () => declare };
}

export function declarationOf(field: GraphQLField<unknown, unknown>): CostDeclaration | undefined {
  return (field.extensions as Record<string, unknown> | undefined)?.[KEY] as CostDeclaration | undefined;
}

// ---------- the estimate ----------

export interface Estimate {
  adstat: number;
  tonai: number;
  total: number;
  /** Fields by what they contribute, most first (`Type.field`). */
  top: { field: string; calls: number }[];
}

interface Walk {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables: Record<string, unknown>;
  scope: CostScope;
  shared: Map<string, Calls>;
  byField: Map<string, number>;
  adstat: number;
  tonai: number;
}

function add(walk: Walk, field: string, calls: Calls, times: number): void {
  const a = (calls.adstat ?? 0) * times;
  const t = (calls.tonai ?? 0) * times;
  if (a + t === 0) return;
  walk.adstat += a;
  walk.tonai += t;
  walk.byField.set(field, (walk.byField.get(field) ?? 0) + a + t);
}

/** The fields of a selection set on a type, through fragments; for abstract types, every fragment counts (an upper bound). */
function fieldsOf(walk: Walk, set: SelectionSetNode, type: GraphQLNamedType, out: { node: FieldNode; parent: GraphQLObjectType }[], seen: Set<string>): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const parents = isObjectType(type) ? [type] : isAbstractType(type) ? walk.schema.getPossibleTypes(type) : [];
      // On an interface, a field is counted once per implementation: an upper bound without knowing which.
      for (const parent of parents) out.push({ node: selection, parent });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (on) fieldsOf(walk, selection.selectionSet, on, out, seen);
    } else {
      const fragment = walk.document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind !== Kind.FRAGMENT_DEFINITION || seen.has(fragment.name.value)) continue;
      const on = walk.schema.getType(fragment.typeCondition.name.value);
      if (on) fieldsOf(walk, fragment.selectionSet, on, out, new Set([...seen, fragment.name.value]));
    }
  }
}

/**
 * The field's arguments as execution will see them, or null when one is invalid (a null for a
 * non-null argument, a null variable inside a list of non-null items): execution then refuses the
 * field before its resolver runs, so it costs no upstream call.
 */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  for (const arg of field.args) {
    const given = node.arguments?.find((a) => a.name.value === arg.name);
    const value = given ? valueFromAST(given.value, arg.type, variables) : undefined;
    // Unreadable (undefined) is invalid, except a variable the request left out: the default applies.
    const omitted = given?.value.kind === Kind.VARIABLE && !(given.value.name.value in variables);
    if (given && value === undefined && !omitted) return null;
    values[arg.name] = value ?? arg.defaultValue;
    if (isNonNullType(arg.type) && values[arg.name] == null) return null;
  }
  return values;
}

function walkSet(walk: Walk, set: SelectionSetNode, type: GraphQLNamedType, multiplier: number): void {
  const fields: { node: FieldNode; parent: GraphQLObjectType }[] = [];
  fieldsOf(walk, set, type, fields, new Set());
  // One parent's shared per-item calls, by parent type and key (an ad's details call once).
  const perParent = new Map<string, { field: string; calls: Calls }>();
  for (const { node, parent } of fields) {
    const field = parent.getFields()[node.name.value];
    if (!field) continue;
    const name = `${parent.name}.${field.name}`;
    const args = argumentsOf(field, node, walk.variables);
    if (!args) continue;
    const declared = declarationOf(field)?.(args, walk.scope) ?? {};
    add(walk, name, declared, multiplier);
    for (const [key, calls] of Object.entries(declared.shared ?? {})) {
      const previous = walk.shared.get(key);
      if (!previous || (calls.adstat ?? 0) + (calls.tonai ?? 0) > (previous.adstat ?? 0) + (previous.tonai ?? 0)) {
        if (previous) add(walk, name, { adstat: -(previous.adstat ?? 0), tonai: -(previous.tonai ?? 0) }, 1);
        walk.shared.set(key, calls);
        add(walk, name, calls, 1);
      }
    }
    for (const [key, calls] of Object.entries(declared.perParent ?? {})) {
      if (!perParent.has(`${parent.name}:${key}`)) perParent.set(`${parent.name}:${key}`, { field: name, calls });
    }
    if (node.selectionSet) walkSet(walk, node.selectionSet, getNamedType(field.type), multiplier * (declared.items ?? 1));
  }
  for (const { field, calls } of perParent.values()) add(walk, field, calls, multiplier);
}

/** The upper bound of upstream calls the operation can cause (variables coerced as execution will). */
export function estimate(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rawVariables: Record<string, unknown>, scope: CostScope): Estimate | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return null;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return null;
  const walk: Walk = { schema, document, variables: coerced.coerced, scope, shared: new Map(), byField: new Map(), adstat: 0, tonai: 0 };
  walkSet(walk, operation.selectionSet, root, 1);
  // A request touching AdStat may have to sign in (or refresh) once per login first.
  if (walk.adstat > 0) add(walk, 'AdStat sign-in', { adstat: scope.adstatLogins.length }, 1);
  const top = [...walk.byField].filter(([, calls]) => calls > 0).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([field, calls]) => ({ field, calls: Math.ceil(calls) }));
  const adstat = Math.ceil(walk.adstat);
  const tonai = Math.ceil(walk.tonai);
  return { adstat, tonai, total: adstat + tonai, top };
}

// ---------- the plugin ----------

/** Rounded-up ceiling division for page counts. */
export const pages = (rows: number, pageSize: number): number => Math.max(1, Math.ceil(rows / pageSize));

/**
 * Estimates before execution, refuses over the budget, and reports `extensions.cost` on every
 * executed (or refused) response: `{ estimated, adstat, tonai, budget, upstreamCalls }`.
 */
export function useUpstreamBudget(budget: number): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context;
      const scope: CostScope = { adstatLogins: [...ctx.providers.adstat.keys()], tonaiKeys: [...ctx.providers.tonai.keys()], assume: ASSUME };
      const result = estimate(args.schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>, scope);
      const estimated = result?.total ?? 0;
      const cost = { estimated, adstat: result?.adstat ?? 0, tonai: result?.tonai ?? 0, budget };
      const before = callsSoFar();
      if (result && estimated > budget) {
        const top = result.top.map((t) => `${t.field} ≈${t.calls}`).join(', ');
        setResultAndStopExecution({
          data: null,
          errors: [
            new GraphQLError(`This request could cause up to ${estimated} upstream calls, over the budget of ${budget} per request. Costliest fields: ${top}. Ask for fewer items (first/ids), or drop details fields.`, {
              extensions: { code: 'QUERY_TOO_EXPENSIVE', estimated, budget, adstat: result.adstat, tonai: result.tonai, costliest: result.top },
            }),
          ],
          extensions: { cost: { ...cost, upstreamCalls: 0 } },
        });
        return;
      }
      return {
        // On an incremental response, the final payload: the calls of the deferred parts count too.
        onExecuteDone: (payload) =>
          onFinalResult(payload, (done, setResult) => {
            setResult({ ...done, extensions: { ...done.extensions, cost: { ...cost, upstreamCalls: callsSoFar() - before } } });
          }),
      };
    },
  };
}
