/**
 * `npm run example`: a small dashboard against a running adgraph, using the typed documents that
 * `npm run codegen` generates from `examples/operations/*.graphql` into `examples/gql/`.
 *
 *   ADGRAPH_URL=http://localhost:4000/graphql npm run example
 *
 * It prints the environment, the accounts, the first page of advertisements and of campaigns of
 * both providers, a page of advertisements with their moderation deferred (@defer: the rows print at
 * once, each moderation as it arrives, read from the multipart/mixed answer with meros), and previews an advertisement with `createAdvertisement(validateOnly: true)`
 * (nothing is created). Every result type comes from the generated code: a schema change that
 * breaks these documents or this program fails `npm test`.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print } from 'graphql';
import { meros } from 'meros/browser';
import { fetch, request } from 'undici';
import {
  AdvertisementsPageDocument,
  AdvertisementsWithDeferredModerationDocument,
  CampaignsPageDocument,
  DashboardOverviewDocument,
  KktuSearchDocument,
  PreviewAdvertisementDocument,
  type CampaignListItemFragment,
  type CreateAdvertisementInput,
  type MoneyFragment,
  type MutationErrorFieldsFragment,
  type PreviewAdvertisementMutation,
} from './gql/graphql.js';

const ADGRAPH_URL = process.env.ADGRAPH_URL ?? 'http://localhost:4000/graphql';

// ---------- a minimal typed GraphQL client ----------

interface GraphQLErrorShape {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** adgraph could not be reached, or what answered is not a GraphQL server. */
class Unreachable extends Error {}

/** The request reached adgraph but produced no data. */
class RequestFailed extends Error {}

/**
 * Runs one typed document. The result and variables types come from the document itself, so a
 * wrong variable or a field the document does not select is a compile error here.
 */
async function execute<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const operationName = getOperationAST(document)?.name?.value;
  let response;
  try {
    response = await request(ADGRAPH_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: print(document), variables, operationName }),
      headersTimeout: 60_000,
      bodyTimeout: 60_000,
    });
  } catch (error) {
    throw new Unreachable(describeNetworkError(error));
  }
  const text = await response.body.text();
  let payload: { data?: TData | null; errors?: GraphQLErrorShape[] };
  try {
    payload = JSON.parse(text) as typeof payload;
  } catch {
    throw new Unreachable(`HTTP ${response.statusCode} from ${ADGRAPH_URL} is not a GraphQL response: ${text.slice(0, 200)}`);
  }
  const { data, errors = [] } = payload;
  const problems = errors.map((e) => `  - ${e.message}${e.extensions?.code ? ` [${String(e.extensions.code)}]` : ''}${e.path ? ` at ${e.path.join('.')}` : ''}`);
  if (data == null) {
    if (problems.length) throw new RequestFailed(`${operationName ?? 'operation'} failed:\n${problems.join('\n')}`);
    throw new Unreachable(`${ADGRAPH_URL} answered HTTP ${response.statusCode} without GraphQL data or errors: is it adgraph's /graphql endpoint?`);
  }
  // Partial data: adgraph returns what the healthy providers gave and reports the rest as errors.
  if (problems.length) console.warn(`! ${operationName ?? 'operation'} returned partial data:\n${problems.join('\n')}`);
  return data;
}

/** One payload of an incremental (@defer/@stream) answer. */
interface IncrementalPayload<TData> {
  data?: TData | null;
  errors?: GraphQLErrorShape[];
  hasNext?: boolean;
  incremental?: { data?: Record<string, unknown>; items?: unknown[]; path: (string | number)[]; label?: string; errors?: GraphQLErrorShape[] }[];
}

/** Merges a deferred part's fields into the object at `path`, or appends streamed items to the list there. */
function mergeAt(root: unknown, part: NonNullable<IncrementalPayload<unknown>['incremental']>[number]): void {
  const at = (path: (string | number)[]) => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | null)?.[key], root);
  if (part.items) {
    // A streamed item's path ends with its index in the list.
    const list = at(part.path.slice(0, -1)) as unknown[] | null;
    list?.splice(Number(part.path[part.path.length - 1]), part.items.length, ...part.items);
  } else if (part.data) {
    const target = at(part.path) as Record<string, unknown> | null;
    if (target) Object.assign(target, part.data);
  }
}

/**
 * Runs a document with @defer or @stream. adgraph answers in parts (multipart/mixed): the first
 * with everything not deferred, then each deferred part as it resolves. `onPart` sees the result
 * so far after each part (labels of the parts merged in that step); the final result is returned.
 */
async function executeIncremental<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  onPart: (data: TData, labels: string[]) => void,
): Promise<TData> {
  const operationName = getOperationAST(document)?.name?.value;
  let response;
  try {
    response = await fetch(ADGRAPH_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed, application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: print(document), variables, operationName }),
    });
  } catch (error) {
    throw new Unreachable(describeNetworkError(error));
  }
  // undici's Response is the WHATWG one meros reads.
  const parts = await meros<IncrementalPayload<TData>>(response as unknown as Response);
  if (parts instanceof Response) {
    // One JSON answer: a refusal (limits, budget) or a server without incremental delivery.
    const payload = (await parts.json()) as IncrementalPayload<TData>;
    const problems = (payload.errors ?? []).map((e) => `  - ${e.message}${e.extensions?.code ? ` [${String(e.extensions.code)}]` : ''}`);
    if (payload.data == null) throw new RequestFailed(`${operationName ?? 'operation'} failed:\n${problems.join('\n')}`);
    onPart(payload.data, []);
    return payload.data;
  }
  let data: TData | undefined;
  for await (const part of parts) {
    if (!part.json) continue;
    const payload = part.body as IncrementalPayload<TData>;
    const errors = [...(payload.errors ?? []), ...(payload.incremental ?? []).flatMap((i) => i.errors ?? [])];
    if (errors.length) console.warn(`! ${operationName ?? 'operation'}: ${errors.map((e) => `${e.message}${e.path ? ` at ${e.path.join('.')}` : ''}`).join('; ')}`);
    if (data === undefined) {
      if (payload.data == null) throw new RequestFailed(`${operationName ?? 'operation'} failed: ${errors.map((e) => e.message).join('; ')}`);
      const first: TData = payload.data;
      data = first;
      onPart(first, []);
      continue;
    }
    for (const item of payload.incremental ?? []) mergeAt(data, item);
    onPart(data, (payload.incremental ?? []).map((i) => i.label ?? '(unlabelled)'));
  }
  if (data === undefined) throw new RequestFailed(`${operationName ?? 'operation'}: the answer had no parts`);
  return data;
}

function describeNetworkError(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] };
  const code = err.code ?? err.errors?.[0]?.code;
  const detail = [code, err.message].filter(Boolean).join(': ');
  return `adgraph is not reachable at ${ADGRAPH_URL} (${detail || String(error)}). Start it with \`npm start\` or set ADGRAPH_URL.`;
}

// ---------- formatting ----------

const money = (m: MoneyFragment | null | undefined): string => (m ? `${m.amount} ${m.currency}` : '—');
const pad = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

function unreachable(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

function describeCampaign(c: CampaignListItemFragment): string {
  switch (c.__typename) {
    case 'AdstatCampaign':
      return `${c.advertisementCount} ads, budget ${money(c.budget)}, cabinet ${c.accountProviderId}`;
    case 'TonaiCampaign':
      return `${c.billingType}, daily ${money(c.budget?.daily)} / total ${money(c.budget?.total)}`;
    default:
      return unreachable(c);
  }
}

function describeMutationError(e: MutationErrorFieldsFragment): string[] {
  switch (e.__typename) {
    case 'ValidationError':
      return [`validation failed: ${e.message}`, ...e.issues.map((i) => `  - ${i.field} [${i.rule}] ${i.message}`)];
    case 'ProviderFailure':
      return [`${e.provider} ${e.code}${e.account ? ` (${e.account})` : ''}: ${e.message}${e.retryAfterSeconds != null ? ` — retry in ${e.retryAfterSeconds}s` : ''}`];
    case 'IdempotencyKeyReused':
      return [`idempotency key "${e.key}" was used with other input: ${e.message}`];
    case 'IdempotencyKeyInProgress':
      return [`idempotency key "${e.key}" is still in progress${e.retryAfterSeconds != null ? ` — retry in ${e.retryAfterSeconds}s` : ''}`];
    case 'IdempotencyUnavailable':
      return [`${e.message}${e.sent ? '' : ' (nothing was sent)'}${e.retryAfterSeconds != null ? ` — retry with the same key in ${e.retryAfterSeconds}s` : ''}`];
    case 'OutcomeUnknown':
      // Not a failure: the change may have been applied. Say what to check; retrying is safe only with the key.
      return [
        `${e.provider} outcome unknown (${e.reason}): ${e.message}`,
        ...(e.check ? [`  check: ${e.check}`] : []),
        e.idempotencyKey ? `  retry with key "${e.idempotencyKey}" to reconcile` : '  created without a key: do not retry blindly',
      ];
    default:
      return unreachable(e);
  }
}

/** The request body is `JSON` (typed `unknown`): one line per field that carries a value. */
function printBody(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    console.log(`    ${JSON.stringify(body)}`);
    return;
  }
  for (const [key, value] of Object.entries(body)) {
    const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (!empty) console.log(`    ${key}: ${JSON.stringify(value)}`);
  }
}

function printPreviewResult(label: string, result: PreviewAdvertisementMutation['createAdvertisement']): void {
  console.log(`\n${label}`);
  switch (result.__typename) {
    case 'AdvertisementWrite':
      console.log(`  ${result.validateOnly ? 'nothing created; AdStat would get' : 'sent'}: ${result.request.method} ${result.request.path}`);
      printBody(result.request.body);
      break;
    case 'ValidationError':
    case 'ProviderFailure':
    case 'IdempotencyKeyReused':
    case 'IdempotencyKeyInProgress':
    case 'IdempotencyUnavailable':
    case 'OutcomeUnknown':
      for (const line of describeMutationError(result)) console.log(`  ${line}`);
      break;
    default:
      unreachable(result);
  }
}

/** The items of a list without its null items: a null is a login or key that failed (`execute` printed its error). */
function present<T>(items: readonly (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}

// ---------- the dashboard ----------

async function main(): Promise<void> {
  console.log(`adgraph at ${ADGRAPH_URL}\n`);

  const overview = await execute(DashboardOverviewDocument, {});
  const env = overview.environment;
  console.log(`Environment: ${env.mode}${env.simulated ? ' (simulated)' : ''}`);
  if (env.notice) console.log(`  ${env.notice}`);
  for (const c of env.connections) {
    const balances = c.balances ? `total ${money(c.balances.total)}, available ${money(c.balances.available)}, active ${money(c.balances.active)}` : 'no balances published';
    console.log(`  ${pad(c.provider, 7)} ${pad(c.id, 12)} ${pad(c.label, 24)} ${balances}`);
  }

  const accounts = present(overview.accounts);
  console.log(`\nAccounts (${accounts.length})`);
  for (const a of accounts) {
    console.log(`  ${pad(a.provider, 7)} ${pad(a.providerId, 14)} ${pad(a.name, 28)} ${pad(a.status, 8)} balance ${money(a.balance ?? a.balanceTotal)}`);
  }

  const [ads, adstatCampaigns, tonaiCampaigns] = await Promise.all([
    execute(AdvertisementsPageDocument, { first: 10 }),
    execute(CampaignsPageDocument, { first: 5, provider: 'ADSTAT' }),
    execute(CampaignsPageDocument, { first: 5, provider: 'TONAI' }),
  ]);

  const adPage = ads.advertisements;
  const adEdges = present(adPage.edges);
  console.log(`\nAdvertisements, first page (${adEdges.length}${adPage.pageInfo.hasNextPage ? `, more after cursor ${adPage.pageInfo.endCursor}` : ''})`);
  for (const { node: ad } of adEdges) {
    const stats = ad.statistics ? `${ad.statistics.impressions} impr, ${ad.statistics.clicks} clicks, spent ${money(ad.statistics.spent)}` : 'no statistics';
    console.log(`  ${pad(ad.providerId, 8)} ${pad(ad.title, 30)} ${pad(ad.status, 9)} ${pad(ad.adType, 15)} cpm ${pad(money(ad.cpm), 10)} ${stats}`);
  }

  const campaigns = present([...adstatCampaigns.campaigns.edges, ...tonaiCampaigns.campaigns.edges]).map((e) => e.node);
  console.log(`\nCampaigns (${campaigns.length}: first 5 of each provider)`);
  for (const c of campaigns) {
    console.log(`  ${pad(c.provider, 7)} ${pad(c.providerId, 10)} ${pad(c.name, 30)} ${pad(c.status, 10)} ${describeCampaign(c)}`);
  }

  // The same kind of page with each row's moderation deferred: the rows print from the first part;
  // each moderation follows as its details call answers (one per advertisement upstream).
  console.log('\nAdvertisements with deferred moderation (@defer)');
  let shown = 0;
  let parts = 0;
  const deferred = await executeIncremental(AdvertisementsWithDeferredModerationDocument, { first: 5 }, (data, labels) => {
    parts += 1;
    const rows = present(data.advertisements.nodes);
    if (labels.length === 0) {
      for (const ad of rows) console.log(`  ${pad(ad.providerId, 8)} ${pad(ad.title, 30)} ${pad(ad.status, 9)} (moderation on its way)`);
      return;
    }
    for (const ad of rows.slice(shown)) {
      // Until its part arrives, a row has no `moderation` key (the generated type says so).
      if (!('moderation' in ad)) break;
      const reasons = ad.moderation?.declineReasons.map((r) => r.message).join('; ');
      console.log(`  ${pad(ad.providerId, 8)} moderation ${ad.moderation?.status ?? '—'}${reasons ? `: ${reasons}` : ''}`);
      shown += 1;
    }
  });
  console.log(`  ${present(deferred.advertisements.nodes).length} rows in ${parts} parts`);

  // Preview an advertisement in a running AdStat campaign: every check runs, nothing is created.
  const adstat = campaigns.filter((c) => c.__typename === 'AdstatCampaign');
  const campaign = adstat.find((c) => c.status === 'ACTIVE') ?? adstat[0];
  if (!campaign) {
    console.log('\nNo AdStat campaign: skipping the advertisement preview.');
    return;
  }
  const kktu = await execute(KktuSearchDocument, { query: '1.1', first: 1, selectableOnly: true });
  const day = 86_400_000;
  const input: CreateAdvertisementInput = {
    validateOnly: true,
    campaignId: campaign.id,
    title: 'adgraph example',
    text: 'Typed documents from graphql-codegen',
    adType: 'TARGET_CHANNELS',
    promoteUrl: 't.me/adgraph_news',
    cpm: '2.50',
    budget: '20',
    dailyBudget: '5',
    startDate: new Date(Date.now() + day).toISOString(),
    endDate: new Date(Date.now() + 30 * day).toISOString(),
    targeting: { languages: ['en'], topics: [1, 2] },
    schedule: { days: [{ day: 'MONDAY', hours: [9, 10, 11] }], timezoneOffsetSeconds: 10800 },
    kktuIds: kktu.kktuSearch[0] ? [kktu.kktuSearch[0].kktuId] : null,
  };
  const preview = await execute(PreviewAdvertisementDocument, { input });
  printPreviewResult(`createAdvertisement(validateOnly) in "${campaign.name}" (KKTU ${kktu.kktuSearch[0]?.code ?? 'none'}):`, preview.createAdvertisement);

  // The same with broken input, to show the typed refusal.
  const broken = await execute(PreviewAdvertisementDocument, { input: { ...input, title: '', cpm: '0', kktuIds: ['no-such-kktu'] } });
  printPreviewResult('createAdvertisement(validateOnly) with broken input:', broken.createAdvertisement);
}

main().catch((error: unknown) => {
  if (error instanceof Unreachable || error instanceof RequestFailed) {
    console.error(`\nexample: ${error.message}`);
    process.exit(error instanceof Unreachable ? 2 : 1);
  }
  console.error(error);
  process.exit(1);
});
