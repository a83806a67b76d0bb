/**
 * Configuration from the environment and one optional JSON file (ADGRAPH_CONFIG) for several
 * accounts. Everything is validated at start; every problem becomes one line naming the variable or
 * JSON path and the rule, so a bad deployment stops with a list it can act on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { maskUrlCredentials } from './security/mask.js';

export interface AdstatLogin {
  /** Stable slug used in global ids and logs (never the username). */
  id: string;
  label: string;
  username: string;
  password: string;
}

export interface TonaiKey {
  /** Stable slug used in global ids and logs (never the key). */
  id: string;
  label: string;
  apiKey: string;
}

export interface CacheConfig {
  /** Lists and statistics: short, so dashboards polling together share one upstream call. */
  listTtlMs: number;
  /** Single items (advertisement and campaign details, cabinets, pixel events, audiences). */
  itemTtlMs: number;
  /** Reference data that changes rarely (the KKTU tree). */
  referenceTtlMs: number;
  /** Lists of closed periods (yesterday): no new ads can appear in them (default: the list TTL). */
  closedPeriodTtlMs?: number;
  /** How long past its lifetime an answer may still be served while the budget is spent. */
  staleMaxMs?: number;
}

export interface IdempotencyConfig {
  /** How long a key and its answer are kept. */
  ttlMs: number;
  /**
   * After an attempt whose outcome is unknown, how long a retry that finds nothing upstream still
   * refuses to send again (the lost request may yet be applied).
   */
  settleMs: number;
  /** How long a retry waits for a concurrent attempt with the same key before answering that it is in progress. */
  waitMs: number;
}

export const OTLP_PROTOCOLS = ['http/json', 'http/protobuf'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

export interface ObservabilityConfig {
  /** Bearer token that `/metrics` on the main port requires; undefined: not served there. */
  metricsToken: string | undefined;
  /** A separate port serving only `/metrics` (0: any free port); undefined: none. */
  metricsPort: number | undefined;
  metricsHost: string | undefined;
  /** OTLP/HTTP base URL for traces; undefined: no tracing, at no cost. */
  otlpEndpoint: string | undefined;
  /**
   * OTLP/HTTP encoding (`OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL`).
   * Protobuf by default, the OpenTelemetry spec's default (collectors take both on 4318): half the
   * bytes of JSON and about 5 µs less CPU per span, a twentieth of a cache hit (bench/overhead.ts
   * --on=traces). gRPC is refused: it is another port and transport.
   */
  otlpProtocol: OtlpProtocol;
  /**
   * The operator's trace sampler (`OTEL_TRACES_SAMPLER`, with `OTEL_TRACES_SAMPLER_ARG` for the
   * ratio samplers), one of the OpenTelemetry spec's names; undefined: adgraph's default
   * (observability/tracing.ts, rootSampler). Read and checked here rather than left to the SDK,
   * which falls back to its own default on a bad value with a diagnostic nobody sees.
   */
  tracesSampler: TracesSampler | undefined;
  serviceName: string;
  /** Check every login and key at start (readiness); tests that count upstream calls turn it off. */
  startupChecks: boolean;
  /** First re-check delay after a failed readiness check (doubles up to 5 minutes). */
  readinessRecheckMs: number;
}

export const TRACES_SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;
export const COMPILED_EXECUTION_MODES = ['auto', 'off', 'always'] as const;
export type CompiledExecutionMode = (typeof COMPILED_EXECUTION_MODES)[number];

export interface TracesSampler {
  name: (typeof TRACES_SAMPLERS)[number];
  /** For the ratio samplers: the fraction of traces kept, 0 to 1 (the spec's default is 1). */
  ratio: number;
}

export interface Config {
  mode: 'sandbox' | 'production';
  port: number;
  host: string | undefined;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  adstat: { baseUrl: string; clientApiBaseUrl: string; logins: AdstatLogin[] };
  tonai: { baseUrl: string; keys: TonaiKey[] };
  http: {
    connectTimeoutMs: number;
    headersTimeoutMs: number;
    bodyTimeoutMs: number;
    connectionsPerOrigin: number;
    /** Total time of one upstream call (connect, headers and body together). */
    deadlineMs: number;
    /** The same for a call that streams an upload to the provider. */
    uploadDeadlineMs: number;
  };
  /** Overall time of one GraphQL request: upstream calls still running then fail as timed out. */
  requestDeadlineMs: number;
  /** On SIGTERM/SIGINT: how long in-flight requests may take to finish before connections are closed. */
  shutdownGraceMs: number;
  idempotency: IdempotencyConfig;
  /** How long a request may wait for AdStat's per-path rate limit before it reports RATE_LIMITED. */
  rateLimitMaxWaitMs: number;
  /** AdStat's budget per login and URL path (an operator whose plan allows more raises it). */
  adstatBudget: { max: number; windowMs: number; blockMs: number };
  cache: CacheConfig;
  /** Whole answers of queries, in each process's memory (src/response-cache.ts). */
  responseCache: { enabled: boolean; maxBytes: number };
  /**
   * ADGRAPH_COMPILED_EXECUTION (src/jit.ts): `auto` compiles a query document at its second
   * execution, `off` never compiles, `always` compiles at the first (CI runs the suite so once, to
   * check that compiled answers equal the executor's everywhere the tests look).
   */
  compiledExecution: CompiledExecutionMode;
  security: SecurityConfig;
  observability: ObservabilityConfig;
  /** REDIS_URL: shared state for replicas (cache, AdStat quota and tokens, idempotency); unset: in-process. */
  redisUrl: string | undefined;
}

/** One API caller from ADGRAPH_CONFIG `callers`: who it is, what it may read, whether it may write. */
export interface CallerConfig {
  id: string;
  /** SHA-256 of the caller's key: only the digest is kept, and compared in constant time. */
  keySha256: Buffer;
  /** Login/key config ids and/or Account global ids; null means every configured account. */
  accounts: string[] | null;
  write: boolean;
}

export interface SecurityConfig {
  /** `callers`: a Bearer key is required once callers are configured; `none`: ADGRAPH_AUTH=none was set. */
  auth: 'callers' | 'none';
  callers: CallerConfig[];
  /** Origins allowed by CORS (exact `scheme://host[:port]`); empty means no cross-origin grant. */
  corsOrigins: string[];
  graphiql: boolean;
  introspection: boolean;
  limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxDirectives: number };
  /** Upper bound of upstream calls one request may cause, estimated before it runs. */
  costBudget: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULTS = {
  port: 4000,
  adstatBaseUrl: 'https://client.adstat.pro',
  adstatClientApiBaseUrl: 'https://clientapi.adstat.pro',
  tonaiBaseUrl: 'https://app.ton.ai',
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 20_000,
  bodyTimeoutMs: 30_000,
  /**
   * Keep-alive connections per provider host (HTTP/1.1; an HTTP/2 provider multiplexes on them):
   * a 500-ad page's details calls go out in one wave. Measured with bench/latency.ts at 50 ms:
   * 256 sent them in 2 waves (5.7 round trips of 50 ms for the details dashboard against the
   * floor's 2.4), 512 in one (2.6). 256 was the default while a call's own deadline counted its
   * wait for a free connection, so more concurrent calls on loaded cores ran past it; the
   * deadline now runs from the moment a connection takes the call (providers/http.ts).
   * ADGRAPH_UPSTREAM_CONNECTIONS sets it (lower for a provider that wants fewer).
   */
  connectionsPerOrigin: 512,
  rateLimitMaxWaitMs: 2_000,
  /** AdStat's documented limit: 10 requests per 60 s per path, silence for 61 s after a 429. */
  adstatRateLimitMax: 10,
  adstatRateLimitWindowMs: 60_000,
  adstatRateLimitBlockMs: 61_000,
  upstreamDeadlineMs: 15_000,
  uploadDeadlineMs: 600_000,
  requestDeadlineMs: 20_000,
  shutdownGraceMs: 10_000,
  idempotencyTtlMs: 24 * 3_600_000,
  idempotencySettleMs: 60_000,
  idempotencyWaitMs: 10_000,
  /** Depth with fragments flattened: the deepest example operation is 6; ten-hop nests exhaust memory. */
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 50,
  /**
   * The reference dashboard with a details field on 500 ads estimates about 520 calls; 1,500 leaves
   * room for a few such panels in one request and refuses `first: 5000` with details (≈5,000+).
   */
  costBudget: 1_500,
  listTtlMs: 15_000,
  itemTtlMs: 60_000,
  /** Yesterday's list cannot gain ads; only edits change it. */
  closedPeriodTtlMs: 10 * 60_000,
  referenceTtlMs: 6 * 3_600_000,
  staleMaxMs: 3_600_000,
  readinessRecheckMs: 30_000,
} as const;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1–32 lowercase letters, digits or dashes, starting with a letter or digit');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A secret given inline or by the name of an environment variable that holds it. */
function secretFields<K extends string>(name: K) {
  return {
    [name]: nonEmpty.optional(),
    [`${name}Env`]: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name').optional(),
  } as Record<K | `${K}Env`, z.ZodOptional<z.ZodString>>;
}

const fileSchema = z.strictObject({
  adstat: z
    .strictObject({
      baseUrl: httpUrl.optional(),
      clientApiBaseUrl: httpUrl.optional(),
      logins: z.array(z.strictObject({ id: slug, label: nonEmpty.optional(), username: nonEmpty, ...secretFields('password') })).optional(),
    })
    .optional(),
  tonai: z
    .strictObject({
      baseUrl: httpUrl.optional(),
      keys: z.array(z.strictObject({ id: slug, label: nonEmpty.optional(), ...secretFields('apiKey') })).optional(),
    })
    .optional(),
  callers: z
    .array(
      z.strictObject({
        id: slug,
        ...secretFields('apiKey'),
        apiKeySha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal digits (the SHA-256 of the key)').optional(),
        accounts: z.array(nonEmpty).optional(),
        write: z.boolean().optional(),
      }),
    )
    .optional(),
  cors: z.strictObject({ origins: z.array(nonEmpty) }).optional(),
});

type FileConfig = z.infer<typeof fileSchema>;

function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function readFile(path: string, problems: string[]): FileConfig | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`ADGRAPH_CONFIG: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // V8 quotes part of the text in the message, and the file holds passwords: keep the position only.
    const at = /position (\d+)/.exec((error as Error).message);
    problems.push(`ADGRAPH_CONFIG: ${path} is not valid JSON${at ? ` (at position ${at[1]})` : ''}`);
    return undefined;
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`ADGRAPH_CONFIG ${issuePath(issue.path) || '(root)'}: ${issue.message}`);
    }
    return undefined;
  }
  return parsed.data;
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    problems.push(`${name}: must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  const value = Number(raw.trim());
  if (value < min || value > max) {
    problems.push(`${name}: must be a whole number from ${min} to ${max} (got ${value})`);
    return fallback;
  }
  return value;
}

function urlVar(env: NodeJS.ProcessEnv, name: string, fromFile: string | undefined, fallback: string, problems: string[]): string {
  const raw = env[name]?.trim() || fromFile || fallback;
  const parsed = httpUrl.safeParse(raw);
  if (!parsed.success) {
    problems.push(`${name}: must be an http(s) URL (got "${maskUrlCredentials(raw)}")`);
    return fallback;
  }
  return raw.replace(/\/+$/, '');
}

function resolveSecret(
  where: string,
  field: string,
  inline: string | undefined,
  envName: string | undefined,
  env: NodeJS.ProcessEnv,
  problems: string[],
): string | undefined {
  if (inline !== undefined && envName !== undefined) {
    problems.push(`${where}: give either ${field} or ${field}Env, not both`);
    return undefined;
  }
  if (envName !== undefined) {
    const value = env[envName];
    if (!value) problems.push(`${where}.${field}Env: environment variable ${envName} is not set`);
    return value || undefined;
  }
  if (inline === undefined) problems.push(`${where}: ${field} or ${field}Env is required`);
  return inline;
}

/** Reads and validates the whole configuration; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const file = env.ADGRAPH_CONFIG?.trim() ? readFile(env.ADGRAPH_CONFIG.trim(), problems) : undefined;

  const port = intVar(env, 'PORT', DEFAULTS.port, 0, 65_535, problems);
  const host = env.HOST?.trim() || undefined;

  const logLevelRaw = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  const logLevels = ['error', 'warn', 'info', 'debug'] as const;
  const logLevel = (logLevels as readonly string[]).includes(logLevelRaw) ? (logLevelRaw as Config['logLevel']) : 'info';
  if (logLevel !== logLevelRaw) problems.push(`LOG_LEVEL: must be one of ${logLevels.join(', ')} (got "${env.LOG_LEVEL}")`);

  let sandboxForced: boolean | undefined;
  const sandboxRaw = env.ADGRAPH_SANDBOX?.trim().toLowerCase();
  if (sandboxRaw !== undefined && sandboxRaw !== '') {
    if (['1', 'true', 'yes'].includes(sandboxRaw)) sandboxForced = true;
    else if (['0', 'false', 'no'].includes(sandboxRaw)) sandboxForced = false;
    else problems.push(`ADGRAPH_SANDBOX: must be 1 or 0 (got "${env.ADGRAPH_SANDBOX}")`);
  }

  // Accounts: the file's lists, plus one login/key from the plain variables (id "default").
  const logins: AdstatLogin[] = [];
  for (const [i, login] of (file?.adstat?.logins ?? []).entries()) {
    const where = `ADGRAPH_CONFIG adstat.logins[${i}]`;
    const password = resolveSecret(where, 'password', login.password, login.passwordEnv, env, problems);
    if (password) logins.push({ id: login.id, label: login.label ?? login.id, username: login.username, password });
  }
  const username = env.ADSTAT_USERNAME?.trim();
  const password = env.ADSTAT_PASSWORD;
  if (username && !password) problems.push('ADSTAT_PASSWORD: required when ADSTAT_USERNAME is set');
  if (!username && password) problems.push('ADSTAT_USERNAME: required when ADSTAT_PASSWORD is set');
  if (username && password) logins.push({ id: 'default', label: 'AdStat', username, password });

  const keys: TonaiKey[] = [];
  for (const [i, key] of (file?.tonai?.keys ?? []).entries()) {
    const where = `ADGRAPH_CONFIG tonai.keys[${i}]`;
    const apiKey = resolveSecret(where, 'apiKey', key.apiKey, key.apiKeyEnv, env, problems);
    if (apiKey) keys.push({ id: key.id, label: key.label ?? key.id, apiKey });
  }
  const apiKey = env.TONAI_API_KEY?.trim();
  if (env.TONAI_API_KEY !== undefined && !apiKey) problems.push('TONAI_API_KEY: must not be empty when set');
  if (apiKey) keys.push({ id: 'default', label: 'TON.ai', apiKey });

  for (const [list, name] of [[logins, 'AdStat login'], [keys, 'TON.ai key']] as const) {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) problems.push(`ADGRAPH_CONFIG: ${name} id "${item.id}" is used twice (ids must be unique; "default" is taken by the plain variables)`);
      seen.add(item.id);
    }
  }

  const hasCredentials = logins.length > 0 || keys.length > 0;
  if (sandboxForced === false && !hasCredentials) {
    problems.push('ADGRAPH_SANDBOX=0 needs credentials: set ADSTAT_USERNAME/ADSTAT_PASSWORD, TONAI_API_KEY or ADGRAPH_CONFIG');
  }
  const mode: Config['mode'] = sandboxForced === true || !hasCredentials ? 'sandbox' : 'production';

  const adstatBaseUrl = urlVar(env, 'ADSTAT_BASE_URL', file?.adstat?.baseUrl, DEFAULTS.adstatBaseUrl, problems);
  // The page shows a second host for uploads and reference data; behind one proxy, both are the same.
  const adstatBaseGiven = Boolean(env.ADSTAT_BASE_URL?.trim() || file?.adstat?.baseUrl);
  const config: Config = {
    mode,
    port,
    host,
    logLevel,
    adstat: {
      baseUrl: adstatBaseUrl,
      clientApiBaseUrl: urlVar(
        env,
        'ADSTAT_CLIENTAPI_BASE_URL',
        file?.adstat?.clientApiBaseUrl,
        adstatBaseGiven ? adstatBaseUrl : DEFAULTS.adstatClientApiBaseUrl,
        problems,
      ),
      logins: mode === 'sandbox' ? [] : logins,
    },
    tonai: {
      baseUrl: urlVar(env, 'TONAI_BASE_URL', file?.tonai?.baseUrl, DEFAULTS.tonaiBaseUrl, problems),
      keys: mode === 'sandbox' ? [] : keys,
    },
    http: {
      connectTimeoutMs: intVar(env, 'ADGRAPH_CONNECT_TIMEOUT_MS', DEFAULTS.connectTimeoutMs, 100, 120_000, problems),
      headersTimeoutMs: intVar(env, 'ADGRAPH_HEADERS_TIMEOUT_MS', DEFAULTS.headersTimeoutMs, 100, 300_000, problems),
      bodyTimeoutMs: intVar(env, 'ADGRAPH_BODY_TIMEOUT_MS', DEFAULTS.bodyTimeoutMs, 100, 600_000, problems),
      connectionsPerOrigin: intVar(env, 'ADGRAPH_UPSTREAM_CONNECTIONS', DEFAULTS.connectionsPerOrigin, 1, 1024, problems),
      deadlineMs: intVar(env, 'ADGRAPH_UPSTREAM_DEADLINE_MS', DEFAULTS.upstreamDeadlineMs, 100, 600_000, problems),
      uploadDeadlineMs: intVar(env, 'ADGRAPH_UPLOAD_DEADLINE_MS', DEFAULTS.uploadDeadlineMs, 1_000, 3_600_000, problems),
    },
    requestDeadlineMs: intVar(env, 'ADGRAPH_REQUEST_DEADLINE_MS', DEFAULTS.requestDeadlineMs, 100, 600_000, problems),
    shutdownGraceMs: intVar(env, 'ADGRAPH_SHUTDOWN_GRACE_MS', DEFAULTS.shutdownGraceMs, 0, 600_000, problems),
    idempotency: {
      ttlMs: intVar(env, 'ADGRAPH_IDEMPOTENCY_TTL_MS', DEFAULTS.idempotencyTtlMs, 60_000, 30 * 24 * 3_600_000, problems),
      settleMs: intVar(env, 'ADGRAPH_IDEMPOTENCY_SETTLE_MS', DEFAULTS.idempotencySettleMs, 0, 3_600_000, problems),
      waitMs: intVar(env, 'ADGRAPH_IDEMPOTENCY_WAIT_MS', DEFAULTS.idempotencyWaitMs, 0, 600_000, problems),
    },
    rateLimitMaxWaitMs: intVar(env, 'ADGRAPH_RATE_LIMIT_MAX_WAIT_MS', DEFAULTS.rateLimitMaxWaitMs, 0, 120_000, problems),
    adstatBudget: {
      max: intVar(env, 'ADSTAT_RATE_LIMIT_MAX', DEFAULTS.adstatRateLimitMax, 1, 1_000_000, problems),
      windowMs: intVar(env, 'ADSTAT_RATE_LIMIT_WINDOW_MS', DEFAULTS.adstatRateLimitWindowMs, 1, 3_600_000, problems),
      blockMs: intVar(env, 'ADSTAT_RATE_LIMIT_BLOCK_MS', DEFAULTS.adstatRateLimitBlockMs, 0, 3_600_000, problems),
    },
    security: loadSecurity(env, file, mode, problems),
    redisUrl: redisUrlVar(env, problems),
    cache: {
      listTtlMs: intVar(env, 'ADGRAPH_CACHE_LIST_TTL_MS', DEFAULTS.listTtlMs, 0, 3_600_000, problems),
      itemTtlMs: intVar(env, 'ADGRAPH_CACHE_ITEM_TTL_MS', DEFAULTS.itemTtlMs, 0, 3_600_000, problems),
      closedPeriodTtlMs: intVar(env, 'ADGRAPH_CACHE_CLOSED_PERIOD_TTL_MS', DEFAULTS.closedPeriodTtlMs, 0, 7 * 24 * 3_600_000, problems),
      referenceTtlMs: intVar(env, 'ADGRAPH_CACHE_REFERENCE_TTL_MS', DEFAULTS.referenceTtlMs, 0, 7 * 24 * 3_600_000, problems),
      staleMaxMs: intVar(env, 'ADGRAPH_CACHE_STALE_MAX_MS', DEFAULTS.staleMaxMs, 0, 7 * 24 * 3_600_000, problems),
    },
    responseCache: {
      enabled: boolVar(env, 'ADGRAPH_RESPONSE_CACHE', true, problems),
      maxBytes: intVar(env, 'ADGRAPH_RESPONSE_CACHE_MAX_MB', 64, 1, 65_536, problems) * 1024 * 1024,
    },
    compiledExecution: compiledExecutionVar(env, problems),
    observability: observabilityVars(env, host, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function compiledExecutionVar(env: NodeJS.ProcessEnv, problems: string[]): CompiledExecutionMode {
  const raw = env.ADGRAPH_COMPILED_EXECUTION?.trim().toLowerCase();
  if (!raw) return 'auto';
  const mode = COMPILED_EXECUTION_MODES.find((m) => m === raw);
  if (!mode) problems.push(`ADGRAPH_COMPILED_EXECUTION: must be one of ${COMPILED_EXECUTION_MODES.join(', ')} (got "${env.ADGRAPH_COMPILED_EXECUTION}")`);
  return mode ?? 'auto';
}

/** redis:// or rediss:// (TLS), with optional credentials and database number. */
function redisUrlVar(env: NodeJS.ProcessEnv, problems: string[]): string | undefined {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || !url.hostname) {
    problems.push(`REDIS_URL: must be a redis:// or rediss:// URL with a host (got "${maskUrlCredentials(raw)}")`);
    return undefined;
  }
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d{1,2}$/.test(url.pathname)) {
    problems.push(`REDIS_URL: the path must be a database number such as /0 (got "${maskUrlCredentials(raw)}")`);
    return undefined;
  }
  return raw;
}

function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  problems.push(`${name}: must be 1 or 0 (got "${env[name]}")`);
  return fallback;
}

/** An origin as browsers send it: scheme, host and optional port, nothing else. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:]+\](:\d{1,5})?$/i;

function loadSecurity(env: NodeJS.ProcessEnv, file: FileConfig | undefined, mode: Config['mode'], problems: string[]): SecurityConfig {
  const callers: CallerConfig[] = [];
  for (const [i, caller] of (file?.callers ?? []).entries()) {
    const where = `ADGRAPH_CONFIG callers[${i}]`;
    let keySha256: Buffer | undefined;
    if (caller.apiKeySha256 !== undefined) {
      if (caller.apiKey !== undefined || caller.apiKeyEnv !== undefined) problems.push(`${where}: give one of apiKey, apiKeyEnv or apiKeySha256`);
      else keySha256 = Buffer.from(caller.apiKeySha256, 'hex');
    } else {
      const key = resolveSecret(where, 'apiKey', caller.apiKey, caller.apiKeyEnv, env, problems);
      // Short keys can be guessed; 16 characters is the least a generated key has.
      if (key !== undefined && key.length < 16) problems.push(`${where}: the API key must be at least 16 characters`);
      else if (key !== undefined) keySha256 = createHash('sha256').update(key, 'utf8').digest();
    }
    if (keySha256) callers.push({ id: caller.id, keySha256, accounts: caller.accounts ?? null, write: caller.write ?? false });
  }
  const ids = new Set<string>();
  const digests = new Set<string>();
  for (const c of callers) {
    if (ids.has(c.id)) problems.push(`ADGRAPH_CONFIG: caller id "${c.id}" is used twice`);
    if (digests.has(c.keySha256.toString('hex'))) problems.push(`ADGRAPH_CONFIG: caller "${c.id}" has the same key as another caller`);
    ids.add(c.id);
    digests.add(c.keySha256.toString('hex'));
  }

  const authRaw = env.ADGRAPH_AUTH?.trim().toLowerCase();
  let auth: SecurityConfig['auth'] = 'callers';
  if (authRaw === 'none') auth = 'none';
  else if (authRaw !== undefined && authRaw !== '' && authRaw !== 'callers') problems.push(`ADGRAPH_AUTH: must be "callers" or "none" (got "${env.ADGRAPH_AUTH}")`);
  if (auth === 'none' && callers.length > 0) problems.push('ADGRAPH_AUTH=none: callers are configured in ADGRAPH_CONFIG; remove one or the other');

  const corsRaw = env.ADGRAPH_CORS_ORIGINS?.trim();
  const corsOrigins = corsRaw ? corsRaw.split(',').map((o) => o.trim()).filter(Boolean) : (file?.cors?.origins ?? []);
  for (const origin of corsOrigins) {
    if (origin === '*') problems.push('ADGRAPH_CORS_ORIGINS: "*" is not allowed; list the origins of your frontends');
    else if (!ORIGIN.test(origin)) problems.push(`ADGRAPH_CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path)`);
  }

  const sandbox = mode === 'sandbox';
  return {
    auth,
    callers,
    corsOrigins: corsOrigins.map((o) => o.toLowerCase()),
    graphiql: boolVar(env, 'ADGRAPH_GRAPHIQL', sandbox, problems),
    introspection: boolVar(env, 'ADGRAPH_INTROSPECTION', sandbox, problems),
    limits: {
      maxDepth: intVar(env, 'ADGRAPH_MAX_DEPTH', DEFAULTS.maxDepth, 2, 100, problems),
      maxAliases: intVar(env, 'ADGRAPH_MAX_ALIASES', DEFAULTS.maxAliases, 1, 1_000, problems),
      maxTokens: intVar(env, 'ADGRAPH_MAX_TOKENS', DEFAULTS.maxTokens, 100, 1_000_000, problems),
      maxDirectives: intVar(env, 'ADGRAPH_MAX_DIRECTIVES', DEFAULTS.maxDirectives, 1, 1_000, problems),
    },
    costBudget: intVar(env, 'ADGRAPH_COST_BUDGET', DEFAULTS.costBudget, 1, 10_000_000, problems),
  };
}

function samplerVars(env: NodeJS.ProcessEnv, problems: string[]): TracesSampler | undefined {
  const raw = env.OTEL_TRACES_SAMPLER?.trim().toLowerCase();
  if (!raw) return undefined;
  const name = TRACES_SAMPLERS.find((n) => n === raw);
  if (!name) {
    problems.push(`OTEL_TRACES_SAMPLER: must be one of ${TRACES_SAMPLERS.join(', ')} (got "${env.OTEL_TRACES_SAMPLER}")`);
    return undefined;
  }
  const argRaw = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  if (!name.endsWith('traceidratio') || !argRaw) return { name, ratio: 1 };
  const ratio = Number(argRaw);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    problems.push(`OTEL_TRACES_SAMPLER_ARG: must be a fraction from 0 to 1 for ${name} (got "${env.OTEL_TRACES_SAMPLER_ARG}")`);
    return undefined;
  }
  return { name, ratio };
}

function observabilityVars(env: NodeJS.ProcessEnv, host: string | undefined, problems: string[]): ObservabilityConfig {
  const metricsToken = env.ADGRAPH_METRICS_TOKEN?.trim() || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) problems.push('ADGRAPH_METRICS_TOKEN: must be at least 16 characters');
  const metricsPort = env.ADGRAPH_METRICS_PORT?.trim() ? intVar(env, 'ADGRAPH_METRICS_PORT', 0, 0, 65_535, problems) : undefined;
  const otlpRaw = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined;
  if (otlpRaw !== undefined && !httpUrl.safeParse(otlpRaw).success) problems.push(`OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL (got "${otlpRaw}")`);
  const protocolVar = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocolRaw = env[protocolVar]?.trim().toLowerCase() || 'http/protobuf';
  const otlpProtocol = (OTLP_PROTOCOLS as readonly string[]).includes(protocolRaw) ? (protocolRaw as OtlpProtocol) : 'http/protobuf';
  if (otlpProtocol !== protocolRaw) {
    problems.push(`${protocolVar}: must be ${OTLP_PROTOCOLS.join(' or ')} (got "${env[protocolVar]}")${protocolRaw === 'grpc' ? '; adgraph exports over OTLP/HTTP only' : ''}`);
  }
  // Checked only when there is tracing: with none, a cluster-wide value meant for other services
  // (another SDK's sampler name) must not stop adgraph from starting.
  const tracesSampler = otlpRaw !== undefined ? samplerVars(env, problems) : undefined;
  const checksRaw = env.ADGRAPH_STARTUP_CHECKS?.trim().toLowerCase();
  let startupChecks = true;
  if (checksRaw !== undefined && checksRaw !== '') {
    if (['1', 'true', 'yes'].includes(checksRaw)) startupChecks = true;
    else if (['0', 'false', 'no'].includes(checksRaw)) startupChecks = false;
    else problems.push(`ADGRAPH_STARTUP_CHECKS: must be 1 or 0 (got "${env.ADGRAPH_STARTUP_CHECKS}")`);
  }
  return {
    metricsToken,
    metricsPort,
    metricsHost: env.ADGRAPH_METRICS_HOST?.trim() || host,
    otlpEndpoint: otlpRaw !== undefined && httpUrl.safeParse(otlpRaw).success ? otlpRaw.replace(/\/+$/, '') : undefined,
    otlpProtocol,
    tracesSampler,
    serviceName: env.OTEL_SERVICE_NAME?.trim() || 'adgraph',
    startupChecks,
    readinessRecheckMs: intVar(env, 'ADGRAPH_READINESS_RECHECK_MS', DEFAULTS.readinessRecheckMs, 100, 3_600_000, problems),
  };
}
