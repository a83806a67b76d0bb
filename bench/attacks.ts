/**
 * The hostile documents of issue 9, shared by the test that proves each is refused
 * (test/hostile-documents.test.ts) and the benchmark that times the refusals (bench/abuse.ts).
 */
export interface Attack {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The code the refusal carries. */
  code: 'QUERY_TOO_COMPLEX' | 'QUERY_TOO_EXPENSIVE';
}

function nest(depth: number, open: (i: number) => string, leaf: string): string {
  let body = leaf;
  for (let i = depth - 1; i >= 0; i--) body = `${open(i)} { ${body} }`;
  return body;
}

/** A global id as the API encodes them (base64 of `Type:local`). */
export const globalId = (type: string, local: string): string => Buffer.from(`${type}:${local}`).toString('base64');

export const ATTACKS: Attack[] = [
  {
    name: 'advertisements → campaign → advertisements nested ten deep',
    query: `{ ${nest(10, () => 'advertisements(first: 50) { nodes { campaign', 'id')}${' } }'.repeat(10)} }`,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'kktuTree { children { parent … } } twelve deep',
    query: `{ kktuTree { ${nest(12, (i) => (i % 2 === 0 ? 'children' : 'parent'), 'id')} } }`,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: '100,000 aliases',
    query: `{ ${Array.from({ length: 100_000 }, (_, i) => `a${i}: environment { mode }`).join(' ')} }`,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: '3,000 _entities representations',
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Advertisement { id title targeting { type } } } }',
    variables: { r: Array.from({ length: 3000 }, (_, i) => ({ __typename: 'Advertisement', id: globalId('Advertisement', `demo:${9_000_000 + i}`) })) },
    code: 'QUERY_TOO_EXPENSIVE',
  },
  {
    name: 'six aliased nodes of 500 ids',
    query: `query($ids: [ID!]!) { ${Array.from({ length: 6 }, (_, i) => `n${i}: nodes(ids: $ids) { id ... on Advertisement { title } }`).join(' ')} }`,
    variables: { ids: Array.from({ length: 500 }, (_, i) => globalId('Advertisement', `demo:${9_000_000 + i}`)) },
    code: 'QUERY_TOO_EXPENSIVE',
  },
  {
    name: 'advertisements(first: 5000) with a details field',
    query: '{ advertisements(first: 5000) { nodes { id targeting { type } } } }',
    code: 'QUERY_TOO_EXPENSIVE',
  },
];
