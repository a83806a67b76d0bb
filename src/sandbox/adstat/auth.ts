/**
 * Tokens. Access tokens are real HS256 JWTs (`sub` = user id, `exp` in epoch seconds) so a client
 * can read the expiry; the simulator also keeps every issued token with its expiry in milliseconds,
 * which is what it checks, so `expire*()` can expire tokens whose `exp` still lies ahead (the case
 * a client must survive: it trusted `exp` and still got 401). Refresh tokens are opaque.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { SimGuard, SimResponse } from '../http.js';
import type { AdstatRouter } from './router.js';
import type { AdstatState } from './state.js';

interface Issued {
  userId: string;
  expiresAt: number;
}

export type TokenCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' };

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

export class TokenStore {
  // Tokens are random, not seeded: a seed makes data reproducible, it should not make credentials guessable.
  private readonly secret = randomBytes(32);
  private readonly access = new Map<string, Issued>();
  private readonly refresh = new Map<string, Issued>();
  private sequence = 0;

  constructor(
    private readonly now: () => number,
    private readonly accessTtlMs: number,
    private readonly refreshTtlMs: number,
  ) {}

  issueAccess(userId: string): string {
    const issuedAt = this.now();
    const expiresAt = issuedAt + this.accessTtlMs;
    const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64(
      JSON.stringify({
        sub: userId,
        exp: Math.floor(expiresAt / 1000),
        iat: Math.floor(issuedAt / 1000),
        jti: `${++this.sequence}.${randomBytes(6).toString('hex')}`,
        type: 'access',
      }),
    );
    const signature = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest('base64url');
    const token = `${header}.${payload}.${signature}`;
    this.access.set(token, { userId, expiresAt });
    return token;
  }

  issueRefresh(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.refresh.set(token, { userId, expiresAt: this.now() + this.refreshTtlMs });
    return token;
  }

  checkAccess(token: string): TokenCheck {
    return this.check(this.access, token);
  }

  checkRefresh(token: string): TokenCheck {
    return this.check(this.refresh, token);
  }

  /** Every access token issued so far is expired from now on. */
  expireAccess(): number {
    return this.expire(this.access);
  }

  expireRefresh(): number {
    return this.expire(this.refresh);
  }

  private check(store: Map<string, Issued>, token: string): TokenCheck {
    const issued = store.get(token);
    if (!issued) return { ok: false, reason: 'invalid' };
    if (this.now() >= issued.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, userId: issued.userId };
  }

  private expire(store: Map<string, Issued>): number {
    const at = this.now();
    for (const issued of store.values()) issued.expiresAt = Math.min(issued.expiresAt, at);
    return store.size;
  }
}

const unauthorized = (message: string): SimResponse => ({
  status: 401,
  body: { detail: message },
  headers: { 'www-authenticate': 'Bearer' },
});

/** Checks the bearer token on protected endpoints and leaves the caller on the request. */
export function authGuard(router: AdstatRouter, tokens: TokenStore, state: AdstatState): SimGuard {
  return (req) => {
    if (!router.isProtected(req)) return undefined;
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return unauthorized('Not authenticated');
    const check = tokens.checkAccess(match[1]!);
    if (!check.ok) return unauthorized(check.reason === 'expired' ? 'Token expired' : 'Not authenticated');
    const user = state.users.get(check.userId);
    if (!user) return unauthorized('Not authenticated');
    router.setCaller(req, user);
    return undefined;
  };
}
