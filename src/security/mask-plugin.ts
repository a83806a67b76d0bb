/** The response side of secret masking: the last step before Yoga serializes a result. */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { containsSecret, maskDeep, maskSecrets } from './mask.js';

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

function maskResult(result: ExecutionResult): ExecutionResult {
  // One scan of the serialized result: a response without secrets is passed on untouched.
  if (!containsSecret(JSON.stringify(result))) return result;
  return {
    ...result,
    ...(result.data !== undefined ? { data: maskDeep(result.data) } : {}),
    ...(result.errors ? { errors: result.errors.map(maskError) as GraphQLError[] } : {}),
    ...(result.extensions ? { extensions: maskDeep(result.extensions) } : {}),
  };
}

export function useSecretMasking(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(maskResult));
      else if (!(Symbol.asyncIterator in (result as object))) setResult(maskResult(result as ExecutionResult));
    },
  };
}
