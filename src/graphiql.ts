/**
 * GraphiQL at GET /graphql: one tab per common task, each a named operation with its variables, and
 * a renderer that inlines GraphiQL's scripts so the page works with no internet access (Yoga's own
 * page loads them from a CDN).
 *
 * The ids in the variables are those of the sandbox's seeded data, so every tab runs as it is in
 * sandbox mode; in production, paste ids from the Overview tab instead.
 */
import type { GraphiQLOptions } from 'graphql-yoga';

/** One GraphiQL tab: a document and its variables (JSON text). */
export interface ExampleTab {
  query: string;
  variables?: string;
}

/** Sandbox seed ids used in the examples (base64 global ids; see `node(id:)`). */
export const SANDBOX_EXAMPLE_IDS = {
  /** "Launch offer #248", an ACTIVE bot ad of the "Demo EU Manual" cabinet. */
  advertisement: 'QWR2ZXJ0aXNlbWVudDpkZW1vOjEzNzAxMjU=',
  /** "Trading academy", a campaign of the "Demo EU Manual" cabinet (manual labelling: no KKTU needed). */
  adstatCampaign: 'QWRzdGF0Q2FtcGFpZ246ZGVtbzo0NTY3MTg2',
  /** TON.ai account "Mini-app network A". */
  tonaiAccount: 'QWNjb3VudDpUT05BSTphbHBoYTphbHBoYQ==',
} as const;

const money = '{ amount currency }';
/** A selection of delivery statistics, laid out at `indent` spaces. */
const statistics = (indent: number) => {
  const pad = ' '.repeat(indent);
  return `statistics {\n${pad}  impressions\n${pad}  clicks\n${pad}  ctr\n${pad}  spent ${money}\n${pad}}`;
};

/** What GraphiQL opens with: a first look at the data. Also the document of a new tab. */
export const GRAPHIQL_DEFAULT_QUERY = `# adgraph: one GraphQL API over AdStat and TON.ai.
# Press the run button (or Ctrl+Enter): where the data
# comes from, and a first page of each list.
# The other tabs hold the common tasks; their variables
# are in the Variables pane below the editor.

query Overview {
  environment {
    mode
    simulated
    notice
  }
  accounts {
    id
    provider
    providerId
    name
    currency
    balance ${money}
  }
  advertisements(first: 5) {
    edges {
      node {
        id
        title
        status
        rawStatus
        createdAt
        cpm ${money}
        ${statistics(8)}
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  campaigns(first: 5) {
    edges {
      node {
        id
        provider
        name
        status
        ${statistics(8)}
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const ADVERTISEMENT = `# One AdStat advertisement, with all adgraph knows.
# Variables: the advertisement's global id; in the
# sandbox, "Launch offer #248", an active bot ad of the
# "Demo EU Manual" cabinet (take other ids from the
# Overview tab). Fields the docs mark "details
# call" cost one AdStat call per advertisement (cached
# for a short time).

query Advertisement($id: ID!) {
  node(id: $id) {
    ... on Advertisement {
      id
      providerId
      title
      text
      status
      rawStatus
      adType
      promotedObject
      accountName
      campaign { id name }
      createdAt
      cpm ${money}
      budget {
        cpm ${money}
        daily ${money}
        total ${money}
      }
      ${statistics(6)}
      creative {
        title
        text
        promotedUrl
        buttonType
        media { type url }
      }
      targeting {
        type
        languages
        countries
        topics
        channels
        bots { url title }
        searchQueries
        viewsPerUser
      }
      schedule {
        startDate
        endDate
        timezoneOffsetSeconds
        days { day hours }
      }
      moderation {
        status
        statusAfterModeration
        declineReasons { code message }
        nonEditableFields
      }
      labelling { erid kktuCodes kktuIds }
    }
  }
}
`;

const CAMPAIGNS = `# Campaigns of both providers in one request: AdStat
# campaigns (EUR) and TON.ai campaigns (USDT).
# Without \`provider\`, \`campaigns\` lists AdStat first,
# then TON.ai. Filters: active, name, status, period.

query Campaigns {
  adstat: campaigns(provider: ADSTAT, first: 10) {
    edges {
      node {
        id
        provider
        name
        status
        ${statistics(6)}
        ... on AdstatCampaign {
          accountName
          advertisementCount
          budget ${money}
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  tonai: campaigns(provider: TONAI, first: 10) {
    edges {
      node {
        id
        provider
        name
        status
        ${statistics(6)}
        ... on TonaiCampaign {
          billingType
          budget {
            daily ${money}
            total ${money}
            startTime
            endTime
          }
          account { name }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const KKTU = `# KKTU search: product codes for Russian ad-law
# labelling. Cabinets with automatic labelling need
# exactly one third-level code on every advertisement:
# pass its kktuId in \`kktuIds\`. Finds codes ("1.1")
# and names ("вино"), case-insensitive.

query KktuSearch($text: String!) {
  kktuSearch(query: $text, selectableOnly: true, first: 20) {
    kktuId
    code
    name
    level
    selectable
    path { code name }
  }
}
`;

const MUTATION_ERRORS = `    ... on ValidationError {
      message
      issues { field rule message }
    }
    ... on ProviderFailure {
      code
      message
      provider
      account
      retryAfterSeconds
    }
    ... on IdempotencyKeyReused { key message }`;

const CREATE_ADVERTISEMENT = `# Dry run of creating an AdStat advertisement: with
# validateOnly, every rule is checked (AdStat's too) and
# the request that would be sent comes back; nothing is
# created. With validateOnly false it is created and
# goes to moderation. Variables: campaignId is an
# AdstatCampaign id (from the Campaigns tab).

mutation CreateAdvertisementDryRun(
  $input: CreateAdvertisementInput!
) {
  createAdvertisement(input: $input) {
    __typename
    ... on AdvertisementWrite {
      validateOnly
      request { method path body }
      advertisement { id providerId title status }
    }
${MUTATION_ERRORS}
  }
}
`;

const SET_STATUS = `# Start (ACTIVE) or stop (STOPPED) AdStat
# advertisements, with a result per advertisement.
# This one is real (there is no dry run): in the
# sandbox the variables stop "Launch offer #248" (the
# Advertisement tab's ad); put your own ids there.

mutation SetAdvertisementStatus(
  $ids: [ID!]!
  $status: SettableAdvertisementStatus!
) {
  setAdvertisementStatus(ids: $ids, status: $status) {
    __typename
    ... on SetAdvertisementStatusPayload {
      succeeded
      failed
      results {
        id
        ok
        error { code message }
        advertisement { id title status }
      }
    }
${MUTATION_ERRORS}
  }
}
`;

const CREATE_TONAI_CAMPAIGN = `# Dry run of creating a TON.ai campaign (in USDT): with
# validateOnly, every rule is checked and the request
# that would be sent comes back; nothing is created.
# Variables: accountId is a TONAI account id (from the
# Overview tab); the start must be in the future.

mutation CreateTonaiCampaignDryRun(
  $input: CreateTonaiCampaignInput!
) {
  createTonaiCampaign(input: $input) {
    __typename
    ... on TonaiCampaignWrite {
      validateOnly
      request { method path body }
      campaign { id providerId name status }
    }
${MUTATION_ERRORS}
  }
}
`;

const DAY_MS = 86_400_000;

/** JSON as a person would write it: objects spread over lines unless short, lists of values on one. */
function json(value: unknown, indent = ''): string {
  const inline = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
    if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }`;
    return JSON.stringify(v);
  };
  if (value === null || typeof value !== 'object' || inline(value).length + indent.length <= 60) return inline(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + json(v, inner)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${json(v, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * The example tabs, in order. Dates in the variables are relative to `now` (rounded to whole UTC
 * days) so the dry runs stay valid.
 */
export function exampleTabs(now: Date = new Date()): ExampleTab[] {
  const midnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const start = new Date(midnight + 2 * DAY_MS).toISOString();
  const end = new Date(midnight + 32 * DAY_MS).toISOString();
  return [
    { query: GRAPHIQL_DEFAULT_QUERY },
    { query: ADVERTISEMENT, variables: json({ id: SANDBOX_EXAMPLE_IDS.advertisement }) },
    { query: CAMPAIGNS },
    { query: KKTU, variables: json({ text: 'вино' }) },
    {
      query: CREATE_ADVERTISEMENT,
      variables: json({
        input: {
          validateOnly: true,
          campaignId: SANDBOX_EXAMPLE_IDS.adstatCampaign,
          adType: 'TARGET_CHANNELS',
          title: 'Autumn launch',
          text: 'Our new channel about Telegram ads',
          promoteUrl: 't.me/adgraph_news',
          cpm: '2.50',
          budget: '20',
          dailyBudget: '5',
          targeting: { languages: ['en'], topics: [1, 2] },
          schedule: { days: [{ day: 'MONDAY', hours: [9, 10, 11] }], timezoneOffsetSeconds: 10800 },
          erid: 'erid: 2VtzqwXYZ',
        },
      }),
    },
    { query: SET_STATUS, variables: json({ ids: [SANDBOX_EXAMPLE_IDS.advertisement], status: 'STOPPED' }) },
    {
      query: CREATE_TONAI_CAMPAIGN,
      variables: json({
        input: {
          validateOnly: true,
          accountId: SANDBOX_EXAMPLE_IDS.tonaiAccount,
          name: 'adgraph launch',
          targeting: { includedRegions: ['CIS'], includedLanguages: ['ru'], platform: 'ANDROID' },
          budget: { daily: '10', total: '200', startTime: start, endTime: end },
          bidding: { billingType: 'CPC', costPer: '0.05' },
          creative: {
            actionType: 'VISIT_WEBSITE',
            destinationUrl: 'https://t.me/adgraph_bot/app',
            popupImage: 'https://file.ton.ai/abc.png',
            icon: 'https://file.ton.ai/icon.png',
            text: 'Try adgraph',
            brandName: 'adgraph',
            buttonText: 'Open',
          },
        },
      }),
    },
  ];
}

/** Yoga's `graphiql` option: called per page load, so the example dates move with the clock. */
export function graphiqlOptions(now: Date = new Date()): GraphiQLOptions {
  return {
    title: 'adgraph',
    defaultQuery: GRAPHIQL_DEFAULT_QUERY,
    defaultTabs: exampleTabs(now),
    defaultEditorToolsVisibility: 'variables',
  };
}

let rendered: { key: string; html: Promise<string> } | undefined;

/**
 * Yoga's `renderGraphiQL` option: the page with GraphiQL's scripts, styles and editor workers
 * inlined (about 9 MB), so it needs no CDN. The renderer is loaded on the first page request (not
 * at start) and the page rendered once per distinct options (once a day).
 */
export function renderAdgraphGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  if (rendered?.key !== key) {
    const html = import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options));
    rendered = { key, html };
    html.catch(() => {
      if (rendered?.html === html) rendered = undefined;
    });
  }
  return rendered.html;
}
