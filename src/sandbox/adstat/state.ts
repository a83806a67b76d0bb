/**
 * The simulator's whole in-memory state, with the ownership lookups every route needs (a user sees
 * only their own cabinets, campaigns, ads, audiences, media and pixel events).
 */
import { createHash } from 'node:crypto';
import { KktuCatalogue } from './kktu.js';
import type {
  Advertisement,
  AdstatUser,
  Audience,
  Bot,
  Cabinet,
  Campaign,
  MediaRecord,
  PixelEvent,
} from './types.js';

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export class AdstatState {
  constructor(readonly seed: number) {}

  readonly users = new Map<string, AdstatUser>();
  readonly cabinets = new Map<string, Cabinet>();
  readonly campaigns = new Map<number, Campaign>();
  readonly ads = new Map<number, Advertisement>();
  readonly audiences: Audience[] = [];
  readonly media = new Map<string, MediaRecord>();
  readonly pixelEvents: PixelEvent[] = [];
  readonly bots: Bot[] = [];
  readonly kktu = new KktuCatalogue();

  /** Each user's ads in id order (ids grow with creation time), so "newest first" is a reverse walk. */
  private readonly adsByUser = new Map<string, Advertisement[]>();

  nextAdId = 1;
  nextTelegramId = 1;
  nextCampaignId = 1;
  nextAudienceId = 1;
  mediaCounter = 0;

  userByName(username: string): AdstatUser | undefined {
    for (const user of this.users.values()) if (user.username === username) return user;
    return undefined;
  }

  cabinetsOf(userId: string): Cabinet[] {
    return [...this.cabinets.values()].filter((c) => c.userId === userId);
  }

  cabinetOf(userId: string, accountId: string): Cabinet | undefined {
    const cabinet = this.cabinets.get(accountId);
    return cabinet && cabinet.userId === userId ? cabinet : undefined;
  }

  campaignOf(userId: string, id: number): Campaign | undefined {
    const campaign = this.campaigns.get(id);
    return campaign && campaign.userId === userId && !campaign.deleted ? campaign : undefined;
  }

  campaignsOf(userId: string): Campaign[] {
    return [...this.campaigns.values()].filter((c) => c.userId === userId && !c.deleted);
  }

  adOf(userId: string, id: number): Advertisement | undefined {
    const ad = this.ads.get(id);
    return ad && ad.userId === userId ? ad : undefined;
  }

  /** The user's ads, oldest first (do not mutate the array). */
  adsOf(userId: string): readonly Advertisement[] {
    return this.adsByUser.get(userId) ?? [];
  }

  adsOfCampaign(campaignId: number): Advertisement[] {
    const campaign = this.campaigns.get(campaignId);
    if (!campaign) return [];
    return this.adsOf(campaign.userId).filter((a) => a.campaignId === campaignId);
  }

  adsOfCabinet(accountId: string): Advertisement[] {
    const cabinet = this.cabinets.get(accountId);
    if (!cabinet) return [];
    return this.adsOf(cabinet.userId).filter((a) => a.accountId === accountId);
  }

  /** Adds an ad; ids must be given in increasing order. */
  addAd(ad: Advertisement): void {
    this.ads.set(ad.id, ad);
    let list = this.adsByUser.get(ad.userId);
    if (!list) this.adsByUser.set(ad.userId, (list = []));
    list.push(ad);
  }

  /** What is left of an ad's budget; a deleted ad's rest has gone back to its cabinet. */
  adBalance(ad: Advertisement): number {
    return ad.status === 'deleted' ? 0 : Math.max(0, round2(ad.budget - ad.stats.spent));
  }

  audiencesOf(accountId: string): Audience[] {
    return this.audiences.filter((a) => a.accountId === accountId);
  }

  pixelEventsOf(accountId: string): PixelEvent[] {
    return this.pixelEvents.filter((e) => e.accountId === accountId);
  }

  /** Marks an ad deleted and returns the rest of its budget to the cabinet. */
  deleteAd(ad: Advertisement, at: number): void {
    if (ad.status === 'deleted') return;
    const cabinet = this.cabinets.get(ad.accountId);
    if (cabinet) cabinet.available = round2(cabinet.available + this.adBalance(ad));
    ad.status = 'deleted';
    ad.statusUpdatedAt = at;
  }

  /** A media token in the shape of the page's example (70 url-safe characters), reproducible from the seed. */
  newMediaToken(): string {
    const n = ++this.mediaCounter;
    const a = createHash('sha256').update(`media:${this.seed}:${n}`).digest('base64url');
    const b = createHash('sha256').update(`media:${n}:${this.seed}`).digest('base64url');
    return (a + b).slice(0, 70);
  }

  findBot(nameOrUrl: string): Bot | undefined {
    const username = normalizeBotName(nameOrUrl);
    return this.bots.find((b) => b.username.toLowerCase() === username);
  }
}

/** `https://t.me/Bot_1`, `t.me/bot_1`, `@bot_1` and `bot_1` all name the same bot. */
export function normalizeBotName(value: string): string {
  return value
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^(www\.)?(t|telegram)\.me\//i, '')
    .replace(/^@/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}
