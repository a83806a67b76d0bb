/**
 * Configuration from the environment and one optional JSON file (ADGRAPH_CONFIG) for several
 * accounts. Everything is validated at start; every problem becomes one line naming the variable or
 * JSON path and the rule, so a bad deployment stops with a list it can act on.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

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

export interface ObservabilityConfig {
  /** Bearer token that `/metrics` on the main port requires; undefined: not served there. */
  metricsToken: string | undefined;
  /** A separate port serving only `/metrics` (0: any free port); undefined: none. */
  metricsPort: number | undefined;
  metricsHost: string | undefined;
  /** OTLP/HTTP base URL for traces; undefined: no tracing, at no cost. */
  otlpEndpoint: string | undefined;
  serviceName: string;
  /** Check every login and key at start (readiness); tests that count upstream calls turn it off. */
  startupChecks: boolean;
  /** First re-check delay after a failed readiness check (doubles up to 5 minutes). */
  readinessRecheckMs: number;
}

export interface Config {
  mode: 'sandbox' | 'production';
  port: number;
  host: string | undefined;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  adstat: { baseUrl: string; clientApiBaseUrl: string; logins: AdstatLogin[] };
  tonai: { baseUrl: string; keys: TonaiKey[] };
  http: { connectTimeoutMs: number; headersTimeoutMs: number; bodyTimeoutMs: number; connectionsPerOrigin: number };
  /** How long a request may wait for AdStat's per-path rate limit before it reports RATE_LIMITED. */
  rateLimitMaxWaitMs: number;
  /** AdStat's budget per login and URL path (an operator whose plan allows more raises it). */
  adstatBudget: { max: number; windowMs: number; blockMs: number };
  cache: CacheConfig;
  observability: ObservabilityConfig;
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
  /** Keep-alive connections per provider host: 500 details calls go out in 8 waves rather than 16. */
  connectionsPerOrigin: 64,
  rateLimitMaxWaitMs: 2_000,
  /** AdStat's documented limit: 10 requests per 60 s per path, silence for 61 s after a 429. */
  adstatRateLimitMax: 10,
  adstatRateLimitWindowMs: 60_000,
  adstatRateLimitBlockMs: 61_000,
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
    problems.push(`ADGRAPH_CONFIG: ${path} is not valid JSON (${(error as Error).message})`);
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
    problems.push(`${name}: must be an http(s) URL (got "${raw}")`);
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
    },
    rateLimitMaxWaitMs: intVar(env, 'ADGRAPH_RATE_LIMIT_MAX_WAIT_MS', DEFAULTS.rateLimitMaxWaitMs, 0, 120_000, problems),
    adstatBudget: {
      max: intVar(env, 'ADSTAT_RATE_LIMIT_MAX', DEFAULTS.adstatRateLimitMax, 1, 1_000_000, problems),
      windowMs: intVar(env, 'ADSTAT_RATE_LIMIT_WINDOW_MS', DEFAULTS.adstatRateLimitWindowMs, 1, 3_600_000, problems),
      blockMs: intVar(env, 'ADSTAT_RATE_LIMIT_BLOCK_MS', DEFAULTS.adstatRateLimitBlockMs, 0, 3_600_000, problems),
    },
    cache: {
      listTtlMs: intVar(env, 'ADGRAPH_CACHE_LIST_TTL_MS', DEFAULTS.listTtlMs, 0, 3_600_000, problems),
      itemTtlMs: intVar(env, 'ADGRAPH_CACHE_ITEM_TTL_MS', DEFAULTS.itemTtlMs, 0, 3_600_000, problems),
      closedPeriodTtlMs: intVar(env, 'ADGRAPH_CACHE_CLOSED_PERIOD_TTL_MS', DEFAULTS.closedPeriodTtlMs, 0, 7 * 24 * 3_600_000, problems),
      referenceTtlMs: intVar(env, 'ADGRAPH_CACHE_REFERENCE_TTL_MS', DEFAULTS.referenceTtlMs, 0, 7 * 24 * 3_600_000, problems),
      staleMaxMs: intVar(env, 'ADGRAPH_CACHE_STALE_MAX_MS', DEFAULTS.staleMaxMs, 0, 7 * 24 * 3_600_000, problems),
    },
    observability: observabilityVars(env, host, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function observabilityVars(env: NodeJS.ProcessEnv, host: string | undefined, problems: string[]): ObservabilityConfig {
  const metricsToken = env.ADGRAPH_METRICS_TOKEN?.trim() || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) problems.push('ADGRAPH_METRICS_TOKEN: must be at least 16 characters');
  const metricsPort = env.ADGRAPH_METRICS_PORT?.trim() ? intVar(env, 'ADGRAPH_METRICS_PORT', 0, 0, 65_535, problems) : undefined;
  const otlpRaw = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined;
  if (otlpRaw !== undefined && !httpUrl.safeParse(otlpRaw).success) problems.push(`OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL (got "${otlpRaw}")`);
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
    serviceName: env.OTEL_SERVICE_NAME?.trim() || 'adgraph',
    startupChecks,
    readinessRecheckMs: intVar(env, 'ADGRAPH_READINESS_RECHECK_MS', DEFAULTS.readinessRecheckMs, 100, 3_600_000, problems),
  };
}
