/**
 * Relay connections over the providers' offset lists (AdStat offset/limit, TON.ai page/pageSize),
 * merged across several sources (logins or keys). A cursor is the item's position: which source
 * and which offset in it. Providers' page caps are the clients' business: asking for 1,000 items
 * here makes the client walk as many upstream pages as that takes.
 */
import type { Page } from '../domain/model.js';
import { failedSlot, InputError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 5000;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

interface Position {
  source: number;
  offset: number;
}

const CURSOR_PREFIX = 'o1';

export function encodeCursor(position: Position): string {
  return Buffer.from(`${CURSOR_PREFIX}:${position.source}:${position.offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument: string): Position {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^o1:(\d{1,6}):(\d{1,9})$/.exec(text);
  if (!m) throw new InputError(argument, 'not a cursor of this list (use a cursor returned by it)', 'CURSOR');
  return { source: Number(m[1]), offset: Number(m[2]) };
}

function size(value: number | null | undefined, argument: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new InputError(argument, `must be a whole number from 0 to ${MAX_PAGE_SIZE} (got ${value})`, 'RANGE');
  }
  return value;
}

/** How long a source's list was when last read: exactly, or at least (see `SizeHints`). */
export interface SizeHint {
  rows: number;
  exact: boolean;
}

/** One source of a merged list: fetches `count` items from `offset`. */
export interface Source<T> {
  fetch(offset: number, count: number): Promise<Page<T>>;
  /**
   * The source's length as last read, if known: lets the merge start the sources a window will
   * need together. Without one, the next source starts only once this one has answered.
   */
  sizeHint?(): SizeHint | undefined;
}

/**
 * Which sources after the first the window is expected to reach, by their size hints, and how many
 * items each is expected to give: a source is started early only when every source before it is
 * known exactly to end short of the window (so an early start is a call the merge would make
 * anyway, unless a list changed since it was last read).
 */
function planAhead<T>(sources: Source<T>[], from: Position, count: number): Map<number, number> {
  const plan = new Map<number, number>();
  let remaining = count;
  for (let s = from.source; s < sources.length && remaining > 0; s++) {
    plan.set(s, remaining);
    const hint = sources[s]!.sizeHint?.();
    if (!hint?.exact) break;
    remaining -= Math.max(0, hint.rows - (s === from.source ? from.offset : 0));
  }
  return plan;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * An edge whose cursor is encoded when read: a list page's query often selects `nodes` (or edges
 * without cursors), and then only `pageInfo`'s two cursors are needed, not one per item.
 */
class PositionEdge<T> implements Edge<T> {
  #cursor: string | undefined;
  constructor(
    readonly node: T,
    private readonly position: Position,
  ) {}

  get cursor(): string {
    return (this.#cursor ??= encodeCursor(this.position));
  }
}

export interface Connection<T> {
  /** The page's edges; a source that failed is one null slot (see `failedSlot`) where its items would be. */
  edges: (Edge<T> | Promise<never>)[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Resolves a connection over sources in order. A failing source becomes one null slot in `edges`
 * (and `nodes`) where its items would have been, with its error (code, provider, account) at that
 * slot's path; the other sources still answer. The slot is not an item: `first` counts items only.
 */
export async function mergedConnection<T>(args: ConnectionArgs, sources: Source<T>[]): Promise<Connection<T>> {
  const first = size(args.first, 'first');
  const last = size(args.last, 'last');
  if (first !== undefined && last !== undefined) throw new InputError('last', 'give either first or last, not both', 'EXCLUSIVE');
  if (args.after && args.before) throw new InputError('before', 'give either after or before, not both', 'EXCLUSIVE');

  if (last !== undefined || args.before) {
    if (!args.before) throw new InputError('last', 'needs before: the providers do not report where their lists end, so page backwards from a cursor', 'LAST_NEEDS_BEFORE');
    const before = decodeCursor(args.before, 'before');
    const count = last ?? DEFAULT_PAGE_SIZE;
    const source = sources[before.source];
    if (!source) throw new InputError('before', 'not a cursor of this list', 'CURSOR');
    // Backwards stays within the cursor's source: the page may be shorter than `last`.
    const start = Math.max(0, before.offset - count);
    const page = await source.fetch(start, before.offset - start);
    const edges = page.items.map((node, i) => new PositionEdge(node, { source: before.source, offset: start + i }));
    return {
      edges,
      pageInfo: {
        hasNextPage: true,
        hasPreviousPage: start > 0 || before.source > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  const count = first ?? DEFAULT_PAGE_SIZE;
  const start = args.after ? decodeCursor(args.after, 'after') : { source: 0, offset: -1 };
  if (start.source >= sources.length && sources.length > 0) throw new InputError('after', 'not a cursor of this list', 'CURSOR');
  const edges: Edge<T>[] = [];
  const slots: (Edge<T> | Promise<never>)[] = [];
  let hasNextPage = false;
  let position: Position = { source: start.source, offset: start.offset + 1 };

  // Sources the hints say the window reaches start now, each for what it is expected to give; the
  // merge below still takes them in order and asks a source for more if it gave less than needed.
  const early = new Map<number, { count: number; page: Promise<Page<T>> }>();
  if (count > 0) {
    for (const [s, expected] of planAhead(sources, position, count)) {
      const page = sources[s]!.fetch(s === position.source ? position.offset : 0, expected);
      page.catch(() => undefined); // awaited below unless an earlier source filled the window
      early.set(s, { count: expected, page });
    }
  }

  for (let s = 0; s < sources.length; s++) {
    const source = sources[s]!;
    if (s < position.source) continue;
    const remaining = count - edges.length;
    if (remaining <= 0 && s > position.source) {
      // The page is full; whether anything follows would cost another call: assume it does.
      hasNextPage = true;
      break;
    }
    const offset = s === position.source ? position.offset : 0;
    let page: Page<T>;
    try {
      const started = early.get(s);
      page = started ? await started.page : await source.fetch(offset, remaining);
      if (started && page.items.length < remaining && page.items.length === started.count && page.hasMore) {
        // Asked for less than the window now needs (an earlier source came up short): the rest.
        const more = await source.fetch(offset + page.items.length, remaining - page.items.length);
        page = { ...more, items: [...page.items, ...more.items] };
      }
    } catch (error) {
      slots.push(failedSlot(error));
      continue;
    }
    const items = page.items.length > remaining ? page.items.slice(0, remaining) : page.items;
    for (const [i, node] of items.entries()) {
      const edge = new PositionEdge(node, { source: s, offset: offset + i });
      edges.push(edge);
      slots.push(edge);
    }
    if (page.hasMore || items.length < page.items.length) {
      hasNextPage = true;
      break;
    }
    position = { source: s + 1, offset: 0 };
  }

  return {
    edges: slots,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: start.offset >= 0 || start.source > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A source over items already in memory (a filtered full list): exact totals, no upstream calls. */
export function arraySource<T>(items: readonly T[]): Source<T> {
  return {
    fetch: (offset, count) =>
      Promise.resolve({ items: items.slice(offset, offset + count), total: items.length, hasMore: offset + count < items.length }),
  };
}

/** A source computed lazily once (e.g. a full list to filter), then sliced. */
export function lazyArraySource<T>(load: () => Promise<readonly T[]>): Source<T> {
  let loaded: Promise<readonly T[]> | undefined;
  return {
    fetch: async (offset, count) => {
      loaded ??= load();
      return arraySource(await loaded).fetch(offset, count);
    },
  };
}
