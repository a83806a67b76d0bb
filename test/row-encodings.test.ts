/**
 * What each row of a list page encodes, made cheaper by hand, must stay byte for byte what the
 * library calls gave: DateTime text as `toISOString`, global ids as the relay plugin's
 * `encodeGlobalID`, and edge cursors (now encoded only when read) at their own item's position.
 * The first two compare against the library functions over many values, edge cases included, since
 * the sandbox's dates and ids cover only a narrow band; the cursors are checked over HTTP.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLScalarType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { isoDateTime } from '../src/schema/scalars.js';
import { encodeGlobalIdText } from '../src/schema/sync-global-ids.js';
import { startHarness, type Harness } from './helpers/harness.js';

/** Deterministic spread of instants (a fixed linear congruential sequence: no clock, no randomness). */
function instants(count: number, from: number, to: number): Date[] {
  let state = 12345;
  const out: Date[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const hi = state / 2147483648;
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(new Date(Math.floor(from + (to - from) * hi) + (state % 1000)));
  }
  return out;
}

describe('DateTime text', () => {
  const edges = [
    0,
    1,
    9,
    10,
    99,
    100,
    999,
    Date.UTC(1000, 0, 1),
    Date.UTC(1000, 0, 1) - 1,
    Date.UTC(1999, 11, 31, 23, 59, 59, 999),
    Date.UTC(2026, 1, 28, 9, 4, 26, 5),
    Date.UTC(2028, 1, 29, 0, 0, 0, 50),
    Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 1,
    -1,
    -62198755200000, // year 0
    8.64e15,
    -8.64e15,
  ].map((t) => new Date(t));
  const spread = instants(20000, Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999));

  it('is toISOString’s text for every instant, inside and outside four-digit years', () => {
    for (const date of [...edges, ...spread]) expect(isoDateTime(date)).toBe(date.toISOString());
  });

  it('is what the schema’s DateTime scalar serializes', () => {
    const scalar = schema.getType('DateTime');
    expect(scalar).toBeInstanceOf(GraphQLScalarType);
    for (const date of edges) expect((scalar as GraphQLScalarType).serialize(date)).toBe(date.toISOString());
    expect(() => (scalar as GraphQLScalarType).serialize(new Date(Number.NaN))).toThrow(/not a valid date/);
  });

  it('throws as toISOString does for an invalid date', () => {
    expect(() => isoDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('global id text', () => {
  it('is the relay plugin’s encodeGlobalID, for ASCII and for any other text', () => {
    const cases: [string, string][] = [
      ['Advertisement', 'demo:1370134'],
      ['Account', 'ADSTAT:demo:ACC0000222'],
      ['AdstatCampaign', 'agency2:4567260'],
      ['TonaiCampaign', 'alpha:c-1'],
      ['Advertisement', ''],
      ['Advertisement', 'a'],
      ['Advertisement', 'ab'],
      ['X', '\x00\x7f'],
      ['X', '\x80'],
      ['X', 'é'],
      ['Advertisement', 'логин:1'],
      ['Advertisement', 'ログイン:2'],
      ['Advertisement', '😀:3'],
      ['Advertisement', 'lone \ud800 surrogate'],
    ];
    for (const [typename, id] of cases) expect(encodeGlobalIdText(typename, id), `${typename}:${id}`).toBe(encodeGlobalID(typename, id));
  });
});

describe('edge cursors, encoded when read', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  type Page = { advertisements: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { startCursor: string | null; endCursor: string | null } } };
  const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
    advertisements(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id } } pageInfo { startCursor endCursor } }
  }`;

  it('each edge’s cursor continues right after its own item, forwards and backwards', async () => {
    const page = await h.gql<Page>(PAGE, { first: 12 });
    expect(page.errors).toBeUndefined();
    const edges = page.data!.advertisements.edges;
    expect(edges).toHaveLength(12);
    expect(new Set(edges.map((e) => e.cursor)).size).toBe(12);
    expect(page.data!.advertisements.pageInfo).toEqual({ startCursor: edges[0]!.cursor, endCursor: edges[11]!.cursor });

    const after = await h.gql<Page>(PAGE, { first: 3, after: edges[4]!.cursor });
    expect(after.data!.advertisements.edges).toEqual(edges.slice(5, 8));

    const before = await h.gql<Page>(PAGE, { last: 3, before: edges[8]!.cursor });
    expect(before.data!.advertisements.edges).toEqual(edges.slice(5, 8));
    expect(before.data!.advertisements.pageInfo).toEqual({ startCursor: edges[5]!.cursor, endCursor: edges[7]!.cursor });
  });
});
