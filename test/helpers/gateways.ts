/**
 * Real federation gateways for tests, both serving a static supergraph with no network beyond
 * loopback: @apollo/gateway in this process (its executor, as Apollo Server calls it per request),
 * and Hive Gateway as its own process, started with README's command (`npx hive-gateway
 * supergraph <file> --port <port>`) on a free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { Kind, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { request } from 'undici';

export interface GatewayError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GatewayResponse<T> {
  data: T | null | undefined;
  errors: GatewayError[] | undefined;
}

export interface Gateway {
  name: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GatewayResponse<T>>;
  close(): Promise<void>;
}

type Executor = Awaited<ReturnType<ApolloGateway['load']>>['executor'];
type RequestContext = Parameters<Executor>[0];

const quietLogger = {
  debug: () => {},
  info: () => {},
  warn: (message?: unknown) => console.warn('[apollo gateway]', message),
  error: (message?: unknown) => console.error('[apollo gateway]', message),
};

export interface ApolloGatewayOptions {
  /** Called for each request the gateway sends to a subgraph, with the subgraph's name. */
  onSubgraphRequest?: (name: string) => void;
}

/** @apollo/gateway over a static supergraph; `gql` runs an operation through its executor. */
export async function startApolloGateway(supergraphSdl: string, options: ApolloGatewayOptions = {}): Promise<Gateway & { schema: GraphQLSchema }> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: quietLogger,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url,
        // Node's own fetch: no agent pool left behind when the gateway stops.
        fetcher: ((input: string, init: RequestInit) => {
          options.onSubgraphRequest?.(name);
          return fetch(input, init);
        }) as unknown as RemoteGraphQLDataSource['fetcher'],
      }),
  });
  const { schema, executor } = await gateway.load();
  return {
    name: '@apollo/gateway',
    schema,
    async gql<T>(query: string, variables: Record<string, unknown> = {}) {
      const document: DocumentNode = parse(query);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (!operation) throw new Error('no operation in query');
      const context = {
        request: { query, variables, http: { method: 'POST', url: '/graphql', headers: new Headers() } },
        logger: quietLogger,
        schema,
        schemaHash: 'test' as RequestContext['schemaHash'],
        context: {},
        cache: { get: async () => undefined, set: async () => {}, delete: async () => true },
        queryHash: createHash('sha256').update(query).digest('hex'),
        document,
        source: query,
        operationName: operation.name?.value ?? null,
        operation,
        metrics: {},
        overallCachePolicy: {},
      } satisfies RequestContext;
      const result = await executor(context);
      // The JSON a client would get: errors as their serialized form.
      const body = JSON.parse(JSON.stringify({ data: result.data, errors: result.errors })) as GatewayResponse<T>;
      return { data: body.data, errors: body.errors };
    },
    close: () => gateway.stop(),
  };
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface HiveGateway extends Gateway {
  url: string;
  process: ChildProcess;
  /** Everything the gateway printed so far. */
  output(): string;
  /** The exit code once the process has exited, else null. */
  exitCode(): number | null;
}

/** Posts a GraphQL operation as a client would (undici over loopback). */
async function post<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<GatewayResponse<T> & { status: number }> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.body.json()) as GatewayResponse<T>;
  return { status: res.statusCode, data: body.data, errors: body.errors };
}

/**
 * Hive Gateway serving (and watching) a supergraph file, started as README says. Resolves once it
 * answers a query; stop it with `close` (ends its process group: npx runs the gateway as a child).
 */
export async function startHiveGateway(supergraphPath: string, cwd: string = process.cwd()): Promise<HiveGateway> {
  const port = await freePort();
  const child = spawn('npx', ['--no', 'hive-gateway', 'supergraph', supergraphPath, '--port', String(port), '--host', '127.0.0.1'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let exitCode: number | null = null;
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exitCode = code ?? (signal ? 128 : 1)), resolve())));
  const url = `http://127.0.0.1:${port}/graphql`;
  const stop = async () => {
    if (exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitCode !== null) throw new Error(`hive-gateway exited with ${exitCode}:\n${output}`);
    try {
      const res = await post<{ __typename: string }>(url, '{ __typename }');
      if (res.data?.__typename === 'Query') break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`hive-gateway did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name: 'Hive Gateway',
    url,
    process: child,
    output: () => output,
    exitCode: () => exitCode,
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const { data, errors } = await post<T>(url, query, variables);
      return { data, errors };
    },
    close: stop,
  };
}
