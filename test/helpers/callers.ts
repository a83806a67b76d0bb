/**
 * adgraph with API callers over a shared sandbox, talked to over real HTTP with a chosen
 * Authorization header. Production mode points real provider credentials at the simulators, so
 * the same grants can be tested in both modes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { startAdgraph, type Adgraph } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { COMPILED_EXECUTION_ENV, type GraphQLResponse } from './harness.js';

export interface CallerSpec {
  id: string;
  apiKey?: string;
  apiKeyEnv?: string;
  apiKeySha256?: string;
  accounts?: string[];
  write?: boolean;
}

export interface CallersApp {
  app: Adgraph;
  url: string;
  /** POSTs a GraphQL request as JSON with the given Bearer key (none when undefined). */
  gql<T = Record<string, unknown>>(key: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T> & { headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

export function writeConfig(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'adgraph-callers-'));
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

/** The sandbox's credentials as a production configuration file (plus callers). */
export function productionFile(sandbox: Sandbox, callers: CallerSpec[] | undefined): Record<string, unknown> {
  return {
    adstat: { baseUrl: sandbox.adstatUrl, logins: sandbox.logins.map((l) => ({ id: l.id, username: l.username, password: l.password })) },
    tonai: { baseUrl: sandbox.tonaiUrl, keys: sandbox.keys.map((k) => ({ id: k.id, apiKey: k.apiKey })) },
    ...(callers ? { callers } : {}),
  };
}

export async function startWithCallers(
  sandbox: Sandbox,
  options: { mode: 'sandbox' | 'production'; callers?: CallerSpec[]; env?: Record<string, string> },
): Promise<CallersApp> {
  const file = options.mode === 'production' ? productionFile(sandbox, options.callers) : { ...(options.callers ? { callers: options.callers } : {}) };
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    // Tests count upstream calls: no readiness logins at start.
    ADGRAPH_STARTUP_CHECKS: '0',
    ADGRAPH_CONFIG: writeConfig(file),
    ...(options.mode === 'sandbox' ? { ADGRAPH_SANDBOX: '1' } : {}),
    ...COMPILED_EXECUTION_ENV,
    ...options.env,
  });
  const app = await startAdgraph(config, { sandboxInstance: sandbox });
  const url = `http://127.0.0.1:${app.server.port}/graphql`;
  return {
    app,
    url,
    async gql<T>(key: string | undefined, query: string, variables?: Record<string, unknown>) {
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key !== undefined ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.body.json()) as { data?: T | null; errors?: GraphQLResponse['errors'] };
      return { status: res.statusCode, data: body.data, errors: body.errors, headers: res.headers };
    },
    close: () => app.close(),
  };
}

/** Requests that change something upstream (the AdStat login call is not one). */
export function upstreamWrites(sandbox: Sandbox): number {
  const writes = (log: { method: string; path: string }[]) => log.filter((r) => r.method !== 'GET' && !r.path.startsWith('/api/v2/login')).length;
  return writes(sandbox.adstat.server.controls.log) + writes(sandbox.tonai.server.controls.log);
}
