/** What GraphiQL opens with: a first look at the data. */
export const GRAPHIQL_DEFAULT_QUERY = `# adgraph: one GraphQL API over AdStat and TON.ai.
# Press the run button (or Ctrl+Enter) to see where the data comes from and a first page of each list.

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
    balance { amount currency }
  }
  advertisements(first: 5) {
    edges {
      node { id title status rawStatus createdAt cpm { amount currency } statistics { impressions clicks spent { amount currency } } }
    }
    pageInfo { hasNextPage endCursor }
  }
  campaigns(first: 5) {
    edges { node { id provider name status statistics { impressions clicks spent { amount currency } } } }
    pageInfo { hasNextPage endCursor }
  }
}
`;
