/**
 * Who is calling. Callers are configured in ADGRAPH_CONFIG `callers` and present
 * `Authorization: Bearer <key>`; the key is hashed and compared with each caller's digest in
 * constant time. The outcome is a Caller (with its grant, see grants.ts) or a refusal — decided
 * once, before anything executes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { ConfigError, type CallerConfig, type Config } from '../config.js';
import { log } from '../log.js';

/** What a caller may reach, resolved against the configured logins and keys at start. */
export interface Grant {
  /** Every configured account (no `accounts` list, or an open server). */
  all: boolean;
  /** AdStat logins granted whole. */
  adstatLogins: ReadonlySet<string>;
  /** AdStat logins granted only some cabinets: login → cabinet ids. */
  adstatCabinets: ReadonlyMap<string, ReadonlySet<string>>;
  tonaiKeys: ReadonlySet<string>;
  write: boolean;
}

export interface Caller {
  /** The configured caller id; `anonymous` on an open server. */
  id: string;
  grant: Grant;
}

export const OPEN_GRANT: Grant = { all: true, adstatLogins: new Set(), adstatCabinets: new Map(), tonaiKeys: new Set(), write: true };

/** The caller every request is on a server without callers (sandbox, or ADGRAPH_AUTH=none). */
export const ANONYMOUS: Caller = { id: 'anonymous', grant: OPEN_GRANT };

/** For requests that execute nothing (preflights, the GraphiQL page): no account at all. */
export const NOBODY: Caller = { id: 'nobody', grant: { all: false, adstatLogins: new Set(), adstatCabinets: new Map(), tonaiKeys: new Set(), write: false } };

interface ResolvedCaller extends Caller {
  keySha256: Buffer;
}

export type Authentication = { ok: true; caller: Caller } | { ok: false; reason: string };

export interface Authenticator {
  /** False when every request is the anonymous caller. */
  readonly required: boolean;
  authenticate(authorization: string | undefined): Authentication;
}

/** Resolves one `accounts` entry: a login/key id, or an Account global id as `id` fields return it. */
function resolveEntry(entry: string, config: Config, into: { logins: Set<string>; cabinets: Map<string, Set<string>>; keys: Set<string> }): string | null {
  const logins = new Set(config.adstat.logins.map((l) => l.id));
  const keys = new Set(config.tonai.keys.map((k) => k.id));
  if (logins.has(entry) || keys.has(entry)) {
    if (logins.has(entry)) into.logins.add(entry);
    if (keys.has(entry)) into.keys.add(entry);
    return null;
  }
  let decoded: { typename: string; id: string } | null = null;
  try {
    decoded = decodeGlobalID(entry);
  } catch {
    decoded = null;
  }
  if (decoded?.typename === 'Account') {
    const [provider, connection = '', ...rest] = decoded.id.split(':');
    const providerId = rest.join(':');
    if (provider === 'ADSTAT' && logins.has(connection) && providerId) {
      const set = into.cabinets.get(connection) ?? new Set<string>();
      set.add(providerId);
      into.cabinets.set(connection, set);
      return null;
    }
    if (provider === 'TONAI' && keys.has(connection)) {
      into.keys.add(connection);
      return null;
    }
    return `the account ${entry} is not one of a configured login or key`;
  }
  return `"${entry}" is neither a configured login or key id nor an Account global id`;
}

function resolveGrant(caller: CallerConfig, config: Config, problems: string[]): Grant {
  if (caller.accounts === null) return { ...OPEN_GRANT, write: caller.write };
  const into = { logins: new Set<string>(), cabinets: new Map<string, Set<string>>(), keys: new Set<string>() };
  for (const entry of caller.accounts) {
    const problem = resolveEntry(entry, config, into);
    if (problem) problems.push(`ADGRAPH_CONFIG callers "${caller.id}" accounts: ${problem}`);
  }
  // A whole login already covers its cabinets.
  for (const login of into.logins) into.cabinets.delete(login);
  return { all: false, adstatLogins: into.logins, adstatCabinets: into.cabinets, tonaiKeys: into.keys, write: caller.write };
}

/**
 * Builds the authenticator for the effective configuration (after the sandbox has supplied its
 * logins). Throws ConfigError when production would be open without ADGRAPH_AUTH=none.
 */
export function createAuthenticator(config: Config): Authenticator {
  const { security } = config;
  if (security.callers.length === 0) {
    if (config.mode === 'production' && security.auth !== 'none') {
      throw new ConfigError([
        'callers: production mode needs API callers in ADGRAPH_CONFIG ("callers": [{ "id": …, "apiKeyEnv": … }]), or ADGRAPH_AUTH=none to serve without authentication behind a gateway on a private network',
      ]);
    }
    if (config.mode === 'production') log.warn('ADGRAPH_AUTH=none: every request may read and write every configured account; keep this port on a private network');
    return { required: false, authenticate: () => ({ ok: true, caller: ANONYMOUS }) };
  }
  const problems: string[] = [];
  const callers: ResolvedCaller[] = security.callers.map((c) => ({ id: c.id, keySha256: c.keySha256, grant: resolveGrant(c, config, problems) }));
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    required: true,
    authenticate(authorization) {
      const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
      if (!match) return { ok: false, reason: authorization ? 'the Authorization header is not "Bearer <key>"' : 'an API key is required (Authorization: Bearer <key>)' };
      const presented = createHash('sha256').update(match[1]!, 'utf8').digest();
      // Every caller is compared (no early exit), each comparison in constant time.
      let found: ResolvedCaller | undefined;
      for (const caller of callers) {
        if (timingSafeEqual(presented, caller.keySha256) && !found) found = caller;
      }
      return found ? { ok: true, caller: { id: found.id, grant: found.grant } } : { ok: false, reason: 'the API key is not valid' };
    },
  };
}
