/**
 * A small HTTP server for the simulators: routing by method and path template, request counting,
 * fault injection and the `/__sandbox/*` control endpoints. Simulator handlers stay plain functions
 * from a parsed request to a status and a JSON body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Controls, type FaultRule } from './controls.js';

export interface SimRequest {
  method: string;
  /** Path as sent, without the query string. */
  path: string;
  /** Path normalized for routing and rate limiting: no trailing slash, no duplicate slashes. */
  normalizedPath: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  params: Record<string, string>;
  /** Endpoint key used for counts and faults, e.g. `GET /api/advertisement/telegram/:ad_id`. */
  endpoint: string;
  raw: IncomingMessage;
  /** The body as text (bounded); only for handlers that do not stream the body themselves. */
  text(limitBytes?: number): Promise<string>;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  /** Raw text body, sent as-is instead of JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export type SimHandler = (req: SimRequest) => Promise<SimResponse> | SimResponse;
/** Runs after counting and faults, before the handler; a response here short-circuits the handler. */
export type SimGuard = (req: SimRequest) => Promise<SimResponse | undefined> | SimResponse | undefined;

interface Route {
  method: string;
  template: string;
  segments: string[];
  handler: SimHandler;
}

export class BodyTooLargeError extends Error {}

function normalize(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}

function readText(req: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError(`body larger than ${limitBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export class SimServer {
  readonly controls = new Controls();
  private readonly routes: Route[] = [];
  private readonly guards: SimGuard[] = [];
  private readonly controlRoutes = new Map<string, (body: unknown) => SimResponse | Promise<SimResponse>>();
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private baseUrl: string | undefined;

  constructor(private readonly name: string) {}

  route(method: string, template: string, handler: SimHandler): this {
    const normalized = normalize(template);
    this.routes.push({ method, template: normalized, segments: normalized.split('/'), handler });
    return this;
  }

  /** A simulator-specific control under `/__sandbox/`, e.g. `POST /__sandbox/expire-tokens`. */
  controlRoute(method: string, path: string, handler: (body: unknown) => SimResponse | Promise<SimResponse>): this {
    this.controlRoutes.set(`${method} ${normalize(path)}`, handler);
    return this;
  }

  guard(guard: SimGuard): this {
    this.guards.push(guard);
    return this;
  }

  get url(): string {
    if (!this.baseUrl) throw new Error(`${this.name} simulator is not listening`);
    return this.baseUrl;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      this.dispatch(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ detail: `simulator error: ${(error as Error).message}` }));
        } else {
          res.destroy();
        }
      });
    });
    server.keepAliveTimeout = 30_000;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('unexpected server address');
    this.baseUrl = `http://${host}:${address.port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const segments = path.split('/');
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        const want = route.segments[i]!;
        const got = segments[i]!;
        if (want.startsWith(':')) {
          if (got === '') { ok = false; break; }
          params[want.slice(1)] = decodeURIComponent(got);
        } else if (want !== got) {
          ok = false;
          break;
        }
      }
      if (ok) return { route, params };
    }
    return undefined;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const normalizedPath = normalize(url.pathname);

    if (normalizedPath.startsWith('/__sandbox')) {
      send(res, await this.control(method, normalizedPath, req));
      return;
    }

    const found = this.match(method, normalizedPath);
    const endpoint = found ? `${method} ${found.route.template}` : `${method} ${normalizedPath}`;
    this.controls.record({ endpoint, method, path: url.pathname, query: url.search, at: Date.now() });

    const fault = this.controls.takeFault(endpoint, normalizedPath);
    if (fault) {
      if (fault.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
      if (fault.heldUntil) await fault.heldUntil.catch(() => undefined);
      if (fault.drop) {
        req.socket.destroy();
        return;
      }
      if (fault.timeout) {
        // Hold the request open; the socket is destroyed when the client gives up or on close().
        req.resume();
        return;
      }
      if (fault.rawBody !== undefined) {
        req.resume();
        send(res, { status: fault.status ?? 200, rawBody: fault.rawBody });
        return;
      }
      if (fault.status !== undefined) {
        req.resume();
        send(res, { status: fault.status, body: fault.body ?? { detail: `injected ${fault.status}` } });
        return;
      }
    }

    const simReq: SimRequest = {
      method,
      path: url.pathname,
      normalizedPath,
      query: url.searchParams,
      headers: req.headers,
      params: found?.params ?? {},
      endpoint,
      raw: req,
      text: (limitBytes = 1024 * 1024) => readText(req, limitBytes),
    };

    for (const guard of this.guards) {
      const answer = await guard(simReq);
      if (answer) {
        req.resume();
        send(res, answer);
        return;
      }
    }
    if (!found) {
      req.resume();
      send(res, { status: 404, body: { detail: 'Not Found' } });
      return;
    }
    let answer: SimResponse;
    try {
      answer = await found.route.handler(simReq);
    } catch (error) {
      if (error instanceof BodyTooLargeError) answer = { status: 413, body: { detail: error.message } };
      else throw error;
    }
    if (!req.readableEnded) req.resume();
    if (fault?.dropAnswer) {
      res.socket?.destroy();
      return;
    }
    if (fault?.answerDelayMs) await new Promise((r) => setTimeout(r, fault.answerDelayMs));
    if (fault?.trickleBytesPerSecond) {
      trickle(res, answer, fault.trickleBytesPerSecond);
      return;
    }
    send(res, answer);
  }

  private async control(method: string, path: string, req: IncomingMessage): Promise<SimResponse> {
    if (method === 'GET' && path === '/__sandbox/counts') {
      return { status: 200, body: { total: this.controls.count(), endpoints: this.controls.snapshot() } };
    }
    if (method === 'POST' && path === '/__sandbox/reset') {
      this.controls.resetCounts();
      this.controls.clearFaults();
      return { status: 200, body: { ok: true } };
    }
    if (method === 'POST' && path === '/__sandbox/faults') {
      const rule = JSON.parse(await readText(req, 64 * 1024)) as FaultRule;
      if (typeof rule.endpoint !== 'string') return { status: 400, body: { detail: 'endpoint is required' } };
      // A hold needs a promise in this process; JSON cannot carry one.
      if ('heldUntil' in rule) return { status: 400, body: { detail: 'heldUntil is only for tests in the same process' } };
      this.controls.addFault(rule);
      return { status: 200, body: { ok: true } };
    }
    if (method === 'DELETE' && path === '/__sandbox/faults') {
      this.controls.clearFaults();
      return { status: 200, body: { ok: true } };
    }
    const extra = this.controlRoutes.get(`${method} ${path}`);
    if (extra) {
      const text = method === 'GET' ? '' : await readText(req, 64 * 1024);
      return extra(text ? JSON.parse(text) : undefined);
    }
    return { status: 404, body: { detail: 'unknown sandbox control' } };
  }
}

function payloadOf(answer: SimResponse): { headers: Record<string, string>; payload: string } {
  const headers: Record<string, string> = { ...answer.headers };
  let payload = '';
  if (answer.rawBody !== undefined) {
    payload = answer.rawBody;
    headers['content-type'] ??= 'application/json';
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  return { headers, payload };
}

/** Headers at once, then the body a few bytes at a time (a slow or stuck upstream), until done or the client leaves. */
function trickle(res: ServerResponse, answer: SimResponse, bytesPerSecond: number): void {
  if (res.headersSent || res.destroyed) return;
  const { headers, payload } = payloadOf(answer);
  const bytes = Buffer.from(payload);
  res.writeHead(answer.status, headers);
  res.flushHeaders();
  // At most 10 writes a second, so 1 byte/s really is one byte each second.
  const step = Math.max(1, Math.round(bytesPerSecond / 10));
  const everyMs = Math.max(1, Math.round((1000 * step) / bytesPerSecond));
  let at = 0;
  const timer = setInterval(() => {
    if (res.destroyed) {
      clearInterval(timer);
      return;
    }
    const chunk = bytes.subarray(at, at + step);
    at += chunk.length;
    if (at >= bytes.length) {
      clearInterval(timer);
      res.end(chunk);
    } else {
      res.write(chunk);
    }
  }, everyMs);
  res.once('close', () => clearInterval(timer));
}

function send(res: ServerResponse, answer: SimResponse): void {
  if (res.headersSent || res.destroyed) return;
  const { headers, payload } = payloadOf(answer);
  res.writeHead(answer.status, headers);
  res.end(payload);
}
