/** The `period` filter of the lists: creation time in UTC calendar days. */
export const PERIODS = ['today', 'yesterday', 'starts_month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

const DAY = 86_400_000;

/** [from, to) in epoch ms. */
export function periodRange(period: Period, now: number): [number, number] {
  const today = Math.floor(now / DAY) * DAY;
  const d = new Date(now);
  switch (period) {
    case 'today':
      return [today, Infinity];
    case 'yesterday':
      return [today - DAY, today];
    case 'starts_month':
      return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), Infinity];
    case 'all':
      return [-Infinity, Infinity];
  }
}
