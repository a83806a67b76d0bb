/** Per-request context: the provider registry, the environment, and errors to report beside data. */
import type { GraphQLError } from 'graphql';
import type { Providers } from './providers/index.js';

export interface EnvironmentInfo {
  mode: 'sandbox' | 'production';
  startedAt: Date;
}

export interface Context {
  providers: Providers;
  environment: EnvironmentInfo;
  /**
   * Failures of one provider, account or item that do not fail the query: resolvers record them
   * here and the server appends them to the response's `errors` with their path.
   */
  partialErrors: GraphQLError[];
  /**
   * Per-request deduplication of one upstream read (a whole list, a reference tree): the first
   * caller starts it, everyone else in the request shares the promise.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export function createContext(providers: Providers, environment: EnvironmentInfo): Context {
  const pending = new Map<string, Promise<unknown>>();
  return {
    providers,
    environment,
    partialErrors: [],
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let promise = pending.get(key) as Promise<T> | undefined;
      if (!promise) {
        promise = load();
        pending.set(key, promise);
      }
      return promise;
    },
  };
}
