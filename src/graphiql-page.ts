/**
 * Delivery of the GraphiQL page (about 9 MB with its inlined scripts): compressed once per page
 * version (brotli or gzip, as the browser accepts), with a strong ETag so a reload transfers
 * nothing (304). Yoga's GraphiQL response is neither compressed nor cacheable, hence this in front.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { graphiqlOptions, renderAdgraphGraphiQL } from './graphiql.js';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

type Encoding = 'br' | 'gzip' | 'identity';

interface Version {
  html: string;
  hash: string;
  bodies: Map<Encoding, Promise<Buffer>>;
}

/** Whether Yoga would answer this request with GraphiQL (a browser's GET of the endpoint). */
export function wantsGraphiQL(req: IncomingMessage, path: string): boolean {
  return req.method === 'GET' && path === '/graphql' && (req.headers.accept ?? '').includes('text/html');
}

/** The best encoding the client accepts (q=0 refuses one). */
export function negotiateEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

export function createGraphiQLPage(now: () => Date = () => new Date()) {
  let current: Version | undefined;

  function body(version: Version, encoding: Encoding): Promise<Buffer> {
    let promise = version.bodies.get(encoding);
    if (!promise) {
      const raw = Buffer.from(version.html, 'utf8');
      promise =
        encoding === 'br'
          ? // Quality 5: within a few percent of the best size, at a fraction of quality 11's seconds.
            brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : encoding === 'gzip'
            ? gz(raw, { level: 6 })
            : Promise.resolve(raw);
      version.bodies.set(encoding, promise);
      promise.catch(() => version.bodies.delete(encoding));
    }
    return promise;
  }

  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The example dates move once a day, so the page (and its ETag) changes once a day.
    const html = await renderAdgraphGraphiQL(graphiqlOptions(now()));
    if (current?.html !== html) current = { html, hash: createHash('sha256').update(html).digest('base64url').slice(0, 27), bodies: new Map() };
    const version = current;
    const encoding = negotiateEncoding(req.headers['accept-encoding'] as string | undefined);
    const etag = `"${version.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    const headers: Record<string, string> = {
      'content-type': 'text/html; charset=utf-8',
      etag,
      vary: 'Accept-Encoding',
      // Revalidate on every load: a 304 costs a round trip and no bytes, and a new page shows at once.
      'cache-control': 'no-cache',
    };
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const bytes = await body(version, encoding);
    res.writeHead(200, { ...headers, ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }), 'content-length': String(bytes.length) });
    res.end(bytes);
  };
}
