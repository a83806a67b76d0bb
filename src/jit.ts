/**
 * Compiled execution (graphql-jit) for the documents where it gives graphql-js's answer; every
 * other document keeps Yoga's executor. Placed first among the plugins, so `executeFn`
 * is Yoga's own and every other plugin's execute wrapper still wraps this one.
 *
 * Only queries, and only from a document's second execution (compiledFor).
 *
 * Where graphql-jit 0.8 differs, and what is done about it:
 * - @defer/@stream: not supported → those documents keep the executor (src/incremental.ts).
 * - @skip/@include: it records the conditions on the document's field nodes, which a fragment
 *   spread in several places shares → not trusted: those documents keep the executor too.
 * - Response key order: 0.8.7 collected a selection set's fields before its fragments'; 0.8.9
 *   (pinned) collects in document order, as graphql-js does (test/compiled-execution.test.ts).
 * - Variables: its coercion has its own messages and accepts input fields graphql-js refuses →
 *   graphql-js coerces first, and a document whose variables it refuses (or jit refuses) runs on
 *   the executor, which answers with graphql-js's errors.
 * - Errors: its errors carry locations but no AST nodes or source, which the error masking and
 *   Yoga's serializer rebuild errors from; errors it raises itself have no original error → each is
 *   rebuilt the way graphql-js's `locatedError` builds it (`asGraphQLJsError`).
 * - A list item that is a rejected promise: its null goes to the end of the list instead of its
 *   index → adgraph's failed list items are promises of an Error (schema/errors.ts `errorValue`).
 */
import { createRequire } from 'node:module';
import {
  BREAK,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  isLeafType,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type Source,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { usesIncrementalDelivery } from './incremental.js';

const require = createRequire(import.meta.url);
// graphql-jit is CommonJS; loading it with require keeps it on the same graphql copy as Yoga and Pothos.
const { compileQuery, isCompiledQuery } = require('graphql-jit') as typeof import('graphql-jit');

interface Compiled {
  query: (root: unknown, context: unknown, variables: ExecutionArgs['variableValues']) => ExecutionResult | Promise<ExecutionResult>;
  source: Source | undefined;
  lineStarts: number[];
  hasVariables: boolean;
}

/**
 * Per document and operation name: the compiled query, null when the document keeps the executor,
 * or SEEN after its first execution. A document is compiled when it runs a second time: compiling
 * costs more than executing once, so a stream of one-off documents is never compiled at all.
 */
const SEEN = 'seen';
const compiledDocuments = new WeakMap<DocumentNode, Map<string, Compiled | null | typeof SEEN>>();

/** Executions by compiled queries (`compiled`) and those that fell back to the executor (`fellBack`): for tests. */
export const compiledExecutionStats = { compiled: 0, fellBack: 0 };

export function useCompiledExecution(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compiled = compiledExecute(args, executeFn);
      if (compiled) setExecuteFn(compiled);
    },
  };
}

type Execute = (args: ExecutionArgs) => unknown;

/** The compiled execution of this document, falling back to `executeFn`; undefined when the document keeps `executeFn`. */
function compiledExecute(args: ExecutionArgs, executeFn: Execute): Execute | undefined {
  const compiled = compiledFor(args);
  if (!compiled) return undefined;
  return (execArgs) => {
    // graphql-js's coercion decides which variables are acceptable, and its errors are the answer.
    if (compiled.hasVariables) {
      const operation = getOperationAST(execArgs.document, execArgs.operationName);
      const coerced = getVariableValues(execArgs.schema, operation?.variableDefinitions ?? [], execArgs.variableValues ?? {}, { maxErrors: 50 });
      if (coerced.errors) {
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
      return r.errors?.length ? { ...r, errors: r.errors.map((e) => asGraphQLJsError(e, compiled)) } : r;
    };
    return isPromiseLike(result) ? Promise.resolve(result).then(finish) : finish(result);
  };
}

function compiledFor(args: ExecutionArgs): Compiled | null {
  let byName = compiledDocuments.get(args.document);
  if (!byName) compiledDocuments.set(args.document, (byName = new Map()));
  const key = args.operationName ?? '';
  const entry = byName.get(key);
  if (entry === undefined) {
    byName.set(key, SEEN);
    return null;
  }
  if (entry !== SEEN) return entry;
  const compiled = compile(args);
  byName.set(key, compiled);
  return compiled;
}

function compile(args: ExecutionArgs): Compiled | null {
  const { schema, document } = args;
  if (usesIncrementalDelivery(document) || usesSkipOrInclude(document)) return null;
  const operation = getOperationAST(document, args.operationName);
  // Queries only: a mutation's resolvers write, and writes are rare enough that compiling them would
  // buy nothing for the risk of any difference in their serial execution.
  if (!operation || operation.operation !== 'query') return null;
  const result = compileQuery(schema, document, args.operationName ?? undefined, { customSerializers: serializersOf(schema) });
  if (!isCompiledQuery(result)) return null;
  const source = document.loc?.source;
  return { query: result.query as Compiled['query'], source, lineStarts: source ? lineStartsOf(source.body) : [], hasVariables: (operation.variableDefinitions?.length ?? 0) > 0 };
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

/** What a leaf type's serialize threw, found again by the message graphql-jit keeps of it. */
const thrownBySerializers = new Map<string, unknown>();
let thrownCount = 0;
const serializerSets = new WeakMap<GraphQLSchema, Record<string, (value: unknown) => unknown>>();

function serializersOf(schema: GraphQLSchema): Record<string, (value: unknown) => unknown> {
  let serializers = serializerSets.get(schema);
  if (serializers) return serializers;
  serializers = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isLeafType(type)) continue;
    serializers[type.name] = (value) => {
      try {
        return type.serialize(value);
      } catch (error) {
        if (thrownBySerializers.size > 1000) thrownBySerializers.clear();
        const token = `\u0000adgraph-serialize-${(thrownCount += 1)}`;
        thrownBySerializers.set(token, error);
        throw new Error(token);
      }
    };
  }
  serializerSets.set(schema, serializers);
  return serializers;
}

const EXPECTED_ITERABLE = /^Expected Iterable, but did not find one for field (\S+)\.$/;

/** A graphql-jit error as graphql-js's `locatedError` would have made it: same original error, source positions for its locations. */
function asGraphQLJsError(error: GraphQLError, compiled: Compiled): GraphQLError {
  const jitError = error as GraphQLError & { originalError?: unknown };
  let original: unknown = jitError.originalError;
  if (original === undefined) {
    const thrown = thrownBySerializers.get(error.message);
    if (thrown !== undefined) {
      thrownBySerializers.delete(error.message);
      original = thrown;
    } else {
      const iterable = EXPECTED_ITERABLE.exec(error.message);
      // graphql-js throws these two; its null and serialize-result errors are plain Errors.
      original = iterable ? new GraphQLError(`Expected Iterable, but did not find one for field "${iterable[1]}".`) : new Error(error.message);
    }
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

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
