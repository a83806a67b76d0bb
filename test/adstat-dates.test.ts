/**
 * AdStat's list dates (`created_dt`, "dd.mm.yyyy hh:mm:ss", UTC; `status_updated_dt`, ISO 8601 as
 * "2026-12-02T06:30:37.030146+00:00") are read by position, not with regular expressions (they are
 * read for every row of a page). These cases hold the scans to the readings they replaced,
 * character by character: the same instant for every text those read, null for every text they refuse.
 */
import { describe, expect, it } from 'vitest';
import { adstatDate } from '../src/providers/adstat/map.js';
import { parseIsoDateTime, utcDate } from '../src/domain/values.js';

/** The reading before the scanners: the documented pattern, then ISO 8601 by parseIsoDateTime. */
const PATTERN = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;
function byPattern(text: string): Date | null {
  if (!text) return null;
  const m = PATTERN.exec(text.trim());
  if (m) {
    const [, dd, mm, yyyy, hh, mi, ss] = m;
    return utcDate(Number(yyyy), Number(mm), Number(dd), Number(hh), Number(mi), Number(ss));
  }
  return parseIsoDateTime(text);
}

const time = (d: Date | null) => (d === null ? null : d.getTime());

describe('AdStat list dates', () => {
  it('read as the pattern and parseIsoDateTime read them: whole texts, calendar edges, and every one-character change', () => {
    const texts = [
      '09.01.1998 09:04:26',
      '02.12.2026 01:04:15',
      ' 02.12.2026 01:04:15 ',
      '\t31.12.2026 23:59:59\n',
      '29.02.2024 12:00:00',
      '29.02.2026 12:00:00',
      '31.04.2026 00:00:00',
      '00.01.2026 00:00:00',
      '01.00.2026 00:00:00',
      '01.13.2026 00:00:00',
      '01.01.2026 24:00:00',
      '01.01.2026 23:60:00',
      '01.01.2026 23:59:60',
      '01.01.0000 00:00:00',
      '01.01.2026 00:00',
      '01.01.2026 00:00:000',
      '1.01.2026 00:00:00',
      '01.01.2026T00:00:00',
      '01.01.2026  00:00:0',
      '０1.01.2026 00:00:00',
      '01.01.2026 00:00:00Z',
      '2026-12-02T06:30:37.030146+00:00',
      'yesterday-ish',
      '',
    ];
    // Every position of a valid text replaced by a digit, each separator, a letter, a sign, a space and a non-ASCII digit.
    const base = '28.02.2025 17:45:09';
    for (let i = 0; i < base.length; i++) {
      for (const c of ['0', '9', '.', ':', ' ', 'a', '-', '+', '٣', '']) texts.push(base.slice(0, i) + c + base.slice(i + 1));
    }
    texts.push(
      '2026-12-02T06:30:37.030146+00:00',
      '2026-12-02T06:30:37+00:00',
      '2026-12-02T06:30:37.5Z',
      '2026-12-02T06:30:37.12Z',
      '2026-12-02T06:30:37Z',
      ' 2026-12-02T06:30:37.030146-00:00\n',
      '2026-12-02T06:30:37.030146+05:30',
      '2026-12-02T06:30:37.030146-09:45',
      '2026-12-02T23:30:37.030146-01:00',
      '2026-12-02T06:30:37.030146+0530',
      '2026-12-02T06:30:37.030146',
      '2026-12-02 06:30:37.030146+00:00',
      '2026-12-02T06:30:37.+00:00',
      '2026-12-02T06:30:37.030146+00:00Z',
      '2026-12-02T06:30:37.030146+00:0',
      '2026-12-02T06:30',
      '2026-12-02',
      '2026-02-29T06:30:37.030146+00:00',
      '2024-02-29T23:59:59.999999+00:00',
      '2026-12-31T24:00:00.000000+00:00',
      '2026-13-01T00:00:00.000000+00:00',
      '2026-12-02T06:30:37.0301460000000000+99:99',
    );
    const iso = '2025-02-28T17:45:09.123456+03:15';
    for (let i = 0; i < iso.length; i++) {
      for (const c of ['0', '9', '-', '+', ':', '.', 'T', 'Z', ' ', 'a', '٣', '']) texts.push(iso.slice(0, i) + c + iso.slice(i + 1));
    }
    const differing = texts.filter((t) => time(adstatDate(t)) !== time(byPattern(t)));
    expect(differing).toEqual([]);
    // And the cases are not all null: the comparison covers real instants.
    expect(adstatDate('09.01.1998 09:04:26')).toEqual(new Date('1998-01-09T09:04:26.000Z'));
    expect(adstatDate('2026-12-02T06:30:37.030146+05:30')).toEqual(new Date('2026-12-02T01:00:37.030Z'));
    expect(texts.filter((t) => adstatDate(t) !== null).length).toBeGreaterThan(100);
  });
});
