/**
 * The shared undici layer: one keep-alive agent (a pool per origin) for every upstream call, with
 * connect/header/body time-outs, a total deadline per call (connect, headers and body together,
 * bounded again by what is left of the GraphQL request's deadline), a bounded response size, and
 * conversion of transport failures and unparseable or mis-shaped bodies into typed provider errors.
 * Provider clients sit on top.
 */
import { finished, type Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { DeadlineExceeded, remainingMs } from './deadline.js';
import { ProviderError, type ProviderName } from './errors.js';
import { countUpstreamCall } from '../security/meter.js';

export interface HttpOptions {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Responses larger than this are refused as a contract error rather than buffered. */
  maxResponseBytes?: number;
  /** Keep-alive connections per origin. */
  connectionsPerOrigin?: number;
  /**
   * Total time one call may take once a connection has taken it, request written to last body
   * byte: undici's time-outs are per phase (a body trickling one byte a second never trips the
   * body time-out), this bounds the whole. A wait for a free connection in the pool is not the
   * provider's slowness and is not counted (the GraphQL request's deadline still bounds it).
   */
  deadlineMs?: number;
  /** The same for calls that stream a request body (uploads), which legitimately take longer. */
  uploadDeadlineMs?: number;
}

export interface UpstreamRequest {
  provider: ProviderName;
  /** Documented endpoint, e.g. `GET /api/v2/advertisement/`: used in errors, never the URL with secrets. */
  endpoint: string;
  account?: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer | Readable;
  /** This is a second attempt of the same call (a retry after a transient failure, a resend after renewal). */
  retry?: boolean;
  /**
   * The call presents the configured credential itself (a login, an API-key call), so a refusal
   * means the credential is bad, not that a short-lived token expired.
   */
  presentsCredential?: boolean;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or undefined when the body was empty. */
  json: unknown;
}

/** One upstream call as observers see it: no URL (it may carry ids or secrets), the endpoint template. */
export interface UpstreamCall {
  provider: ProviderName;
  endpoint: string;
  account: string | undefined;
  retry: boolean;
  presentsCredential: boolean;
}

/**
 * The pipeline's last step (metrics, logs, traces), kept outside this module so the HTTP layer knows
 * nothing of Prometheus, pino or OpenTelemetry. `start` is called before the call is sent.
 */
export interface UpstreamObserver {
  start(call: UpstreamCall): UpstreamObservation;
}

export interface UpstreamObservation {
  /**
   * Runs the exchange (inside a trace span's context, for example). Absent when there is nothing
   * to run it inside (tracing off): the exchange then runs as it is, without a wrapper per call.
   */
  run?<T>(exchange: () => Promise<T>): Promise<T>;
  /** How it ended: the HTTP status if one came, and the error if the call failed. */
  end(status: number | undefined, error?: unknown): void;
}

/** What errors of one call name. */
type CallContext = { provider: ProviderName; endpoint: string; account?: string };

/** Transport error codes that mean "the upstream did not answer usefully". */
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ADGRAPH_DEADLINE']);
/** Failures that leave no doubt the request never reached the provider. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Request options that reach the interceptor below: undici passes a request's options through to
 * every dispatcher and interceptor (its own interceptors take theirs the same way).
 */
interface DispatchWatch {
  /** Called once, when a connection takes the request and is about to write it. */
  onDispatch?: () => void;
}

/**
 * The interceptor behind per-call deadlines: tells `onDispatch` when a connection takes the request
 * (undici's `onRequestStart`, called just before it writes the request). Hand-written because
 * undici reports that moment only to a request's handler, and none of its options or interceptors
 * turn it into a time-out: its own time-outs are per phase. The handler it is given is already in
 * undici's current handler form (`compose` wraps it), so every other event is passed on as it is.
 */
const watchDispatch: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
  const onDispatch = (opts as DispatchWatch).onDispatch;
  if (!onDispatch) return dispatch(opts, handler);
  return dispatch(opts, {
    onRequestStart: (controller, context) => {
      onDispatch();
      handler.onRequestStart?.(controller, context);
    },
    onRequestUpgrade: (controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
    onResponseStart: (controller, statusCode, headers, statusMessage) => handler.onResponseStart?.(controller, statusCode, headers, statusMessage),
    onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
    onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
    onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
  });
};

export class HttpLayer {
  readonly agent: Agent;
  /** The agent with the dispatch watch: what every call is sent through. */
  private readonly dispatcher: Dispatcher;
  private readonly maxResponseBytes: number;
  private readonly deadlineMs: number;
  private readonly uploadDeadlineMs: number;
  /** Upstream calls sent, per provider: read by benchmarks and the metrics log. */
  readonly sent = new Map<ProviderName, number>();
  /** Set once at start by the observability layer; absent in tools that do not need it. */
  observer: UpstreamObserver | undefined;

  constructor(options: HttpOptions) {
    this.maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
    this.deadlineMs = options.deadlineMs ?? 15_000;
    this.uploadDeadlineMs = options.uploadDeadlineMs ?? 600_000;
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      connections: options.connectionsPerOrigin ?? 32,
      pipelining: 1,
      // A provider that offers HTTP/2 (ALPN over TLS) gets one multiplexed connection per pool
      // slot instead of a request per connection; plain HTTP/1.1 origins are unaffected.
      allowH2: true,
    });
    this.dispatcher = this.agent.compose(watchDispatch);
  }

  /**
   * Sends one call within its deadline. `interpret` (the client's envelope and status check) runs
   * inside the observation, so a failure the provider reports in a 200 body counts as a failure too.
   */
  send(req: UpstreamRequest): Promise<UpstreamResponse>;
  send<T>(req: UpstreamRequest, interpret: (response: UpstreamResponse) => T): Promise<T>;
  async send<T>(req: UpstreamRequest, interpret?: (response: UpstreamResponse) => T): Promise<T | UpstreamResponse> {
    const context = { provider: req.provider, endpoint: req.endpoint, ...(req.account ? { account: req.account } : {}) };
    const streaming = req.body !== undefined && typeof req.body !== 'string' && !Buffer.isBuffer(req.body);
    const own = streaming ? this.uploadDeadlineMs : this.deadlineMs;
    // Uploads are bounded by their own deadline only: a large file may outlast the request deadline.
    const left = streaming ? undefined : remainingMs();
    const budget = left === undefined ? own : Math.min(own, left);
    if (budget <= 0) throw transportError(new DeadlineExceeded(0, true), context);
    this.sent.set(req.provider, (this.sent.get(req.provider) ?? 0) + 1);
    countUpstreamCall();
    const observation = this.observer?.start({
      provider: req.provider,
      endpoint: req.endpoint,
      account: req.account,
      retry: req.retry === true,
      presentsCredential: req.presentsCredential === true,
    });
    if (!observation) {
      const response = await this.bounded(req, context, own, left);
      return interpret ? interpret(response) : response;
    }
    let status: number | undefined;
    const attempt = async (): Promise<T | UpstreamResponse> => {
      const response = await this.bounded(req, context, own, left);
      status = response.status;
      return interpret ? interpret(response) : response;
    };
    try {
      const value = observation.run ? await observation.run(attempt) : await attempt();
      observation.end(status);
      return value;
    } catch (error) {
      observation.end(status, error);
      throw error;
    }
  }

  /** The exchange within the call's own budget (`own`) and what is left of the request's (`left`). */
  private async bounded(req: UpstreamRequest, context: CallContext, own: number, left: number | undefined): Promise<UpstreamResponse> {
    const abort = new AbortController();
    let dispatched = false;
    // What is left of the request's deadline runs from now, queue included; the call's own
    // budget from the moment a connection takes it, so a call that waited for a free connection
    // behind a page's details is not cut off for the pool's sake.
    const requestTimer = left === undefined ? undefined : setTimeout(() => abort.abort(new DeadlineExceeded(left, !dispatched)), left);
    let callTimer: NodeJS.Timeout | undefined;
    const onDispatch = () => {
      dispatched = true;
      callTimer = setTimeout(() => abort.abort(new DeadlineExceeded(own)), own);
    };
    try {
      return await this.exchange(req, context, abort.signal, onDispatch);
    } finally {
      clearTimeout(requestTimer);
      clearTimeout(callTimer);
    }
  }

  private async exchange(
    req: UpstreamRequest,
    context: CallContext,
    signal: AbortSignal,
    onDispatch: () => void,
  ): Promise<UpstreamResponse> {
    let response: Awaited<ReturnType<typeof request>>;
    try {
      const options: Parameters<typeof request>[1] & DispatchWatch = {
        method: req.method,
        headers: req.headers,
        body: req.body,
        dispatcher: this.dispatcher,
        signal,
        onDispatch,
      };
      response = await request(req.url, options);
    } catch (error) {
      throw transportError(error, context);
    }

    let text: string;
    try {
      text = await readBounded(response.body, this.maxResponseBytes);
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        throw new ProviderError('PROVIDER_CONTRACT', `${req.provider} ${req.endpoint} answered more than ${this.maxResponseBytes} bytes`, {
          ...context,
          status: response.statusCode,
        });
      }
      throw transportError(error, context);
    }
    let json: unknown;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        const kind = response.statusCode >= 500 ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_CONTRACT';
        throw new ProviderError(kind, `${req.provider} ${req.endpoint} answered HTTP ${response.statusCode} with a body that is not JSON`, {
          ...context,
          status: response.statusCode,
        });
      }
    }
    return { status: response.statusCode, headers: response.headers, json };
  }

  /**
   * Ends every upstream connection. Called once the server has drained: a call still running then
   * belongs to a request that was cut off, and waiting for it (undici's close) would hold the exit.
   */
  async close(): Promise<void> {
    await this.agent.destroy();
  }
}

class ResponseTooLargeError extends Error {}

/**
 * The body as text, refused past `limit` bytes without buffering the rest. Hand-written on the
 * stream's events rather than `for await` (an async iterator and a promise per chunk, on every
 * upstream call) or undici's `bytes()`/`text()` (which copy a one-chunk body, or drop a byte-order
 * mark that makes the answer not JSON): the chunks are kept as they come and decoded once.
 * `finished` reports a stream error (an abort by the deadline, a dropped connection) or a close
 * before the end as the iterator did.
 */
function readBounded(body: Readable, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    body.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        body.destroy();
        reject(new ResponseTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    finished(body, (error) => {
      if (tooLarge) return;
      if (error) reject(error);
      else resolve((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8'));
    });
  });
}

function transportError(error: unknown, context: CallContext): ProviderError {
  const code = (error as { code?: string }).code ?? '';
  const what = error instanceof DeadlineExceeded
    ? `timed out (no answer within its ${error.budgetMs} ms deadline)`
    : TIMEOUT_CODES.has(code)
    ? 'timed out'
    : code === 'ECONNREFUSED'
      ? 'refused the connection'
      : code === 'UND_ERR_SOCKET' || code === 'ECONNRESET'
        ? 'dropped the connection'
        : `could not be reached (${code || (error as Error).message})`;
  return new ProviderError('PROVIDER_UNAVAILABLE', `${context.provider} ${context.endpoint} ${what}`, context, { cause: error });
}

/** Whether a transport failure was a time-out (a phase's or the total deadline). */
export function isTimeout(error: unknown): boolean {
  return error instanceof ProviderError && TIMEOUT_CODES.has((error.cause as { code?: string } | undefined)?.code ?? '');
}

/**
 * Whether a failed write may nevertheless have been applied: the request may have reached the
 * provider and no answer says what became of it (a time-out, a connection lost after sending).
 * An HTTP answer, even an error status, is the provider's word and is not in doubt.
 */
export function mayHaveBeenApplied(error: unknown): boolean {
  if (!(error instanceof ProviderError) || error.code !== 'PROVIDER_UNAVAILABLE' || error.details.status !== undefined) return false;
  const cause = error.cause;
  if (cause instanceof DeadlineExceeded) return !cause.beforeSend;
  return !NOT_SENT_CODES.has((cause as { code?: string } | undefined)?.code ?? '');
}

/** Whether a failed call may be sent again safely (only idempotent reads, only transient failures). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ProviderError) || error.code !== 'PROVIDER_UNAVAILABLE') return false;
  const status = error.details.status;
  // Time-outs already cost the whole budget once; retrying them doubles the wait for little gain.
  const cause = (error.cause as { code?: string } | undefined)?.code ?? '';
  if (TIMEOUT_CODES.has(cause)) return false;
  return status === undefined || status === 502 || status === 503 || status === 504;
}

/**
 * Validates a wire value with its zod schema. Extra fields are tolerated (schemas are not strict);
 * a wrong shape becomes a PROVIDER_CONTRACT error naming provider, endpoint and the first bad field.
 */
export function parseWire<T>(
  schema: z.ZodType<T>,
  value: unknown,
  context: CallContext & { status?: number },
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0];
  const field = first ? formatPath(first.path) : '(body)';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new ProviderError(
    'PROVIDER_CONTRACT',
    `${context.provider} ${context.endpoint} answered an unexpected shape: ${field}: ${first?.message ?? 'invalid'}${more}`,
    { ...context, field },
  );
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(body)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
