/**
 * Windows over a provider's paged list, read as whole pages at fixed boundaries (page k holds rows
 * k·size … k·size+size−1). Any offset and count maps onto the same upstream pages, so the shared
 * cache serves a dashboard's "first 20", "next 20" and "first 500" from one upstream call, and a
 * page of 1,000 costs exactly two calls at AdStat's cap of 500.
 *
 * Pages are read at once where that costs nothing extra: once a total is known, every page the
 * window needs below it; without a total, the pages after the first only as far as `speculate`
 * allows (the caller's budget decides: a list that turns out shorter leaves one empty page read).
 */
import type { Page } from '../domain/model.js';

export interface UpstreamPage<T> {
  rows: T[];
  /** Total rows in the list, when the provider reports it. */
  total: number | null;
}

export interface PagingOptions {
  /**
   * For a list that reports no total: how many of these pages (the window's pages after the first,
   * nearest first) may be read together with the first. Each may come back empty when the list is
   * shorter than the window. Absent or 0: one page after another.
   */
  speculate?: (indices: number[]) => Promise<number>;
  /**
   * For a read to the list's end (an unbounded count): the last page the list is expected to
   * reach (its length when last read), so `speculate` may read the pages up to it together with
   * the first. Absent: one page after another, as without a total nothing else names them.
   */
  lastLikely?: number;
}

export async function windowOverPages<T>(
  offset: number,
  count: number,
  pageSize: number,
  fetchPage: (index: number) => Promise<UpstreamPage<T>>,
  options: PagingOptions = {},
): Promise<Page<T>> {
  const items: T[] = [];
  let index = Math.floor(offset / pageSize);
  let skip = offset - index * pageSize;
  let total: number | null = null;
  let hasMore = false;
  const lastNeeded = Number.isFinite(count) ? Math.floor((offset + count - 1) / pageSize) : Number.POSITIVE_INFINITY;
  const started = new Map<number, Promise<UpstreamPage<T>>>();
  const page = (i: number): Promise<UpstreamPage<T>> => {
    let p = started.get(i);
    if (!p) {
      p = fetchPage(i);
      // Read ahead, it may never be awaited (the list ended first): its failure is nobody's error.
      p.catch(() => undefined);
      started.set(i, p);
    }
    return p;
  };
  const lastPlanned = Number.isFinite(lastNeeded) ? lastNeeded : (options.lastLikely ?? index);
  if (count > 0 && options.speculate && lastPlanned > index) {
    const ahead = Array.from({ length: lastPlanned - index }, (_, k) => index + 1 + k);
    const allowed = await options.speculate(ahead);
    page(index);
    for (const i of ahead.slice(0, allowed)) page(i);
  }
  while (items.length < count) {
    if (total !== null && index * pageSize >= total) break;
    const current = await page(index);
    if (total === null && current.total !== null && current.total > (index + 1) * pageSize) {
      // The total names every page the window still needs: read them all at once.
      const last = Math.min(lastNeeded, Math.ceil(current.total / pageSize) - 1);
      for (let i = index + 1; i <= last; i++) page(i);
    }
    total = current.total ?? total;
    const take = current.rows.slice(skip, skip + (count - items.length));
    items.push(...take);
    const restOfPage = skip + take.length < current.rows.length;
    if (current.rows.length < pageSize) {
      hasMore = restOfPage;
      break;
    }
    if (items.length >= count) {
      // Rows left on this page prove there is more; a page that ended exactly here proves nothing
      // without a total, so more is assumed (the next page may then come back empty).
      hasMore = restOfPage || (total === null ? true : (index + 1) * pageSize < total);
      break;
    }
    index += 1;
    skip = 0;
  }
  return { items, total, hasMore: total !== null ? offset + items.length < total : hasMore };
}

/**
 * Every row of a list: pages until a short one (or the reported total, then the rest at once; or,
 * with `options`, the pages its last known length names, at once as far as the caller allows).
 */
export async function allPages<T>(pageSize: number, fetchPage: (index: number) => Promise<UpstreamPage<T>>, options: PagingOptions = {}): Promise<T[]> {
  return (await windowOverPages(0, Number.POSITIVE_INFINITY, pageSize, fetchPage, options)).items;
}

/** How long a list was when last read: exactly (its end or total seen), or at least (full pages only). */
export interface SizeHint {
  rows: number;
  exact: boolean;
}

/**
 * Lengths of lists as their pages showed them, per list key: what lets a merged list start the
 * sources it will need together instead of one after another. A hint only plans reads; the answer
 * always comes from the pages themselves, so a stale hint costs at most one read too many or a
 * round trip too few. Not cleared with the cache: a length is the list's shape, not its data.
 */
export class SizeHints {
  private readonly hints = new Map<string, SizeHint>();

  constructor(private readonly max = 256) {}

  /** What page `index` (of `pageSize` rows) tells about the list's length. */
  note(key: string, index: number, page: UpstreamPage<unknown>, pageSize: number): void {
    const known = this.hints.get(key);
    let hint: SizeHint;
    if (page.total !== null) hint = { rows: page.total, exact: true };
    else if (page.rows.length < pageSize) hint = { rows: index * pageSize + page.rows.length, exact: true };
    else if (known && (known.exact ? known.rows >= (index + 1) * pageSize : known.rows > (index + 1) * pageSize)) return;
    else hint = { rows: (index + 1) * pageSize, exact: false };
    this.hints.delete(key);
    this.hints.set(key, hint);
    if (this.hints.size > this.max) this.hints.delete(this.hints.keys().next().value!);
  }

  get(key: string): SizeHint | undefined {
    return this.hints.get(key);
  }
}
