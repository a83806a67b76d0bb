/**
 * Test harness: both simulators and adgraph on ephemeral loopback ports, talked to over real HTTP
 * with undici. Tests read the simulators' per-endpoint request counts to assert upstream economy.
 */
import { FormData, request } from 'undici';
import { startAdgraph, type Adgraph } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { ProviderOverrides } from '../../src/providers/index.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
}

export interface Harness {
  app: Adgraph;
  sandbox: Sandbox;
  url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /**
   * A GraphQL multipart request (the upload spec): `files` maps a variable path such as
   * "input.file" to the file to send there. Sends the CSRF header unless `csrf` is false.
   */
  upload<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    files: Record<string, { name: string; type: string; content: Buffer | string }>,
    options?: { csrf?: boolean },
  ): Promise<GraphQLResponse<T>>;
  /** Requests the AdStat simulator received at an endpoint (e.g. `GET /api/v2/advertisement`), or in all. */
  adstatCount(endpoint?: string): number;
  tonaiCount(endpoint?: string): number;
  resetCounts(): void;
  /** Forget every cached upstream answer (the next query goes upstream again). */
  clearCache(): void;
  close(): Promise<void>;
}

/**
 * ADGRAPH_COMPILED_EXECUTION from the test process's environment: `.ci/run` runs the suite a second
 * time with `always`, so that every document the tests send is answered by compiled execution too.
 */
export const COMPILED_EXECUTION_ENV: Record<string, string> = process.env.ADGRAPH_COMPILED_EXECUTION ? { ADGRAPH_COMPILED_EXECUTION: process.env.ADGRAPH_COMPILED_EXECUTION } : {};

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  env?: Record<string, string>;
  providers?: ProviderOverrides;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox(options.sandbox);
  const config = loadConfig({ ADGRAPH_SANDBOX: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ADGRAPH_STARTUP_CHECKS: '0', ...COMPILED_EXECUTION_ENV, ...options.env });
  const app = await startAdgraph(config, { sandboxInstance: sandbox, ...(options.providers ? { providers: options.providers } : {}) });
  const url = `http://127.0.0.1:${app.server.port}/graphql`;
  return {
    app,
    sandbox,
    url,
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.body.json()) as { data?: T | null; errors?: GraphQLResponse['errors'] };
      return { status: res.statusCode, data: body.data, errors: body.errors };
    },
    async upload<T>(query: string, variables: Record<string, unknown>, files: Record<string, { name: string; type: string; content: Buffer | string }>, options: { csrf?: boolean } = {}) {
      const form = new FormData();
      const entries = Object.entries(files);
      form.set('operations', JSON.stringify({ query, variables }));
      form.set('map', JSON.stringify(Object.fromEntries(entries.map(([path], i) => [String(i), [`variables.${path}`]]))));
      entries.forEach(([, file], i) => form.set(String(i), new Blob([typeof file.content === "string" ? file.content : new Uint8Array(file.content)], { type: file.type }), file.name));
      const res = await request(url, {
        method: 'POST',
        headers: options.csrf === false ? {} : { 'apollo-require-preflight': 'true' },
        body: form,
      });
      const text = await res.body.text();
      const body = (text ? JSON.parse(text) : {}) as { data?: T | null; errors?: GraphQLResponse['errors'] };
      return { status: res.statusCode, data: body.data, errors: body.errors };
    },
    adstatCount: (endpoint) => sandbox.adstat.server.controls.count(endpoint),
    tonaiCount: (endpoint) => sandbox.tonai.server.controls.count(endpoint),
    resetCounts() {
      sandbox.adstat.server.controls.resetCounts();
      sandbox.tonai.server.controls.resetCounts();
    },
    clearCache: () => app.providers.cache.clear(),
    async close() {
      await app.close();
      await sandbox.close();
    },
  };
}
