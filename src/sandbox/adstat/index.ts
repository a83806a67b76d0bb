/**
 * AdStat simulator: an in-memory, seeded imitation of AdStat's client API, written from the
 * provider's published page and the supplement (never from our client), served on loopback.
 * One simulator stands for both documented hosts, client.adstat.pro and clientapi.adstat.pro.
 */
import { SimServer } from '../http.js';
import { TokenStore, authGuard } from './auth.js';
import type { AdstatContext } from './context.js';
import { RateLimiter, rateLimitGuard } from './rate-limit.js';
import { AdstatRouter } from './router.js';
import { registerAccountRoutes } from './routes-accounts.js';
import { registerAdBulkRoutes } from './routes-ad-bulk.js';
import { registerAdRoutes } from './routes-ads.js';
import { registerAudienceRoutes } from './routes-audiences.js';
import { registerAuthRoutes } from './routes-auth.js';
import { registerCampaignRoutes } from './routes-campaigns.js';
import { registerCatalogRoutes } from './routes-catalog.js';
import { registerMediaRoutes } from './routes-media.js';
import { registerStatsRoutes } from './routes-stats.js';
import { seedState } from './seed.js';
import { AdstatState } from './state.js';
import type { AdStatus, DeclineReason } from './types.js';
import { isObject } from './validation.js';

export { ADSTAT_SANDBOX_USERS } from './seed.js';
export { AdstatState } from './state.js';
export type * from './types.js';

export interface AdstatSimulatorOptions {
  /** Seed of the generated data (default 1). */
  seed?: number;
  /** Access token lifetime (default 1 h, as documented). */
  accessTokenTtlMs?: number;
  /** Refresh token lifetime (default 30 days, as documented). */
  refreshTokenTtlMs?: number;
  /** Per (user, path) limit (default 10 per 60 s, as documented); `false` turns it off. */
  rateLimit?: { max: number; windowMs: number } | false;
  /** The simulator's clock (default Date.now): token expiry, rate limit, seed dates, timestamps. */
  now?: () => number;
  /** Multiplies every cabinet's seeded ad count (default 1): long lists for benchmarks. */
  adsScale?: number;
}

export class AdstatSimulator {
  readonly server = new SimServer('AdStat');
  readonly state: AdstatState;
  private readonly tokens: TokenStore;
  private readonly limiter: RateLimiter | undefined;
  private readonly now: () => number;

  constructor(options: AdstatSimulatorOptions = {}) {
    const seed = options.seed ?? 1;
    this.now = options.now ?? Date.now;
    this.state = new AdstatState(seed);
    seedState(this.state, seed, this.now(), options.adsScale ?? 1);
    this.tokens = new TokenStore(this.now, options.accessTokenTtlMs ?? 3_600_000, options.refreshTokenTtlMs ?? 30 * 86_400_000);
    const rate = options.rateLimit ?? { max: 10, windowMs: 60_000 };
    this.limiter = rate === false ? undefined : new RateLimiter(rate.max, rate.windowMs, this.now);

    const router = new AdstatRouter(this.server);
    // Guards run in order: who is calling first, then the limit, which counts only known callers.
    this.server.guard(authGuard(router, this.tokens, this.state));
    if (this.limiter) this.server.guard(rateLimitGuard(router, this.limiter));

    const ctx: AdstatContext = { router, state: this.state, tokens: this.tokens, now: this.now };
    registerAuthRoutes(ctx);
    registerAccountRoutes(ctx);
    registerCampaignRoutes(ctx);
    registerAdBulkRoutes(ctx); // before the `:ad_id` routes, though methods and depths already keep them apart
    registerAdRoutes(ctx);
    registerCatalogRoutes(ctx);
    registerAudienceRoutes(ctx);
    registerMediaRoutes(ctx);
    registerStatsRoutes(ctx);
    this.registerControls();
  }

  listen(port = 0, host = '127.0.0.1'): Promise<string> {
    return this.server.listen(port, host);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  get url(): string {
    return this.server.url;
  }

  /** Every access token issued so far is expired (even if its `exp` claim lies ahead). */
  expireAccessTokens(): void {
    this.tokens.expireAccess();
  }

  /** Every refresh token issued so far is expired. */
  expireRefreshTokens(): void {
    this.tokens.expireRefresh();
  }

  /** Forget all rate-limit history and blocks. */
  resetRateLimits(): void {
    this.limiter?.reset();
  }

  /**
   * Finish moderation of an ad that is in review: approve (it takes its `after_moderation_status`)
   * or decline with reasons. Returns false when the ad does not exist or is not in review.
   */
  moderate(adId: number, decision: 'approve' | 'decline', reasons?: DeclineReason[]): boolean {
    const ad = this.state.ads.get(adId);
    if (!ad || ad.status !== 'in_review') return false;
    let status: AdStatus;
    if (decision === 'decline') status = 'declined';
    else status = ad.afterModerationStatus === 'active' ? 'active' : ad.afterModerationStatus === 'stopped' ? 'stopped' : 'on_hold';
    ad.status = status;
    ad.statusUpdatedAt = this.now();
    ad.declineReasons = decision === 'decline'
      ? (reasons ?? [{ code: 'moderation_declined', text: 'The ad does not meet the Telegram Ad Platform rules.' }])
      : [];
    return true;
  }

  private registerControls(): void {
    // {"access"?: boolean, "refresh"?: boolean}; with neither set, both kinds expire.
    this.server.controlRoute('POST', '/__sandbox/expire-tokens', (body) => {
      const b = isObject(body) ? body : {};
      const neither = b.access === undefined && b.refresh === undefined;
      const access = neither || b.access === true;
      const refresh = neither || b.refresh === true;
      if (access) this.expireAccessTokens();
      if (refresh) this.expireRefreshTokens();
      return { status: 200, body: { ok: true, access, refresh } };
    });
    this.server.controlRoute('POST', '/__sandbox/reset-rate-limits', () => {
      this.resetRateLimits();
      return { status: 200, body: { ok: true } };
    });
    // {"ad_id": n, "decision": "approve" | "decline"}
    this.server.controlRoute('POST', '/__sandbox/moderate', (body) => {
      const b = isObject(body) ? body : {};
      if (typeof b.ad_id !== 'number' || (b.decision !== 'approve' && b.decision !== 'decline')) {
        return { status: 400, body: { detail: 'ad_id (number) and decision ("approve" | "decline") are required' } };
      }
      const ok = this.moderate(b.ad_id, b.decision);
      return ok ? { status: 200, body: { ok: true } } : { status: 404, body: { detail: 'No advertisement in review with that id' } };
    });
  }
}
