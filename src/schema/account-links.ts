/** What hangs off an Account: its advertisements, campaigns, pixel events and audiences. */
import type { Account } from '../domain/model.js';
import { AccountRef, adstatCabinets } from './account.js';
import { AdvertisementRef, advertisementListArgs, resolveAdvertisements, adFromRow, ALL_ADS, allAdRows } from './advertisement.js';
import { AudienceRef } from './audience.js';
import { builder } from './builder.js';
import { ADSTAT_DETAILS, cabinetsOnce, upstreamCost, wholeAdstatList, wholeTonaiList, windowSize } from './costs.js';
import { AdstatCampaignRef, CampaignRef, adstatCampaignSource, campaignListArgs, loadAdstatCampaign, tonaiCampaignSource } from './campaign.js';
import { mergedConnection } from './pagination.js';
import { PixelEventRef } from './pixel-event.js';
import type { Context } from '../context.js';

function adstatClientOf(account: Account, ctx: Context) {
  return account.provider === 'ADSTAT' ? ctx.providers.adstat.get(account.connectionId) : undefined;
}

builder.objectFields(AccountRef, (t) => ({
  advertisements: t.connection({
    type: AdvertisementRef,
    // The login's whole list, once per request, filtered to the cabinet.
    extensions: upstreamCost((args, scope) => ({ shared: wholeAdstatList(scope, `ads:${JSON.stringify([args.period, args.showDeleted, args.titles, args.campaignNames])}`), items: windowSize(args) })),
    description:
      'AdStat: the cabinet’s advertisements. AdStat lists ads per login, not per cabinet, so adgraph reads the login’s list once (through the cache) and keeps this cabinet’s rows. Empty for TON.ai accounts (their ads are campaigns).',
    args: advertisementListArgs(t.arg),
    resolve: (account, args, ctx, info) => {
      const client = adstatClientOf(account, ctx);
      return resolveAdvertisements(args, ctx, client ? [client] : [], (row) => row.accountName === account.name, info);
    },
  }),
  campaigns: t.connection({
    type: CampaignRef,
    extensions: upstreamCost((args, scope) => ({ shared: { ...wholeAdstatList(scope, `campaigns:${JSON.stringify([args.period, args.name, args.active])}`), ...wholeTonaiList(scope) }, items: windowSize(args) })),
    description: 'The account’s campaigns: the cabinet’s AdStat campaigns, or every campaign of the TON.ai key.',
    args: campaignListArgs(t.arg),
    resolve: (account, args, ctx) => {
      if (account.provider === 'ADSTAT') {
        const client = adstatClientOf(account, ctx);
        const sources = client ? [adstatCampaignSource(ctx, client, args, (c) => c.accountId === account.providerId)] : [];
        return mergedConnection(args, sources);
      }
      const client = ctx.providers.tonai.get(account.connectionId);
      const period = args.period ?? 'ALL';
      return mergedConnection(args, client && period === 'ALL' ? [tonaiCampaignSource(ctx, client, args)] : []);
    },
  }),
  pixelEvents: t.field({
    type: [PixelEventRef],
    extensions: upstreamCost({ adstat: 1 }),
    description: 'AdStat: the cabinet’s own Pixel Tag events (an advertisement may use one of these only). Empty for TON.ai.',
    resolve: async (account, _a, ctx) => {
      const client = adstatClientOf(account, ctx);
      return client ? client.pixelEvents(account.providerId) : [];
    },
  }),
  audiences: t.field({
    type: [AudienceRef],
    extensions: upstreamCost({ adstat: 1 }),
    description: 'AdStat: the cabinet’s phone-number audiences. Only Uzbekistan cabinets have them; empty (and no call) for others and for TON.ai.',
    resolve: async (account, _a, ctx) => {
      const client = adstatClientOf(account, ctx);
      return client && account.audiencesAllowed ? client.audiences(account.providerId) : [];
    },
  }),
}));

builder.objectFields(AdvertisementRef, (t) => ({
  account: t.field({
    type: AccountRef,
    nullable: true,
    extensions: upstreamCost((_args, scope) => ({ shared: { ...cabinetsOnce(scope), ...wholeAdstatList(scope, 'ads:ALL') } })),
    description: 'The cabinet it belongs to.',
    resolve: async (ad, _a, ctx) => {
      const client = ctx.providers.adstat.get(ad.connectionId);
      if (!client) return null;
      const cabinets = await adstatCabinets(ctx, client);
      const name = ad.row?.accountName ?? ad.details?.accountName ?? ctx.seen.advertisements.get(`${ad.connectionId}:${ad.id}`)?.accountName;
      if (ad.details) return cabinets.find((c) => c.providerId === ad.details!.accountId) ?? null;
      if (name !== undefined) return cabinets.find((c) => c.name === name) ?? null;
      const row = (await allAdRows(ctx, client, ALL_ADS)).find((r) => r.id === ad.id);
      return row ? (cabinets.find((c) => c.name === adFromRow(ctx, row).row!.accountName) ?? null) : null;
    },
  }),
}));

builder.objectFields(AdvertisementRef, (t) => ({
  campaign: t.field({
    type: AdstatCampaignRef,
    nullable: true,
    extensions: upstreamCost((_args, scope) => ({ ...ADSTAT_DETAILS, shared: wholeAdstatList(scope, 'campaigns:ALL') })),
    description: 'Its campaign (from the login’s campaign list, read once and cached).',
    resolve: async (ad, _a, ctx) => {
      const campaignId = ad.row?.campaignId ?? ad.details?.campaignId ?? ctx.seen.advertisements.get(`${ad.connectionId}:${ad.id}`)?.campaignId;
      const id = campaignId ?? (await ctx.loaders.adstatDetails.load(`${ad.connectionId}:${ad.id}`)).campaignId;
      return loadAdstatCampaign(`${ad.connectionId}:${id}`, ctx);
    },
  }),
}));
