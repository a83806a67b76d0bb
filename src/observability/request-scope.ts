/**
 * What adgraph knows about the request being served, reachable from anywhere below the server
 * (resolvers, provider clients, the HTTP layer) without threading it through every call: the
 * request id for log lines, and the counts that make up the request's access line.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  /** From the caller's `x-request-id` when it is sane, otherwise made here; echoed in the response. */
  readonly id: string;
  readonly startedAt: number;
  operation: string | undefined;
  caller: string | undefined;
  upstreamCalls: number;
  upstreamFailures: number;
  cacheHits: number;
  cacheMisses: number;
  /** `extensions.code` of every error in the answer, counted. */
  readonly errorCodes: Map<string, number>;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function newRequestScope(id: string, startedAt: number): RequestScope {
  return { id, startedAt, operation: undefined, caller: undefined, upstreamCalls: 0, upstreamFailures: 0, cacheHits: 0, cacheMisses: 0, errorCodes: new Map() };
}

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request this code runs for, or undefined (start-up checks, timers). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

/** A caller-supplied id is kept only when it is short and plain, so it cannot forge log fields. */
const SANE_ID = /^[A-Za-z0-9._:\-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined, make: () => string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_ID.test(value) ? value : make();
}
