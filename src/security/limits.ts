/**
 * Hostile-document limits, applied while the document is parsed and validated, before anything
 * runs: depth, aliases, tokens and directives (graphql-armor), field suggestions off in
 * production, introspection only where enabled.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SecurityConfig } from '../config.js';

/** Gives armor's refusals a code a client can switch on (armor sets none). */
function coded(limit: string) {
  return [
    (_ctx: ValidationContext | null, error: GraphQLError) => {
      Object.assign(error.extensions as Record<string, unknown>, { code: 'QUERY_TOO_COMPLEX', limit });
    },
  ];
}

export function limitPlugins(security: SecurityConfig, mode: 'sandbox' | 'production'): Plugin[] {
  const { limits } = security;
  const armor = new EnvelopArmor({
    // Fragments do not add depth: a dashboard's fragments nest no deeper than its fields.
    maxDepth: { n: limits.maxDepth, flattenFragments: true, onReject: coded('maxDepth') },
    maxAliases: { n: limits.maxAliases, onReject: coded('maxAliases') },
    maxTokens: { n: limits.maxTokens, onReject: coded('maxTokens') },
    maxDirectives: { n: limits.maxDirectives, onReject: coded('maxDirectives') },
    // Upstream cost is estimated by our own rule (cost.ts), which knows what each field calls.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: mode === 'production' },
  });
  const plugins: Plugin[] = [...(armor.protect().plugins as Plugin[])];
  if (!security.introspection) {
    plugins.push({
      onValidate({ addValidationRule }) {
        addValidationRule(NoSchemaIntrospectionCustomRule);
      },
    });
  }
  return plugins;
}
