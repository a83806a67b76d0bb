/**
 * Compiled execution (graphql-jit) for the documents where it gives graphql-js's answer; every
 * other document keeps Yoga's executor. Placed first among the plugins, so `executeFn`
 * is Yoga's own and every other plugin's execute wrapper still wraps this one.
 *
 * Only queries, and (mode `auto`) only from a document's second execution (compiledFor); `off`
 * never compiles, `always` compiles at the first execution (CI runs the whole suite so once).
 *
 * Where graphql-jit 0.8 differs, and what is done about it:
 * - @defer/@stream: not supported → those documents keep the executor (src/incremental.ts).
 * - @skip/@include: it records the conditions on the document's field nodes, which a fragment
 *   spread in several places shares → not trusted: those documents keep the executor too.
 * - Response key order: 0.8.9 (pinned) collects a selection set's fields in document order, as
 *   graphql-js does (test/compiled-execution.test.ts).
 * - Variables: its coercion has its own messages and accepts input fields graphql-js refuses →
 *   graphql-js coerces first, and a document whose variables it refuses (or jit refuses) runs on
 *   the executor, which answers with graphql-js's errors.
 * - Errors: its errors carry locations but no AST nodes or source, which the error masking and
 *   Yoga's serializer rebuild errors from; errors it raises itself have no original error → each is
 *   rebuilt the way graphql-js's `locatedError` builds it (`asGraphQLJsError`).
 * - Null propagation: it keeps every error of a row that two failing non-null fields null, where
 *   graphql-js stops at the first → one error per nulled ancestor (`oneErrorPerNulledAncestor`).
 * - A list item that is a rejected promise: its null goes to the end of the list instead of its
 *   index → adgraph's failed list items are promises of an Error (schema/errors.ts `errorValue`,
 *   schema/federation.ts for `_entities`).
 * - A leaf's serialize: it keeps only the message of what serialize threw, and lets a null result
 *   through → the serializers it is given throw on a null result, and such errors are answered as
 *   INTERNAL_SERVER_ERROR (a value its scalar cannot serialize is a bug of adgraph's resolvers;
 *   graphql-js would answer a GraphQLError thrown by a built-in scalar with its message, which
 *   prints the value).
 * - A throwing resolveType or isTypeOf: it throws out of the compiled code (under an async parent,
 *   an unhandled rejection and no answer) → the compiled code is given ones that never throw
 *   (`withSafeTypeChecks`); such a field is then INTERNAL_SERVER_ERROR, as is a resolveType that
 *   finds no type or an isTypeOf that says no (graphql-js would print those messages).
 * - Answering early: graphql-js answers as soon as a non-null root field fails (the answer is then
 *   `data: null` with that one error; its siblings run on, unawaited); graphql-jit awaits every
 *   sibling, however slow, and reports their errors too → an operation with several root fields of
 *   which one is non-null keeps the executor (`stopsEarly`). Below the root (a row nulled by a
 *   non-null field) graphql-js also awaits the row's other fields, except after an error thrown
 *   synchronously, which adgraph's row resolvers do not throw (their failures are upstream calls').
 * - A variable inside an input object literal (`_entities(representations: [{ id: $id }])`): it
 *   reads such literals at compile time, without variables → those documents keep the executor.
 * - A null given for a variable that has a default, where the argument is non-null: graphql-js
 *   refuses the argument with its message, graphql-jit without an original error → the executor
 *   answers those.
 * - Errors of nullable fields come before those of non-null fields; graphql-js gives them in the
 *   order they happen (the spec leaves the order open).
 */
import { createRequire } from 'node:module';
import {
  BREAK,
  GraphQLError,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type Source,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { CompiledExecutionMode } from './config.js';
import { usesIncrementalDelivery } from './incremental.js';
import { log } from './log.js';

const require = createRequire(import.meta.url);
// graphql-jit is CommonJS; loading it with require keeps it on the same graphql copy as Yoga and Pothos.
const { compileQuery, isCompiledQuery } = require('graphql-jit') as typeof import('graphql-jit');

interface Compiled {
  query: (root: unknown, context: unknown, variables: ExecutionArgs['variableValues']) => ExecutionResult | Promise<ExecutionResult>;
  source: Source | undefined;
  lineStarts: number[];
  hasVariables: boolean;
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Which response paths are nullable, built at the first answer with errors. */
  nullability?: Nullability;
}

/**
 * Per document and operation name: the compiled query, null when the document keeps the executor,
 * or SEEN after its first execution. In mode `auto` a document is compiled when it runs a second
 * time: compiling costs more than executing once, so a stream of one-off documents is never compiled.
 */
const SEEN = 'seen';
const compiledDocuments = new WeakMap<DocumentNode, Map<string, Compiled | null | typeof SEEN>>();

/**
 * For tests: executions by compiled queries (`compiled`), those that fell back to the executor
 * (`fellBack`), and documents compiled (`compilations`).
 */
export const compiledExecutionStats = { compiled: 0, fellBack: 0, compilations: 0 };

export function useCompiledExecution(mode: CompiledExecutionMode): Plugin {
  if (mode === 'off') return {};
  return {
    onExecute({ executeFn, setExecuteFn }) {
      // Decided when the executor is called, not here: a later plugin may still refuse the request
      // (the upstream budget, say), and a refused document must cost no compilation.
      setExecuteFn((execArgs) => {
        const compiled = compiledFor(execArgs, mode);
        return compiled ? runCompiled(compiled, execArgs, executeFn) : executeFn(execArgs);
      });
    },
  };
}

type Execute = (args: ExecutionArgs) => unknown;

function runCompiled(compiled: Compiled, execArgs: ExecutionArgs, executeFn: Execute): unknown {
  // graphql-js's coercion decides which variables are acceptable, and its errors are the answer.
  if (compiled.hasVariables) {
    const given = execArgs.variableValues ?? {};
    const coerced = getVariableValues(execArgs.schema, compiled.operation.variableDefinitions ?? [], given, { maxErrors: 50 });
    if (coerced.errors || nullForDefaulted(compiled.operation, given)) {
      compiledExecutionStats.fellBack += 1;
      return executeFn(execArgs);
    }
  }
  const result = compiled.query(execArgs.rootValue, execArgs.contextValue, execArgs.variableValues);
  const finish = (r: ExecutionResult) => {
    // No data: nothing ran (graphql-jit refused the variables); the executor answers with graphql-js's errors.
    if (!('data' in r)) {
      compiledExecutionStats.fellBack += 1;
      return executeFn(execArgs);
    }
    compiledExecutionStats.compiled += 1;
    if (!r.errors?.length) return r;
    // Keys in graphql-js's order: errors before data.
    const { errors, data, ...rest } = r;
    return { errors: oneErrorPerNulledAncestor(compiled, errors).map((e) => asGraphQLJsError(e, compiled)), data, ...rest };
  };
  return isPromiseLike(result) ? Promise.resolve(result).then(finish) : finish(result);
}

/** A variable with a default given as null: a non-null argument then gets graphql-js's own refusal. */
function nullForDefaulted(operation: OperationDefinitionNode, given: Readonly<Record<string, unknown>>): boolean {
  return (operation.variableDefinitions ?? []).some((d) => d.defaultValue !== undefined && given[d.variable.name.value] === null);
}

function compiledFor(args: ExecutionArgs, mode: CompiledExecutionMode): Compiled | null {
  let byName = compiledDocuments.get(args.document);
  if (!byName) compiledDocuments.set(args.document, (byName = new Map()));
  const key = args.operationName ?? '';
  const entry = byName.get(key);
  if (entry === undefined && mode === 'auto') {
    byName.set(key, SEEN);
    return null;
  }
  // Compiled for this schema (there is one today; a swapped schema recompiles).
  if (entry !== undefined && entry !== SEEN && (entry === null || entry.schema === args.schema)) return entry;
  const compiled = compile(args);
  byName.set(key, compiled);
  return compiled;
}

function compile(args: ExecutionArgs): Compiled | null {
  const { schema, document } = args;
  if (usesIncrementalDelivery(document) || usesSkipOrInclude(document) || hasVariableInObjectLiteral(document)) return null;
  const operation = getOperationAST(document, args.operationName);
  // Queries only: a mutation's resolvers write, and writes are rare enough that compiling them would
  // buy nothing for the risk of any difference in their serial execution.
  if (!operation || operation.operation !== 'query') return null;
  if (stopsEarly(schema, document, operation)) return null;
  // graphql-jit reads each type's resolveType and isTypeOf while it compiles, so the compiled query
  // keeps the safe ones; the schema gets its own back at once (compiling is synchronous).
  const restore = withSafeTypeChecks(schema);
  let result: ReturnType<typeof compileQuery<Record<string, unknown>, Record<string, unknown>>>;
  try {
    result = compileQuery(schema, document, args.operationName ?? undefined, { customSerializers: serializersOf(schema) });
  } finally {
    restore();
  }
  if (!isCompiledQuery(result)) return null;
  compiledExecutionStats.compilations += 1;
  const source = document.loc?.source;
  return {
    query: result.query as Compiled['query'],
    source,
    lineStarts: source ? lineStartsOf(source.body) : [],
    hasVariables: (operation.variableDefinitions?.length ?? 0) > 0,
    schema,
    document,
    operation,
  };
}

/** `{ a: $x }` anywhere in an argument (graphql-jit evaluates input object literals once, at compile time). */
function hasVariableInObjectLiteral(document: DocumentNode): boolean {
  let objects = 0;
  let found = false;
  visit(document, {
    ObjectValue: {
      enter: () => {
        objects += 1;
      },
      leave: () => {
        objects -= 1;
      },
    },
    Variable() {
      if (objects === 0) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Whether graphql-js could answer this operation early where graphql-jit would wait: it has several
 * root fields and a non-null one among them, whose failure nulls the whole answer.
 */
function stopsEarly(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const queryType = schema.getQueryType();
  if (!queryType) return true;
  const fields = new Map<string, FieldNode[]>();
  collectFields(schema, fragmentsOf(document), queryType, operation.selectionSet, fields, new Set());
  if (fields.size < 2) return false;
  for (const nodes of fields.values()) {
    const def = queryType.getFields()[nodes[0]!.name.value];
    if (def && isNonNullType(def.type)) return true;
  }
  return false;
}

function usesSkipOrInclude(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'skip' && node.name.value !== 'include') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

const serializerSets = new WeakMap<GraphQLSchema, Record<string, (value: unknown) => unknown>>();

/**
 * Each leaf type's serialize, throwing where graphql-js's completion throws and graphql-jit does not:
 * on a null or undefined result. What it throws reaches graphql-jit, which keeps only its message;
 * the error is answered as INTERNAL_SERVER_ERROR (asGraphQLJsError gives it a plain Error).
 */
function serializersOf(schema: GraphQLSchema): Record<string, (value: unknown) => unknown> {
  let serializers = serializerSets.get(schema);
  if (serializers) return serializers;
  serializers = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isLeafType(type)) continue;
    serializers[type.name] = (value) => {
      const serialized = type.serialize(value);
      if (serialized === null || serialized === undefined) throw new Error(`${type.name}.serialize returned no value`);
      return serialized;
    };
  }
  serializerSets.set(schema, serializers);
  return serializers;
}

/**
 * Replaces every abstract type's resolveType and every object type's isTypeOf by ones that never
 * throw and never return a promise (graphql-jit calls them without a catch and cannot await them;
 * adgraph's are synchronous): what one would have thrown is logged, and graphql-jit answers the field
 * with its own error, masked as INTERNAL_SERVER_ERROR, as graphql-js answers a throwing one.
 * Returns the undo.
 */
function withSafeTypeChecks(schema: GraphQLSchema): () => void {
  const undo: (() => void)[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && type.resolveType) {
      const resolveType = type.resolveType;
      type.resolveType = (value, context, info, abstract) => neverThrows(`${type.name}.resolveType`, undefined, () => resolveType(value, context, info, abstract));
      undo.push(() => {
        type.resolveType = resolveType;
      });
    } else if (isObjectType(type) && type.isTypeOf) {
      const isTypeOf = type.isTypeOf;
      type.isTypeOf = (value, context, info) => neverThrows(`${type.name}.isTypeOf`, false, () => isTypeOf(value, context, info));
      undo.push(() => {
        type.isTypeOf = isTypeOf;
      });
    }
  }
  return () => {
    for (const step of undo) step();
  };
}

function neverThrows<T, F>(name: string, fallback: F, run: () => T): T | F {
  try {
    const result = run();
    if (!isPromiseLike(result)) return result;
    result.then(undefined, () => undefined);
    log.error('unexpected error', { error: `${name} returned a promise, which compiled execution cannot await` });
    return fallback;
  } catch (error) {
    log.error('unexpected error', { error: error instanceof Error ? error.stack ?? error.message : String(error), check: name });
    return fallback;
  }
}

// ---------------------------------------------------------------------------------------------
// Null propagation: one error per nulled ancestor

/** Per response path: whether the value there may be null (`[]` stands for any list index). */
interface Nullability {
  nullable: boolean;
  children: Map<string, Nullability>;
}

const LIST_ITEM = '[]';

/**
 * The errors graphql-js would report: a non-null field's error nulls its nearest nullable ancestor,
 * and graphql-js reports one error for that ancestor (it stops completing the ancestor at the first
 * one); graphql-jit reports all. Errors of nullable fields are all kept, as both do.
 */
function oneErrorPerNulledAncestor(compiled: Compiled, errors: readonly GraphQLError[]): readonly GraphQLError[] {
  if (errors.length < 2) return errors;
  const tree = (compiled.nullability ??= nullabilityOf(compiled.schema, compiled.document, compiled.operation));
  const nulled = new Set<string>();
  const kept: GraphQLError[] = [];
  for (const error of errors) {
    const path = error.path;
    const ancestor = path ? nullableAncestorLength(tree, path) : -1;
    if (path && ancestor < path.length) {
      const key = path.slice(0, ancestor).join('\u0000');
      if (nulled.has(key)) continue;
      nulled.add(key);
    }
    kept.push(error);
  }
  return kept;
}

/** The length of the path's longest prefix that ends at a nullable position (0: the whole data). */
function nullableAncestorLength(tree: Nullability, path: readonly (string | number)[]): number {
  let node: Nullability | undefined = tree;
  let last = 0;
  for (let i = 0; i < path.length && node; i++) {
    node = node.children.get(typeof path[i] === 'number' ? LIST_ITEM : String(path[i]));
    if (node?.nullable) last = i + 1;
  }
  return last;
}

function nullabilityOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Nullability {
  const root: Nullability = { nullable: true, children: new Map() };
  const queryType = schema.getQueryType();
  if (queryType) addSelections(schema, fragmentsOf(document), root, queryType, [operation.selectionSet]);
  return root;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fragments;
}

function addSelections(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  node: Nullability,
  type: GraphQLCompositeType,
  selectionSets: readonly SelectionSetNode[],
): void {
  // As deep as the document, which the depth limit bounds (src/security/limits.ts).
  const objectTypes = isObjectType(type) ? [type] : schema.getPossibleTypes(type);
  for (const objectType of objectTypes) {
    const fields = new Map<string, FieldNode[]>();
    for (const set of selectionSets) collectFields(schema, fragments, objectType, set, fields, new Set());
    for (const [key, fieldNodes] of fields) {
      const def = objectType.getFields()[fieldNodes[0]!.name.value];
      if (!def) continue;
      let fieldType: GraphQLOutputType = def.type;
      // A key of several runtime types is nullable only if it is nullable in every one.
      let child: Nullability = childOf(node, key, !isNonNullType(fieldType));
      if (isNonNullType(fieldType)) fieldType = fieldType.ofType;
      while (isListType(fieldType)) {
        const itemType: GraphQLOutputType = fieldType.ofType;
        child = childOf(child, LIST_ITEM, !isNonNullType(itemType));
        fieldType = isNonNullType(itemType) ? itemType.ofType : itemType;
      }
      const named = getNamedType(fieldType);
      if (isCompositeType(named)) {
        const subSets = fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
        addSelections(schema, fragments, child, named, subSets);
      }
    }
  }
}

function childOf(node: Nullability, key: string, nullable: boolean): Nullability {
  const child = node.children.get(key);
  if (!child) {
    const created = { nullable, children: new Map<string, Nullability>() };
    node.children.set(key, created);
    return created;
  }
  child.nullable &&= nullable;
  return child;
}

function collectFields(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  objectType: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fields: Map<string, FieldNode[]>,
  visitedFragments: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const list = fields.get(key);
      if (list) list.push(selection);
      else fields.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || appliesTo(schema, selection.typeCondition.name.value, objectType)) {
        collectFields(schema, fragments, objectType, selection.selectionSet, fields, visitedFragments);
      }
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visitedFragments.has(name)) continue;
      visitedFragments.add(name);
      if (appliesTo(schema, fragment.typeCondition.name.value, objectType)) collectFields(schema, fragments, objectType, fragment.selectionSet, fields, visitedFragments);
    }
  }
}

function appliesTo(schema: GraphQLSchema, typeCondition: string, objectType: GraphQLObjectType): boolean {
  if (typeCondition === objectType.name) return true;
  const conditionType = schema.getType(typeCondition);
  return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, objectType);
}

// ---------------------------------------------------------------------------------------------
// Errors as graphql-js makes them

const EXPECTED_ITERABLE = /^Expected Iterable, but did not find one for field (\S+)\.$/;

/** A graphql-jit error as graphql-js's `locatedError` would have made it: same original error, source positions for its locations. */
function asGraphQLJsError(error: GraphQLError, compiled: Compiled): GraphQLError {
  const jitError = error as GraphQLError & { originalError?: unknown };
  let original: unknown = jitError.originalError;
  if (original === undefined) {
    const iterable = EXPECTED_ITERABLE.exec(error.message);
    // graphql-js throws this one as a GraphQLError; its null errors are plain Errors, and so are
    // serializer failures here (see serializersOf).
    original = iterable ? new GraphQLError(`Expected Iterable, but did not find one for field "${iterable[1]}".`) : new Error(error.message);
  }
  if (original instanceof GraphQLError && original.path !== undefined) return original;
  const raw = original instanceof Error ? original : new Error(`Unexpected error value: ${String(original)}`);
  const positions = compiled.source && error.locations ? error.locations.map((l) => (compiled.lineStarts[l.line - 1] ?? 0) + l.column - 1) : undefined;
  return new GraphQLError(raw.message, { source: positions ? compiled.source : undefined, positions, path: error.path, originalError: raw });
}

function lineStartsOf(body: string): number[] {
  const starts = [0];
  const newline = /\r\n|[\n\r]/g;
  for (let m = newline.exec(body); m; m = newline.exec(body)) starts.push(m.index + m[0].length);
  return starts;
}


function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
