/** Yoga: the schema, the per-request context and error masking (partial failures are null slots: schema/errors.ts). */
import { GraphQLError } from 'graphql';
import type { ServerResponse } from 'node:http';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { CompiledExecutionMode, SecurityConfig } from './config.js';
import { useJsonBodyLimit } from './security/body-limit.js';
import { NOBODY } from './security/callers.js';
import { narrowProviders, useWriteGuard } from './security/grants.js';
import { corsFor, type RequestWithCaller } from './security/http.js';
import { limitPlugins } from './security/limits.js';
import { useUpstreamBudget } from './security/cost.js';
import { useSecretMasking } from './security/mask-plugin.js';
import { createContext, type Context, type EnvironmentInfo } from './context.js';
import { log } from './log.js';
import type { Providers } from './providers/index.js';
import { newRequestScope, runInScope, summarizeFreshness } from './providers/request-scope.js';
import { isClientMistake, toClientError } from './schema/errors.js';
import { schema } from './schema/index.js';
import { graphiqlOptions, renderAdgraphGraphiQL } from './graphiql.js';
import { noteExecutionScope, type ResponseCache } from './response-cache.js';
import { onFinalResult, useIncrementalDelivery } from './incremental.js';
import { useCompiledExecution } from './jit.js';

/**
 * graphql-js's parser recurses once per nesting level, so a document nested deep enough overflows
 * the stack: that is the client's document, not our fault. Hand-written because no limit plugin
 * covers it whatever its settings: a depth limit runs after parsing, and a token limit can be off
 * or set high enough to let a deep document through.
 */
function useNestingGuard(): Plugin<Context> {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          if (error instanceof RangeError) {
            throw new GraphQLError('The document is nested too deep to parse; flatten it (fragments, fewer levels of lists).', { extensions: { code: 'BAD_USER_INPUT', rule: 'NESTING' } });
          }
          throw error;
        }
      });
    },
  };
}

/**
 * Runs each operation in its own request scope (the quota planner shares a path's budget between
 * scopes) and reports how old the provider data behind the answer is, as `extensions.freshness`:
 * one entry per provider, account and upstream path, with the oldest data served from there.
 */
function useFreshness(providers: Providers): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const scope = newRequestScope('interactive');
      noteExecutionScope(args.contextValue, scope);
      setExecuteFn((execArgs) => runInScope(scope, () => executeFn(execArgs)));
      return {
        // On an incremental response, the final payload: the deferred parts read data too.
        onExecuteDone: (done) =>
          onFinalResult(done, (result, setResult) => {
            if (scope.freshness.length === 0) return;
            const freshness = summarizeFreshness(scope.freshness, providers.clock.now());
            setResult({ ...result, extensions: { ...(result.extensions ?? {}), freshness } });
          }),
      };
    },
  };
}

export interface NodeServerContext {
  req: RequestWithCaller;
  res: ServerResponse;
}

/**
 * `unprotected` drops the document limits and the cost estimate: only bench/abuse.ts uses it, to
 * measure their overhead against the same server without them. No configuration reaches it.
 */
export function createAdgraphYoga(
  providers: Providers,
  environment: EnvironmentInfo,
  security: SecurityConfig,
  options: {
    unprotected?: boolean;
    /** Metrics and tracing (src/observability); first, so they see every phase. */
    observabilityPlugins?: Plugin[];
    /** Whole answers (src/response-cache.ts); its plugin goes last, to keep results as they end. */
    responseCache?: ResponseCache;
    /** When query documents are compiled (src/jit.ts). */
    compiledExecution?: CompiledExecutionMode;
  } = {},
): YogaServerInstance<NodeServerContext, Context> {
  // Yoga's error masking, also applied to the errors of deferred parts (src/incremental.ts).
  const maskError = (error: unknown): GraphQLError => {
    const client = toClientError(error);
    if (client.extensions.code === 'INTERNAL_SERVER_ERROR') {
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      log.error('unexpected error', { error: original instanceof Error ? original.stack ?? original.message : String(original) });
    } else if (isClientMistake(client)) {
      // The client's own mistake: worth a line for support, not an alert, and no stack.
      log.info('client mistake', { code: client.extensions.code, argument: client.extensions.argument, rule: client.extensions.rule, message: client.message });
    } else if (client !== error) {
      // A provider failure: the failed upstream call was already one WARN line with the request id
      // (src/observability/upstream.ts); this notes what the answer said, without alerting twice.
      log.info('request failed', { code: client.extensions.code, provider: client.extensions.provider, account: client.extensions.account, message: client.message });
    }
    return client;
  };
  const protections = options.unprotected ? [] : [...limitPlugins(security, environment.mode), useUpstreamBudget(security.costBudget)];
  return createYoga<NodeServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // Uploads are parsed in server.ts (graphql-upload-minimal) so files stream; Yoga must not parse them.
    // File limits are enforced per file while streaming; JSON bodies have useJsonBodyLimit (last
    // plugin), which does Yoga's checks without streaming a body of a declared length.
    multipart: false,
    maxRequestBodySize: false,
    landingPage: false,
    // The caller was authenticated in server.ts; its resolvers see only the providers it may use.
    context: ({ req }) => {
      const caller = req.caller ?? NOBODY;
      return createContext(narrowProviders(providers, caller), environment, caller);
    },
    cors: corsFor(security.corsOrigins),
    // GraphiQL with one tab per common task; the page inlines its scripts (works offline).
    graphiql: security.graphiql ? () => graphiqlOptions() : false,
    renderGraphiQL: renderAdgraphGraphiQL,
    logging: {
      debug: (...args) => log.debug(args.map(String).join(' ')),
      info: (...args) => log.info(args.map(String).join(' ')),
      warn: (...args) => log.warn(args.map(String).join(' ')),
      // Yoga logs here each error that masking changed; maskError below has already logged it at
      // its own level (client mistakes below ERROR, without a stack), so this would only repeat it.
      error: (...args) => (args.length > 0 && args.every((a) => a instanceof Error) ? log.debug(args.map(String).join(' ')) : log.error(args.map(String).join(' '))),
    },
    maskedErrors: { maskError },
    // Compiled execution first: it replaces Yoga's executor, which every later plugin then wraps.
    // The nesting guard after the limits: it must wrap the token-limited parser they install.
    plugins: [useCompiledExecution(options.compiledExecution ?? 'auto'), ...(options.observabilityPlugins ?? []), ...useIncrementalDelivery(maskError), ...protections, useNestingGuard(), useWriteGuard(providers), useFreshness(providers), useSecretMasking(), ...(options.responseCache ? [options.responseCache.plugin()] : []), useJsonBodyLimit()],
  });
}
