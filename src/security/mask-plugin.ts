/** The response side of secret masking: the last step before Yoga serializes a result. */
import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { containsSecret, maskDeep, maskSecrets } from './mask.js';
import { resultText } from './result-text.js';

function maskError(error: unknown): unknown {
  if (error instanceof GraphQLError) {
    return new GraphQLError(maskSecrets(error.message), {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: maskDeep({ ...error.extensions }),
    });
  }
  return maskDeep(error);
}

/** A result, or one part of an incremental one (`incremental[]` of a @defer/@stream payload). */
interface Maskable {
  data?: unknown;
  items?: unknown;
  errors?: ReadonlyArray<unknown>;
  extensions?: unknown;
  incremental?: ReadonlyArray<Maskable>;
}

function maskParts<T extends Maskable>(result: T): T {
  return {
    ...result,
    ...(result.data !== undefined ? { data: maskDeep(result.data) } : {}),
    ...(result.items !== undefined ? { items: maskDeep(result.items) } : {}),
    ...(result.errors ? { errors: result.errors.map(maskError) } : {}),
    ...(result.extensions ? { extensions: maskDeep(result.extensions) } : {}),
    ...(result.incremental ? { incremental: result.incremental.map(maskParts) } : {}),
  };
}

/** A copy of a result with every string in it masked (errors rebuilt with masked texts). */
function maskedCopy(result: ExecutionResult): ExecutionResult {
  return maskParts(result as Maskable) as ExecutionResult;
}

/**
 * One payload of an incremental (@defer/@stream) answer, masked as it goes out. Scanned with a
 * serialization of its own: Yoga's multipart and event-stream writers do not use `stringify`.
 */
function maskPayload(payload: ExecutionResult): ExecutionResult {
  return containsSecret(JSON.stringify(payload)) ? maskedCopy(payload) : payload;
}

type Serializable = ExecutionResult & { stringify?: (result: ExecutionResult) => string };

/**
 * Masking at serialization: Yoga serializes a result with its `stringify` when it has one, so the
 * text is scanned once as it is made and a response without secrets goes out as it is. (Scanning a
 * serialization of its own before Yoga made another cost a tenth of a 500-row page's CPU.) A result
 * with a secret is masked as a copy and serialized again. A `stringify` set before (compiled
 * execution) makes the text.
 */
function maskResult(result: Serializable): Serializable {
  const base = result.stringify;
  return {
    ...result,
    stringify: (sanitized: ExecutionResult) => {
      if (base) {
        const text = base(sanitized);
        return containsSecret(text) ? JSON.stringify(maskedCopy(sanitized)) : text;
      }
      // The data's text may be made already: the response cache keeps the same bytes (result-text.ts).
      return resultText(sanitized as Record<string, unknown>) ?? JSON.stringify(maskedCopy(sanitized));
    },
  };
}

export function useSecretMasking(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(maskResult));
      else if (isAsyncIterable<ExecutionResult>(result)) setResult(mapAsyncIterator(result, maskPayload));
      else setResult(maskResult(result as ExecutionResult));
    },
  };
}
