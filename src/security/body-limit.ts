/**
 * The limit on JSON request bodies (uploads have their own, per file, in server.ts).
 *
 * Yoga's own `maxRequestBodySize` does the same checks, but it also pipes every body, of a declared
 * length or not, through a counting TransformStream: a stream pipeline, an AbortController and a
 * DOMException (with its stack) per request: a quarter of a millisecond of CPU, over a quarter of a
 * small query's (`{ __typename }` 0.90 -> 0.65 ms, bench/query-cpu.ts). A body of a declared length needs no counting: Node's HTTP parser
 * hands Yoga exactly that many bytes, so checking the header is the whole check. Only a body without
 * one (chunked) is counted as it streams, as Yoga does. Hand-written for that difference alone.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** 4 MiB: a dashboard's document and variables are a few KiB; the response cache reads up to this too. */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;

const tooLarge = (limit: number) =>
  createGraphQLError(`Request body too large: the limit is ${limit} bytes`, {
    extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
  });

/** One non-negative integer; anything else (a list, a sign, a smuggling attempt) is refused. */
const CONTENT_LENGTH = /^\d+$/;

export function useJsonBodyLimit(limit = MAX_JSON_BODY_BYTES): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) {
          throw createGraphQLError('Content-Length header is invalid: one non-negative integer expected', {
            extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
          });
        }
        if (Number(declared) > limit) throw tooLarge(limit);
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => {
        const body = req.body;
        if (!body) return parse(req);
        let read = 0;
        // The TransformStream of the body's own kind: a native body with the ponyfill's stream (or the
        // other way round) does not pipe (graphql-yoga#4583).
        const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        const counted = body.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              read += chunk.byteLength;
              if (read > limit) controller.error(tooLarge(limit));
              else controller.enqueue(chunk);
            },
          }),
        );
        // `duplex` is required for a streamed body and missing from the Request types.
        return parse(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, signal: req.signal, body: counted, duplex: 'half' } as RequestInit));
      });
    },
  };
}
