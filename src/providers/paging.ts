/**
 * Windows over a provider's paged list, read as whole pages at fixed boundaries (page k holds rows
 * k·size … k·size+size−1). Any offset and count maps onto the same upstream pages, so the shared
 * cache serves a dashboard's "first 20", "next 20" and "first 500" from one upstream call, and a
 * page of 1,000 costs exactly two calls at AdStat's cap of 500.
 */
import type { Page } from '../domain/model.js';

export interface UpstreamPage<T> {
  rows: T[];
  /** Total rows in the list, when the provider reports it. */
  total: number | null;
}

export async function windowOverPages<T>(
  offset: number,
  count: number,
  pageSize: number,
  fetchPage: (index: number) => Promise<UpstreamPage<T>>,
): Promise<Page<T>> {
  const items: T[] = [];
  let index = Math.floor(offset / pageSize);
  let skip = offset - index * pageSize;
  let total: number | null = null;
  let hasMore = false;
  while (items.length < count) {
    if (total !== null && index * pageSize >= total) break;
    const page = await fetchPage(index);
    total = page.total ?? total;
    const take = page.rows.slice(skip, skip + (count - items.length));
    items.push(...take);
    const restOfPage = skip + take.length < page.rows.length;
    if (page.rows.length < pageSize) {
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

/** Every row of a list: pages until a short one (or the reported total). */
export async function allPages<T>(pageSize: number, fetchPage: (index: number) => Promise<UpstreamPage<T>>): Promise<T[]> {
  return (await windowOverPages(0, Number.POSITIVE_INFINITY, pageSize, fetchPage)).items;
}
