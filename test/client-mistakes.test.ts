/**
 * Client mistakes are typed. The cases are generated from schema.graphql itself: for every field
 * that takes arguments (root fields and fields reached from them), every argument and every field
 * of its input objects gets out-of-range numbers, wrong enums and scalars (sent as variables, so
 * coercion runs), empty and oversized lists, malformed ids and wrong date/decimal formats. None may
 * answer INTERNAL_SERVER_ERROR, and every error must carry a code.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  GraphQLList,
  GraphQLNonNull,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs, setLogLevel } from '../src/log.js';
import { startHarness, type GraphQLResponse, type Harness } from './helpers/harness.js';

/** The level of one captured log line (pino JSON). */
const levelOf = (line: string): unknown => (JSON.parse(line) as { level?: unknown }).level;

const schema: GraphQLSchema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let h: Harness;
/** Real ids from the sandbox, so the valid parts of a generated case really resolve. */
const real: Record<'account' | 'tonaiAccount' | 'advertisement' | 'adstatCampaign' | 'tonaiCampaign', string> = {
  account: '',
  tonaiAccount: '',
  advertisement: '',
  adstatCampaign: '',
  tonaiCampaign: '',
};

beforeAll(async () => {
  h = await startHarness({ sandbox: { adstat: { rateLimit: false } }, providers: { adstat: { rateLimit: { max: 1_000_000 } } } });
  const res = await h.gql<{
    accounts: { id: string; provider: string }[];
    advertisements: { nodes: { id: string }[] };
    campaigns: { nodes: { id: string; provider: string }[] };
  }>(`{ accounts { id provider } advertisements(first: 1) { nodes { id } } campaigns(first: 5000) { nodes { id provider } } }`);
  const data = res.data!;
  real.account = data.accounts.find((a) => a.provider === 'ADSTAT')!.id;
  real.tonaiAccount = data.accounts.find((a) => a.provider === 'TONAI')!.id;
  real.advertisement = data.advertisements.nodes[0]!.id;
  real.adstatCampaign = data.campaigns.nodes.find((c) => c.provider === 'ADSTAT')!.id;
  real.tonaiCampaign = data.campaigns.nodes.find((c) => c.provider === 'TONAI')!.id;
}, 60_000);
afterAll(async () => {
  await h?.close();
});

// ---------- values ----------

/** Stands for a file in a generated value; such cases go as a multipart upload. */
const FILE = Symbol('file');

/** A valid-looking id for an argument or input field, by its name. */
function idFor(name: string, parentName: string): string {
  const n = `${parentName}.${name}`.toLowerCase();
  if (/tonai/.test(n) && /account/.test(n)) return real.tonaiAccount;
  if (/account/.test(n)) return real.account;
  if (/tonai/.test(n) || /tonai/.test(parentName.toLowerCase())) return real.tonaiCampaign;
  if (/campaign/.test(n)) return real.adstatCampaign;
  return real.advertisement;
}

/** A plausible value of a type: required parts only. */
function base(type: GraphQLInputType, name: string, parentName: string): unknown {
  if (isNonNullType(type)) return base(type.ofType, name, parentName);
  if (isListType(type)) return [base(type.ofType, name, parentName)];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = base(field.type, field.name, type.name);
    }
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  switch (type.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return idFor(name, parentName);
    case 'DateTime':
      return new Date(Date.now() + 7 * 86_400_000).toISOString();
    case 'Decimal':
      return '10';
    case 'Upload':
      return FILE;
    case '_Any':
      return { __typename: 'Advertisement', id: real.advertisement };
    default:
      return 'x';
  }
}

const NODE_TYPES = ['Account', 'Advertisement', 'AdstatCampaign', 'TonaiCampaign', 'KktuNode'];
const BAD_IDS: unknown[] = [
  '',
  ' ',
  'not-an-id',
  '%%%',
  'x'.repeat(10_000),
  b64('Nope:1'),
  b64(':'),
  b64('Account'),
  ...NODE_TYPES.flatMap((t) => [b64(`${t}:`), b64(`${t}:0`), b64(`${t}:-1`), b64(`${t}:abc`), b64(`${t}:x:y:z`), b64(`${t}:ADSTAT:nope:1`), b64(`${t}:TONAI:`), b64(`${t}:sandbox:9007199254740993`), b64(`${t}:sandbox:1e3`)]),
  1.5,
  true,
  {},
];

/** Wrong values for one named type (a leaf, or an input object as a whole). */
function badLeaves(type: GraphQLNamedType): unknown[] {
  if (isEnumType(type)) return ['NOT_A_VALUE', type.getValues()[0]!.name.toLowerCase(), 1, ''];
  if (isInputObjectType(type)) return [{}, { notAField: 1 }, 'x', 1, []];
  if (!isScalarType(type)) return [];
  switch (type.name) {
    case 'Int':
      return [-1, 0, 2_147_483_647, -2_147_483_648, 5001, 501, 51, 1.5, 1e10, '1', true];
    case 'Float':
      return [-1, 0, -1e308, 1e308, 1e-300, '1', false];
    case 'Boolean':
      return ['true', 1];
    case 'String':
      return ['', '   ', 'x'.repeat(5000), '\u0000\uffff', '🙂'.repeat(300), '../../etc', 't.me/', '@', 'https://', 'a,b', 1];
    case 'ID':
      return BAD_IDS;
    case 'DateTime':
      return ['yesterday', '2026-13-45T00:00:00Z', '2026-02-30T00:00:00Z', '2026-01-01', '1970-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '2026-01-01T00:00:00', '', 0];
    case 'Decimal':
      return ['-1', '0', '-0', 'abc', '1e5', '', '99999999999999999999999999.99', '0.0000000001', 1e300, -5, 'NaN', 'Infinity'];
    case 'Upload':
      return ['x', 1, {}];
    case 'JSON':
      return [null, 'x', [], {}];
    case '_Any':
      return [{}, 'x', { __typename: 'Nope', id: 'x' }, { __typename: 'Advertisement' }, { __typename: 'Advertisement', id: 5 }, { __typename: 'Advertisement', id: 'x' }, { __typename: 'Query' }, { __typename: 'Money', id: 'x' }, { __typename: 'Account', id: b64('Advertisement:sandbox:1') }];
    default:
      return ['x', 1];
  }
}

interface Mutation {
  /** Where the wrong value sits, e.g. "input.targeting.bots[0]". */
  at: string;
  value: unknown;
}

/** Every wrong value of a type, and inside it, one at a time, with the rest kept plausible. */
function* mistakes(type: GraphQLInputType, name: string, parentName: string, at: string): Generator<Mutation & { whole: unknown }> {
  const named = getNamedType(type);
  yield { at, value: null, whole: null };
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = base(inner.ofType, name, parentName);
    // Limits sit at 50, 500 and 5000; the largest only for arguments themselves, to keep bodies small.
    for (const n of at.includes('.') ? [0, 2, 51, 501] : [0, 2, 51, 501, 5001]) {
      const list = Array.from({ length: n }, () => item);
      yield { at, value: `[${n} items]`, whole: list };
    }
    yield { at: `${at}[0]`, value: null, whole: [null] };
    for (const m of mistakes(inner.ofType, name, parentName, `${at}[0]`)) yield { ...m, whole: [m.whole] };
    return;
  }
  for (const value of badLeaves(named)) yield { at, value, whole: value };
  if (isInputObjectType(inner)) {
    const plain = base(inner, name, parentName) as Record<string, unknown>;
    for (const field of Object.values(inner.getFields())) {
      for (const m of mistakes(field.type, field.name, inner.name, `${at}.${field.name}`)) {
        const whole = { ...plain };
        if (m.whole === undefined) delete whole[field.name];
        else whole[field.name] = m.whole;
        yield { ...m, whole };
      }
    }
  }
}

// ---------- documents ----------

/** A route from Query (or Mutation) to a type: the fields to walk and inline fragments to take. */
function routeTo(target: GraphQLObjectType): string[] | null {
  const roots = [schema.getQueryType()!];
  const seen = new Set<string>(roots.map((r) => r.name));
  const queue: { type: GraphQLObjectType; path: string[] }[] = roots.map((type) => ({ type, path: [] }));
  while (queue.length > 0) {
    const { type, path } = queue.shift()!;
    if (type === target) return path;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_') || field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const named = getNamedType(field.type);
      const objects = isObjectType(named) ? [named] : isInterfaceType(named) ? schema.getImplementations(named).objects : isUnionType(named) ? named.getTypes() : [];
      for (const object of objects) {
        if (seen.has(object.name)) continue;
        seen.add(object.name);
        const step = object === named ? field.name : `${field.name} { ... on ${object.name}`;
        queue.push({ type: object, path: [...path, step] });
      }
    }
  }
  return null;
}

interface Case {
  field: string;
  at: string;
  value: unknown;
  query: string;
  variables: Record<string, unknown>;
}

function typeString(type: GraphQLInputType): string {
  return type.toString();
}

function casesFor(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, operation: 'query' | 'mutation', route: string[]): Case[] {
  const out: Case[] = [];
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const plain: Record<string, unknown> = Object.fromEntries(required.map((a) => [a.name, base(a.type, a.name, field.name)]));
  const declare = (args: readonly GraphQLArgument[]) => args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
  const selection = `${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')}) { __typename }`;
  // A route opens one brace per step (two for a fragment step); close them all.
  const opened = route.reduce((n, step) => n + (step.includes('{') ? 2 : 1), 0);
  const body = route.length === 0 ? selection : `${route.join(' { ')} { ${selection}${' }'.repeat(opened)}`;
  const query = `${operation} Generated(${declare(field.args)}) { ${body} }`;
  for (const arg of field.args) {
    for (const m of mistakes(arg.type, arg.name, field.name, arg.name)) {
      const variables = { ...plain };
      if (m.whole === undefined) delete variables[arg.name];
      else variables[arg.name] = m.whole;
      out.push({ field: `${parent.name}.${field.name}`, at: m.at, value: m.value, query, variables });
    }
  }
  return out;
}

function allCases(): Case[] {
  const cases: Case[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isMutation = type === schema.getMutationType();
    const route = isMutation ? [] : routeTo(type);
    if (route === null) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      cases.push(...casesFor(type, field, isMutation ? 'mutation' : 'query', route));
    }
  }
  return cases;
}

/** Puts every file placeholder on its own multipart part; the rest goes as JSON. */
function withFiles(value: unknown, path: string, files: Record<string, { name: string; type: string; content: string }>): unknown {
  if (value === FILE) {
    files[path] = { name: 'creative.png', type: 'image/png', content: 'not really a png' };
    return null;
  }
  if (Array.isArray(value)) return value.map((v, i) => withFiles(v, `${path}.${i}`, files));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFiles(v, `${path}.${k}`, files)]));
  return value;
}

async function send(c: Case): Promise<GraphQLResponse> {
  const files: Record<string, { name: string; type: string; content: string }> = {};
  const variables = Object.fromEntries(Object.entries(c.variables).map(([k, v]) => [k, withFiles(v, k, files)]));
  return Object.keys(files).length > 0 ? h.upload(c.query, variables, files) : h.gql(c.query, variables);
}

/** What is wrong with an answer to a client mistake, or null when it is typed and names the argument. */
function untyped(res: GraphQLResponse): string | null {
  if (res.status >= 500) return `HTTP ${res.status}`;
  for (const error of res.errors ?? []) {
    const code = error.extensions?.code;
    if (code === undefined) return `an error without a code: ${error.message}`;
    if (code === 'INTERNAL_SERVER_ERROR') return `INTERNAL_SERVER_ERROR: ${error.message}`;
    if (code === 'BAD_USER_INPUT' && typeof error.extensions?.argument !== 'string') return `BAD_USER_INPUT that names no argument: ${error.message}`;
    if (code === 'BAD_USER_INPUT' && typeof error.extensions?.rule !== 'string') return `BAD_USER_INPUT that names no rule: ${error.message}`;
  }
  return null;
}

const describeValue = (v: unknown) => {
  const text = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'undefined' : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

describe('client mistakes (generated from schema.graphql)', () => {
  it('covers every field that takes arguments', () => {
    const fields = new Set(allCases().map((c) => c.field));
    const expected: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) if (field.args.length > 0) expected.push(`${type.name}.${field.name}`);
    }
    expect([...fields].sort()).toEqual(expected.sort());
  });

  it('never answers INTERNAL_SERVER_ERROR, and every error has a code', async () => {
    const cases = allCases();
    const failures: string[] = [];
    const lines: string[] = [];
    const restore = captureLogs(lines);
    let next = 0;
    // A few at a time: the point is coverage, not load.
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < cases.length) {
          const c = cases[next++]!;
          const res = await send(c);
          const problem = untyped(res);
          if (problem) failures.push(`${c.field} ${c.at} = ${describeValue(c.value)}: ${problem}`);
        }
      }),
    ).finally(restore);
    expect(cases.length).toBeGreaterThan(500);
    expect(lines.filter((l) => levelOf(l) === 'error').slice(0, 20)).toEqual([]);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 600_000);
});

describe('client mistakes answer BAD_USER_INPUT naming the argument and the rule', () => {
  async function expectBadInput(query: string, variables: Record<string, unknown>, argument: string, rule: string, text: RegExp): Promise<void> {
    const res = await h.gql(query, variables);
    expect(res.errors, JSON.stringify(res)).toHaveLength(1);
    const error = res.errors![0]!;
    expect(error.extensions?.code, JSON.stringify(error)).toBe('BAD_USER_INPUT');
    expect(error.extensions?.argument).toBe(argument);
    expect(error.extensions?.rule).toBe(rule);
    expect(error.message).toMatch(text);
  }

  it('validateTargetBots takes 1 to 50 bots', async () => {
    const q = 'query ($id: ID!, $bots: [String!]!) { validateTargetBots(accountId: $id, bots: $bots) { ok } }';
    await expectBadInput(q, { id: real.account, bots: [] }, 'bots', 'BOTS_COUNT', /bots.*at least 1/i);
    await expectBadInput(q, { id: real.account, bots: Array.from({ length: 51 }, (_, i) => `t.me/bot_${i}`) }, 'bots', 'BOTS_COUNT', /bots.*at most 50/i);
    await expectBadInput(q, { id: real.account, bots: ['  '] }, 'bots[0]', 'BOT_EMPTY', /bots\[0\]/);
  });

  it('an id of the wrong type names its argument', async () => {
    const q = 'query ($id: ID!) { validateTargetBots(accountId: $id, bots: ["t.me/some_bot"]) { ok } }';
    await expectBadInput(q, { id: real.advertisement }, 'accountId', 'GLOBAL_ID', /accountId: must be the global id of an Account/);
    await expectBadInput(q, { id: 'not-an-id' }, 'accountId', 'GLOBAL_ID', /accountId: must be the global id of an Account/);
  });

  it('a variable of the wrong type names it', async () => {
    const q = 'query ($first: Int, $period: CreationPeriod) { advertisements(first: $first, period: $period) { nodes { id } } }';
    await expectBadInput(q, { period: 'LAST_YEAR' }, 'period', 'TYPE', /LAST_YEAR/);
    await expectBadInput(q, { first: 1e10 }, 'first', 'TYPE', /first/);
    await expectBadInput(q, { first: 5001 }, 'first', 'RANGE', /first: must be a whole number from 0 to 5000/);
  });

  it('nodes takes at most 500 ids', async () => {
    await expectBadInput('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 501 }, () => real.advertisement) }, 'ids', 'TOO_MANY', /ids.*at most 500/);
  });

  it('_entities refuses a __typename that is not an entity', async () => {
    const q = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    await expectBadInput(q, { r: [{ __typename: 'Nope', id: 'x' }] }, 'representations[0]', 'ENTITY_TYPENAME', /__typename.*Nope/);
    await expectBadInput(q, { r: [{ id: 'x' }] }, 'representations[0]', 'ENTITY_TYPENAME', /__typename/);
  });

  it('a document nested too deep to parse is refused, not a crash', async () => {
    const deep = `{ ${'node(id: "x") { ... on Account { '.repeat(5000)}id${' } }'.repeat(5000)} }`;
    // The token limit in front of the parser (graphql-armor) refuses it first, as QUERY_TOO_COMPLEX.
    const refused = ['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX'];
    const res = await h.gql(deep);
    expect(res.status).toBeLessThan(500);
    expect(refused, JSON.stringify(res.errors)).toContain(res.errors?.[0]?.extensions?.code);
    expect(res.errors?.[0]?.message).toMatch(/nested too deep|token/i);
    const list = await h.gql(`{ nodes(ids: ${'['.repeat(20_000)}"x"${']'.repeat(20_000)}) { id } }`);
    expect(list.status).toBeLessThan(500);
    expect(refused, JSON.stringify(list.errors)).toContain(list.errors?.[0]?.extensions?.code);
  });

  it('logs client mistakes below ERROR and without a stack trace', async () => {
    const lines: string[] = [];
    setLogLevel('debug');
    const restore = captureLogs(lines);
    try {
      await h.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 501 }, () => 'x') });
      await h.gql('query ($id: ID!) { validateTargetBots(accountId: $id, bots: []) { ok } }', { id: real.account });
      await h.gql('query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [{ __typename: 'Nope' }] });
      // Not the document of the test above: Yoga caches parse results, failures included.
      await h.gql(`{ ${'node(id: "y") { ... on Account { '.repeat(5001)}id${' } }'.repeat(5001)} }`);
    } finally {
      restore();
      setLogLevel('error');
    }
    expect(lines.filter((l) => levelOf(l) === 'error')).toEqual([]);
    expect(lines.filter((l) => /\n\s+at |\\n\s+at /.test(l))).toEqual([]);
    const mistakesLogged = lines.filter((l) => /client mistake/.test(l));
    // Three at least: the deep document may be refused by a token limit before anything logs it.
    expect(mistakesLogged.length, lines.join('\n')).toBeGreaterThanOrEqual(3);
    expect(mistakesLogged.every((l) => levelOf(l) === 'info')).toBe(true);
  });
});
