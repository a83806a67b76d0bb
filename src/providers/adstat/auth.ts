/**
 * AdStat's token lifecycle for one login: log in lazily (form-encoded username and password), use
 * the access token until shortly before it expires, refresh it with the refresh token, and log in
 * again when the refresh token is refused. Concurrent callers share one login or refresh.
 * Tokens and the password never leave this module except in the Authorization header.
 */
import type { AdstatLogin } from '../../config.js';
import { log } from '../../log.js';
import { ProviderError } from '../errors.js';
import { parseWire, type HttpLayer } from '../http.js';
import { ENDPOINTS, LIMITS, errorBody, loginResponse, refreshResponse } from './wire.js';
import { registerToken } from '../../security/mask.js';

interface Token {
  value: string;
  expiresAt: number;
}

export interface SessionStats {
  logins: number;
  refreshes: number;
}

/** The `exp` claim (seconds) of a JWT, if the token is one; AdStat's access tokens are JWTs. */
function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Tokens shared by replicas (state/redis.ts): a login's tokens and a lock so one replica logs in. */
export interface SharedTokens {
  read(login: string): Promise<{ access: string; expiresAt: number; refresh?: string } | undefined>;
  write(login: string, token: { access: string; expiresAt: number; refresh?: string }): Promise<void>;
  forget(login: string, access: string): Promise<void>;
  lock(login: string, ttlMs: number): Promise<{ release(): Promise<void> } | 'busy' | undefined>;
}

/** How long a replica waits for another one's login before it logs in itself. */
const SHARED_LOGIN_WAIT_MS = 5_000;

export class AdstatSession {
  private access: Token | undefined;
  private refreshToken: string | undefined;
  private pending: Promise<string> | undefined;
  readonly stats: SessionStats = { logins: 0, refreshes: 0 };

  constructor(
    private readonly login: AdstatLogin,
    private readonly http: HttpLayer,
    private readonly baseUrl: string,
    private readonly now: () => number = Date.now,
    private readonly shared?: SharedTokens,
  ) {}

  /** A valid access token, logging in or refreshing first when needed. */
  async token(): Promise<string> {
    const access = this.access;
    if (access && this.valid(access.expiresAt)) return access.value;
    this.pending ??= (this.shared ? this.renewShared(this.shared) : this.renew()).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** The provider refused this access token (401): forget it so the next call renews. */
  invalidate(token: string): void {
    if (this.access?.value === token) this.access = undefined;
    this.shared?.forget(this.login.id, token).catch(() => undefined);
  }

  private valid(expiresAt: number): boolean {
    return expiresAt - LIMITS.refreshMarginMs > this.now();
  }

  /** Uses the replicas' token if valid; else one replica (holding the lock) renews while the others wait. */
  private async renewShared(shared: SharedTokens): Promise<string> {
    const giveUpAt = Date.now() + SHARED_LOGIN_WAIT_MS;
    const adopt = (stored: Awaited<ReturnType<SharedTokens['read']>>): string | undefined => {
      if (!stored || !this.valid(stored.expiresAt)) return undefined;
      registerToken(`adstat:${this.login.id}:access`, stored.access);
      if (stored.refresh) registerToken(`adstat:${this.login.id}:refresh`, stored.refresh);
      this.access = { value: stored.access, expiresAt: stored.expiresAt };
      this.refreshToken = stored.refresh ?? this.refreshToken;
      return stored.access;
    };
    for (;;) {
      const seen = adopt(await shared.read(this.login.id));
      if (seen) return seen;
      const lock = await shared.lock(this.login.id, SHARED_LOGIN_WAIT_MS);
      if (lock !== 'busy' || Date.now() >= giveUpAt) {
        try {
          // Read again under the lock: the previous holder may have finished just before we took it.
          const stored = await shared.read(this.login.id);
          const fresh = adopt(stored);
          if (fresh) return fresh;
          if (stored?.refresh) this.refreshToken = stored.refresh;
          const value = await this.renew();
          await shared.write(this.login.id, { access: value, expiresAt: this.access?.expiresAt ?? 0, ...(this.refreshToken ? { refresh: this.refreshToken } : {}) });
          return value;
        } finally {
          if (lock && lock !== 'busy') await lock.release();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private async renew(): Promise<string> {
    if (this.refreshToken) {
      const refreshed = await this.refresh(this.refreshToken);
      if (refreshed) return refreshed;
    }
    return this.logIn();
  }

  private accept(accessToken: string): string {
    registerToken(`adstat:${this.login.id}:access`, accessToken);
    this.access = { value: accessToken, expiresAt: jwtExpiry(accessToken) ?? this.now() + LIMITS.accessTokenTtlMs };
    return accessToken;
  }

  private async logIn(): Promise<string> {
    const endpoint = `${ENDPOINTS.login.method} ${ENDPOINTS.login.path}`;
    const context = { provider: 'AdStat' as const, endpoint, account: this.login.id };
    this.stats.logins += 1;
    const response = await this.http.send({
      ...context,
      presentsCredential: true,
      method: 'POST',
      url: this.baseUrl + ENDPOINTS.login.path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ username: this.login.username, password: this.login.password }).toString(),
    });
    if (response.status === 401 || response.status === 403) {
      throw new ProviderError('PROVIDER_AUTH', `AdStat refused the username and password of login "${this.login.id}"`, {
        ...context,
        status: response.status,
      });
    }
    if (response.status !== 200) throw statusError(response.status, response.json, context);
    const body = parseWire(loginResponse, response.json, context);
    // One line per login: a login churning (tokens lost, refresh refused) shows in the logs.
    log.info('AdStat login', { account: this.login.id });
    this.refreshToken = body.refresh_token;
    registerToken(`adstat:${this.login.id}:refresh`, body.refresh_token);
    return this.accept(body.access_token);
  }

  /** A new access token, or undefined when the refresh token was refused (log in again then). */
  private async refresh(refreshToken: string): Promise<string | undefined> {
    const endpoint = `${ENDPOINTS.refresh.method} ${ENDPOINTS.refresh.path}`;
    const context = { provider: 'AdStat' as const, endpoint, account: this.login.id };
    this.stats.refreshes += 1;
    const response = await this.http.send({
      ...context,
      method: 'GET',
      url: this.baseUrl + ENDPOINTS.refresh.path,
      headers: { refresh_token: refreshToken, accept: 'application/json' },
    });
    if (response.status === 401 || response.status === 403) {
      log.info('AdStat refused the refresh token; logging in again', { account: this.login.id });
      this.refreshToken = undefined;
      return undefined;
    }
    if (response.status !== 200) throw statusError(response.status, response.json, context);
    return this.accept(parseWire(refreshResponse, response.json, context).access_token);
  }
}

/** The provider's `detail` as one readable line. */
export function detailText(json: unknown): string | undefined {
  const parsed = errorBody.safeParse(json);
  if (!parsed.success) return undefined;
  const detail = parsed.data.detail;
  if (typeof detail === 'string') return detail;
  return detail.map((d) => `${(d.loc ?? []).filter((p) => p !== 'body' && p !== 'query').join('.') || 'request'}: ${d.msg}`).join('; ');
}

/** The typed error for a non-success status. */
export function statusError(
  status: number,
  json: unknown,
  context: { provider: 'AdStat'; endpoint: string; account: string },
): ProviderError {
  const detail = detailText(json);
  const suffix = detail ? `: ${detail}` : '';
  if (status === 429) {
    return new ProviderError('RATE_LIMITED', `AdStat rate limit exceeded on ${context.endpoint}`, {
      ...context,
      status,
      retryAfterSeconds: Math.ceil(LIMITS.rateLimitBlockMs / 1000),
    });
  }
  if (status >= 500) return new ProviderError('PROVIDER_UNAVAILABLE', `AdStat ${context.endpoint} failed with HTTP ${status}${suffix}`, { ...context, status });
  if (status === 401 || status === 403) return new ProviderError('PROVIDER_AUTH', `AdStat refused access to ${context.endpoint} (HTTP ${status})${suffix}`, { ...context, status });
  if (status === 404) return new ProviderError('NOT_FOUND', `AdStat ${context.endpoint}: not found${suffix}`, { ...context, status });
  if (status >= 400) return new ProviderError('PROVIDER_REJECTED', `AdStat ${context.endpoint} rejected the request (HTTP ${status})${suffix}`, { ...context, status });
  return new ProviderError('PROVIDER_CONTRACT', `AdStat ${context.endpoint} answered an undocumented HTTP ${status}`, { ...context, status });
}
