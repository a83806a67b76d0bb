/** Provider-neutral scalars and value types: DateTime, Decimal, Money, Provider, Statistics. */
import { GraphQLError, Kind } from 'graphql';
import type { Money, Provider, Statistics } from '../domain/model.js';
import { parseIsoDateTime } from '../domain/values.js';
import { builder } from './builder.js';

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `Date.prototype.toISOString`'s exact text, built from the date's UTC parts for years 1000–9999
 * (toISOString itself outside them: years below 1000 are zero-padded, years past 9999 get a sign).
 * Hand-written because toISOString, a C++ builtin, was the largest cost of our own in a list page's
 * execution: twice what this takes for the 500 `createdAt` values of a page.
 */
export function isoDateTime(value: Date): string {
  const year = value.getUTCFullYear();
  // Negated so that an invalid date (NaN) also goes to toISOString, which throws for it.
  if (!(year >= 1000 && year <= 9999)) return value.toISOString();
  const ms = value.getUTCMilliseconds();
  return `${year}-${twoDigits(value.getUTCMonth() + 1)}-${twoDigits(value.getUTCDate())}T${twoDigits(value.getUTCHours())}:${twoDigits(value.getUTCMinutes())}:${twoDigits(value.getUTCSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

builder.scalarType('DateTime', {
  description: 'A point in time as ISO 8601 in UTC with milliseconds, e.g. "2026-11-23T09:04:26.000Z". Input accepts any ISO 8601 date-time with an offset.',
  serialize: (value) => {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new GraphQLError('DateTime: not a valid date');
    return isoDateTime(value);
  },
  parseValue: (value) => {
    const date = typeof value === 'string' ? parseIsoDateTime(value) : null;
    if (!date) throw new GraphQLError('DateTime: expected an ISO 8601 date-time such as "2026-11-23T09:00:00Z"');
    return date;
  },
  parseLiteral: (ast) => {
    const date = ast.kind === Kind.STRING ? parseIsoDateTime(ast.value) : null;
    if (!date) throw new GraphQLError('DateTime: expected an ISO 8601 date-time such as "2026-11-23T09:00:00Z"');
    return date;
  },
});

const DECIMAL = /^-?\d+(\.\d+)?$/;
builder.scalarType('Decimal', {
  description: 'An exact decimal number as a string, e.g. "12.50" — never rounded through binary floating point.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof text !== 'string' || !DECIMAL.test(text.trim())) throw new GraphQLError('Decimal: expected a decimal number such as "12.50"');
    return text.trim();
  },
  parseLiteral: (ast) => {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT) && DECIMAL.test(ast.value.trim())) return ast.value.trim();
    throw new GraphQLError('Decimal: expected a decimal number such as "12.50"');
  },
});

export const ProviderEnum = builder.enumType('Provider', {
  description: 'An advertising platform behind adgraph.',
  values: {
    ADSTAT: { value: 'ADSTAT' as Provider, description: 'AdStat, a Telegram Ads agency platform (channels, users, bots, search).' },
    TONAI: { value: 'TONAI' as Provider, description: 'TON.ai, an ad network inside Telegram mini-apps.' },
  } as const,
});

export const MoneyRef = builder.objectRef<Money>('Money').implement({
  description: 'An exact amount with its currency.',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', description: 'The amount as an exact decimal string.', resolve: (m) => m.amount }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code or the token the provider uses (EUR, USD, RUB, USDT, TON, STAR).' }),
  }),
});

export const StatisticsRef = builder.objectRef<Statistics>('Statistics').implement({
  description: 'Delivery statistics. `ctr` and `cvr` are percentages (0–100) for every provider; the provider’s own figures are in `providerCtr` and `providerCvr`.',
  fields: (t) => ({
    impressions: t.exposeInt('impressions', { description: 'Times the ad was shown.' }),
    clicks: t.exposeInt('clicks', { description: 'Clicks on the ad.' }),
    goals: t.exposeInt('goals', { nullable: true, description: 'Goals reached (AdStat; null where the provider does not count goals).' }),
    conversions: t.exposeInt('conversions', { nullable: true, description: 'Conversions (TON.ai; null where the provider does not count them).' }),
    videoOpens: t.exposeInt('videoOpens', { nullable: true, description: 'Video opens (AdStat; null when the ad has no video or the provider gives none).' }),
    ctr: t.exposeFloat('ctr', {
      nullable: true,
      description:
        'Click-through rate in percent (0–100; 1.5 means 1.5 %). AdStat: its own figure (a percentage, rounded by AdStat). TON.ai: clicks ÷ impressions × 100, computed by adgraph because TON.ai does not document the unit of its `ctr`; null when there were no impressions.',
    }),
    cvr: t.exposeFloat('cvr', {
      nullable: true,
      description:
        'Conversion rate in percent (0–100). AdStat: its own figure (null for campaigns, whose list has none). TON.ai: conversions ÷ clicks × 100, computed by adgraph because TON.ai does not document the unit of its `cr`; null when there were no clicks.',
    }),
    providerCtr: t.exposeFloat('providerCtr', {
      nullable: true,
      description: 'The click-through figure exactly as the provider sent it (AdStat `ctr`: percent; TON.ai `ctr`: unit not documented). Prefer `ctr`, which has one unit across providers.',
    }),
    providerCvr: t.exposeFloat('providerCvr', {
      nullable: true,
      description: 'The conversion figure exactly as the provider sent it (AdStat `cvr`: percent; TON.ai `cr`: unit not documented); null where the provider sends none. Prefer `cvr`.',
    }),
    cpc: t.field({ type: MoneyRef, nullable: true, description: 'Cost per click.', resolve: (s) => s.cpc }),
    cpm: t.field({ type: MoneyRef, nullable: true, description: 'Cost per thousand impressions.', resolve: (s) => s.cpm }),
    cps: t.field({ type: MoneyRef, nullable: true, description: 'Cost per goal.', resolve: (s) => s.cps }),
    spent: t.field({ type: MoneyRef, description: 'Amount spent.', resolve: (s) => s.spent }),
  }),
});
