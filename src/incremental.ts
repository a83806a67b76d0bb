/**
 * @defer and @stream (incremental delivery): The Guild's defer-stream plugin adds the directives and
 * runs deferred parts after the first payload, sent as multipart/mixed (or text/event-stream).
 *
 * What adgraph adds around it:
 * - errors inside deferred parts (`incremental[].errors`) go through the same masking as top-level
 *   errors: envelop's error masking only looks at a payload's `errors`;
 * - the request-wide extensions (`freshness`, `cost`) travel on the final payload (`hasNext: false`),
 *   when every part, deferred or not, has been resolved and their upstream calls counted.
 */
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { BREAK, GraphQLError, visit, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/** One payload of an incremental response (the first, then subsequent ones), as graphql-tools' executor sends them. */
export interface IncrementalPayload extends ExecutionResult {
  hasNext?: boolean;
  incremental?: ReadonlyArray<{ errors?: ReadonlyArray<GraphQLError>; [key: string]: unknown }>;
}

type SetResult = (result: ExecutionResult) => void;

/**
 * Calls `fn` with the result that closes the request: the result itself, or for an incremental
 * response the payload with `hasNext: false`. For `onExecuteDone` hooks that add request-wide extensions.
 */
export function onFinalResult(
  payload: { result: ExecutionResult | AsyncIterable<ExecutionResult>; setResult: SetResult },
  fn: (result: ExecutionResult, setResult: SetResult) => void,
): { onNext: (next: { result: ExecutionResult; setResult: SetResult }) => void } | undefined {
  if (!isAsyncIterable(payload.result)) {
    fn(payload.result as ExecutionResult, payload.setResult);
    return undefined;
  }
  return {
    onNext: ({ result, setResult }) => {
      if ((result as IncrementalPayload).hasNext === false) fn(result, setResult);
    },
  };
}

/** Every error of a payload: its own and those of its incremental parts. */
export function errorsOf(result: ExecutionResult): GraphQLError[] {
  const payload = result as IncrementalPayload;
  return [...(payload.errors ?? []), ...(payload.incremental ?? []).flatMap((part) => part.errors ?? [])];
}

/** Per document: Yoga's parser cache hands the same document object for the same text, so each is walked once. */
const incrementalDocuments = new WeakMap<DocumentNode, boolean>();

export function usesIncrementalDelivery(document: DocumentNode): boolean {
  let found = incrementalDocuments.get(document);
  if (found === undefined) incrementalDocuments.set(document, (found = walkForIncrementalDelivery(document)));
  return found;
}

function walkForIncrementalDelivery(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'defer' && node.name.value !== 'stream') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/** Whether the client takes a response in parts: multipart/mixed, text/event-stream, or anything. */
function acceptsParts(accept: string | null | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((type) => /^\s*(multipart\/mixed|text\/event-stream|\*\/\*)\s*(;|$)/i.test(type));
}

/**
 * A deferred document from a client that accepts only JSON: Yoga would answer an empty 406. It gets
 * a typed error saying what to send instead, and nothing is executed (no upstream call).
 */
const refuseWithoutPartsAccepted: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const accept = (args.contextValue as { request?: Request }).request?.headers.get('accept');
    if (acceptsParts(accept) || !usesIncrementalDelivery(args.document)) return;
    setResultAndStopExecution({
      errors: [
        new GraphQLError('The document uses @defer or @stream, whose answer comes in parts: send `Accept: multipart/mixed` (or text/event-stream), or drop the directives.', {
          extensions: { code: 'BAD_USER_INPUT', argument: 'Accept', rule: 'INCREMENTAL_DELIVERY_ACCEPT' },
        }),
      ],
    });
  },
};

/**
 * `maskError` is Yoga's: the one top-level errors get. Placed before the plugins that read results
 * (it runs its `onExecuteDone` first), so they see the masked errors.
 */
export function useIncrementalDelivery(maskError: (error: unknown) => Error): Plugin[] {
  const masking: Plugin = {
    onExecute: () => ({
      onExecuteDone(payload) {
        if (!isAsyncIterable(payload.result)) return undefined;
        return {
          onNext: ({ result, setResult }) => {
            const parts = (result as IncrementalPayload).incremental;
            if (!parts?.some((part) => part.errors?.length)) return;
            setResult({
              ...result,
              incremental: parts.map((part) => (part.errors?.length ? { ...part, errors: part.errors.map((error) => maskError(error)) } : part)),
            } as IncrementalPayload);
          },
        };
      },
    }),
  };
  return [useDeferStream(), refuseWithoutPartsAccepted, masking];
}
