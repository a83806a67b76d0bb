/**
 * TON.ai advertiser API simulator: an in-memory, deterministic stand-in for app.ton.ai's
 * /api/v2/openapi/ad/campaign/* endpoints, written from the provider's page (and the newer docs'
 * enumerations) independently of the client in src/providers.
 */
import type { FaultRule } from '../controls.js';
import { SimServer } from '../http.js';
import { TONAI_ERRORS, errorBody } from './errors.js';
import { registerRoutes } from './routes.js';
import { TONAI_SANDBOX_KEYS, seedCampaigns } from './seed.js';
import { TonaiState } from './state.js';

export interface TonaiSimulatorOptions {
  /** PRNG seed for the seeded campaigns; default 1. */
  seed?: number;
  /** Clock used for seeding and for time rules (endTime in the future, start → readyToStart). */
  now?: () => number;
}

export class TonaiSimulator {
  readonly server: SimServer;
  readonly state: TonaiState;
  private readonly seed: number;
  private readonly now: () => number;

  constructor(options: TonaiSimulatorOptions = {}) {
    this.seed = options.seed ?? 1;
    this.now = options.now ?? Date.now;
    const seeded = seedCampaigns(this.seed, this.now());
    this.state = new TonaiState(TONAI_SANDBOX_KEYS, seeded.campaigns, seeded.lastId);
    this.server = new SimServer('tonai');
    registerRoutes(this.server, this.state, this.now);
    // Restores the seeded campaigns (counts and faults have their own /__sandbox/reset).
    this.server.controlRoute('POST', '/__sandbox/tonai/reset', () => {
      this.reset();
      return { status: 200, body: { ok: true } };
    });
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

  /** Drops created campaigns and status changes: back to the seeded data, placed around now(). */
  reset(): void {
    const seeded = seedCampaigns(this.seed, this.now());
    this.state.replace(seeded.campaigns, seeded.lastId);
  }
}

/**
 * A fault rule whose body is a TON.ai error envelope (SimServer's default fault body is
 * `{detail}`), e.g. `sim.server.controls.addFault(tonaiFault(TONAI_ENDPOINTS.list, { times: 1 }))`.
 */
export function tonaiFault(endpoint: string, options: { status?: number; times?: number; message?: string } = {}): FaultRule {
  const status = options.status ?? TONAI_ERRORS.internal.httpStatus;
  const rule: FaultRule = {
    endpoint,
    status,
    body: errorBody({ httpStatus: status, code: status }, options.message ?? 'internal error (injected)'),
  };
  if (options.times !== undefined) rule.times = options.times;
  return rule;
}

export { TONAI_SANDBOX_KEYS } from './seed.js';
export {
  TONAI_ENDPOINTS,
  TONAI_PATHS,
  CAMPAIGN_STATUSES,
  BILLING_TYPES,
  REGIONS,
  PLATFORMS,
  ACTION_TYPES,
  LIMITS as TONAI_LIMITS,
  type CampaignStatus as TonaiCampaignStatus,
} from './catalog.js';
export { TONAI_ERRORS, INVALID_API_KEY_MESSAGE, type TonaiEnvelope } from './errors.js';
export type { TonaiWireDetail, TonaiWireList, TonaiWireListItem } from './routes.js';
export { statsAsStrings } from './routes.js';
export type { TonaiAccount, TonaiCampaign, TonaiState, TonaiStats, TonaiTargeting, TonaiBudget, TonaiBidding, TonaiAd } from './state.js';
