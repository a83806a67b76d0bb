/**
 * The HTTP server: health, then GraphQL through Yoga. Kept on node:http so uploads can be checked
 * and streamed before Yoga sees them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { processRequest } from 'graphql-upload-minimal';
import type { AddressInfo } from 'node:net';
import type { EnvironmentInfo } from './context.js';
import type { Providers } from './providers/index.js';
import { log } from './log.js';
import { MEDIA_MAX_BYTES } from './providers/adstat/rules.js';
import { withDeadline } from './providers/deadline.js';
import { GracefulClose } from './shutdown.js';
import type { CompiledExecutionMode, SecurityConfig } from './config.js';
import type { Authenticator } from './security/callers.js';
import { gate } from './security/http.js';
import { metered } from './security/meter.js';
import { createGraphiQLPage, wantsGraphiQL } from './graphiql-page.js';
import type { Observability } from './observability/index.js';
import { createAdgraphYoga } from './yoga.js';
import { ResponseCache, type ResponseCacheConfig } from './response-cache.js';

/** The largest file any mutation accepts (video media); each mutation enforces its own limit while streaming. */
const MAX_UPLOAD_BYTES = MEDIA_MAX_BYTES;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function isMultipart(req: IncomingMessage): boolean {
  return req.method === 'POST' && (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** Once the answer is out, discard whatever the client is still uploading (an unread file would hang it). */
function drainAfterResponse(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (!req.readableEnded) {
      req.unpipe();
      req.resume();
    }
  });
}

/**
 * How long a refused upload's connection may stay open after its answer, for the client to finish
 * sending and read the answer. Bounds what a refused client can make adgraph discard.
 */
const REFUSED_LINGER_MS = 5_000;

/**
 * Ends the connection of a request whose body is refused, without processing the body. Node destroys
 * such a socket as soon as the answer is written; with request bytes still arriving, the kernel then
 * resets the connection, which can discard the answer before it leaves, and a client that writes its
 * whole body before reading (most simple clients) gets EPIPE or ECONNRESET instead of the answer. So
 * the socket is only half-closed (FIN) once the answer is flushed; the rest of the body is discarded
 * unparsed as it arrives (Node's own dump of an unread request) until the client closes, or for
 * REFUSED_LINGER_MS at most (the lingering close nginx does for the same reason).
 */
function closeUnread(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  res.shouldKeepAlive = false;
  socket.destroySoon = function endInstead(this: typeof socket) {
    this.end();
  };
  const timer = setTimeout(() => socket.destroy(), REFUSED_LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  /** The whole-answer cache (undefined when configured off). */
  responseCache: ResponseCache | undefined;
  /** Stops accepting, lets requests in flight finish within the grace period, then closes every connection. */
  close(): Promise<void>;
}

export async function startServer(options: {
  providers: Providers;
  environment: EnvironmentInfo;
  port: number;
  host?: string | undefined;
  security: SecurityConfig;
  authenticator: Authenticator;
  /** Benchmarks only: no document limits or cost estimate (see createAdgraphYoga). */
  unprotected?: boolean;
  /** Overall deadline of a GraphQL request (JSON), and of one with uploads. */
  requestDeadlineMs?: number;
  uploadDeadlineMs?: number;
  /** How long close() lets requests in flight finish. */
  shutdownGraceMs?: number;
  /** Request ids, access lines, metrics, traces, /health and /ready. */
  observability?: Observability;
  /** Whole answers of queries (on unless configured off). */
  responseCache?: ResponseCacheConfig;
  /** When query documents are compiled (src/jit.ts); `auto` unless configured. */
  compiledExecution?: CompiledExecutionMode;
}): Promise<RunningServer> {
  const { observability } = options;
  const graphiql = createGraphiQLPage();
  const responseCache = options.responseCache?.enabled === false ? undefined : new ResponseCache(options.providers, options.responseCache ?? { enabled: true, maxBytes: 64 * 1024 * 1024 });
  if (responseCache) observability?.watchResponseCache(responseCache);
  const yoga = createAdgraphYoga(options.providers, options.environment, options.security, {
    unprotected: options.unprotected ?? false,
    ...(observability ? { observabilityPlugins: observability.yogaPlugins() } : {}),
    ...(responseCache ? { responseCache } : {}),
    compiledExecution: options.compiledExecution ?? 'auto',
  });
  /** A cached answer straight from its bytes when there is one, else Yoga (with the body already read). */
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    if (!responseCache) {
      void yoga(req, res);
      return;
    }
    responseCache.serve(req, res).then(
      (served) => {
        if (!served) void yoga(req, res);
      },
      () => res.destroy(),
    );
  };
  const requestDeadlineMs = options.requestDeadlineMs ?? 20_000;
  const uploadDeadlineMs = options.uploadDeadlineMs ?? 600_000;
  let graceful: GracefulClose | undefined;
  /** `expectsContinue`: the client waits for 100 Continue, sent only once the request is accepted. */
  const handle = (req: IncomingMessage, res: ServerResponse, expectsContinue = false): void => {
    graceful?.track(res);
    if (observability) observability.handle(req, res, () => route(req, res, expectsContinue));
    else route(req, res, expectsContinue);
  };
  const route = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', mode: options.environment.mode }));
      return;
    }
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
      return;
    }
    if (options.security.graphiql && wantsGraphiQL(req, path ?? '')) {
      graphiql(req, res).catch((error: unknown) => {
        log.error('GraphiQL page failed', { error: error instanceof Error ? error.stack ?? error.message : String(error) });
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'the GraphiQL page could not be rendered', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      });
      return;
    }
    // Content type (CSRF) and caller, from the headers alone: a refused request is never read.
    if (!gate(req, res, options.authenticator, options.security.graphiql)) {
      closeUnread(req, res);
      return;
    }
    if (expectsContinue) res.writeContinue();
    if (isMultipart(req)) {
      drainAfterResponse(req, res);
      processRequest(req, res, { maxFileSize: MAX_UPLOAD_BYTES, maxFiles: 4, maxFieldSize: 1024 * 1024 })
        .then((body) => {
          (req as IncomingMessage & { body?: unknown }).body = body;
          // The body is now the parsed operations: its length is no longer the upload's.
          delete req.headers['content-length'];
          void withDeadline(uploadDeadlineMs, () => yoga(req, res));
        })
        .catch((error: unknown) => {
          log.debug('bad multipart request', { error: (error as Error).message });
          if (!res.headersSent) sendJson(res, 400, { errors: [{ message: `invalid multipart request: ${(error as Error).message}`, extensions: { code: 'BAD_REQUEST' } }] });
        });
      return;
    }
    withDeadline(requestDeadlineMs, () => answer(req, res));
  };
  // Each request counts its own upstream calls (reported in `extensions.cost`).
  const server = createServer((req, res) => metered(() => handle(req, res)));
  graceful = new GracefulClose(server);
  // A client that asks before sending its body (Expect: 100-continue) is refused before it sends it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => metered(() => handle(req, res, true)));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (options.host) server.listen(options.port, options.host, () => resolve());
    else server.listen(options.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const closer = graceful;
  return {
    server,
    port,
    url: `http://localhost:${port}/graphql`,
    responseCache,
    close: () => closer.close(options.shutdownGraceMs ?? 10_000),
  };
}
