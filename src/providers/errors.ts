/**
 * Typed provider errors. The schema layer turns them into GraphQL errors with `extensions.code`,
 * provider and account; messages never carry secrets (no headers, tokens, passwords or keys).
 */
export type ProviderName = 'AdStat' | 'TON.ai';

export type ProviderErrorCode =
  /** The provider could not be reached, timed out, dropped the connection or answered 5xx. */
  | 'PROVIDER_UNAVAILABLE'
  /** The provider answered something that does not match its documented contract. */
  | 'PROVIDER_CONTRACT'
  /** The provider refused our credentials. */
  | 'PROVIDER_AUTH'
  /** The provider's rate limit (or ours, enforced on its behalf) forbids a call now. */
  | 'RATE_LIMITED'
  /** The provider rejected the request's content (4xx with a reason). */
  | 'PROVIDER_REJECTED'
  /** The provider says the item does not exist (or is not visible to these credentials). */
  | 'NOT_FOUND';

export interface ProviderErrorDetails {
  provider: ProviderName;
  /** The endpoint as documented, e.g. `GET /api/v2/advertisement/` (never the full URL with a query). */
  endpoint: string;
  /** The configured account (login or key id), never the credential itself. */
  account?: string;
  status?: number;
  /** Provider's own error code, when it gives one. */
  providerCode?: string | number;
  retryAfterSeconds?: number;
  /** For contract errors: the response field that did not match. */
  field?: string;
}

export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    readonly details: ProviderErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProviderError';
  }

  get provider(): ProviderName {
    return this.details.provider;
  }

  /** The same error attributed to a configured account. */
  withAccount(account: string): ProviderError {
    if (this.details.account === account) return this;
    return new ProviderError(this.code, this.message, { ...this.details, account }, { cause: this.cause });
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
