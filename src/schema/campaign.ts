/** Campaigns of both providers under one interface. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { TonaiCampaignSummary } from '../domain/model.js';
import { builder } from './builder.js';
import { mergedConnection } from './pagination.js';
import { ProviderEnum, StatisticsRef } from './scalars.js';

export const CampaignStatusEnum = builder.enumType('CampaignStatus', {
  description: 'Campaign status, normalized across providers (the provider value is in `rawStatus`).',
  values: {
    ACTIVE: { description: 'Running (AdStat active, TON.ai onGoing).' },
    INACTIVE: { description: 'Not running (AdStat not_active).' },
    PENDING: { description: 'Created, not started yet (TON.ai pending).' },
    SCHEDULED: { description: 'Started, waiting for its start time (TON.ai readyToStart).' },
    IN_REVIEW: { description: 'Under review by the platform (TON.ai auditing).' },
    PAUSED: { description: 'Paused by the advertiser.' },
    PAUSED_BY_PLATFORM: { description: 'Paused by the platform, e.g. for low balance (TON.ai systemPaused).' },
    ENDED: { description: 'Ended; cannot be restarted.' },
    REJECTED: { description: 'Rejected by review (TON.ai reject).' },
    FAILED: { description: 'Failed at the platform (TON.ai fail).' },
    UNKNOWN: { description: 'A status adgraph does not know yet; `rawStatus` has the provider’s value.' },
  } as const,
});

export const CampaignRef = builder.interfaceRef<TonaiCampaignSummary>('Campaign').implement({
  description: 'A campaign of either provider. Provider-specific details are on AdstatCampaign and TonaiCampaign.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (c) => encodeGlobalID('TonaiCampaign', `${c.connectionId}:${c.id}`) }),
    provider: t.field({ type: ProviderEnum, description: 'The provider.', resolve: (c) => c.provider }),
    providerId: t.exposeString('id', { description: 'The provider’s own campaign id.' }),
    connectionId: t.exposeString('connectionId', { description: 'The configured login or key it was read through.' }),
    name: t.exposeString('name', { description: 'Campaign name.' }),
    status: t.field({ type: CampaignStatusEnum, description: 'Normalized status.', resolve: (c) => c.status }),
    rawStatus: t.exposeString('rawStatus', { description: 'The provider’s own status value.' }),
    statistics: t.field({ type: StatisticsRef, description: 'Delivery statistics (money in the provider’s currency).', resolve: (c) => c.statistics }),
  }),
});

export const TonaiCampaignRef = builder.objectRef<TonaiCampaignSummary>('TonaiCampaign').implement({
  description: 'A TON.ai campaign: image ads in Telegram mini-apps, budgets in USDT.',
  interfaces: [CampaignRef],
  isTypeOf: (value) => (value as { provider?: string }).provider === 'TONAI',
  fields: (t) => ({
    userId: t.exposeString('userId', { description: 'TON.ai id of the user who created the campaign.' }),
    billingType: t.exposeString('billingType', { description: 'Billing type: CPM or CPC.' }),
  }),
});

builder.queryField('campaigns', (t) =>
  t.connection({
    type: CampaignRef,
    description: 'Campaigns of every configured TON.ai key, newest first. A key that fails is reported in `errors` and skipped.',
    resolve: (_root, args, ctx, info) =>
      mergedConnection(
        args,
        [...ctx.providers.tonai.values()].map((client) => ({ fetch: (offset, count) => client.campaigns(offset, count) })),
        ctx,
        info,
      ),
  }),
);
