/**
 * The sandbox is the same at every instant: ids, names, relationships, statuses and figures are a
 * pure function of the seed, and only dates follow the clock. The GraphiQL example tabs, whose
 * variables name seeded ids, run with data and no errors at the instants where a clock-dependent
 * seed used to break (the first of a month just after midnight, the last second of a year, a leap
 * day, the middle of a month).
 */
import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exampleTabs } from '../src/graphiql.js';
import { AdstatSimulator } from '../src/sandbox/adstat/index.js';
import { TONAI_SANDBOX_KEYS } from '../src/sandbox/tonai/seed.js';
import { TonaiSimulator } from '../src/sandbox/tonai/index.js';
import { startHarness } from './helpers/harness.js';

const DAY = 86_400_000;

/** Fields that hold a date: they follow the clock; everything else must not. */
const DATE_FIELDS = new Set(['createdAt', 'statusUpdatedAt', 'startDate', 'endDate', 'uploadedAt', 'lastTriggeredAt', 'startTime', 'endTime']);

/** The seeded state with every date replaced by a marker (null stays null: whether there is a date is seed data). */
function identity(now: number): string {
  const adstat = new AdstatSimulator({ now: () => now });
  const tonai = new TonaiSimulator({ now: () => now });
  const s = adstat.state;
  const snapshot = {
    users: [...s.users.values()],
    cabinets: [...s.cabinets.values()],
    campaigns: [...s.campaigns.values()],
    ads: [...s.ads.values()],
    audiences: s.audiences,
    media: [...s.media.values()],
    pixelEvents: s.pixelEvents,
    bots: s.bots,
    tonai: TONAI_SANDBOX_KEYS.map((k) => tonai.state.campaigns(k.apiKey)),
  };
  return JSON.stringify(snapshot, (key, value: unknown) => (DATE_FIELDS.has(key) && value !== null ? typeof value : value));
}

/** Boundary instants, fixed (the seed alone is checked here, so past and future instants both work). */
const FIXED_INSTANTS = [
  '2027-01-01T00:00:30.000Z', // the first of a month (and year), 30 s after midnight
  '2026-12-31T23:59:59.000Z', // the last second of a year
  '2028-02-29T12:00:00.000Z', // a leap day
  '2027-03-02T00:00:00.000Z', // the second of a month: "earlier this month" is empty
  '2027-03-01T00:00:00.000Z', // exactly midnight on the first
  '2027-03-15T12:00:00.000Z', // the middle of a month
];

describe('sandbox seed at any instant', () => {
  const reference = identity(Date.parse('2026-06-15T09:41:07.000Z'));

  it.each(FIXED_INSTANTS)('has the same ids, names, relationships, statuses and figures at %s', (iso) => {
    const now = Date.parse(iso);
    expect(identity(now) === reference, `seed differs at ${iso}`).toBe(true);
  });

  it.each(FIXED_INSTANTS)('places every date at or before %s, ids in creation order, with ads today and yesterday', (iso) => {
    const now = Date.parse(iso);
    const ads = [...new AdstatSimulator({ now: () => now }).state.ads.values()].sort((a, b) => a.id - b.id);
    for (let i = 1; i < ads.length; i++) expect(ads[i]!.createdAt).toBeGreaterThanOrEqual(ads[i - 1]!.createdAt);
    expect(ads.every((a) => a.createdAt <= now && a.statusUpdatedAt <= now)).toBe(true);
    const today = Math.floor(now / DAY) * DAY;
    expect(ads.filter((a) => a.createdAt >= today).length).toBeGreaterThan(0);
    expect(ads.filter((a) => a.createdAt >= today - DAY && a.createdAt < today).length).toBeGreaterThan(0);
  });
});

/**
 * The instants for running the example tabs lie ahead of the real clock, because a TON.ai dry run
 * checks that its end is in the future against the real clock: the kind of each instant is fixed,
 * its year follows the date the suite runs.
 */
function upcomingInstants(real: number): Array<[label: string, at: number]> {
  const d = new Date(real);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const nextLeapYear = [0, 1, 2, 3, 4].map((k) => y + 1 + k).find((year) => new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1)!;
  return [
    ['the first of next month at 00:00:30', Date.UTC(y, m + 1, 1, 0, 0, 30)],
    ['23:59:59 on 31 December', Date.UTC(y, 11, 31, 23, 59, 59) > real ? Date.UTC(y, 11, 31, 23, 59, 59) : Date.UTC(y + 1, 11, 31, 23, 59, 59)],
    ['29 February', Date.UTC(nextLeapYear, 1, 29, 8, 30)],
    ['the middle of next month', Date.UTC(y, m + 1, 15, 12)],
  ];
}

function nameOf(query: string): string {
  const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return op?.name?.value ?? '?';
}

describe('GraphiQL example tabs at boundary instants', () => {
  it.each(upcomingInstants(Date.now()))('run with data and no errors at %s', async (_label, at) => {
    const started = Date.now();
    // The sandbox and adgraph's AdStat client share a clock that starts at the instant and runs.
    const clock = () => at + (Date.now() - started);
    const h = await startHarness({ sandbox: { adstat: { now: clock }, tonai: { now: clock } }, providers: { adstat: { now: clock } } });
    try {
      for (const tab of exampleTabs(new Date(at))) {
        const name = nameOf(tab.query);
        const res = await h.gql(tab.query, tab.variables === undefined ? undefined : (JSON.parse(tab.variables) as Record<string, unknown>));
        expect(res.errors, `${name} at ${new Date(at).toISOString()}: ${JSON.stringify(res.errors)}`).toBeUndefined();
        expect(res.data, name).toBeTruthy();
        if (name === 'Advertisement') {
          // The tab's comment promises an ACTIVE bot ad of "Demo EU Manual" (src/graphiql.ts).
          expect(res.data).toMatchObject({ node: { title: 'Launch offer #248', status: 'ACTIVE', adType: 'TARGET_BOTS', accountName: 'Demo EU Manual' } });
        }
        if (name === 'SetAdvertisementStatus') expect(res.data).toMatchObject({ setAdvertisementStatus: { succeeded: 1, failed: 0 } });
        if (name.endsWith('DryRun')) expect(JSON.stringify(res.data)).toContain('"validateOnly":true');
      }
    } finally {
      await h.close();
    }
  });
});
