/**
 * The response cache: whole answers of queries, kept as their JSON bytes, so a dashboard polled
 * again is answered without parsing, validating or executing anything.
 *
 * Hand-written rather than The Guild's response-cache plugin (@graphql-yoga/plugin-response-cache,
 * @envelop/response-cache), because adgraph's rules for it are not the plugin's:
 * - lifetime: an answer lives until the earliest end of lifetime of the provider data behind it
 *   (the request scope records every shared-cache answer used), not a TTL per type or field; an
 *   answer built from stale data (the quota planner serving past a lifetime) or from no cached
 *   data at all is not kept;
 * - invalidation: writes invalidate the provider cache by connection prefix (`adstat:<login>:`),
 *   and an answer is outdated by every write to a connection it read, across replicas (write
 *   generations in the state store, checked on every hit), not by the entities a mutation returns;
 * - hits are served as stored bytes before Yoga (server.ts calls `serve`), because serialising a
 *   166 KB result object on every hit, as the plugin's hit path does, costs more than the rest
 *   of the request; `extensions.freshness` and `extensions.cost` are rendered at serve time so
 *   ages stay true;
 * - and the plugin rewrites every document (a `__typename` in every selection set) and clones
 *   every result to find entities we have no use for, which the cold path would pay.
 * Keyed by the caller and its grant, the document, the operation name and the variables.
 * Mutations, uploads, subscriptions, @defer/@stream and answers with errors are never kept.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, OperationTypeNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.js';
import { currentRequest } from './observability/request-scope.js';
import type { Providers } from './providers/index.js';
import type { RequestScope } from './providers/request-scope.js';
import { MAX_JSON_BODY_BYTES } from './security/body-limit.js';
import type { Caller, Grant } from './security/callers.js';
import { containsSecret } from './security/mask.js';
import { dataText } from './security/result-text.js';
import type { StateStore } from './state/store.js';

export interface ResponseCacheConfig {
  enabled: boolean;
  /** Bytes of answers kept in this process (least recently used go first). */
  maxBytes: number;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  stored: number;
  /** Query answers not kept: errors, stale or no cached provider data, too large. */
  skipped: number;
  /** Entries found but outdated by a write (on any replica) since they were made. */
  outdated: number;
}

interface FreshnessLine {
  provider: string;
  account: string;
  path: string;
  fetchedAt: number;
  fetchedAtIso: string;
}

interface Entry {
  /** `{"data":…` and `,"extensions":{` with the extensions other than cost and freshness, unclosed. */
  head: Buffer;
  /** Whether `head` opened an extensions object (and what it holds so far needs a comma). */
  extensions: 'none' | 'empty' | 'some';
  cost: Record<string, unknown> | undefined;
  freshness: FreshnessLine[];
  expiresAt: number;
  /** Prefixes of the shared-cache keys the answer read (`adstat:<login>:`, `tonai:<key>:`, …). */
  deps: string[];
  /** The write generations of those prefixes when the answer's execution started. */
  stamp: string;
  operation: string;
}

/** The request scope of each execution (set by yoga.ts's freshness plugin). */
const executionScopes = new WeakMap<object, RequestScope>();

export function noteExecutionScope(context: object, scope: RequestScope): void {
  executionScopes.set(context, scope);
}

const grantPrints = new WeakMap<Grant, string>();

/** What the caller may see, as text: two grants that differ never share an answer. */
function grantPrint(caller: Caller): string {
  const grant = caller.grant;
  let print = grantPrints.get(grant);
  if (print === undefined) {
    const sorted = (values: Iterable<string>) => [...values].sort();
    print = JSON.stringify([
      grant.all,
      grant.write,
      sorted(grant.adstatLogins),
      sorted(grant.tonaiKeys),
      [...grant.adstatCabinets].map(([login, cabinets]) => [login, sorted(cabinets)]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]);
    grantPrints.set(grant, print);
  }
  return `${caller.id}\u0000${print}`;
}

/** JSON with object keys sorted, so the same variables in another order are the same key. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** A cache key's connection prefix: up to its second colon (`adstat:main:`), or the whole key. */
function prefixOf(key: string): string {
  const first = key.indexOf(':');
  const second = first < 0 ? -1 : key.indexOf(':', first + 1);
  return second < 0 ? key : key.slice(0, second + 1);
}

/** Whether an invalidation of `prefix` can touch keys under `dep` (one starts with the other). */
function overlaps(dep: string, prefix: string): boolean {
  return dep.startsWith(prefix) || prefix.startsWith(dep);
}

/** The generations, in the store, of every invalidated prefix that can touch the deps. */
function stampOf(generations: ReadonlyMap<string, number>, deps: readonly string[]): string {
  const parts: string[] = [];
  for (const [prefix, generation] of generations) {
    if (deps.some((d) => overlaps(d, prefix))) parts.push(`${prefix}=${generation}`);
  }
  return parts.sort().join('\n');
}

/** Media types the stored JSON can be sent as (as Yoga picks: the first acceptable one); anything else goes to Yoga. */
function jsonContentType(accept: string | undefined): string | undefined {
  if (accept === undefined || accept.trim() === '') return 'application/json; charset=utf-8';
  let chosen: string | undefined;
  for (const part of accept.split(',')) {
    const type = part.split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json' || type === '*/*' || type === 'application/*') chosen ??= 'application/json; charset=utf-8';
    else if (type === 'application/graphql-response+json') chosen ??= 'application/graphql-response+json; charset=utf-8';
    // Streams (multipart/mixed, text/event-stream) and the rest: Yoga decides.
    else return undefined;
  }
  return chosen;
}

interface Params {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

export class ResponseCache {
  readonly stats: ResponseCacheStats = { hits: 0, misses: 0, stored: 0, skipped: 0, outdated: 0 };
  /** In insertion order: a hit moves its entry to the end, the first is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Generations when each execution started (a write during it outdates its answer). */
  private readonly started = new WeakMap<object, Promise<ReadonlyMap<string, number>>>();
  private readonly store: StateStore;
  /** Generation bumps not yet in the store. */
  private bumps: Promise<void> = Promise.resolve();

  constructor(
    private readonly providers: Providers,
    readonly config: ResponseCacheConfig,
  ) {
    this.store = providers.store;
    // Every write invalidates the provider cache by connection prefix: the answers that read
    // anything under those prefixes are outdated with it, here and (through the store) elsewhere.
    providers.cache.onInvalidate((prefixes) => {
      for (const prefix of prefixes) {
        this.bump(prefix);
        for (const [key, entry] of this.entries) if (entry.deps.some((d) => overlaps(d, prefix))) this.drop(key);
      }
    });
    providers.cache.onClear(() => {
      this.bump('');
      this.entries.clear();
      this.bytes = 0;
    });
  }

  private bump(prefix: string): void {
    const done = this.store.bumpGeneration(prefix).catch(() => undefined);
    this.bumps = this.bumps.then(() => done);
  }

  get size(): number {
    return this.entries.size;
  }

  keyOf(caller: Caller, params: Params): string | undefined {
    if (typeof params.query !== 'string') return undefined;
    const operationName = typeof params.operationName === 'string' ? params.operationName : '';
    const variables = params.variables === null || params.variables === undefined ? '{}' : stableJson(params.variables);
    return createHash('sha256').update(grantPrint(caller)).update('\u0000').update(operationName).update('\u0000').update(params.query).update('\u0000').update(variables).digest('base64url');
  }

  /** The entry for the key if it is still fresh and no write (on any replica) outdated it. */
  private async lookup(key: string): Promise<Entry | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.providers.clock.now()) {
      this.drop(key);
      return undefined;
    }
    const stamp = stampOf(await this.store.generations(), entry.deps);
    // Dropped meanwhile (a write on this replica), or written elsewhere since it was made.
    if (this.entries.get(key) !== entry) return undefined;
    if (stamp !== entry.stamp) {
      this.stats.outdated += 1;
      this.drop(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** The answer's tail: cost and freshness as of now (ages at serve time), closing braces. */
  private tail(entry: Entry): string {
    const now = this.providers.clock.now();
    const parts: string[] = [];
    // No upstream call was made for this answer: the cost it reports is the estimate alone.
    if (entry.cost) parts.push(`"cost":${JSON.stringify({ ...entry.cost, upstreamCalls: 0 })}`);
    if (entry.freshness.length > 0) {
      const lines = entry.freshness.map((f) => ({
        provider: f.provider,
        account: f.account,
        path: f.path,
        fetchedAt: f.fetchedAtIso,
        ageSeconds: Math.max(0, Math.floor((now - f.fetchedAt) / 1000)),
        // Entries live only while every answer behind them is fresh.
        stale: false,
      }));
      parts.push(`"freshness":${JSON.stringify(lines)}`);
    }
    if (entry.extensions === 'none') return parts.length > 0 ? `,"extensions":{${parts.join(',')}}}` : '}';
    return `${entry.extensions === 'some' && parts.length > 0 ? ',' : ''}${parts.join(',')}}}`;
  }

  /** Told of every hit (src/observability: the operations counter and a span, since neither Yoga nor its plugins run for one). */
  onHit: ((operation: string) => void) | undefined;

  private noteHit(entry: Entry, caller: Caller): void {
    this.stats.hits += 1;
    this.onHit?.(entry.operation);
    const scope = currentRequest();
    if (scope) {
      scope.operation = entry.operation;
      scope.caller = caller.id;
      scope.responseCache = 'hit';
    }
  }

  /**
   * server.ts, for a JSON POST before Yoga: answers a hit with the stored bytes and returns true;
   * otherwise returns false and leaves the body it read on `req.body` for Yoga.
   */
  async serve(req: IncomingMessage & { caller?: Caller; body?: unknown }, res: ServerResponse): Promise<boolean> {
    if (!this.config.enabled || req.method !== 'POST' || !req.caller) return false;
    // Browsers: Yoga adds the CORS headers (a hit is still served, by the plugin below).
    if (req.headers.origin !== undefined) return false;
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return false;
    const length = Number(req.headers['content-length']);
    // Only bodies of a known size are read here; others stream to Yoga unread.
    if (!Number.isSafeInteger(length) || length <= 0 || length > MAX_JSON_BODY_BYTES) return false;
    const contentType = jsonContentType(req.headers.accept);
    if (!contentType) return false;
    const text = await readBody(req, length);
    // Yoga takes a body already read as it is (and parses it, reporting its own errors).
    req.body = text;
    let params: Params;
    try {
      params = JSON.parse(text) as Params;
    } catch {
      return false;
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) return false;
    const key = this.keyOf(req.caller, params);
    if (!key) return false;
    const entry = await this.lookup(key);
    if (!entry) {
      (req as { responseCacheMissed?: boolean }).responseCacheMissed = true;
      return false;
    }
    this.noteHit(entry, req.caller);
    const tail = Buffer.from(this.tail(entry));
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(entry.head.length + tail.length) });
    res.write(entry.head);
    res.end(tail);
    return true;
  }

  /**
   * The GraphQL side: hits for requests `serve` did not take (GET, browsers with an Origin), and
   * storing the answers of queries that qualify. Goes last in the plugin list, so the result it
   * stores has every other plugin's extensions.
   */
  plugin(): Plugin<Context> {
    const keys = new WeakMap<object, string>();
    return {
      onParams: async ({ params, request, context, setResult }) => {
        if (!this.config.enabled) return;
        const req = (context as { req?: IncomingMessage & { caller?: Caller; responseCacheMissed?: boolean } }).req;
        const caller = req?.caller;
        if (!caller || !req || request.method === 'OPTIONS' || (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')) return;
        const key = this.keyOf(caller, params);
        if (!key) return;
        keys.set(context, key);
        // `serve` already looked and missed.
        if (req.responseCacheMissed) return;
        const entry = await this.lookup(key);
        if (!entry) return;
        this.noteHit(entry, caller);
        setResult(JSON.parse(entry.head.toString() + this.tail(entry)) as ExecutionResult);
      },
      onExecute: ({ args, executeFn, setExecuteFn }) => {
        const operation = getOperationAST(args.document, args.operationName);
        if (operation?.operation === OperationTypeNode.MUTATION) {
          // A write answers only once what it outdated is gone from the store (provider entries and
          // generations), so the next read, on any replica, cannot be given the old answer.
          setExecuteFn(async (execArgs) => {
            const result = await executeFn(execArgs);
            await Promise.all([this.providers.cache.settled(), this.bumps]);
            return result;
          });
          return;
        }
        const key = keys.get(args.contextValue);
        if (!key || operation?.operation !== OperationTypeNode.QUERY) return;
        this.stats.misses += 1;
        const scope = currentRequest();
        if (scope) scope.responseCache = 'miss';
        // Taken before the resolvers run: a write while they run outdates what they return.
        const started = this.store.generations().then((g) => new Map(g));
        this.started.set(args.contextValue, started);
        const operationName = operation.name?.value ?? args.operationName ?? 'anonymous';
        return {
          onExecuteDone: ({ result }) => {
            if (Symbol.asyncIterator in result) return;
            void this.keep(key, args.contextValue, result, operationName, started);
          },
        };
      },
    };
  }

  private async keep(key: string, context: object, result: ExecutionResult, operation: string, started: Promise<ReadonlyMap<string, number>>): Promise<void> {
    const scope = executionScopes.get(context);
    const now = this.providers.clock.now();
    // Errors, no cached provider data behind it, or some of it already past its lifetime (stale).
    const query = (context as { params?: { query?: unknown } }).params?.query;
    const incremental = typeof query === 'string' && (query.includes('@defer') || query.includes('@stream'));
    if (result.errors?.length || !scope || incremental || !Number.isFinite(scope.freshUntil) || scope.freshUntil <= now || result.data == null) {
      this.stats.skipped += 1;
      return;
    }
    const { cost, freshness, ...others } = (result.extensions ?? {}) as Record<string, unknown>;
    // The same text the response is written with (made once: result-text.ts).
    const data = dataText(result.data);
    let head = `{"data":${data.text}`;
    const otherKeys = Object.keys(others);
    const hasExtensions = result.extensions !== undefined;
    const extensions = hasExtensions ? `,"extensions":{${otherKeys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(others[k])}`).join(',')}` : '';
    head += extensions;
    // Hits skip the masking step before serialisation (mask-plugin.ts): an answer that needs it is not kept.
    const bytes = data.secret || containsSecret(extensions) ? undefined : Buffer.from(head);
    if (!bytes || bytes.length > this.config.maxBytes / 4) {
      this.stats.skipped += 1;
      return;
    }
    const deps = [...new Set([...scope.readKeys].map(prefixOf))];
    const generations = await started;
    const lines = Array.isArray(freshness)
      ? (freshness as { provider: string; account: string; path: string; fetchedAt: string }[]).map((f) => ({
          provider: f.provider,
          account: f.account,
          path: f.path,
          fetchedAt: Date.parse(f.fetchedAt),
          fetchedAtIso: f.fetchedAt,
        }))
      : [];
    const entry: Entry = {
      head: bytes,
      extensions: hasExtensions ? (otherKeys.length > 0 ? 'some' : 'empty') : 'none',
      cost: cost && typeof cost === 'object' ? (cost as Record<string, unknown>) : undefined,
      freshness: lines,
      expiresAt: scope.freshUntil,
      deps,
      stamp: stampOf(generations, deps),
      operation,
    };
    this.drop(key);
    this.entries.set(key, entry);
    this.bytes += bytes.length;
    this.stats.stored += 1;
    while (this.bytes > this.config.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.head.length;
  }
}

function readBody(req: IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= length) chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.readableEnded) reject(new Error('the client closed the request before sending its body'));
    });
  });
}
