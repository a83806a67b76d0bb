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
import { createAdgraphYoga } from './yoga.js';

/**
 * Headers that prove a request came from script, not a plain HTML form: a browser cannot send them
 * cross-site without a CORS preflight. A multipart request without one is refused unread.
 */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight'] as const;

/** The largest file any mutation accepts (video media); each mutation enforces its own limit while streaming. */
const MAX_UPLOAD_BYTES = MEDIA_MAX_BYTES;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
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

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: {
  providers: Providers;
  environment: EnvironmentInfo;
  port: number;
  host?: string | undefined;
}): Promise<RunningServer> {
  const yoga = createAdgraphYoga(options.providers, options.environment);
  const server = createServer((req, res) => {
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
    const contentType = (req.headers['content-type'] ?? '').toLowerCase();
    if (req.method === 'POST' && contentType.startsWith('multipart/form-data')) {
      if (!CSRF_HEADERS.some((h) => req.headers[h])) {
        // Refused before a byte of the body is read; the connection closes so the upload stops.
        sendJson(
          res,
          403,
          { errors: [{ message: `multipart requests must carry a CSRF header (${CSRF_HEADERS.slice(0, 2).join(' or ')}: 1)`, extensions: { code: 'CSRF_HEADER_REQUIRED' } }] },
          { connection: 'close' },
        );
        res.once('finish', () => req.destroy());
        return;
      }
      drainAfterResponse(req, res);
      processRequest(req, res, { maxFileSize: MAX_UPLOAD_BYTES, maxFiles: 4, maxFieldSize: 1024 * 1024 })
        .then((body) => {
          (req as IncomingMessage & { body?: unknown }).body = body;
          // The body is now the parsed operations: its length is no longer the upload's.
          delete req.headers['content-length'];
          void yoga(req, res);
        })
        .catch((error: unknown) => {
          log.debug('bad multipart request', { error: (error as Error).message });
          if (!res.headersSent) sendJson(res, 400, { errors: [{ message: `invalid multipart request: ${(error as Error).message}`, extensions: { code: 'BAD_REQUEST' } }] });
        });
      return;
    }
    void yoga(req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (options.host) server.listen(options.port, options.host, () => resolve());
    else server.listen(options.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://localhost:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
