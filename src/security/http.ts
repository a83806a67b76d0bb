/**
 * The HTTP gate in front of Yoga: what a browser cannot be tricked into sending, and who is
 * calling. Both are decided from the headers alone, before a byte of the body is read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CORSOptions } from 'graphql-yoga';
import { NOBODY, type Authenticator, type Caller } from './callers.js';

/**
 * Headers that prove a request came from script, not a plain HTML form: a browser cannot send them
 * cross-site without a CORS preflight. A multipart request without one is refused unread.
 */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight'] as const;

export interface RequestWithCaller extends IncomingMessage {
  caller?: Caller;
}

function refuse(res: ServerResponse, status: number, message: string, code: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  // The body is never read: close the connection so a large upload stops.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), connection: 'close', ...headers });
  res.end(text);
}

/** Whether Yoga would answer this with the GraphiQL page (a browser navigating to /graphql). */
function isGraphiQLPage(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
  return !query.has('query') && (req.headers.accept ?? '').includes('text/html');
}

/**
 * POSTs a form or `navigator.sendBeacon` can send cross-site without a preflight
 * (form-encoded, text/plain, multipart without a CSRF header) never execute. Only JSON, and
 * GraphQL multipart with a CSRF header, do. Returns false when it answered the request.
 */
function acceptsBody(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'POST') return true;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type === 'application/graphql-response+json') return true;
  if (type === 'multipart/form-data') {
    if (CSRF_HEADERS.some((h) => req.headers[h])) return true;
    refuse(res, 403, `multipart requests must carry a CSRF header (${CSRF_HEADERS.slice(0, 2).join(' or ')}: 1)`, 'CSRF_HEADER_REQUIRED');
    return false;
  }
  refuse(res, 415, `POST bodies must be application/json (or GraphQL multipart with a CSRF header); got ${type ? `"${type}"` : 'no content type'}`, 'UNSUPPORTED_MEDIA_TYPE');
  return false;
}

/**
 * Runs the gate. Returns the caller, or null when the request was answered (415, 403, 401).
 * CORS preflights (OPTIONS) pass unauthenticated: browsers never send credentials on them.
 */
export function gate(req: RequestWithCaller, res: ServerResponse, authenticator: Authenticator, graphiql: boolean): Caller | null {
  if (!acceptsBody(req, res)) return null;
  if (req.method === 'OPTIONS' || (graphiql && isGraphiQLPage(req))) {
    req.caller = NOBODY;
    return NOBODY;
  }
  const result = authenticator.authenticate(req.headers.authorization);
  if (!result.ok) {
    refuse(res, 401, `Not authenticated: ${result.reason}.`, 'UNAUTHENTICATED', { 'www-authenticate': 'Bearer realm="adgraph"' });
    return null;
  }
  req.caller = result.caller;
  return result.caller;
}

/**
 * CORS: only listed origins get a grant, each answered with its own exact origin and never with
 * credentials (callers authenticate with a header, not cookies). No list, no CORS headers at all.
 */
export function corsFor(origins: readonly string[]): false | ((request: Request) => CORSOptions) {
  if (origins.length === 0) return false;
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin')?.toLowerCase();
    if (!origin || !allowed.has(origin)) return false;
    return {
      origin,
      credentials: false,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'accept', ...CSRF_HEADERS],
      maxAge: 600,
    };
  };
}
