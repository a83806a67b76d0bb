/**
 * Wire validation made cheaper by hand must accept, reject and report exactly as the zod rule it
 * stands for: a details answer's schedule (seven lists of hours) against the same object built from
 * the plain `hourList` rule. Compared value for value and issue for issue (path, message, count:
 * what a PROVIDER_CONTRACT error names), over valid schedules and malformed ones, since the
 * sandbox only ever sends valid hours.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hourList, schedule } from '../src/providers/adstat/wire.js';

const plainHours = hourList.optional().default([]);
const plainSchedule = z.object({ mon: plainHours, tue: plainHours, wed: plainHours, thu: plainHours, fri: plainHours, sat: plainHours, sun: plainHours });

const outcome = (result: { success: boolean; data?: unknown; error?: { issues: unknown[] } }) =>
  result.success ? { data: result.data } : { issues: result.error!.issues };

const allHours = Array.from({ length: 24 }, (_, i) => i);
const oddValues: unknown[] = [24, -1, 1.5, -1.5, 23.0000001, NaN, Infinity, -Infinity, '3', null, undefined, true, {}, [], -0, 2 ** 53];

describe('schedule hours', () => {
  const cases: unknown[] = [
    {},
    { mon: allHours, tue: allHours, wed: allHours, thu: allHours, fri: allHours, sat: allHours, sun: allHours },
    { mon: [], sun: [0, 23] },
    { mon: [5, 3, 5], extra: [99] },
    { mon: null },
    { mon: 'x', tue: 7, wed: { 0: 1 } },
    { mon: [30, '3'], tue: ['3', 30] },
    null,
    [],
    'schedule',
    ...oddValues.map((odd) => ({ mon: [1, odd, 2] })),
    ...oddValues.map((odd) => ({ mon: [odd], fri: [odd, odd] })),
  ];

  it.each(cases.map((c, i) => [i, c] as const))('case %i: same value or same issues as the plain rule', (_, value) => {
    expect(outcome(schedule.safeParse(value))).toEqual(outcome(plainSchedule.safeParse(value)));
  });

  it('answers a copy of the list, as zod does', () => {
    const mon = [1, 2, 3];
    const parsed = schedule.parse({ mon });
    expect(parsed.mon).toEqual(mon);
    expect(parsed.mon).not.toBe(mon);
  });
});
