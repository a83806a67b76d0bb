/**
 * A write whose outcome nobody knows: the request may have reached the provider, and no answer says
 * whether it was applied (it timed out, or the connection was lost after it was sent). Reporting it
 * as a plain failure would invite a blind retry and a duplicate, so it is its own typed result.
 */
import { ProviderError, type ProviderName } from './errors.js';
import { isTimeout, mayHaveBeenApplied } from './http.js';

export type OutcomeUnknownReason =
  /** No answer within the deadline. */
  | 'TIMED_OUT'
  /** The connection was lost after the request was sent. */
  | 'CONNECTION_LOST'
  /** A retry looked for what the first attempt would have made and could not tell. */
  | 'NOT_RECONCILED';

export interface OutcomeUnknownDetails {
  provider: ProviderName;
  endpoint: string;
  account?: string | undefined;
  reason: OutcomeUnknownReason;
  /** When the attempt in doubt was sent. */
  sentAt: Date;
  /** What the client can look at to find out, for people. */
  check?: string | undefined;
  /** Provider ids of objects that may be the one the attempt made (several: adgraph cannot tell which). */
  candidates?: string[] | undefined;
  /** When a retry with the same key can learn more. */
  retryAfterSeconds?: number | undefined;
  idempotencyKey?: string | undefined;
}

export class WriteOutcomeUnknown extends Error {
  constructor(
    message: string,
    readonly details: OutcomeUnknownDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WriteOutcomeUnknown';
  }

  /** The same doubt with more said about it (what to check, candidates, the key). */
  with(more: Partial<OutcomeUnknownDetails>, message = this.message): WriteOutcomeUnknown {
    return new WriteOutcomeUnknown(message, { ...this.details, ...more }, { cause: this.cause });
  }
}

/**
 * What a failed write becomes: a WriteOutcomeUnknown when it may have been applied, the error
 * itself otherwise (a refusal, an HTTP error status, a connection never made).
 */
export function writeFailure(error: unknown, endpoint: string, sentAt: Date): unknown {
  // A failure of another call on the way (a login before the write) means the write was never sent.
  if (!(error instanceof ProviderError) || error.details.endpoint !== endpoint || !mayHaveBeenApplied(error)) return error;
  const timedOut = isTimeout(error);
  const { provider, account } = error.details;
  return new WriteOutcomeUnknown(
    `${provider} ${endpoint} ${timedOut ? 'did not answer in time' : 'lost the connection after the request was sent'}: the change may or may not have been applied`,
    { provider, endpoint, account, reason: timedOut ? 'TIMED_OUT' : 'CONNECTION_LOST', sentAt },
    { cause: error },
  );
}

/**
 * Runs a write to `endpoint` (as documented, e.g. `POST /api/advertisement/telegram`), turning a
 * failure that leaves its outcome in doubt into WriteOutcomeUnknown.
 */
export async function write<T>(endpoint: string, send: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  const sentAt = new Date(now());
  try {
    return await send();
  } catch (error) {
    throw writeFailure(error, endpoint, sentAt);
  }
}
