/**
 * How failures reach clients. Queries: partial data plus GraphQL errors whose `extensions` carry
 * `code`, `provider` and `account` (and `retryAfterSeconds` for rate limits). Anything that is not a
 * known error is masked, so internals and secrets never leak.
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { ProviderError } from '../providers/errors.js';
import type { Context } from '../context.js';

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
  constructor(argument: string, rule: string) {
    super(`${argument}: ${rule}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
  }
}

/**
 * Records a failure of one part (a login, a key, an item) at the current field's path without
 * failing the field: the rest of the list comes back.
 */
export function reportPartialFailure(ctx: Context, info: GraphQLResolveInfo, error: unknown): void {
  const path: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
  ctx.partialErrors.push(toClientError(error, path));
}

/** The error a client sees. Unknown errors become INTERNAL_SERVER_ERROR with a neutral message. */
export function toClientError(error: unknown, path?: ReadonlyArray<string | number>): GraphQLError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = error instanceof GraphQLError ? error : undefined;
  const options = { nodes: base?.nodes, path: path ?? base?.path, positions: base?.positions, source: base?.source };
  if (original instanceof ProviderError) {
    return new GraphQLError(original.message, { ...options, extensions: providerErrorExtensions(original) });
  }
  if (original instanceof GraphQLError) return original;
  if (base && !base.originalError) return base;
  return new GraphQLError('Unexpected error.', { ...options, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
