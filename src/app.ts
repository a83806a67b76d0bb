/** adgraph assembled: configuration → (sandbox) → providers → server. Used by main and by tests. */
import type { Config } from './config.js';
import type { EnvironmentInfo } from './context.js';
import { log, setLogLevel } from './log.js';
import { Observability } from './observability/index.js';
import { Providers, type ProviderOverrides } from './providers/index.js';
import { createAuthenticator } from './security/callers.js';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox/index.js';
import { startServer, type RunningServer } from './server.js';
import { RedisConnection } from './state/redis.js';

export interface Adgraph {
  config: Config;
  providers: Providers;
  server: RunningServer;
  sandbox: Sandbox | undefined;
  observability: Observability;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Sandbox: simulator options (seed, clock, token lifetimes, rate limit). */
  sandbox?: SandboxOptions;
  /** An already-running sandbox to use instead of starting one (tests share theirs). */
  sandboxInstance?: Sandbox;
  providers?: ProviderOverrides;
  /** Benchmarks only: serve without document limits and cost estimate, to measure their overhead. */
  unprotected?: boolean;
}

/** Points a sandbox-mode configuration at the simulators, with their credentials. */
export function withSandbox(config: Config, sandbox: Sandbox): Config {
  return {
    ...config,
    adstat: { baseUrl: sandbox.adstatUrl, clientApiBaseUrl: sandbox.adstatUrl, logins: sandbox.logins },
    tonai: { baseUrl: sandbox.tonaiUrl, keys: sandbox.keys },
  };
}

export async function startAdgraph(config: Config, options: StartOptions = {}): Promise<Adgraph> {
  let sandbox: Sandbox | undefined;
  let effective = config;
  if (config.mode === 'sandbox') {
    sandbox = options.sandboxInstance ?? (await startSandbox(options.sandbox));
    effective = withSandbox(config, sandbox);
  }
  setLogLevel(config.logLevel);
  let authenticator;
  try {
    // Grants name logins and keys, so they are resolved against the effective configuration.
    authenticator = createAuthenticator(effective);
  } catch (error) {
    if (sandbox && !options.sandboxInstance) await sandbox.close();
    throw error;
  }
  let redis: RedisConnection | undefined;
  try {
    // Unreachable at start is a configuration problem (ConfigError naming the masked URL).
    if (config.redisUrl) redis = await RedisConnection.connect(config.redisUrl);
  } catch (error) {
    if (sandbox && !options.sandboxInstance) await sandbox.close();
    throw error;
  }
  const providers = new Providers(effective, options.providers, redis ? { redis } : {});
  const environment: EnvironmentInfo = { mode: config.mode, startedAt: new Date() };
  let server: RunningServer;
  let observability: Observability | undefined;
  try {
    observability = await Observability.start(config.observability, providers, config.mode);
    server = await startServer({
      providers,
      environment,
      port: config.port,
      host: config.host,
      requestDeadlineMs: config.requestDeadlineMs,
      uploadDeadlineMs: config.http.uploadDeadlineMs,
      shutdownGraceMs: config.shutdownGraceMs,
      security: config.security,
      authenticator,
      unprotected: options.unprotected ?? false,
      observability,
      responseCache: config.responseCache,
      compiledExecution: config.compiledExecution,
    });
  } catch (error) {
    await observability?.close();
    await providers.close();
    if (sandbox && !options.sandboxInstance) await sandbox.close();
    throw error;
  }
  // In the background: the server answers meanwhile, `/ready` says what is still being checked.
  void observability.runStartupChecks();
  return {
    config: effective,
    providers,
    server,
    observability,
    sandbox,
    // In this order: requests in flight still need the providers (and the simulators) to finish.
    close: async () => {
      await server.close();
      await observability.close();
      await providers.close();
      if (sandbox && !options.sandboxInstance) await sandbox.close();
    },
  };
}

export function describeStart(app: Adgraph): void {
  const { config } = app;
  if (config.mode === 'sandbox') {
    log.warn('SANDBOX MODE: no provider credentials configured (or ADGRAPH_SANDBOX=1). Serving SIMULATED data from built-in AdStat and TON.ai simulators; nothing is real.', {
      adstatSimulator: app.sandbox?.adstatUrl,
      tonaiSimulator: app.sandbox?.tonaiUrl,
    });
  } else {
    log.info('production mode', {
      adstatLogins: config.adstat.logins.map((l) => l.id).join(',') || 'none',
      tonaiKeys: config.tonai.keys.map((k) => k.id).join(',') || 'none',
    });
  }
  log.info(`adgraph listening: GraphiQL at http://localhost:${app.server.port}/graphql`);
  const obs = config.observability;
  if (app.observability.metricsPort !== undefined) log.info(`metrics at http://${obs.metricsHost ?? 'localhost'}:${app.observability.metricsPort}/metrics`);
  else if (obs.metricsToken) log.info('metrics at /metrics with Authorization: Bearer <ADGRAPH_METRICS_TOKEN>');
  else log.info('metrics off: set ADGRAPH_METRICS_PORT or ADGRAPH_METRICS_TOKEN to serve /metrics');
  if (obs.otlpEndpoint) {
    // Origin and path only: a URL's user-info would be a credential.
    const url = new URL(obs.otlpEndpoint);
    log.info('tracing on: OTLP/HTTP', { endpoint: `${url.origin}${url.pathname}`, service: obs.serviceName });
  }
}
