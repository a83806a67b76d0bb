/**
 * The simulator's error answers, in one table.
 *
 * The page documents only the success envelope `{code: 0, message: "success", data}`; it lists no
 * error codes. The newer (Ads3) surface answers HTTP 400, 401, 404 and 500 with the same envelope.
 * Choice: the envelope's `code` repeats the HTTP status, `data` is null, and `message` names the
 * field and the rule. A client must therefore treat any non-zero `code` (or any non-2xx status) as
 * an error and must not depend on these particular numbers.
 */
import type { SimResponse } from '../http.js';

export interface TonaiErrorKind {
  httpStatus: number;
  code: number;
}

export const TONAI_ERRORS = {
  /** Bad JSON, wrong content type, a missing or invalid field or query parameter. */
  badRequest: { httpStatus: 400, code: 400 },
  /** A status change the campaign's current status does not allow (e.g. anything on "ended"). */
  statusNotAllowed: { httpStatus: 400, code: 400 },
  /** Missing or unknown `x-api-key`; message fixed to "invalid api key". */
  invalidApiKey: { httpStatus: 401, code: 401 },
  /** Unknown campaign id, or a campaign that belongs to another key (never revealed as such). */
  campaignNotFound: { httpStatus: 404, code: 404 },
  /** An exception inside the simulator; also the body `tonaiFault()` injects. */
  internal: { httpStatus: 500, code: 500 },
} as const satisfies Record<string, TonaiErrorKind>;

export const INVALID_API_KEY_MESSAGE = 'invalid api key';

export interface TonaiEnvelope<T> {
  code: number;
  message: string;
  data: T;
}

export function success<T>(data: T): SimResponse {
  const body: TonaiEnvelope<T> = { code: 0, message: 'success', data };
  return { status: 200, body };
}

export function failure(kind: TonaiErrorKind, message: string): SimResponse {
  const body: TonaiEnvelope<null> = { code: kind.code, message, data: null };
  return { status: kind.httpStatus, body };
}

/** The error envelope as a plain body, for fault rules that should look like a real TON.ai error. */
export function errorBody(kind: TonaiErrorKind, message: string): TonaiEnvelope<null> {
  return { code: kind.code, message, data: null };
}
