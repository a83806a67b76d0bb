/**
 * How failures reach clients. Queries: partial data plus GraphQL errors whose `extensions` carry
 * `code`, `provider` and `account` (and `retryAfterSeconds` for rate limits), each at the path of
 * the part that is null because it failed. Anything that is not a known error is masked, so
 * internals and secrets never leak.
 */
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { ProviderError } from '../providers/errors.js';
import { WriteOutcomeUnknown } from '../providers/outcome.js';
import { fieldOf, ValidationFailure } from './validation.js';

export const PROVIDER_LABEL = { 'AdStat': 'ADSTAT', 'TON.ai': 'TONAI' } as const;

/** Extensions for a provider error: machine-readable, secret-free. */
export function providerErrorExtensions(error: ProviderError): Record<string, unknown> {
  const d = error.details;
  return {
    code: error.code,
    provider: PROVIDER_LABEL[d.provider],
    ...(d.account !== undefined ? { account: d.account } : {}),
    endpoint: d.endpoint,
    ...(d.status !== undefined ? { upstreamStatus: d.status } : {}),
    ...(d.providerCode !== undefined ? { providerCode: d.providerCode } : {}),
    ...(d.retryAfterSeconds !== undefined ? { retryAfterSeconds: d.retryAfterSeconds } : {}),
    ...(d.field !== undefined ? { field: d.field } : {}),
  };
}

/** A client-facing error for a bad argument: names the argument and the rule. */
export class InputError extends GraphQLError {
  /** `text` says the rule to a person; `rule`, when given, is a stable code for programs. */
  constructor(argument: string, text: string, rule?: string) {
    super(`${argument}: ${text}`, { extensions: { code: 'BAD_USER_INPUT', argument, ...(rule ? { rule } : {}) } });
  }
}

/** The codes of answers to a client's own mistake (what it sent), as opposed to failures of ours or upstream. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

export function isClientMistake(error: GraphQLError): boolean {
  return CLIENT_CODES.has(String(error.extensions.code));
}

/**
 * graphql-js reports a variable that does not coerce (a wrong enum, an Int out of range, a bad
 * DateTime) as a bare error: no path, no code. Names the argument from its message, which is the
 * only place graphql-js puts it.
 */
function variableError(error: GraphQLError): GraphQLError {
  const at = /at "([^"]+)"/.exec(error.message)?.[1] ?? /Variable "\$([^"]+)"/.exec(error.message)?.[1];
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', rule: 'TYPE', ...(at ? { argument: at } : {}) },
  });
}

/**
 * The slot of a list that stands for a part that failed (one login's or key's page of a connection,
 * one login's accounts): the slot is null and the error sits at its path, so the rest of the list
 * still comes back. A field error nulls its field (GraphQL spec, "Handling Field Errors"), and
 * gateways rely on that: Hive Gateway reports a subgraph's error only where it meets a null in the
 * data (an error beside complete-looking data is dropped), Apollo Gateway keeps both. So a partial
 * failure is a null slot, never an error appended beside a list that looks whole.
 *
 * The slot is a promise that resolves to the Error, not one that rejects: both executors (graphql-js
 * and graphql-jit) complete a list item that is an Error as null at `[…, field, i]` with the error
 * there, through the same masking (`toClientError`) as every other error; graphql-jit puts a
 * rejected item's null at the end of the list instead of at its index. The error is also its own
 * `node`, so the relay plugin's `nodes` (`edge.node` of each edge) has the same null slot and error.
 */
// Typed `Promise<never>` so that it sits in a list of items of any type; it resolves to an Error.
export function failedSlot(error: unknown): Promise<never> {
  return errorValue(error) as Promise<never>;
}

/** A list item that failed, as a promise of the Error (see `failedSlot`): never a rejected item. */
export function errorValue(error: unknown): Promise<Error> {
  const value = error instanceof Error ? error : new Error(String(error));
  if (!Object.prototype.hasOwnProperty.call(value, 'node')) Object.defineProperty(value, 'node', { value, configurable: true });
  return Promise.resolve(value);
}

/** The error a client sees. Unknown errors become INTERNAL_SERVER_ERROR with a neutral message. */
export function toClientError(error: unknown, path?: ReadonlyArray<string | number>): GraphQLError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = error instanceof GraphQLError ? error : undefined;
  const options = { nodes: base?.nodes, path: path ?? base?.path, positions: base?.positions, source: base?.source };
  if (original instanceof ProviderError) {
    return new GraphQLError(original.message, { ...options, extensions: providerErrorExtensions(original) });
  }
  if (original instanceof WriteOutcomeUnknown) {
    return new GraphQLError(original.message, { ...options, extensions: { code: 'OUTCOME_UNKNOWN', provider: PROVIDER_LABEL[original.details.provider], ...(original.details.account ? { account: original.details.account } : {}) } });
  }
  // A rule of a query's arguments (mutations return these as ValidationError results instead).
  if (original instanceof ValidationFailure) {
    const first = original.issues[0];
    return new GraphQLError(original.message, {
      ...options,
      extensions: {
        code: 'BAD_USER_INPUT',
        ...(first ? { argument: fieldOf(first), rule: first.rule } : {}),
        issues: original.issues.map((i) => ({ argument: fieldOf(i), rule: i.rule, message: i.message })),
      },
    });
  }
  // Pothos refuses an argument it decodes (a global id of the wrong type) with this class.
  if (original instanceof PothosValidationError && original.extensions.code === undefined) {
    return new GraphQLError(original.message, { ...options, extensions: { rule: 'INVALID', ...original.extensions, code: 'BAD_USER_INPUT' } });
  }
  // No path: the request failed before execution, so it is what the client sent (its variables).
  if (base && base.path === undefined && base.extensions.code === undefined && (!base.originalError || base.originalError instanceof GraphQLError)) {
    return variableError(base);
  }
  // graphql-js refusing a field's argument at execution (a null for a non-null one given through a
  // variable's default): the client's mistake, at the field's path.
  const refusedArgument = original instanceof GraphQLError && original.extensions.code === undefined ? /^Argument "([^"]+)"/.exec(original.message)?.[1] : undefined;
  if (refusedArgument !== undefined) {
    return new GraphQLError((original as GraphQLError).message, { ...options, extensions: { ...(original as GraphQLError).extensions, code: 'BAD_USER_INPUT', rule: 'TYPE', argument: refusedArgument } });
  }
  if (original instanceof GraphQLError) return original;
  if (base && !base.originalError) return base;
  return new GraphQLError('Unexpected error.', { ...options, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
