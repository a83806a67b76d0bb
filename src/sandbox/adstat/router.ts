/**
 * Route registration on the shared SimServer, split into public routes (login, refresh) and routes
 * behind the bearer token. The auth guard looks up whether an endpoint is protected here and leaves
 * the caller on the request for the handler, so handlers receive the user directly.
 */
import type { SimRequest, SimResponse, SimServer } from '../http.js';
import type { AdstatUser } from './types.js';

export type PublicHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;
export type AuthedHandler = (req: SimRequest, user: AdstatUser) => SimResponse | Promise<SimResponse>;

/** Same normalization as SimServer's, so our endpoint keys equal the ones it counts. */
function normalize(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}

export class AdstatRouter {
  private readonly protectedEndpoints = new Set<string>();
  private readonly callers = new WeakMap<SimRequest, AdstatUser>();

  constructor(private readonly server: SimServer) {}

  public(method: string, template: string, handler: PublicHandler): void {
    this.server.route(method, template, handler);
  }

  authed(method: string, template: string, handler: AuthedHandler): void {
    this.protectedEndpoints.add(`${method} ${normalize(template)}`);
    this.server.route(method, template, (req) => {
      const user = this.callers.get(req);
      // The guard always runs first; this only protects against a guard order mistake.
      if (!user) return { status: 401, body: { detail: 'Not authenticated' } };
      return handler(req, user);
    });
  }

  /** Unknown paths are not protected: they answer 404 like FastAPI, before any auth. */
  isProtected(req: SimRequest): boolean {
    return this.protectedEndpoints.has(req.endpoint);
  }

  setCaller(req: SimRequest, user: AdstatUser): void {
    this.callers.set(req, user);
  }

  callerOf(req: SimRequest): AdstatUser | undefined {
    return this.callers.get(req);
  }
}
