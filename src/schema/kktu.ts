/** The KKTU tree (Russian ad-law product categories) for labelling AdStat advertisements. */
import type { Context } from '../context.js';
import type { KktuNode } from '../domain/model.js';
import { ProviderError } from '../providers/errors.js';
import { builder } from './builder.js';
import { upstreamCost } from './costs.js';
import { InputError } from './errors.js';

/** The tree from the first configured login (it is the same for all), read once per request and cached for hours. */
export function kktuTree(ctx: Context): Promise<KktuNode[]> {
  return ctx.once('adstat:kktu', async () => {
    const client = ctx.providers.adstat.values().next().value;
    if (!client) throw new ProviderError('NOT_FOUND', 'the KKTU tree needs an AdStat login, and none is configured', { provider: 'AdStat', endpoint: 'GET /api/kktu/' });
    return client.kktuTree();
  });
}

export interface KktuIndex {
  byId: Map<string, KktuNode>;
  all: KktuNode[];
}

export function kktuIndex(ctx: Context): Promise<KktuIndex> {
  return ctx.once('adstat:kktu-index', async () => {
    const all: KktuNode[] = [];
    const walk = (nodes: KktuNode[]) => {
      for (const n of nodes) {
        all.push(n);
        walk(n.children);
      }
    };
    walk(await kktuTree(ctx));
    return { byId: new Map(all.map((n) => [n.id, n])), all };
  });
}

export const KktuNodeRef = builder.objectRef<KktuNode>('KktuNode');
builder.node(KktuNodeRef, {
  description: 'A node of the KKTU tree. Only third-level nodes can be chosen for an advertisement, and exactly one.',
  id: { resolve: (n) => n.id },
  loadOne: async (id, ctx) => (await kktuIndex(ctx)).byId.get(id) ?? null,
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'treeId' in value,
  fields: (t) => ({
    kktuId: t.exposeString('id', { description: 'The KKTU id: the value an advertisement’s `kktuIds` takes (third level only).' }),
    treeId: t.exposeInt('treeId', { description: 'Numeric position in the tree, as AdStat gives it.' }),
    code: t.exposeString('code', { description: 'Code, e.g. "1.1.1".' }),
    name: t.exposeString('name', { description: 'Name (in Russian, as published).' }),
    level: t.exposeInt('level', { description: '1, 2 or 3.' }),
    selectable: t.boolean({ description: 'True for third-level nodes: the only ones an advertisement may use.', resolve: (n) => n.level === 3 }),
    children: t.field({ type: [KktuNodeRef], description: 'Nodes one level down.', resolve: (n) => n.children }),
    parent: t.field({ type: KktuNodeRef, nullable: true, description: 'The node one level up; null at the top.', resolve: async (n, _a, ctx) => (n.parentId ? ((await kktuIndex(ctx)).byId.get(n.parentId) ?? null) : null) }),
    path: t.field({
      type: [KktuNodeRef],
      description: 'The nodes from the top level down to this one (inclusive).',
      resolve: async (n, _a, ctx) => {
        const { byId } = await kktuIndex(ctx);
        const path: KktuNode[] = [];
        for (let at: KktuNode | undefined = n; at; at = at.parentId ? byId.get(at.parentId) : undefined) path.unshift(at);
        return path;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  kktuTree: t.field({
    extensions: upstreamCost({ shared: { 'adstat:kktu': { adstat: 1 } } }),
    type: [KktuNodeRef],
    description: 'The top level of the KKTU tree; walk `children` down. Read from AdStat once and cached for hours.',
    resolve: (_r, _a, ctx) => kktuTree(ctx),
  }),
  kktuSearch: t.field({
    extensions: upstreamCost({ shared: { 'adstat:kktu': { adstat: 1 } } }),
    type: [KktuNodeRef],
    description: 'KKTU nodes whose code starts with, or whose name contains, the text (case-insensitive), in tree order.',
    args: {
      query: t.arg.string({ required: true, description: 'A code prefix ("1.1") or part of a name ("вино").' }),
      selectableOnly: t.arg.boolean({ required: false, defaultValue: false, description: 'Only third-level nodes (the ones an advertisement may use).' }),
      first: t.arg.int({ required: false, defaultValue: 50, description: 'At most this many (1–500).' }),
    },
    resolve: async (_r, args, ctx) => {
      const query = args.query.trim().toLowerCase();
      if (query === '') throw new InputError('query', 'must not be empty', 'EMPTY');
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > 500) throw new InputError('first', `must be a whole number from 1 to 500 (got ${first})`, 'RANGE');
      const { all } = await kktuIndex(ctx);
      return all
        .filter((n) => (!args.selectableOnly || n.level === 3) && (n.code.toLowerCase().startsWith(query) || n.name.toLowerCase().includes(query)))
        .slice(0, first);
    },
  }),
}));
