import type { TokenStore } from './auth.js';
import type { AdstatRouter } from './router.js';
import type { AdstatState } from './state.js';

/** What every route module gets. */
export interface AdstatContext {
  router: AdstatRouter;
  state: AdstatState;
  tokens: TokenStore;
  now: () => number;
}

/** A path parameter that must be an integer, with FastAPI's 422 when it is not. */
export function intParam(value: string | undefined, name: string): number | { loc: Array<string | number>; msg: string; type: string } {
  if (value !== undefined && /^[+-]?\d+$/.test(value)) return Number(value);
  return { loc: ['path', name], msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' };
}
