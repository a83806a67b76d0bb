/**
 * What adgraph knows about the request being served, reachable from anywhere below the server
 * (resolvers, provider clients, the HTTP layer) without threading it through every call: the
 * request id for log lines, and the counts that make up the request's access line.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';

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
  /** Whole-answer response cache: `hit` (served from it), `miss` (a query executed), or not asked. */
  responseCache: 'hit' | 'miss' | undefined;
  /** `extensions.code` of every error in the answer, counted. */
  readonly errorCodes: Map<string, number>;
}

/** What the one AsyncLocalStorage holds: the request's scope, and the active OpenTelemetry context. */
interface Store {
  scope: RequestScope | undefined;
  otel: Context | undefined;
}

const storage = new AsyncLocalStorage<Store>();

export function newRequestScope(id: string, startedAt: number): RequestScope {
  return { id, startedAt, operation: undefined, caller: undefined, upstreamCalls: 0, upstreamFailures: 0, cacheHits: 0, cacheMisses: 0, responseCache: undefined, errorCodes: new Map() };
}

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run({ scope, otel: storage.getStore()?.otel }, fn);
}

/** The scope of the request this code runs for, or undefined (start-up checks, timers). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore()?.scope;
}

/**
 * OpenTelemetry's context kept in the request scope's AsyncLocalStorage rather than in one of its
 * own. On Node 20 every promise created while a store is active gets that store copied onto it, once
 * per AsyncLocalStorage instance: the SDK's default manager (a second instance, active through the
 * whole execution because the operation span's context wraps it) cost a cache-hit reference
 * dashboard about a tenth more CPU, mostly garbage collection (bench/overhead.ts). Same semantics as
 * the SDK's AsyncLocalStorageContextManager, except that `bind` binds functions only (nothing in
 * adgraph binds an event emitter to a context).
 */
export class RequestScopeContextManager implements ContextManager {
  active(): Context {
    return storage.getStore()?.otel ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(context: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    const cb = thisArg == null ? fn : (fn.bind(thisArg) as F);
    return storage.run({ scope: storage.getStore()?.scope, otel: context }, cb, ...args);
  }

  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const fn = target as unknown as (this: unknown, ...args: unknown[]) => unknown;
    const manager = this;
    return function bound(this: unknown, ...args: unknown[]) {
      return manager.with(context, fn, this, ...args);
    } as unknown as T;
  }

  enable(): this {
    return this;
  }

  /** Leaves the request scope alone: it is adgraph's, not the tracing SDK's. */
  disable(): this {
    return this;
  }
}

/** A caller-supplied id is kept only when it is short and plain, so it cannot forge log fields. */
const SANE_ID = /^[A-Za-z0-9._:\-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined, make: () => string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_ID.test(value) ? value : make();
}
