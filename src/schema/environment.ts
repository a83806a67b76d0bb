/** Where the data comes from: the real providers or the built-in simulators. */
import type { Provider } from '../domain/model.js';
import { builder } from './builder.js';
import { upstreamCost } from './costs.js';
import { MoneyRef, ProviderEnum } from './scalars.js';
import type { Money } from '../domain/model.js';

interface ConnectionInfo {
  provider: Provider;
  id: string;
  label: string;
}

const ModeEnum = builder.enumType('EnvironmentMode', {
  description: 'Whether adgraph talks to the real providers.',
  values: {
    SANDBOX: { value: 'sandbox', description: 'Built-in simulators on loopback with seeded data: nothing is real, nothing is spent.' },
    PRODUCTION: { value: 'production', description: 'The real provider APIs with the configured credentials.' },
  } as const,
});

const BalancesRef = builder.objectRef<{ active: Money; available: Money; total: Money }>('LoginBalances').implement({
  description: 'AdStat’s balance figures for a whole login (all its cabinets).',
  fields: (t) => ({
    active: t.field({ type: MoneyRef, description: 'Allocated to running advertisements.', resolve: (b) => b.active }),
    available: t.field({ type: MoneyRef, description: 'Free to allocate.', resolve: (b) => b.available }),
    total: t.field({ type: MoneyRef, description: 'Total.', resolve: (b) => b.total }),
  }),
});

const ProviderConnectionRef = builder.objectRef<ConnectionInfo>('ProviderConnection').implement({
  description: 'One configured set of provider credentials: an AdStat login or a TON.ai API key. The credentials themselves are never exposed.',
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, description: 'The provider.', resolve: (c) => c.provider }),
    id: t.exposeString('id', { description: 'The configured id of the login or key (from ADGRAPH_CONFIG, or "default").' }),
    label: t.exposeString('label', { description: 'Human-readable name of the login or key.' }),
    balances: t.field({
      type: BalancesRef,
      extensions: upstreamCost({ adstat: 1 }),
      nullable: true,
      description: 'AdStat: balances over all the login’s cabinets (AdStat’s dashboard figures). Null for TON.ai, which publishes none.',
      resolve: (c, _a, ctx) => (c.provider === 'ADSTAT' ? (ctx.providers.adstat.get(c.id)?.balances() ?? null) : null),
    }),
  }),
});

const EnvironmentRef = builder.objectRef<{ mode: 'sandbox' | 'production' }>('Environment').implement({
  description: 'Where the data comes from.',
  fields: (t) => ({
    mode: t.field({ type: ModeEnum, description: 'SANDBOX or PRODUCTION.', resolve: (e) => e.mode }),
    simulated: t.boolean({ description: 'True when every answer comes from the built-in simulators, not real providers.', resolve: (e) => e.mode === 'sandbox' }),
    notice: t.string({
      nullable: true,
      description: 'A plain-language warning when the data is simulated; null in production.',
      resolve: (e) =>
        e.mode === 'sandbox'
          ? 'SANDBOX: no provider credentials are configured, so adgraph answers from built-in simulators of AdStat and TON.ai. The data is simulated; nothing is real or spent.'
          : null,
    }),
    connections: t.field({
      type: [ProviderConnectionRef],
      extensions: upstreamCost((_args, scope) => ({ items: scope.adstatLogins.length + scope.tonaiKeys.length })),
      description: 'The configured AdStat logins and TON.ai keys.',
      resolve: (_e, _a, ctx) => [
        ...[...ctx.providers.adstat.values()].map((c) => ({ provider: 'ADSTAT' as const, id: c.id, label: c.label })),
        ...[...ctx.providers.tonai.values()].map((c) => ({ provider: 'TONAI' as const, id: c.id, label: c.label })),
      ],
    }),
  }),
});

builder.queryField('environment', (t) =>
  t.field({
    type: EnvironmentRef,
    description: 'Whether the data is real (PRODUCTION) or simulated (SANDBOX), and which credentials are configured.',
    resolve: (_root, _args, ctx) => ({ mode: ctx.environment.mode }),
  }),
);
